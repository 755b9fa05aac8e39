/**
 * The browser tests' harness: Debian's Chromium driven by playwright-core, the built dist/ served
 * on 127.0.0.1, and the office.js request answered with dist-try/fake-office.js (a fake Excel over
 * the same in-memory workbook the unit tests use). Every other request off loopback is refused.
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { Browser, BrowserContext, chromium, Frame, Page } from "playwright-core";
import type { SampleName } from "../../src/fakes/host";
import { restoreWorkbook, WorkbookSnapshot } from "../../src/fakes/snapshot";
import { OFFICE_JS_URL, RunningServer, startServer } from "../../src/serve/staticServer";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

export const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const DIST_TRY = join(ROOT, "dist-try");

/** Chromium from CHROMIUM_PATH or Debian's package; .ci/run installs the package when it is missing. */
export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
  if (!found) throw new Error("No Chromium: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH");
  return found;
}

export function checkBuilt(): void {
  for (const file of [join(DIST, "taskpane.html"), join(DIST_TRY, "fake-office.js"), join(DIST_TRY, "try.html")]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run the browser tests with \`npm run test:browser\`, which builds first`);
  }
}

export async function launch(): Promise<Browser> {
  checkBuilt();
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}

export function serve(options: { tryPage?: boolean } = {}): Promise<RunningServer> {
  return startServer({ dist: DIST, tryDir: DIST_TRY, fakeOffice: options.tryPage === true });
}

/** What the next load of office.js opens: a sample, or a workbook snapshot (as Excel keeps the document). */
export type OpenWith = { sample: SampleName } | { snapshot: WorkbookSnapshot } | { empty: true };

export interface Pane {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Errors the page threw or logged; a test ends by expecting none. */
  readonly errors: string[];
  /** The workbook the next (re)load opens. */
  next: OpenWith;
}

/** A fresh browser profile (its own IndexedDB) with office.js answered by the fake. */
export async function newPane(browser: Browser, server: RunningServer, open: OpenWith, width = 420): Promise<Pane> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const fakeOffice = readFileSync(join(DIST_TRY, "fake-office.js"), "utf8");
  const pane: Pane = { context, page: await context.newPage(), errors: [], next: open };
  await context.route(OFFICE_JS_URL, (route) => {
    const seed =
      "sample" in pane.next
        ? `window.ubFakeSample = ${JSON.stringify(pane.next.sample)};`
        : "snapshot" in pane.next
          ? `window.ubFakeWorkbook = ${JSON.stringify(pane.next.snapshot)};`
          : "";
    return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: `${seed}\n${fakeOffice}` });
  });
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) =>
    route.request().url() === OFFICE_JS_URL ? route.fallback() : route.abort("blockedbyclient"),
  );
  watchErrors(pane.page, pane.errors);
  await pane.page.goto(`${server.url}taskpane.html`);
  await pane.page.getByRole("tablist", { name: "UB Workbench views" }).waitFor();
  return pane;
}

export function watchErrors(page: Page, errors: string[]): void {
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
}

/** Reopens the task pane as Excel would: the same document, the same browser storage, a new page load. */
export async function reopen(pane: Pane): Promise<void> {
  pane.next = { snapshot: await snapshot(pane.page) };
  await pane.page.reload();
  await pane.page.getByRole("tablist", { name: "UB Workbench views" }).waitFor();
}

export async function snapshot(page: Page | Frame): Promise<WorkbookSnapshot> {
  return page.evaluate(() => window.ubFakeHost!.snapshot());
}

/** The workbook as it stands in the page, as an in-memory workbook the test can inspect. */
export async function workbookOf(page: Page | Frame): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  restoreWorkbook(workbook, await snapshot(page));
  return workbook;
}

export async function digest(page: Page | Frame, names?: string[]): Promise<Record<string, string>> {
  return page.evaluate((n) => window.ubFakeHost!.digest(n), names);
}

export async function openView(page: Page | Frame, view: "Review" | "Generate" | "Rates" | "Impact" | "Settings"): Promise<void> {
  await page.getByRole("tab", { name: view }).click();
  await page.locator(`[role=tabpanel][aria-labelledby="tab-${view.toLowerCase()}"]`).waitFor();
}

export const SCREENSHOTS = join(ROOT, "docs", "screenshots");

/** Where screenshots go: docs/screenshots when UB_UPDATE_SCREENSHOTS=1 (npm run screenshots), else a scratch folder. */
export function screenshotPath(name: string): string {
  const dir = process.env.UB_UPDATE_SCREENSHOTS === "1" ? SCREENSHOTS : join(ROOT, ".tmp", "screenshots");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/**
 * What every task-pane suite shares: one browser and one server for the file, and each test's
 * panes closed after it, failing the test on any error its page logged. Returns how to open a pane.
 */
export function paneSuite(): (open: OpenWith, width?: number) => Promise<Pane> {
  let browser: Browser;
  let server: RunningServer;
  const panes: Pane[] = [];
  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), serve()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const pane of panes.splice(0)) {
      await pane.context.close();
      expect(pane.errors).toEqual([]);
    }
  });
  return async (open, width) => {
    const pane = await newPane(browser, server, open, width);
    panes.push(pane);
    return pane;
  };
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string; failureSummary: string }[] }[];
}

/**
 * axe-core's scan of the page: the serious and critical violations, described for a failure
 * message. One known false positive is set aside: Fluent UI's focus manager (tabster) puts
 * focusable, aria-hidden "dummy" elements at the edges of arrow-key groups, which redirect focus
 * the moment they get it; Microsoft's Accessibility Insights suppresses aria-hidden-focus on them
 * too (docs/adr/0006-browser-tests.md).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Fluent's buttons fade between their enabled and disabled colours: judge contrast once they settle.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, { timeout: 5_000 });
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate(
    () =>
      (window as unknown as { axe: { run: (o: unknown) => Promise<AxeResult> } }).axe.run({
        resultTypes: ["violations"],
      }) as Promise<AxeResult>,
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) : v.nodes }))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(" ")} ${n.html} ${n.failureSummary}`).join(", ")}`,
    );
}
