import { existsSync, readFileSync, statSync } from "fs";
import { createServer, IncomingMessage, ServerResponse } from "http";
import type { AddressInfo } from "net";
import { extname, join, normalize, resolve, sep } from "path";

/** Where office.js comes from in taskpane.html (Microsoft's CDN, unreachable without the internet). */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const FAKE_OFFICE_PATH = "/try/fake-office.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface ServeOptions {
  /** The built add-in (dist/). */
  readonly dist: string;
  /** The built stand-ins (dist-try/), served under /try/; with it, / is the try-it page. */
  readonly tryDir?: string;
  /** Serve taskpane.html with office.js replaced by the fake (the try-it page); tests intercept it instead. */
  readonly fakeOffice?: boolean;
  readonly port?: number;
  readonly host?: string;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The file under root that a URL path names, or undefined when it would leave root or is missing. */
export function fileUnder(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const base = resolve(root);
  const file = resolve(join(base, normalize(decoded)));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  return file;
}

/**
 * A small static server on loopback for the built task pane: the browser tests and `npm run try`.
 * Nothing is cached, so a rebuild shows at the next reload.
 */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    res.end(body);
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, TYPES[".txt"], "Only GET and HEAD are served.");
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    let file: string | undefined;
    if (path === "/" && options.tryDir) file = fileUnder(options.tryDir, "try.html");
    else if (path === "/") file = fileUnder(options.dist, "taskpane.html");
    else if (path.startsWith("/try/") && options.tryDir) file = fileUnder(options.tryDir, path.slice("/try/".length));
    else file = fileUnder(options.dist, path);
    if (!file) return send(res, 404, TYPES[".txt"], `Not found: ${path}`);
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    if (options.fakeOffice && path === "/taskpane.html") {
      return send(res, 200, type, readFileSync(file, "utf8").split(OFFICE_JS_URL).join(FAKE_OFFICE_PATH));
    }
    send(res, 200, type, readFileSync(file));
  };
  return new Promise((resolvePromise, reject) => {
    const server = createServer(handle);
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const address = server.address() as AddressInfo;
      resolvePromise({
        url: `http://${address.address}:${address.port}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
