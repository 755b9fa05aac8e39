import type { Browser, Frame, Page } from "playwright-core";
import type { RunningServer } from "../../src/serve/staticServer";
import { launch, screenshotPath, serve, watchErrors } from "./harness";

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), serve({ tryPage: true })]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the try-it page as `npm run try` serves it, and returns the page and the task pane's frame. */
async function openTry(query: string): Promise<{ page: Page; pane: Frame; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  // The page must work with no network at all: anything off loopback is refused.
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort("blockedbyclient"));
  const page = await context.newPage();
  const errors: string[] = [];
  watchErrors(page, errors);
  await page.goto(`${server.url}${query}`);
  await page.getByRole("status").filter({ hasText: "Workbook ready" }).waitFor({ timeout: 60_000 });
  const frame = page.frameLocator("iframe#pane");
  await frame.getByRole("tablist", { name: "UB Workbench views" }).waitFor();
  const pane = page.frames().find((f) => f.url().endsWith("/taskpane.html"))!;
  return { page, pane, errors, close: () => context.close() };
}

const cell = (page: Page, address: string) => page.locator(`#grid td[data-cell="${address}"]`);

describe("npm run try: the task pane beside a grid of the fake workbook", () => {
  it("reviews the sample reads: the grid shows the flag columns, the colours and the row the pane selects", async () => {
    const { page, pane, errors, close } = await openTry("?sample=reads");
    expect(await page.locator("#grid .tab.active").textContent()).toBe("Reads");
    await cell(page, "C3").filter({ hasText: "Account" }).waitFor();

    await pane.getByRole("tab", { name: "Review" }).click();
    await pane.getByRole("button", { name: "Validate" }).click();
    await pane.getByRole("table", { name: "Flagged reads" }).waitFor();
    await cell(page, "R3").filter({ hasText: "UB Edits" }).waitFor();

    // Account 100109's current read (column I) is an error: red, with a note; choosing the edit selects it in the grid.
    const row = (await page
      .locator("#grid td[data-cell^='C']")
      .filter({ hasText: /^100109$/ })
      .getAttribute("data-cell"))!.slice(1);
    await pane.getByRole("table", { name: "Flagged reads" }).getByRole("row").filter({ hasText: "100109" }).first().click();
    await page.locator(`#grid td.selection[data-cell$="${row}"]`).waitFor();
    expect(await cell(page, `I${row}`).evaluate((td) => getComputedStyle(td).backgroundColor)).toBe("rgb(255, 199, 206)");
    expect(await cell(page, `I${row}`).getAttribute("title")).toMatch(/NEGATIVE_USAGE/);
    await pane.getByRole("region", { name: "Decide on this edit" }).waitFor();

    await page.screenshot({ path: screenshotPath("review.png") });
    expect(errors).toEqual([]);
    await close();
  });

  it("bills the demo city: the workbook's own schedule, every output sheet, and the bills open in the grid", async () => {
    const { page, pane, errors, close } = await openTry("");
    await page.getByRole("status").filter({ hasText: "19,998 rows" }).waitFor();
    await pane.getByRole("tab", { name: "Generate" }).click();
    await pane.getByRole("combobox", { name: "Rate schedule" }).filter({ hasText: "demo-city" }).waitFor();
    await pane.getByRole("button", { name: "Generate", exact: true }).click();
    const generated = pane.getByRole("region", { name: "Generated sheets" });
    await generated.waitFor({ timeout: 150_000 });
    await generated.getByRole("button", { name: "Open Bill Register" }).click();
    await page.locator("#grid .tab.active").filter({ hasText: "Bill Register" }).waitFor();
    const tabs = await page.locator("#grid .tab").allTextContents();
    expect(tabs).toEqual(
      expect.arrayContaining([
        "Reads",
        "Bills",
        "Bill Register",
        "Reconciliation",
        "Delinquency List",
        "Door Hangers",
        "Shutoff List",
        "Collections List",
        "Work Orders",
        "Run Log",
      ]),
    );
    await pane.getByRole("table", { name: "Cycle preview" }).waitFor();
    await page.screenshot({ path: screenshotPath("generate.png") });
    expect(errors).toEqual([]);
    await close();
  });

  it("calculates a =UB. formula typed into a cell through the add-in's functions, and shows the docs' examples on a Functions sheet", async () => {
    const { page, errors, close } = await openTry("?sample=cycle");
    await page
      .locator("#grid .tab")
      .filter({ hasText: /^Functions$/ })
      .click();
    // The docs' examples, calculated when the pane's runtime associated the functions: UB.BILL("chubbuck", 8000, , 1) is 106.40.
    const example = page.locator("#grid td[data-cell^='A']").filter({ hasText: '=UB.BILL("chubbuck", 8000, , 1)' });
    const exampleRow = (await example.getAttribute("data-cell"))!.slice(1);
    await cell(page, `C${exampleRow}`)
      .filter({ hasText: /^106\.4$/ })
      .waitFor({ timeout: 60_000 });
    // UB.BILLLINES spilled its lines to the right and below.
    await page
      .locator("#grid td")
      .filter({ hasText: /^Water usage, 10-20 thousand gal$/ })
      .waitFor();

    // Type into an empty cell with the keyboard, as in Excel: select it, type, Enter.
    await cell(page, "D9").click();
    expect(await page.locator(".name-box").textContent()).toBe("D9");
    await page.keyboard.type('=UB.BILL("chubbuck", 8000)');
    expect(await page.getByRole("textbox", { name: "Formula bar" }).inputValue()).toBe('=UB.BILL("chubbuck", 8000)');
    await page.keyboard.press("Enter");
    // No garbage cart: 88.60 (docs/functions.md); the selection moves down, as Excel's does.
    await cell(page, "D9")
      .filter({ hasText: /^88\.6$/ })
      .waitFor();
    expect(await page.locator(".name-box").textContent()).toBe("D10");
    await page.keyboard.type('=UB.BILL("chubbuck", 8000, , 1)');
    await page.keyboard.press("Enter");
    await cell(page, "D10")
      .filter({ hasText: /^106\.4$/ })
      .waitFor();
    const stored = await page.evaluate(() => window.ubFakeHost!.workbook.sheet("Functions")!.values[9][3]);
    expect(typeof stored === "number" && stored.toFixed(2)).toBe("106.40");

    // The formula bar shows the formula of a formula cell and a number exactly as stored.
    await cell(page, "D10").click();
    expect(await page.getByRole("textbox", { name: "Formula bar" }).inputValue()).toBe('=UB.BILL("chubbuck", 8000, , 1)');
    await page.keyboard.type("9.5");
    await page.keyboard.press("Enter");
    await cell(page, "D10")
      .filter({ hasText: /^9\.5$/ })
      .waitFor();
    await page.keyboard.press("ArrowUp");
    expect(await page.getByRole("textbox", { name: "Formula bar" }).inputValue()).toBe("9.5");

    // A schedule no one loaded answers #N/A with its reason on the cell.
    await page.keyboard.type('=UB.BILL("nowhere", 1)');
    await page.keyboard.press("Enter");
    await cell(page, "D10").filter({ hasText: "#N/A" }).waitFor();
    expect(await cell(page, "D10").getAttribute("title")).toMatch(/nowhere/);
    // Delete clears the selected cell, as in Excel.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Delete");
    await cell(page, "D10").filter({ hasText: /^$/ }).waitFor();
    // The docs' example chosen: the formula bar shows its formula, the grid its value.
    await cell(page, `C${exampleRow}`).click();
    expect(await page.getByRole("textbox", { name: "Formula bar" }).inputValue()).toBe('=UB.BILL("chubbuck", 8000, , 1)');
    await page.screenshot({ path: screenshotPath("functions.png") });
    expect(errors).toEqual([]);
    await close();
  });
});
