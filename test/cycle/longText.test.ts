/**
 * A cell holds at most 32,767 characters (Excel specifications and limits). An account whose name
 * is as long as a cell may be makes longer lines in the cycle's outputs ("Dear ...," on its
 * letter): Excel refuses such a cell, and the whole request with it. The cycle cuts the line to
 * fit, says so in its problems, and bills everyone (issue 13).
 */
import { join } from "path";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { ExcelWorkbook } from "../../src/adapters/excel/excelWorkbook";
import { readXlsxFast } from "../../src/adapters/xlsx/fastRead";
import { writeXlsx } from "../../src/adapters/xlsx/fastXlsx";
import { generateCycle } from "../../src/cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { FakeExcel } from "../../src/fakes/fakeExcel";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { runUbill } from "../support/cli";
import { loadSchedule } from "../support/samples";

const LONGEST = 32_767;

/** The sample cycle with the account of every kind of letter named with a cell's most characters. */
function longNames() {
  const sheets = sampleCycleWorkbook();
  const header = sheets.Accounts[0];
  const name = header.indexOf("Name");
  for (const row of sheets.Accounts.slice(1)) row[name] = `Customer ${row[0]} ${"x".repeat(LONGEST)}`.slice(0, LONGEST);
  return sheets;
}

const longest = (rows: readonly (readonly unknown[])[]) => Math.max(0, ...rows.flat().map((c) => (typeof c === "string" ? c.length : 0)));

it("fits every cell Excel is given to 32,767 characters and names what it cut", async () => {
  const fake = new FakeExcel(new MemoryWorkbook(longNames()));
  const uninstall = fake.install();
  try {
    const out = await generateCycle(new ExcelWorkbook(), {
      schedule: loadSchedule("chubbuck"),
      settings: DEFAULT_CYCLE_SETTINGS,
      readEdits: DEFAULT_READ_EDIT_SETTINGS,
      now: "2026-11-01T09:00:00Z",
    });
    if (!out.ok) throw new Error(out.message);
    expect(out.run.result.register.billed).toBe(20);
    expect(out.run.problems.find((p) => p.startsWith("Letters:"))).toMatch(
      /^Letters: \d+ cells? longer than a cell holds \(32,767 characters\), cut to fit, the first A\d+ \(32,7\d\d characters\); an account's name, address or a letter template is too long$/,
    );
  } finally {
    uninstall();
  }
  for (const name of fake.workbook.sheets.keys())
    expect([name, longest(fake.workbook.sheet(name)!.values) <= LONGEST]).toEqual([name, true]);
  const letters = fake.workbook
    .sheet("Letters")!
    .values.flat()
    .filter((c): c is string => typeof c === "string");
  expect(letters.some((c) => c.startsWith("Dear ") && c.length === LONGEST && c.endsWith("…"))).toBe(true);
});

it("ubill cycle cuts the same cells in OUT.xlsx and prints what it cut", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ub-long-"));
  const input = join(dir, "in.xlsx");
  await writeXlsx(input, new MemoryWorkbook(longNames()));
  const r = await runUbill("cycle", input, "--out", join(dir, "out.xlsx"));
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/Letters: \d+ cells? longer than a cell holds/);
  const out = readXlsxFast(join(dir, "out.xlsx"));
  for (const [name, sheet] of out.sheets) expect([name, longest(sheet.values) <= LONGEST]).toEqual([name, true]);
});
