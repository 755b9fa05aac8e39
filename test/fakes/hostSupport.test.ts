import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { highlightFill, shownFill } from "../../src/fakes/conditionalFormats";
import { digestSheets, restoreWorkbook, snapshotWorkbook } from "../../src/fakes/snapshot";
import { runReview } from "../../src/review/runReview";
import { sampleReadsWorkbook } from "../../src/samples/sampleReads";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const CURRENT_READ = 8;
const CODES = 17;

async function reviewed() {
  const workbook = new MemoryWorkbook(sampleReadsWorkbook());
  const outcome = await runReview(workbook, { settings: DEFAULT_READ_EDIT_SETTINGS });
  if (!outcome.ok) throw new Error(outcome.message);
  const sheet = workbook.sheet("Reads")!;
  const rowOf = (account: string) => sheet.values.findIndex((r) => r[2] === account);
  return { workbook, sheet, rowOf };
}

describe("highlightFill evaluates the add-in's conditional formats as Excel would", () => {
  it("fills a warning yellow and an error red, and leaves a clean read alone", async () => {
    const { sheet, rowOf } = await reviewed();
    expect(highlightFill(sheet, rowOf("100102"), CURRENT_READ)).toBe("#FFEB9C");
    expect(highlightFill(sheet, rowOf("100109"), CURRENT_READ)).toBe("#FFC7CE");
    expect(highlightFill(sheet, rowOf("100101"), CURRENT_READ)).toBeUndefined();
    // The codes column carries its own fill, not a highlight.
    expect(shownFill(sheet, rowOf("100109"), CODES)).toBe("#FFC7CE");
  });

  it("stops filling once the code is marked approved, and does not mistake one code for another", async () => {
    const { sheet, rowOf } = await reviewed();
    const row = rowOf("100102");
    sheet.values[row][CODES] = "HIGH_USAGE(approved)";
    expect(highlightFill(sheet, row, CURRENT_READ)).toBeUndefined();
    sheet.values[row][CODES] = "very_high_usage";
    expect(highlightFill(sheet, row, CURRENT_READ)).toBe("#FFC7CE");
  });

  it("matches whole codes only, case-insensitively, with the codes cell's row moving with the cell", () => {
    const sheet = new MemoryWorkbook({ S: [["VERY_HIGH_USAGE"], ["zero_usage high_usage"]] }).sheet("S")!;
    const formula = '=AND(N("UB Workbench")=0,OR(ISNUMBER(SEARCH({" HIGH_USAGE "}," "&$A1&" "))))';
    sheet.highlights = [{ area: { top: 0, left: 1, height: 2, width: 1 }, formula, fill: "#FFEB9C" }];
    expect([highlightFill(sheet, 0, 1), highlightFill(sheet, 1, 1), highlightFill(sheet, 1, 2)]).toEqual([undefined, "#FFEB9C", undefined]);
  });

  it("ignores formulas it does not understand rather than guessing", () => {
    const sheet = new MemoryWorkbook({ S: [["x"]] }).sheet("S")!;
    sheet.highlights = [{ area: { top: 0, left: 0, height: 1, width: 1 }, formula: "=TRUE", fill: "#000000" }];
    expect(highlightFill(sheet, 0, 0)).toBeUndefined();
  });
});

describe("workbook snapshots", () => {
  it("round-trip every sheet's values, formats, fills, highlights and notes", async () => {
    const { workbook } = await reviewed();
    workbook.selection = { sheet: "Reads", row: 4, column: 2 };
    const snapshot = JSON.parse(JSON.stringify(snapshotWorkbook(workbook, new Set(["Review Log"]))));
    const copy = new MemoryWorkbook();
    const hidden = restoreWorkbook(copy, snapshot);
    expect(snapshotWorkbook(copy, hidden)).toEqual(snapshot);
    expect(copy.selection).toEqual(workbook.selection);
    const names = await workbook.sheetNames();
    expect(digestSheets(copy, names)).toEqual(digestSheets(workbook, names));
  });

  it("digests change when anything a user could see changes", async () => {
    const { workbook, sheet, rowOf } = await reviewed();
    const before = digestSheets(workbook, ["Reads", "Nope"]);
    expect(before.Nope).toBe("(missing)");
    sheet.notes.set("A1", "a note");
    const afterNote = digestSheets(workbook, ["Reads"]).Reads;
    expect(afterNote).not.toBe(before.Reads);
    sheet.values[rowOf("100101")][CURRENT_READ] = 1;
    expect(digestSheets(workbook, ["Reads"]).Reads).not.toBe(afterNote);
  });
});
