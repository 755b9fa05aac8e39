import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { ExcelWorkbook } from "../../src/adapters/excel/excelWorkbook";
import { FakeExcel } from "../../src/fakes/fakeExcel";
import { clearReview } from "../../src/review/clearReview";
import { runReview } from "../../src/review/runReview";
import { sampleReadsWorkbook } from "../../src/samples/sampleReads";
import { MAX_PAGE_BREAKS } from "../../src/cycle/sheets/split";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";

let uninstall: () => void = () => {};
afterEach(() => uninstall());

function excel(workbook: MemoryWorkbook, apiVersion = "1.18") {
  const fake = new FakeExcel(workbook, { apiVersion });
  uninstall = fake.install();
  return { fake, port: new ExcelWorkbook(20000) };
}

const snapshot = (wb: MemoryWorkbook) => {
  const s = wb.sheet("Reads")!;
  return JSON.stringify({
    values: s.values.map((r) => Array.from({ length: 17 }, (_, c) => r[c] ?? null)),
    formats: [...s.numberFormats].filter(([k]) => Number(k.split(":")[1]) < 17),
    fills: [...s.fills],
    highlights: s.highlights,
    notes: [...s.notes],
  });
};

describe("ExcelWorkbook on the fake Excel", () => {
  it("flags, reruns and clears the sample route, leaving the reads as they were", async () => {
    const workbook = new MemoryWorkbook(sampleReadsWorkbook());
    const reads = workbook.sheet("Reads")!;
    reads.fills.set("5:2", "#00FF00");
    reads.notes.set("C6", "the customer's own note");
    const before = snapshot(workbook);
    const { fake, port } = excel(workbook);
    const first = await runReview(port, { settings: DEFAULT_READ_EDIT_SETTINGS });
    expect(first.ok).toBe(true);
    expect(reads.values[2][17]).toBe("UB Edits");
    expect(reads.highlights.length).toBeGreaterThan(5);
    expect([...reads.notes.values()].filter((n) => n.startsWith("UB Workbench: ")).length).toBeGreaterThan(10);
    const flagged = JSON.stringify(reads.values);
    await runReview(port, { settings: DEFAULT_READ_EDIT_SETTINGS });
    expect(JSON.stringify(reads.values)).toBe(flagged);
    expect(reads.highlights.length).toBe(workbook.sheet("Reads")!.highlights.length);
    await clearReview(port, "Reads");
    expect(snapshot(workbook)).toBe(before);
    expect(fake.stats.writesWithEventsOn).toBe(0);
    expect(fake.stats.coercions).toEqual([]);
  });

  it("keeps someone else's note and skips that cell", async () => {
    const workbook = new MemoryWorkbook(sampleReadsWorkbook());
    const row = workbook.sheet("Reads")!.values.findIndex((r) => r[2] === "100109");
    workbook.sheet("Reads")!.notes.set(`I${row + 1}`, "Reader: register fogged");
    const { port } = excel(workbook);
    const outcome = await runReview(port, { settings: DEFAULT_READ_EDIT_SETTINGS });
    expect(outcome.ok && outcome.result.notes.skipped).toBe(1);
    expect(workbook.sheet("Reads")!.notes.get(`I${row + 1}`)).toBe("Reader: register fogged");
  });

  it("falls back to the codes column where notes are not supported (ExcelApi below 1.18)", async () => {
    const workbook = new MemoryWorkbook(sampleReadsWorkbook());
    const { port } = excel(workbook, "1.17");
    const outcome = await runReview(port, { settings: DEFAULT_READ_EDIT_SETTINGS });
    expect(outcome.ok && outcome.result.notes.supported).toBe(false);
    expect(workbook.sheet("Reads")!.notes.size).toBe(0);
  });

  it("writes text as text: a name like =HYPERLINK(...) never becomes a formula", async () => {
    const workbook = new MemoryWorkbook();
    const { fake, port } = excel(workbook);
    const rows: CellValue[][] = [
      ["Name", "Code"],
      ['=HYPERLINK("http://x","y")', "00123"],
      ["+1", "-2"],
      ["@x", "1/2"],
    ];
    await port.replaceSheet("Letters", rows);
    expect(fake.stats.coercions).toEqual([]);
    expect(workbook.sheet("Letters")!.values).toEqual(rows);
    expect(workbook.sheet("Letters")!.numberFormats.get("1:0")).toBe("@");
  });

  it("replaces an output sheet whole, in the same position", async () => {
    const workbook = new MemoryWorkbook({ A: [["a"]], Out: [["old"]], B: [["b"]] });
    const { port } = excel(workbook);
    await port.replaceSheet("Out", [["new", 1]]);
    expect([...workbook.sheets.keys()]).toEqual(["A", "Out", "B"]);
    expect(workbook.sheet("Out")!.values).toEqual([["new", 1]]);
  });

  it("selects the cell of an edit", async () => {
    const workbook = new MemoryWorkbook(sampleReadsWorkbook());
    const { port } = excel(workbook);
    await port.select("Reads", 7, 8);
    expect(workbook.selection).toEqual({ sheet: "Reads", row: 7, column: 8 });
  });
});

describe("ExcelWorkbook formats at scale", () => {
  it("sends the formats of 40,000 bills in requests under 4 MB, with the most page breaks a sheet takes", async () => {
    const workbook = new MemoryWorkbook();
    const { fake, port } = excel(workbook);
    const rows = Array.from({ length: 200_000 }, (_, i) => [i % 5 === 0 ? "Bill" : "line", i]);
    const bills = Array.from({ length: 40_000 }, (_, i) => i * 5);
    const breaks = bills.filter((r) => r > 0).slice(0, MAX_PAGE_BREAKS);
    await port.replaceSheet("Bills", rows, {
      boldRows: bills.map((b) => b + 1),
      print: { orientation: "portrait", pageBreaks: breaks, fitToWidth: true },
    });
    expect(Math.max(...fake.stats.requestBytes)).toBeLessThan(4 * 1024 * 1024);
    expect(workbook.sheet("Bills")!.printSetup!.pageBreaks).toHaveLength(MAX_PAGE_BREAKS);
  }, 60_000);

  it("is refused by Excel past 1,026 manual page breaks on a sheet, as the fake knows", async () => {
    const { port } = excel(new MemoryWorkbook());
    const rows = Array.from({ length: 6_000 }, (_, i) => [i]);
    const breaks = Array.from({ length: 1_027 }, (_, i) => (i + 1) * 5);
    await expect(port.replaceSheet("Letters", rows, { print: { orientation: "portrait", pageBreaks: breaks } })).rejects.toThrow(
      /at most 1026 manual page breaks/,
    );
  });
});

describe("record sheets the add-in appends to", () => {
  // Excel prints a sheet's print area when one is set, otherwise its used range
  // (learn.microsoft.com, Excel.PageLayout.setPrintArea): a print area fixed when the sheet was
  // made would leave every row appended later off the paper.
  const printedRows = (wb: MemoryWorkbook, name: string) => {
    const sheet = wb.sheet(name)!;
    const area = sheet.printSetup?.printArea;
    return area ? Number(/(\d+)$/.exec(area)![1]) : sheet.values.length;
  };

  it("print every row, however many are appended after the sheet is made", async () => {
    const { appendTable, ownColumns } = await import("../../src/accounts/appendTable");
    const workbook = new MemoryWorkbook();
    const { port } = excel(workbook);
    const columns = ownColumns<"account" | "note">([
      ["account", "Account"],
      ["note", "Note"],
    ]);
    await appendTable(port, "Final Bills", columns, [{ account: "1", note: "first" }]);
    for (let i = 2; i <= 40; i++) await appendTable(port, "Final Bills", columns, [{ account: String(i), note: "later" }]);
    expect(workbook.sheet("Final Bills")!.values).toHaveLength(41);
    expect(workbook.sheet("Final Bills")!.printSetup).toMatchObject({ orientation: "Landscape", titleRows: "$1:$1" });
    expect(printedRows(workbook, "Final Bills")).toBe(41);
  });

  it("print only a long list's first rows when asked (the accounts a rate change moves most), keeping every row on the sheet", async () => {
    const workbook = new MemoryWorkbook();
    const { port } = excel(workbook);
    const rows = [["Account", "Change"], ...Array.from({ length: 500 }, (_, i) => [String(i), i])];
    await port.replaceSheet("Impact by Account", rows, { headerRows: 1, print: { orientation: "landscape", repeatRows: 1, rows: 51 } });
    expect(workbook.sheet("Impact by Account")!.values).toHaveLength(501);
    expect(printedRows(workbook, "Impact by Account")).toBe(51);
    expect(workbook.sheet("Impact by Account")!.printSetup).not.toHaveProperty("centerHeader");
    // A report's pages name their run, sheet and page; a "&" of the title's own is doubled.
    await port.replaceSheet("Report", rows, { print: { orientation: "landscape", title: "Water & sewer" } });
    expect(workbook.sheet("Report")!.printSetup).toMatchObject({
      centerHeader: "Water && sewer",
      leftFooter: "&A",
      rightFooter: "Page &P of &N",
    });
  });
});
