import { FakeExcel } from "../../src/fakes/fakeExcel";
import type { BlankArguments } from "../../src/fakes/fakeFormulas";
import * as UB from "../../src/functions/functions";
import { scheduleCache } from "../../src/storage/scheduleCache";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { loadSchedule, sampleScheduleIds } from "../support/samples";

beforeAll(() => {
  scheduleCache.replaceAll(sampleScheduleIds().map(loadSchedule));
  scheduleCache.markReady();
});

const FUNCTIONS: Record<string, (...args: any[]) => unknown> = {
  CONSUMPTION: UB.consumption,
  TIERED: UB.tiered,
  CHARGE: UB.charge,
  BILL: UB.bill,
  ESTIMATE: UB.estimate,
  WINTERAVG: UB.winterAvg,
  LEAKADJ: UB.leakAdj,
  BACKBILL: UB.backBill,
};

/**
 * A sheet whose cells the formulas refer to; blank cells are null. Columns: A usage, B-C blocks
 * (last limit blank, one blank row), D-E history (a blank row), F-H back-bill rows (a blank row),
 * I baseline (a blank month), and J left blank for every optional argument.
 */
const SHEET: CellValue[][] = [
  [8000, 5, "2.00", 40, 31, 46203, 2000, 12000, 5000, null],
  [null, 10, "3.00", 35, 29, 46234, 2000, 12000, null, null],
  [null, null, null, null, null, null, null, null, 7000, null],
  [null, null, "4.00", 35, 30, 46265, 2000, 12000, null, null],
];

const FORMULAS: [string, string, CellValue][] = [
  ["a blank dials, multiplier and unit size", "=UB.CONSUMPTION(100, 250, J1, J2, J3)", 150],
  ["a blank last block limit and a blank row of blocks", "=UB.TIERED(12, B1:C4, J1, J2)", 10 + 15 + 8],
  ["a blank meter size, days and date", '=UB.CHARGE("chubbuck", "water", A1, J1, J2, "2026-10-31")', 33.2],
  ["a blank cart count (no garbage) and blank days", '=UB.BILL("chubbuck", A1, J1, J2, J3, "2026-10-31")', 88.6],
  ["one cart and blank days", '=UB.BILL("chubbuck", A1, J1, 1, J3, "2026-10-31")', 106.4],
  ["a blank row in the history", "=UB.ESTIMATE(D1:D4, E1:E4, 30)", 37],
  ["a blank row in the winter months", "=UB.WINTERAVG(D1:D4, E1:E4)", 37.18],
  ["a blank month in the baseline and blank options", '=UB.LEAKADJ("harlingen", 30000, I1:I4, J1, J2, 1000, J3, "2026-10-31")', 35.6],
  ["a blank row of periods and blank options", '=UB.BACKBILL("harlingen", F1:F4, G1:G4, H1:H4, J1, J2, "2026-08-15")', 57],
  ["a blank range of monthly usage", '=UB.BILL("chubbuck", A1, J1, 1, J3, "2026-10-31", J1:J4)', 106.4],
  ["a blank month among the bills, and no days", "=UB.WINTERAVG(I1:I4)", 6000],
  ["a blank returns", '=UB.LEAKADJ("harlingen", 30000, I1:I4, J1, J2, 1000, J3, "2026-10-31", J4, J1)', 35.6],
];

async function calculate(blanks: BlankArguments): Promise<Map<string, CellValue>> {
  const fake = new FakeExcel(new MemoryWorkbook({ Data: SHEET.map((r) => [...r]), Out: [] }), { blankArguments: blanks });
  for (const [id, fn] of Object.entries(FUNCTIONS)) fake.customFunctions.set(id, fn);
  FORMULAS.forEach(([, formula], i) => fake.setFormula("Data", 10 + i, 0, formula));
  await fake.calculate();
  return new Map(
    FORMULAS.map(([what], i) => {
      const cell = fake.formula("Data", 10 + i, 0)!;
      return [what, cell.message ? `${cell.value} ${cell.message}` : cell.value];
    }),
  );
}

describe("blank cells passed to UB functions as null (the web) and as 0 (some desktop builds)", () => {
  let web: Map<string, CellValue>;
  let desktop: Map<string, CellValue>;
  beforeAll(async () => {
    web = await calculate("null");
    desktop = await calculate("zero");
  });

  it.each(FORMULAS)("answers the same with %s", (what, _formula, expected) => {
    expect({ what, web: web.get(what), desktop: desktop.get(what) }).toEqual({ what, web: expected, desktop: expected });
  });
});
