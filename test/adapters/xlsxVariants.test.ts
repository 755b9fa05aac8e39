/**
 * Valid .xlsx files written other ways than Excel writes them (issue 13), read by `ubill`'s fast
 * reader as Excel reads them: a namespace prefix on every element (the Open XML SDK), single-quoted
 * attributes, phonetic runs in Japanese names, and the 1904 date system.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkArchive, readXlsxFast, WorkbookFileProblem } from "../../src/adapters/xlsx/fastRead";
import { ZipWriter } from "../../src/adapters/xlsx/zip";
import { cellDate } from "../../src/workbook/cells";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Parts {
  workbookPr?: string;
  prefix?: string;
  quote?: '"' | "'";
  sheetData: string;
  shared?: string;
  styles?: string;
}

async function xlsx(parts: Parts): Promise<string> {
  const p = parts.prefix ? `${parts.prefix}:` : "";
  const q = parts.quote ?? '"';
  const xmlns = parts.prefix ? `xmlns:${parts.prefix}=${q}${NS}${q}` : `xmlns=${q}${NS}${q}`;
  const path = join(mkdtempSync(join(tmpdir(), "xlsx-variant-")), "book.xlsx");
  const zip = new ZipWriter(path);
  await zip.add("[Content_Types].xml", [
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  ]);
  await zip.add("_rels/.rels", [
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  await zip.add("xl/_rels/workbook.xml.rels", [
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id=${q}rId1${q} Type=${q}${REL}/worksheet${q} Target=${q}worksheets/sheet1.xml${q}/></Relationships>`,
  ]);
  await zip.add("xl/workbook.xml", [
    `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${xmlns} xmlns:r=${q}${REL}${q}>${parts.workbookPr ?? ""}<${p}sheets><${p}sheet name=${q}Data${q} sheetId=${q}1${q} r:id=${q}rId1${q}/></${p}sheets></${p}workbook>`,
  ]);
  if (parts.shared)
    await zip.add("xl/sharedStrings.xml", [`<?xml version="1.0" encoding="UTF-8"?><${p}sst ${xmlns}>${parts.shared}</${p}sst>`]);
  if (parts.styles)
    await zip.add("xl/styles.xml", [`<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${xmlns}>${parts.styles}</${p}styleSheet>`]);
  await zip.add("xl/worksheets/sheet1.xml", [
    `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${xmlns}><${p}sheetData>${parts.sheetData}</${p}sheetData></${p}worksheet>`,
  ]);
  zip.close();
  return path;
}

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
        new WorkbookFileProblem(`a sheet has a row numbered ${r}; Excel's rows are 1 to 1,048,576`),
      );
      expect(() => checkArchive(past)).toThrow(/has a row numbered/);
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
      /cell A1 of a sheet holds 32,768 characters; a cell holds at most 32,767/,
    );
  });
});
