/**
 * How long the pane's thread is ever busy while it validates and generates Demo City (20,000
 * accounts): a PerformanceObserver on long tasks (over 50 ms) records each. The measurement is
 * written to .tmp/long-tasks.json; `npm run bench` runs this test and judges the target (under
 * 200 ms) on a quiet machine, since speed is proven by the bench, never by a timed test. The test
 * itself fails only far from the target (a second), where the engine back on the pane's thread
 * would put it (2.5 s to validate, 12 s to generate before the worker). The fake Excel runs in
 * the page too, so its work counts against the pane here; in Excel it runs in Excel's process.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { openView, paneSuite, ROOT } from "./harness";

const open = paneSuite();

declare global {
  interface Window {
    ubLongTasks?: number[];
  }
}

async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.ubLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.ubLongTasks!.push(entry.duration);
    }).observe({ type: "longtask", buffered: false });
  });
}

async function takeLongTasks(page: Page): Promise<number[]> {
  // Let the observer deliver the last entries.
  await page.waitForTimeout(200);
  return page.evaluate(() => window.ubLongTasks!.splice(0));
}

describe("the pane's thread while Demo City is validated and generated", () => {
  it("is never busy for anything near a second, and records its longest task", async () => {
    const pane = await open({ sample: "demo" });
    const { page } = pane;
    await watchLongTasks(page);
    await takeLongTasks(page);

    await openView(page, "Review");
    const started = Date.now();
    await page.getByRole("button", { name: "Validate" }).click();
    await page.getByRole("table", { name: "Flagged reads" }).waitFor({ timeout: 120_000 });
    const validateMs = Date.now() - started;
    const validate = await takeLongTasks(page);

    await openView(page, "Generate");
    await page.getByRole("combobox", { name: "Rate schedule" }).filter({ hasText: "demo-city" }).waitFor();
    // Every value the run's progress bar shows, as it changes (issue 14: it only moves forward).
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { ubProgress: number[] }).ubProgress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"][aria-label="Progress of the run"]');
        const value = Number(bar?.getAttribute("aria-valuenow"));
        if (bar && Number.isFinite(value) && value !== seen[seen.length - 1]) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
    });
    const begun = Date.now();
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await page.getByRole("region", { name: "Generated sheets" }).waitFor({ timeout: 170_000 });
    const generateMs = Date.now() - begun;
    const generate = await takeLongTasks(page);
    const progress = await page.evaluate(() => (window as unknown as { ubProgress: number[] }).ubProgress);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.filter((v, i) => i > 0 && v < progress[i - 1])).toEqual([]);
    await page
      .getByRole("status")
      .filter({ hasText: /^Generated \d+ sheets in \d+ s: [\d,]+ bills, total due/ })
      .waitFor();

    const report = {
      measuredAt: new Date().toISOString(),
      validate: { ms: validateMs, longTasks: validate.length, longestMs: Math.round(Math.max(0, ...validate)) },
      generate: { ms: generateMs, longTasks: generate.length, longestMs: Math.round(Math.max(0, ...generate)) },
    };
    mkdirSync(join(ROOT, ".tmp"), { recursive: true });
    writeFileSync(join(ROOT, ".tmp", "long-tasks.json"), JSON.stringify(report, null, 2) + "\n");
    expect({ validate: report.validate.longestMs < 1000, generate: report.generate.longestMs < 1000, report }).toMatchObject({
      validate: true,
      generate: true,
    });
  });
});
