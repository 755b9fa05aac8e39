import { readFileSync } from "fs";
import { join } from "path";
import { FakeExcel } from "../../src/fakes/fakeExcel";
import * as UB from "../../src/functions/functions";
import { scheduleCache } from "../../src/storage/scheduleCache";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { FUNCTION_EXAMPLES, FUNCTIONS_SHEET, functionsSheet } from "../../src/try/functionsSheet";
import { loadSchedule, sampleScheduleIds } from "../support/samples";

const doc = readFileSync(join(__dirname, "../../docs/functions.md"), "utf8");

/** Each example in the docs: the formula and the first word of what it gives ("650", "#VALUE!", "39.16"). */
function documented(): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of doc.matchAll(/^\| `(=UB\.[^`]+)`[^|]*\| ([^|\n]+)/gm))
    found.set(
      m[1],
      m[2]
        .trim()
        .replace(/^`|`.*$/g, "")
        .split(/[ ,(]/)[0],
    );
  for (const m of doc.matchAll(/^`(=UB\.BILLLINES\([^`]+)` spills:/gm)) found.set(m[1], "spills");
  return found;
}

/** Every UB function as the functions runtime associates it (the names its JSDoc tags give). */
const FUNCTIONS: Record<string, (...args: any[]) => unknown> = {
  CONSUMPTION: UB.consumption,
  TIERED: UB.tiered,
  CHARGE: UB.charge,
  BILL: UB.bill,
  BILLLINES: UB.billLines,
  ESTIMATE: UB.estimate,
  WINTERAVG: UB.winterAvg,
  LEAKADJ: UB.leakAdj,
  BACKBILL: UB.backBill,
  PRORATE: UB.prorate,
};

beforeAll(() => {
  scheduleCache.replaceAll(sampleScheduleIds().map(loadSchedule));
  scheduleCache.markReady();
});

describe("the try page's Functions sheet", () => {
  it("holds every example docs/functions.md gives, saying what the docs say", () => {
    const docs = documented();
    expect(docs.size).toBeGreaterThanOrEqual(20);
    const examples = new Map(FUNCTION_EXAMPLES.map((e) => [e.formula, e.docs]));
    for (const [formula, result] of docs) {
      expect(examples.has(formula) ? formula : `missing: ${formula}`).toBe(formula);
      if (result !== "spills") expect(examples.get(formula)!.split(/[ ,(]/)[0]).toBe(result);
    }
    // One more than the docs write out as a formula: "the same with share 0.5".
    expect(FUNCTION_EXAMPLES.filter((e) => !docs.has(e.formula)).map((e) => e.docs)).toEqual(["28.50 (the same with share 0.5)"]);
  });

  it("gives what the docs say for every example, calculated as Excel would through the add-in's functions", async () => {
    const { rows, formulas } = functionsSheet();
    const fake = new FakeExcel(new MemoryWorkbook({ [FUNCTIONS_SHEET]: rows }));
    for (const [id, fn] of Object.entries(FUNCTIONS)) fake.customFunctions.set(id, fn as (...a: unknown[]) => unknown);
    for (const f of formulas) fake.setFormula(FUNCTIONS_SHEET, f.row, f.column, f.formula);
    // Installed, so a function's error is a CustomFunctions.Error with its code, as in Excel.
    const restore = fake.install();
    try {
      await fake.calculate();
    } finally {
      restore();
    }
    const results = formulas.map((f, i) => {
      const cell = fake.formula(FUNCTIONS_SHEET, f.row, f.column)!;
      const expected = FUNCTION_EXAMPLES[i].docs.split(/[ ,(]/)[0];
      return { formula: f.formula, shown: cell.value, expected: /^[\d.]+$/.test(expected) ? Number(expected) : expected };
    });
    for (const r of results.slice(0, -1)) expect([r.formula, r.shown]).toEqual([r.formula, r.expected]);
    // UB.BILLLINES spills six columns: its total row ends in 39.16, and nothing was in its way.
    const last = formulas[formulas.length - 1];
    const values = fake.workbook.sheet(FUNCTIONS_SHEET)!.values;
    expect(values[last.row].slice(last.column, last.column + 6)).toEqual(["Service", "Description", "Quantity", "Unit", "Price", "Amount"]);
    expect(values[last.row + 5][last.column + 5]).toBe(39.16);
  });
});
