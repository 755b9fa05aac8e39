/**
 * Valid .xlsx files written other ways than Excel writes them (issue 13), read by `ubill`'s fast
 * reader as Excel reads them: a namespace prefix on every element (the Open XML SDK), single-quoted
 * attributes, phonetic runs in Japanese names, and the 1904 date system.
 */
import { readXlsxFast, WorkbookFileProblem } from "../../src/adapters/xlsx/fastRead";
import { cellDate } from "../../src/workbook/cells";
import { FixtureParts, writeFixture } from "../support/xlsxFixtures";

/** One sheet named Data with the given <sheetData> body. */
const xlsx = (parts: Omit<FixtureParts, "sheets"> & { sheetData: string }) =>
  writeFixture({ ...parts, sheets: [{ name: "Data", data: parts.sheetData }] });

const values = (path: string) => readXlsxFast(path).sheet("Data")!.values;

describe("readXlsxFast on SpreadsheetML written other ways", () => {
  it("reads elements with a namespace prefix, as the Open XML SDK writes them", async () => {
    const path = await xlsx({
      prefix: "x",
      sheetData: `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Account</x:t></x:is></x:c><x:c r="B1"><x:v>42</x:v></x:c></x:row>`,
    });
    expect(values(path)).toEqual([["Account", 42]]);
  });

  it("reads single-quoted attributes", async () => {
    const path = await xlsx({
      quote: "'",
      sheetData: `<row r='1'><c r='A1' t='inlineStr'><is><t>Meter</t></is></c><c r='C1'><v>7</v></c></row>`,
    });
    expect(values(path)).toEqual([["Meter", null, 7]]);
  });

  it("shows a Japanese name without its furigana (phonetic runs)", async () => {
    const path = await xlsx({
      shared: `<si><t>山田 太郎</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><rPh sb="3" eb="5"><t>タロウ</t></rPh><phoneticPr fontId="1"/></si>`,
      sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`,
    });
    expect(values(path)).toEqual([["山田 太郎"]]);
  });

  it("moves the dates of a 1904-date-system workbook to the 1900 system, and leaves other numbers alone", async () => {
    // 2026-10-31 is 44,863 days after 1904-01-01 and 46,325 after Excel's 1900 day 0.
    const path = await xlsx({
      workbookPr: `<workbookPr date1904="1"/>`,
      styles: `<numFmts count="1"><numFmt numFmtId="164" formatCode="mm/dd/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>`,
      sheetData: `<row r="1"><c r="A1" s="1"><v>44864</v></c><c r="B1" s="2"><v>44864</v></c><c r="C1" s="0"><v>44864</v></c></row>`,
    });
    const [row] = values(path);
    expect([cellDate(row[0]), cellDate(row[1]), row[2]]).toEqual(["2026-10-31", "2026-10-31", 44864]);
  });

  it('reads Strict OOXML, its dates written as ISO 8601 text (t="d")', async () => {
    const path = await xlsx({
      strict: true,
      sheetData: `<row r="1"><c r="A1" t="d"><v>2026-10-31T00:00:00</v></c><c r="B1" t="d"><v>2026-10-31T12:00:00</v></c><c r="C1" t="d"><v>2026-10-31</v></c><c r="D1"><v>5</v></c></row>`,
    });
    const [row] = values(path);
    expect([cellDate(row[0]), row[1], cellDate(row[2]), row[3]]).toEqual(["2026-10-31", 46326.5, "2026-10-31", 5]);
  });

  it("names a date cell whose ISO text is not a date", async () => {
    const path = await xlsx({ sheetData: `<row r="1"><c r="A1" t="d"><v>2026-02-30</v></c></row>` });
    expect(() => values(path)).toThrow(
      new WorkbookFileProblem(`cell A1 of sheet "Data" is a date written "2026-02-30", which is not an ISO 8601 date`),
    );
  });

  it("finds a sheet whose relationship id has another prefix than r:", async () => {
    const path = await xlsx({ relPrefix: "rel", sheetData: `<row r="1"><c r="A1"><v>1</v></c></row>` });
    expect(values(path)).toEqual([[1]]);
  });

  it("names a shared-text cell in a workbook without shared text, instead of reading it as blank", async () => {
    const none = await xlsx({ sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` });
    expect(() => values(none)).toThrow(
      new WorkbookFileProblem(
        'cell A1 of sheet "Data" refers to shared text, but the workbook has none (its part xl/sharedStrings.xml is missing)',
      ),
    );
    const short = await xlsx({ shared: "<si><t>a</t></si>", sheetData: `<row r="1"><c r="B1" t="s"><v>3</v></c></row>` });
    expect(() => values(short)).toThrow(
      new WorkbookFileProblem('cell B1 of sheet "Data" refers to shared text number 3, but the workbook has 1'),
    );
  });

  it("reads an entity named like an object member as the text it is", async () => {
    const path = await xlsx({ sheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>a&amp;b &constructor;</t></is></c></row>` });
    expect(values(path)).toEqual([["a&b &constructor;"]]);
  });
});

describe("Excel's sheet limits in the fast reader (docs/inputs.md)", () => {
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const rowAt = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;

  it("reads Excel's last row and refuses a row past it, or one numbered 2,000,000,000, at once", async () => {
    const last = await xlsx({ sheetData: rowAt(1, cell("A1", "top")) + rowAt(1048576, cell("A1048576", "bottom")) });
    const values = readXlsxFast(last).sheet("Data")!.values;
    expect([values.length, values[1048575][0]]).toEqual([1048576, "bottom"]);
    for (const r of [1048577, 2000000000]) {
      const past = await xlsx({ sheetData: rowAt(1, cell("A1", "top")) + rowAt(r, cell(`A${r}`, "x")) });
      expect(() => readXlsxFast(past).sheet("Data")!.values).toThrow(
        new WorkbookFileProblem(`sheet "Data" has a row numbered ${r}; Excel's rows are 1 to 1,048,576`),
      );
    }
  });

  it("reads column XFD and refuses a cell past it", async () => {
    const last = await xlsx({ sheetData: rowAt(1, cell("XFD1", "z")) });
    const past = await xlsx({ sheetData: rowAt(1, cell("XFE1", "z")) });
    expect(readXlsxFast(last).sheet("Data")!.values[0][16383]).toBe("z");
    expect(() => readXlsxFast(past).sheet("Data")!.values).toThrow(/Excel's columns are A to XFD/);
  });

  it("reads a cell of 32,767 characters and refuses one of 32,768", async () => {
    const longest = await xlsx({ sheetData: rowAt(1, cell("A1", "a".repeat(32767))) });
    const past = await xlsx({ sheetData: rowAt(1, cell("A1", "a".repeat(32768))) });
    expect((readXlsxFast(longest).sheet("Data")!.values[0][0] as string).length).toBe(32767);
    expect(() => readXlsxFast(past).sheet("Data")!.values).toThrow(
      /cell A1 of sheet "Data" holds 32,768 characters; a cell holds at most 32,767/,
    );
  });
});
