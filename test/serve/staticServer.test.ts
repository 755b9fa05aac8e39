import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { FAKE_OFFICE_PATH, fileUnder, OFFICE_JS_URL, startServer } from "../../src/serve/staticServer";

function site() {
  const root = mkdtempSync(join(tmpdir(), "ub-serve-"));
  const dist = join(root, "dist");
  const tryDir = join(root, "dist-try");
  mkdirSync(dist);
  mkdirSync(tryDir);
  writeFileSync(join(dist, "taskpane.html"), `<script src="${OFFICE_JS_URL}"></script><script src="taskpane.js"></script>`);
  writeFileSync(join(dist, "taskpane.js"), "void 0;");
  writeFileSync(join(tryDir, "try.html"), "<p>try</p>");
  writeFileSync(join(tryDir, "fake-office.js"), "window.fake = 1;");
  writeFileSync(join(root, "secret.txt"), "not served");
  return { root, dist, tryDir };
}

describe("the loopback server for the browser tests and npm run try", () => {
  it("serves dist/ as built, or with office.js replaced by the fake for the try-it page", async () => {
    const { dist, tryDir } = site();
    const plain = await startServer({ dist });
    const tryIt = await startServer({ dist, tryDir, fakeOffice: true });
    try {
      expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await (await fetch(`${plain.url}taskpane.html`)).text()).toContain(OFFICE_JS_URL);
      const rewritten = await (await fetch(`${tryIt.url}taskpane.html`)).text();
      expect(rewritten).toContain(`src="${FAKE_OFFICE_PATH}"`);
      expect(rewritten).not.toContain(OFFICE_JS_URL);
      expect(await (await fetch(tryIt.url)).text()).toBe("<p>try</p>");
      const js = await fetch(`${tryIt.url}try/fake-office.js`);
      expect([js.status, js.headers.get("content-type"), js.headers.get("cache-control")]).toEqual([
        200,
        "text/javascript; charset=utf-8",
        "no-store",
      ]);
      expect((await fetch(`${plain.url}nothing.js`)).status).toBe(404);
      expect((await fetch(`${plain.url}taskpane.js`, { method: "POST" })).status).toBe(405);
      expect((await fetch(`${plain.url}..%2fsecret.txt`)).status).toBe(404);
    } finally {
      await plain.close();
      await tryIt.close();
    }
  });

  it("never resolves a path outside its folder", () => {
    const { dist } = site();
    expect(fileUnder(dist, "taskpane.html")).toBe(join(dist, "taskpane.html"));
    for (const path of ["../secret.txt", "/../secret.txt", "%2e%2e/secret.txt", "..%2Fsecret.txt", "%E0%A4%A", "", "/"]) {
      expect(fileUnder(dist, path)).toBeUndefined();
    }
  });
});
