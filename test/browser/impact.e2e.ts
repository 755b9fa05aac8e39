/**
 * The Rate Impact view (issue 17) on Demo City in Chromium: the current schedule against the same
 * schedule raised 10%, over the Usage History's last 12 months (about 240,000 bills), priced in the
 * engine's worker; the view says what it wrote, and the Rate Impact sheet carries its two native
 * charts (revenue by month, accounts by change band), drawn through Office.js on the fake Excel.
 * At 320 and 450 px the view is axe clean and inside the pane.
 */
import { paneSuite, screenshotPath, seriousViolations } from "./harness";

const open = paneSuite();

describe("the Rate Impact view on Demo City", () => {
  it("prices the year under both schedules, writes the four sheets and finds the charts on Rate Impact", async () => {
    const { page, errors } = await open({ sample: "demo" }, 450);
    await page.getByRole("tab", { name: "Impact" }).click();
    await page.getByRole("heading", { name: "Rate impact" }).waitFor();
    // The schedule on Demo City's Rates sheet is the current one.
    await page.getByRole("combobox", { name: "Current schedule" }).filter({ hasText: "demo-city" }).waitFor();
    await page.getByRole("button", { name: "Run rate impact" }).click();
    const done = page.getByRole("status").filter({ hasText: /^Wrote / });
    await done.waitFor({ timeout: 180_000 });
    expect(await done.innerText()).toBe("Wrote Rate Impact, Impact Revenue, Bill Frequency, Impact by Account.");
    const summary = await page.getByRole("table", { name: "Rate impact summary" }).innerText();
    expect(summary).toMatch(/Bills priced\s+2\d\d,\d{3} of 2025-10 to 2026-09/);
    expect(summary).toMatch(/Difference\s+\+\$[\d,]+\.\d\d \(\d+\.\d\d%\)/);
    const charts = await page.evaluate(() =>
      (window.ubFakeHost!.workbook.sheet("Rate Impact")?.charts ?? []).map((c) => ({
        type: c.type,
        title: c.title,
        series: c.series.map((s) => s.name),
      })),
    );
    expect(charts).toEqual([
      { type: "Line", title: "Revenue by month", series: ["Current", "Proposed"] },
      { type: "ColumnClustered", title: "Accounts by change in the average monthly bill", series: ["Accounts"] },
    ]);
    await page.getByRole("table", { name: "Rate impact summary" }).scrollIntoViewIfNeeded();
    await page.locator('[role=tabpanel][aria-labelledby="tab-impact"]').screenshot({ path: screenshotPath("impact.png") });
    const accounts = await page.evaluate(() => window.ubFakeHost!.workbook.sheet("Impact by Account")?.values.length ?? 0);
    expect(accounts).toBeGreaterThan(19_000);
    expect(errors).toEqual([]);
  });

  for (const width of [320, 450])
    it(`is axe clean and inside the pane at ${width} px`, async () => {
      const { page, errors } = await open({ sample: "demo" }, width);
      await page.getByRole("tab", { name: "Impact" }).click();
      await page.getByRole("button", { name: "Run rate impact" }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    });
});
