import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import ExcelJS from "exceljs";
import { detached, openArchive, readXlsxFast } from "../../src/adapters/xlsx/fastRead";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { writeXlsx } from "../../src/adapters/xlsx/fastXlsx";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue, SheetValues } from "../../src/workbook/port";

const SAMPLES = join(__dirname, "..", "..", "samples");

/** A sheet's non-blank cells by position, whatever used range the reader reports. */
function cells(sheet: SheetValues | undefined): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  sheet?.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) out.set(`${sheet.top + r},${sheet.left + c}`, value);
    }),
  );
  return out;
}

/** Every sheet's values through both readers: the fast reader must agree with exceljs cell for cell. */
async function bothReads(path: string) {
  const slow = await XlsxWorkbook.open(path);
  const fast = readXlsxFast(path);
  const names = await slow.sheetNames();
  expect(await fast.sheetNames()).toEqual(names);
  for (const name of names) {
    const expected = cells(await slow.readSheet(name));
    expect({ name, cells: cells(await fast.readSheet(name)) }).toEqual({ name, cells: expected });
  }
  return names;
}

describe("readXlsxFast", () => {
  it.each(["reads.xlsx", "cycle.xlsx"])("reads the sample %s exactly as exceljs does", async (file) => {
    const names = await bothReads(join(SAMPLES, file));
    expect(names.length).toBeGreaterThan(0);
  });

  it("handles the cell kinds other spreadsheet programs write", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Reads & <Notes>");
    ws.getCell("B2").value = "Account";
    ws.getCell("C2").value = 'A "quoted" & <bracketed> value';
    ws.getCell("D2").value = true;
    ws.getCell("E2").value = false;
    ws.getCell("F2").value = new Date(Date.UTC(2026, 9, 31));
    ws.getCell("G2").value = { formula: "1+2", result: 3 };
    ws.getCell("H2").value = { richText: [{ text: "rich " }, { text: "text", font: { bold: true } }] };
    ws.getCell("B5").value = -12.345;
    ws.getCell("AA5").value = "Straße 🚰";
    ws.getCell("C7").value = "merged";
    ws.mergeCells("C7:E8");
    book.addWorksheet("Empty");
    const path = join(mkdtempSync(join(tmpdir(), "fast-read-")), "kinds.xlsx");
    await book.xlsx.writeFile(path);

    await bothReads(path);
    const sheet = await readXlsxFast(path).readSheet("Reads & <Notes>");
    const at = (row: number, column: number) => sheet?.values[row - (sheet?.top ?? 0)]?.[column - (sheet?.left ?? 0)] ?? null;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => at(1, c))).toEqual([
      "Account",
      'A "quoted" & <bracketed> value',
      true,
      false,
      46326,
      3,
      "rich text",
    ]);
    expect(at(4, 26)).toBe("Straße 🚰");
    expect([at(6, 2), at(6, 3), at(7, 2)]).toEqual(["merged", null, null]);
  });

  it.each(["reads.xlsx", "cycle.xlsx"])("reads %s lazily, sheet by sheet, exactly as it reads it whole", async (file) => {
    const path = join(SAMPLES, file);
    const eager = readXlsxFast(path);
    const lazy = readXlsxFast(path, { lazy: true });
    const names = await eager.sheetNames();
    expect(await lazy.sheetNames()).toEqual(names);
    for (const name of names) {
      expect(await lazy.readSheet(name)).toEqual(await eager.readSheet(name));
      // Read twice: nothing read the first time is changed or lost.
      expect(await lazy.readSheet(name)).toEqual(await eager.readSheet(name));
      expect(await lazy.readSheet(name, { maxRows: 3 })).toEqual(await eager.readSheet(name, { maxRows: 3 }));
    }
    const heads = await lazy.readHeads(50);
    expect(heads.map((h) => h.sheet)).toEqual(names);
    // Asking for a sheet's values keeps them, so a change to them is seen by later reads.
    const first = lazy.sheet(names[0])!;
    expect(first.values).toEqual(eager.sheet(names[0])!.values);
    first.values[0] = ["changed"];
    expect((await lazy.readSheet(names[0]))!.values[0]).toEqual(["changed"]);
  });

  it("reads inline text that repeats down a sheet (kept once) as written", async () => {
    const rows: CellValue[][] = [["Account", "Usage", "Code"]];
    for (let r = 0; r < 300; r++) rows.push([`2000${r % 7}`, r, r % 2 ? "A" : "E"]);
    rows.push(["x".repeat(40), 1, "x".repeat(40)]);
    const path = join(mkdtempSync(join(tmpdir(), "fast-read-")), "repeat.xlsx");
    await writeXlsx(path, new MemoryWorkbook({ "Usage History": rows }));
    expect((await readXlsxFast(path, { lazy: true }).readSheet("Usage History"))!.values).toEqual(rows);
  });

  it.each([
    ["plain text", "Service address: 3207 N Elm St", false],
    ["a space at the start", " indented", true],
    ["a space at the end", "trailing ", true],
    ["a run of spaces", "two  spaces", true],
    ["a line break", "line one\nline two", true],
    ["a tab", "a\tb", true],
    ["a no-break space (not XML white space)", "\u00a0kept", false],
    ["a control character after a space (dropped, as XML forbids it, leaving the space at the end)", "Apt 4 \u0001", true, "Apt 4 "],
  ])(
    "writes %s back as written, marked xml:space=preserve only where XML would lose white space",
    async (_, text, preserved, written = text) => {
      const dir = mkdtempSync(join(tmpdir(), "fast-write-"));
      const path = join(dir, "space.xlsx");
      await writeXlsx(path, new MemoryWorkbook({ Text: [[text as string]] }));
      const sheet = new ExcelJS.Workbook();
      await sheet.xlsx.readFile(path);
      // Read back by exceljs and by our reader. (Both keep white space with or without the attribute;
      // the attribute is for Excel, which is not here: the XML below is what is checked.)
      expect(sheet.getWorksheet("Text")!.getCell("A1").value).toBe(written);
      expect((await readXlsxFast(path).readSheet("Text"))!.values).toEqual([[written]]);
      const xml = openArchive(path).get("xl/worksheets/sheet1.xml")!().toString("utf8");
      expect(xml.includes('<t xml:space="preserve">')).toBe(preserved);
    },
  );

  it("finds a large sheet's first rows from the start of its XML, and reads on when the start is too short", async () => {
    // Random text compresses little: the long sheet's XML is many times what the start of it holds.
    let seed = 7;
    const noise = (n: number) =>
      Array.from({ length: n }, () => String.fromCharCode(97 + ((seed = (seed * 16807) % 2147483647) % 26))).join("");
    const long: CellValue[][] = [["Account", "Note"], ...Array.from({ length: 40_000 }, (_, i) => [`A${i}`, noise(40)])];
    const wide: CellValue[][] = Array.from({ length: 80 }, (_, i) => [`W${i}`, noise(32_000)]);
    const path = join(mkdtempSync(join(tmpdir(), "fast-read-")), "large.xlsx");
    await writeXlsx(path, new MemoryWorkbook({ Long: long, Wide: wide }));
    const lazy = readXlsxFast(path, { lazy: true });
    expect((await lazy.readSheet("Long", { maxRows: 50 }))!.values).toEqual(long.slice(0, 50));
    expect((await lazy.readSheet("Wide", { maxRows: 50 }))!.values).toEqual(wide.slice(0, 50));
    expect((await lazy.readHeads(64)).map((h) => h.values.length)).toEqual([64, 64]);
    expect((await lazy.readSheet("Long"))!.values).toEqual(long);
  });

  it("keeps a cell's text without the sheet XML it was cut from (V8 substrings share their parent)", async () => {
    // 20,000 rows of ten numbers and one 20-character name: about 8 MB of XML for 0.4 MB of names.
    const rows: CellValue[][] = Array.from({ length: 20_000 }, (_, r) => [
      `Customer name ${String(r).padStart(6, "0")}`,
      ...Array.from({ length: 10 }, (_, c) => r * 10 + c + 0.25),
    ]);
    const path = join(mkdtempSync(join(tmpdir(), "fast-read-")), "names.xlsx");
    await writeXlsx(path, new MemoryWorkbook({ Names: rows }));
    // V8's collector, reachable from a test (nodejs.org/api/v8.html#v8setflagsfromstringflags).
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    const names = (await readXlsxFast(path, { lazy: true }).readSheet("Names"))!.values.map((row) => row[0]);
    // V8 keeps the subject of the last regular expression run (RegExp.lastMatch): a run on other text lets it go.
    /x/.exec("x");
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    expect(names[19_999]).toBe("Customer name 019999");
    expect(kept).toBeLessThan(4_000_000);
    // The copy is the same text, a lone surrogate (which UTF-8 cannot carry) included.
    for (const text of ["Straße 🚰 and more text", "a lone \uD800 surrogate, kept", "café au lait, s'il vous plaît"])
      expect(detached(text)).toBe(text);
  });

  it("says plainly when the file is not a workbook", () => {
    const path = join(SAMPLES, "rates", "chubbuck.json");
    expect(() => readXlsxFast(path)).toThrow(/not a ZIP file/);
  });
});
