import { ExcelWorkbook } from "../../src/adapters/excel/excelWorkbook";
import { FakeExcel } from "../../src/fakes/fakeExcel";
import * as UB from "../../src/functions/functions";
import { setArgumentCulture } from "../../src/functions/args";
import { cellDecimal, US_NUMBERS } from "../../src/workbook/cells";
import { parseHistorySheet } from "../../src/workbook/contextSheets";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const GERMAN = { decimal: ",", group: "." };
const FRENCH = { decimal: ",", group: "\u202f" };

describe("cellDecimal in the workbook's culture", () => {
  it.each([
    ["1,234.5", US_NUMBERS, "1234.5"],
    ["1.500", US_NUMBERS, "1.5"],
    ["1.500", GERMAN, "1500"],
    ["1.234,5", GERMAN, "1234.5"],
    ["1,5", GERMAN, "1.5"],
    ["12\u202f345,67", FRENCH, "12345.67"],
    ["12 345,67", FRENCH, "12345.67"],
  ])("reads %j with separators %j as %s", (text, culture, expected) => {
    expect(cellDecimal(text, culture)?.toString()).toBe(expected);
  });
});

describe("numbers as text in a German Excel", () => {
  let uninstall = () => {};
  afterEach(() => {
    uninstall();
    setArgumentCulture(US_NUMBERS);
  });

  it("reads a usage history typed as text with Excel's separators, not US ones", async () => {
    const workbook = new MemoryWorkbook({
      "Usage History": [
        ["Account", "Period End", "Usage", "Days"],
        ["100101", "2026-09-30", "1.500", "30"],
        ["100101", "2026-08-31", "2.250,5", "31"],
      ],
    });
    const fake = new FakeExcel(workbook, { culture: GERMAN });
    uninstall = fake.install();
    const sheet = await new ExcelWorkbook().readSheet("Usage History");
    const parsed = parseHistorySheet(sheet!);
    expect(parsed.ok && [...parsed.value.history.values()].flat().map((r) => r.usage.toString())).toEqual(["2250.5", "1500"]); // August, then September
  });

  it("uses Excel's own separators when the user turned system separators off", async () => {
    const fake = new FakeExcel(new MemoryWorkbook(), { culture: GERMAN, separators: US_NUMBERS });
    uninstall = fake.install();
    expect(await new ExcelWorkbook().numberCulture()).toEqual(US_NUMBERS);
  });

  it("reads a function's text argument with the culture the pane set from Excel", async () => {
    const fake = new FakeExcel(new MemoryWorkbook(), { culture: GERMAN });
    uninstall = fake.install();
    setArgumentCulture(await new ExcelWorkbook().numberCulture());
    expect(UB.prorate("1.500" as unknown as number, 15, 30)).toBe(750);
  });
});
