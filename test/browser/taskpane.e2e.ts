import { readFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { highlightFill } from "../../src/fakes/conditionalFormats";
import { EDITS } from "../../src/engine";
import type { EditCode } from "../../src/engine";
import { demoCityWorkbook } from "../../src/fakes/host";
import { digest, openView, Pane, paneSuite, reopen, ROOT, workbookOf } from "./harness";
import { valuesSnapshot } from "../../src/fakes/snapshot";

const open = paneSuite();

const READS = "Reads";
const CODES = 17;
const MESSAGES = 18;
const CURRENT_READ = 8;
// The sample cycle's sheets, in its order; Review Log and Work Orders are the add-in's own, written by an earlier review.
const INPUT_SHEETS = [
  "Reads",
  "Accounts",
  "Usage History",
  "Review Log",
  "Work Orders",
  "Office",
  "Balances",
  "Payments",
  "Adjustments",
  "Rates",
  "Rate Schedules",
];

async function validate(pane: Pane) {
  const { page } = pane;
  await openView(page, "Review");
  await page.getByRole("combobox", { name: "Reads sheet" }).filter({ hasText: READS }).waitFor();
  await page.getByRole("button", { name: "Validate" }).click();
  await page.getByRole("table", { name: "Flagged reads" }).waitFor();
}

/** The Rates view's row for a schedule. */
const scheduleRow = (page: Page, id: string) =>
  page
    .getByRole("table", { name: "Rate schedules" })
    .getByRole("row")
    .filter({ has: page.getByText(id, { exact: true }) });

/** Shows decided edits as well as open ones (the list shows open edits by default). */
async function showAll(pane: Pane) {
  await pane.page.getByRole("combobox", { name: "Status" }).click();
  await pane.page.getByRole("option", { name: "all" }).click();
}

/**
 * The flagged-reads row for an account and edit, listed by its words after its severity badge
 * ("warningHigh usage", never "errorVery high usage"); `decided` is the decision it shows.
 */
const editRow = (pane: Pane, account: string, code: EditCode, decided?: string) => {
  const words = EDITS[code].title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const row = pane.page
    .getByRole("table", { name: "Flagged reads" })
    .getByRole("row")
    .filter({ hasText: account })
    .filter({ hasText: new RegExp(`(error|warning|info)\\s*${words}`) });
  return decided ? row.filter({ hasText: `${decided}:` }) : row;
};

describe("the task pane in Chromium over a fake Excel", () => {
  it("opens with its seven views, no schedule until the user loads one, and every UB function registered in the shared runtime", async () => {
    const pane = await open({ empty: true });
    const { page } = pane;
    expect(await page.getByRole("tab").allInnerTexts()).toEqual([
      "Review",
      "Generate",
      "Account",
      "Payments",
      "Rates",
      "Impact",
      "Settings",
    ]);
    // The pane opens on the work: Review.
    expect(await page.getByRole("tab", { selected: true }).innerText()).toBe("Review");
    // Nothing is priced from a bundled sample until the user loads them.
    await openView(page, "Rates");
    await page.getByText(/No rate schedules are loaded/).waitFor();
    await page.getByRole("button", { name: "Load published samples" }).click();
    await scheduleRow(page, "chubbuck").waitFor();
    const functions = JSON.parse(readFileSync(join(ROOT, "dist", "functions.json"), "utf8")) as { functions: { id: string }[] };
    const registered = await page.evaluate(() => [...window.ubFakeHost!.fake.customFunctions.keys()].sort());
    expect(registered).toEqual(functions.functions.map((f) => f.id.toUpperCase()).sort());
    // The functions run in the page: UB.PRORATE(90, 15, 30) is 45.
    expect(await page.evaluate(() => window.ubFakeHost!.fake.customFunctions.get("PRORATE")!(90, 15, 30))).toBe(45);
  });

  it("reviews a reads sheet: edits listed, flag columns and colours written to the workbook, a chosen edit selected in Excel", async () => {
    const pane = await open({ sample: "reads" });
    const before = await digest(pane.page, ["Accounts", "Usage History"]);
    await validate(pane);
    await pane.page.getByRole("status").filter({ hasText: "28 reads checked on Reads: 29 open edits." }).waitFor();
    await editRow(pane, "100102", "HIGH_USAGE").waitFor();

    const workbook = await workbookOf(pane.page);
    const sheet = workbook.sheet(READS)!;
    const rowOf = (account: string) => sheet.values.findIndex((r) => r[2] === account);
    expect(sheet.values[2].slice(CODES, MESSAGES + 1)).toEqual(["UB Edits", "UB Edit Notes"]);
    expect(sheet.values[rowOf("100102")][CODES]).toBe("HIGH_USAGE");
    expect(highlightFill(sheet, rowOf("100102"), CURRENT_READ)).toBe("#FFEB9C");
    expect(highlightFill(sheet, rowOf("100109"), CURRENT_READ)).toBe("#FFC7CE");
    expect(highlightFill(sheet, rowOf("100101"), CURRENT_READ)).toBeUndefined();
    expect(sheet.notes.get(`I${rowOf("100109") + 1}`)).toMatch(/NEGATIVE_USAGE/);
    // Context sheets are only read.
    expect(await digest(pane.page, ["Accounts", "Usage History"])).toEqual(before);

    await editRow(pane, "100109", "NEGATIVE_USAGE").click();
    await pane.page.getByRole("region", { name: "Decide on this edit" }).waitFor();
    const selection = await pane.page.evaluate(() => window.ubFakeHost!.workbook.selection);
    expect(selection).toMatchObject({ sheet: READS, row: rowOf("100109") });
  });

  it("approves an edit with a reason, and finds the approval, the audit log and a setting again after the pane reloads", async () => {
    const pane = await open({ sample: "reads" });
    const { page } = pane;
    await validate(pane);
    await editRow(pane, "100102", "HIGH_USAGE").click();
    await page.getByRole("textbox", { name: "Reason" }).fill("Pool filled; customer confirmed by phone");
    await page.getByRole("button", { name: "Approve" }).click();
    await page.getByRole("status").filter({ hasText: "100102: approved." }).waitFor();
    await showAll(pane);
    await editRow(pane, "100102", "HIGH_USAGE", "approved").waitFor();

    let sheet = (await workbookOf(page)).sheet(READS)!;
    let row = sheet.values.findIndex((r) => r[2] === "100102");
    expect(String(sheet.values[row][MESSAGES])).toContain("Pool filled; customer confirmed by phone");
    expect(highlightFill(sheet, row, CURRENT_READ)).toBeUndefined();

    await openView(page, "Settings");
    const high = page.getByRole("spinbutton", { name: "High usage: percent above baseline", exact: true });
    await high.fill("55");
    await high.press("Tab");
    await page.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open("ub-workbench");
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const value = await new Promise<unknown>((resolve) => {
        const get = db.transaction("settings").objectStore("settings").get("readEdits");
        get.onsuccess = () => resolve(get.result);
      });
      db.close();
      return (value as { value?: { highPercent?: number } } | undefined)?.value?.highPercent === 55;
    });

    await reopen(pane);
    // Settings and the audit log come back from Chromium's IndexedDB.
    await openView(page, "Settings");
    expect(await page.getByRole("spinbutton", { name: "High usage: percent above baseline", exact: true }).inputValue()).toBe("55");
    const audit = page.getByRole("table", { name: "Audit log" });
    await audit.getByRole("row").filter({ hasText: "Pool filled; customer confirmed by phone" }).waitFor();
    // The decision is still applied when the reads are validated again.
    await validate(pane);
    await showAll(pane);
    await editRow(pane, "100102", "HIGH_USAGE", "approved").waitFor();
    sheet = (await workbookOf(page)).sheet(READS)!;
    row = sheet.values.findIndex((r) => r[2] === "100102");
    expect(String(sheet.values[row][MESSAGES])).toContain("Pool filled; customer confirmed by phone");
  });

  it("opens on the view it showed last in this workbook, kept in the document's settings", async () => {
    const pane = await open({ sample: "reads" });
    const { page } = pane;
    await openView(page, "Settings");
    await reopen(pane);
    expect(await page.getByRole("tab", { selected: true }).innerText()).toBe("Settings");
    // Another workbook opens on Review.
    const other = await open({ sample: "cycle" });
    expect(await other.page.getByRole("tab", { selected: true }).innerText()).toBe("Review");
  });

  it("imports a rate schedule from a JSON file in the Rates view and lists it", async () => {
    const pane = await open({ empty: true });
    const { page } = pane;
    await openView(page, "Rates");
    await page.getByText(/No rate schedules are loaded/).waitFor();
    expect(await scheduleRow(page, "demo-city").count()).toBe(0);
    await page.getByLabel("Rate schedule JSON file").setInputFiles(join(ROOT, "samples", "rates", "demo-city.json"));
    await scheduleRow(page, "demo-city").waitFor();
    await reopen(pane);
    await scheduleRow(page, "demo-city").waitFor();
  });

  it("generates bills, register and door hangers, and the sheets hold the cycle", async () => {
    const pane = await open({ sample: "cycle" });
    const { page } = pane;
    const before = await digest(page, INPUT_SHEETS);
    await openView(page, "Generate");
    await page.getByRole("combobox", { name: "Rate schedule" }).filter({ hasText: "chubbuck" }).waitFor();
    for (const name of ["E-Bills", "Reconciliation", "Delinquency List", "Letters", "Shutoff List", "Collections List", "Work Orders"]) {
      await page.getByRole("checkbox", { name }).uncheck();
    }
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    const generated = page.getByRole("region", { name: "Generated sheets" });
    await generated.waitFor();
    expect(await generated.getByRole("button").allTextContents()).toEqual([
      "Open Bills",
      "Open Bill Register",
      "Open Door Hangers",
      "Open Run Log",
    ]);

    const workbook = await workbookOf(page);
    expect(await workbook.sheetNames()).toEqual([...INPUT_SHEETS, "Bills", "Bill Register", "Door Hangers", "Run Log"]);
    const text = (name: string) =>
      workbook
        .sheet(name)!
        .values.map((r) => r.join("\t"))
        .join("\n");
    // The sample cycle's golden figures (test/cycle/generateCycle.test.ts): 20 bills, 7 held, $3,155.43 due.
    expect(text("Bill Register")).toMatch(/Bills\t20/);
    expect(text("Bill Register")).toMatch(/Accounts held\t7/);
    expect(text("Bill Register")).toMatch(/3155\.43/);
    // 19 paper bills, each with its account in the summary and on the remit stub.
    expect(text("Bills").match(/\tAccount number\t/g)?.length ?? 0).toBe(38);
    const hangers = text("Door Hangers");
    for (const line of [
      "PAY $175.00 BY NOV 16, 2026",
      "OR SERVICE MAY BE SHUT OFF ON OR AFTER NOV 17, 2026",
      "Name\tCustomer 100110",
      "Service address\t210 N Hayes Ave",
      "Account\t100110",
      "Phone\t(208) 555-0100",
    ])
      expect(hangers).toContain(line);
    expect(await digest(page, INPUT_SHEETS)).toEqual(before);

    await generated.getByRole("button", { name: "Open Door Hangers" }).click();
    await page.waitForFunction(() => window.ubFakeHost!.workbook.selection?.sheet === "Door Hangers");
  });

  it("cancels a long generation part way: inputs untouched, no run logged", async () => {
    const sheets = demoCityWorkbook(2_000, 7);
    const pane = await open({ snapshot: valuesSnapshot(sheets) });
    const { page } = pane;
    const inputs = Object.keys(sheets);
    const before = await digest(page, inputs);
    await page.evaluate(() => (window.ubFakeHost!.latencyMs = 20));
    await openView(page, "Generate");
    // The demo workbook carries its own schedule on a Rates sheet, and billing picks it.
    await page.getByRole("combobox", { name: "Rate schedule" }).filter({ hasText: "demo-city" }).waitFor();
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await page.getByText(/^Writing the Bills sheet/).waitFor();
    await page.evaluate(() => window.ubFakeHost!.hold());
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.evaluate(() => window.ubFakeHost!.release());
    await page.getByText(/Generation cancelled/).waitFor();

    expect(await digest(page, inputs)).toEqual(before);
    const names = await page.evaluate(() => [...window.ubFakeHost!.workbook.sheets.keys()]);
    expect(names).not.toContain("Run Log");
    expect(names).not.toContain("Door Hangers");
    expect(await page.getByRole("button", { name: "Generate", exact: true }).isEnabled()).toBe(true);
  });
});
