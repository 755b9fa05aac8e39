/**
 * Text written to cells never becomes a formula: names, addresses and references such as
 * =HYPERLINK(...), +1, -2 or @x stay text in every output, through all three workbook ports.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { ExcelWorkbook } from "../../src/adapters/excel/excelWorkbook";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { generateCycle } from "../../src/cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { FakeExcel } from "../../src/fakes/fakeExcel";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { WorkbookPort } from "../../src/workbook/port";
import { loadSchedule } from "../support/samples";

const HOSTILE = ['=HYPERLINK("http://evil.example","pay here")', "+1", "-2", "@x", "=1+1", "00123"];

function hostileWorkbook() {
  const sheets = sampleCycleWorkbook();
  const header = sheets.Accounts[0];
  const [name, address, mailing] = ["Name", "Service Address", "Mailing Address"].map((h) => header.indexOf(h));
  HOSTILE.forEach((text, i) => {
    const row = sheets.Accounts[i + 1];
    row[name] = text;
    row[mailing] = text;
    if (i === 0) row[address] = text;
  });
  return sheets;
}

async function generate(port: WorkbookPort) {
  const out = await generateCycle(port, {
    schedule: loadSchedule("chubbuck"),
    settings: DEFAULT_CYCLE_SETTINGS,
    readEdits: DEFAULT_READ_EDIT_SETTINGS,
    now: "2026-11-01T09:00:00Z",
  });
  if (!out.ok) throw new Error(out.message);
}

describe("formula injection", () => {
  it("keeps hostile names as text in the in-memory bills, register and letters", async () => {
    const wb = new MemoryWorkbook(hostileWorkbook());
    await generate(wb);
    for (const sheet of ["Bills", "Bill Register", "Letters", "Door Hangers"]) {
      const cells = wb.sheet(sheet)!.values.flat();
      expect([sheet, cells.filter((c) => typeof c === "string" && HOSTILE.includes(c)).length > 0 || sheet === "Door Hangers"]).toEqual([
        sheet,
        true,
      ]);
    }
    const bills = wb.sheet("Bills")!;
    // The name heads the mailing address, in the envelope's window.
    const at = bills.values.findIndex((r) => r[0] === "+1");
    expect(typeof bills.values[at][0]).toBe("string");
  });

  it("formats every text cell as text before Excel sees its value (fake Office.js counts none coerced)", async () => {
    const fake = new FakeExcel(new MemoryWorkbook(hostileWorkbook()));
    const uninstall = fake.install();
    try {
      await generate(new ExcelWorkbook());
    } finally {
      uninstall();
    }
    expect(fake.stats.coercions).toEqual([]);
    expect(fake.workbook.sheet("Bills")!.values.flat()).toContain('=HYPERLINK("http://evil.example","pay here")');
  });

  it("stores hostile text as strings, not formulas, in the .xlsx", async () => {
    const workbook = new XlsxWorkbook();
    for (const [name, rows] of Object.entries(hostileWorkbook())) await workbook.replaceSheet(name, rows);
    await generate(workbook);
    const path = join(mkdtempSync(join(tmpdir(), "ub-inject-")), "out.xlsx");
    await workbook.save(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const found: { type: ExcelJS.ValueType; value: unknown }[] = [];
    book
      .getWorksheet("Bills")!
      .eachRow((row) => row.eachCell((cell) => HOSTILE.includes(String(cell.value)) && found.push({ type: cell.type, value: cell.value })));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.type === ExcelJS.ValueType.String)).toBe(true);
  });
});
