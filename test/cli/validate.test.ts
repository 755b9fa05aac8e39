import { createHash } from "crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { runUbill } from "../support/cli";
import { EDIT_CODES } from "../../src/engine";

const SAMPLE = join(__dirname, "..", "..", "samples", "reads.xlsx");
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

const run = runUbill;

describe("ubill validate", () => {
  it("prints a summary by code for the sample workbook", async () => {
    const r = await run("validate", SAMPLE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^28 reads on sheet Reads \(header row 3\), 1 blank row\(s\) skipped/);
    expect(r.out).toMatch(/NEGATIVE_USAGE\s+error\s+1/);
  });

  it("lists every edit as JSON, and the sample has every edit code", async () => {
    const r = await run("validate", SAMPLE, "--json");
    const json = JSON.parse(r.out);
    expect(new Set(json.edits.map((e: { code: string }) => e.code))).toEqual(new Set(EDIT_CODES));
    expect(json.edits.find((e: { code: string }) => e.code === "INVALID_VALUE")).toEqual({
      sheet: "Reads",
      row: 29,
      account: "100124",
      meter: "M100124",
      code: "INVALID_VALUE",
      severity: "error",
      message: 'Reads!I29: Current Read must be a number of 0 or more; got "4O21O"',
    });
  });

  it("writes a flagged copy and never the input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ubill-validate-"));
    const input = join(dir, "reads.xlsx");
    copyFileSync(SAMPLE, input);
    const before = hash(input);
    const out = join(dir, "flagged.xlsx");
    const r = await run("validate", input, "--out", out);
    expect(r.code).toBe(0);
    expect(hash(input)).toBe(before);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.getWorksheet("Reads")!;
    expect([ws.getCell("R3").value, ws.getCell("S3").value]).toEqual(["UB Edits", "UB Edit Notes"]);
    const high = ws.getColumn(3).values.findIndex((v) => v === "100102");
    expect(ws.getCell(`R${high}`).value).toBe("HIGH_USAGE");
    expect((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length).toBeGreaterThan(5);
    expect(ws.getCell("I4").value).toBe(51210);
  });

  it("refuses to write over its input", async () => {
    const r = await run("validate", SAMPLE, "--out", SAMPLE);
    expect([r.code, r.err]).toEqual([2, "ubill: --out must name a new file: the input workbook is never written\n"]);
  });

  it("names the headers found and expected when the reads sheet lacks a column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ubill-validate-"));
    const path = join(dir, "bad.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("June").addRows([
      ["Acct", "Meter #", "Prev Read"],
      ["1", "M1", 5],
    ]);
    await book.xlsx.writeFile(path);
    const r = await run("validate", path);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "ubill: No sheet has a reads header (Account, Meter, Previous Read, Current Read). June: the header row 1 has Acct, Meter #, Prev Read; missing Current Read (expected Account, Meter, Previous Read, Current Read)\n",
    );
  });

  it("says plainly when the file is not a workbook", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ubill-validate-"));
    const path = join(dir, "notes.xlsx");
    writeFileSync(path, "not a zip");
    const r = await run("validate", path);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ubill: .*notes\.xlsx is not an \.xlsx workbook\n$/);
  });
});

describe("ubill validate on awkward sheets", () => {
  it("treats a merged account cell as blank, as Excel shows it, and flags the row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ubill-validate-"));
    const path = join(dir, "merged.xlsx");
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Reads");
    ws.addRows([
      ["Account", "Meter", "Previous Read", "Current Read"],
      ["1001", "M1", 100, 200],
      ["", "M2", 300, 400],
      ["1003", "M3", 500, 600],
    ]);
    ws.mergeCells("A2:A3");
    await book.xlsx.writeFile(path);
    const json = JSON.parse((await run("validate", path, "--json")).out);
    expect(json.edits.filter((e: { code: string }) => e.code === "MISSING_ID").map((e: { row: number }) => e.row)).toEqual([3]);
  });

  it("reads text dates, Excel dates and unicode names alike", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ubill-validate-"));
    const path = join(dir, "dates.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Lectures de compteurs").addRows([
      ["Account", "Meter", "Service Address", "Previous Read Date", "Previous Read", "Current Read Date", "Current Read"],
      ["2001", "M1", "Ñúñez, José", new Date(Date.UTC(2026, 8, 30)), 100, "10/30/2026", 5200],
      ["2002", "M2", "北京路 1号", "2026-09-30", 100, new Date(Date.UTC(2026, 9, 30)), 5300],
    ]);
    await book.xlsx.writeFile(path);
    const json = JSON.parse((await run("validate", path, "--json")).out);
    expect([json.sheet, json.reads, json.edits]).toEqual(["Lectures de compteurs", 2, []]);
  });
});
