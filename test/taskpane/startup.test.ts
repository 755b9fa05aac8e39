import "fake-indexeddb/auto";
import { readFileSync } from "fs";
import { join } from "path";
import { FakeExcel } from "../../src/fakes/fakeExcel";
import { ExcelWorkbook } from "../../src/adapters/excel/excelWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { ratesSheets } from "../../src/workbook/ratesSheet";
import { UbDatabase } from "../../src/storage/db";
import { scheduleCache } from "../../src/storage/scheduleCache";
import { ScheduleStore } from "../../src/storage/scheduleStore";
import { validateSchedule, RateSchedule } from "../../src/engine";
import { loadSchedules } from "../../src/taskpane/startup";
import { recalculateOnScheduleChange } from "../../src/taskpane/recalculation";
import * as functions from "../../src/functions/functions";
import { RATES_DIR } from "../support/samples";

const chubbuck = () => JSON.parse(readFileSync(join(RATES_DIR, "chubbuck.json"), "utf8"));

/** Chubbuck with the water base the workbook's Rates sheet says: 99.00 instead of the published 24.00. */
function withWaterBase(amount: string): RateSchedule {
  const json = chubbuck();
  json.versions[0].charges[0].amount = amount;
  const result = validateSchedule(json);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

const FORMULA = '=UB.BILL("chubbuck",0,,0,,"2026-10-31")';

describe("schedules at open (the shared runtime's start)", () => {
  it("prices a cell Excel calculates at open from the workbook's Rates sheet, never the stored copy, and recalculates after an import", async () => {
    const workbook = new MemoryWorkbook({ Sheet1: [[null]], ...ratesSheets([withWaterBase("99.00")]).sheets });
    const fake = new FakeExcel(workbook);
    // Each round trip to Excel takes 30 ms, as on the web.
    fake.beforeSync = () => new Promise((resolve) => setTimeout(resolve, 30));
    const restore = fake.install();
    try {
      fake.customFunctions.set("BILL", functions.bill as (...a: unknown[]) => unknown);
      fake.setFormula("Sheet1", 0, 0, FORMULA);
      const db = new UbDatabase("startup-1");
      const store = new ScheduleStore(db, scheduleCache);
      await new ScheduleStore(db, new (scheduleCache.constructor as new () => typeof scheduleCache)()).save(chubbuck(), "sample");
      const excel = new ExcelWorkbook();
      recalculateOnScheduleChange(scheduleCache, excel);

      // Excel calculates the workbook as it opens, while the pane is still starting.
      const opening = fake.calculate();
      await loadSchedules(store, scheduleCache, excel);
      await opening;
      expect(fake.formula("Sheet1", 0, 0)).toMatchObject({ value: 154.4 });
      // The Rates sheet's schedules in its order: the first is the one a cycle bills with.
      expect(scheduleCache.sheetOrder()).toEqual(["chubbuck"]);
      expect(fake.stats.recalculations).toBe(0);

      // Nothing in Excel recalculates a UB cell when a schedule changes; the add-in asks for it.
      await store.save({ ...chubbuck(), versions: [{ ...chubbuck().versions[0], charges: withCharge("30.00") }] }, "file");
      await new Promise((resolve) => setTimeout(resolve, 400));
      await fake.calculation;
      expect(fake.stats.recalculations).toBe(1);
      expect(fake.formula("Sheet1", 0, 0)).toMatchObject({ value: 85.4 });
    } finally {
      restore();
    }
  });
});

function withCharge(amount: string) {
  const charges = chubbuck().versions[0].charges;
  charges[0].amount = amount;
  return charges;
}

describe("recalculateOnScheduleChange", () => {
  it("asks once for a recalculation after an import of seven schedules, and not for the start when no function waited", async () => {
    const { ScheduleCache } = await import("../../src/storage/scheduleCache");
    const { loadPublishedSamples } = await import("../../src/taskpane/ratesActions");
    const { BUNDLED_SCHEDULES } = await import("../../src/taskpane/bundledSchedules");
    const cache = new ScheduleCache();
    const workbook = new MemoryWorkbook();
    recalculateOnScheduleChange(cache, workbook, undefined, 200);
    const store = new ScheduleStore(new UbDatabase("startup-2"), cache);
    await loadSchedules(store, cache, workbook);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(workbook.recalculations).toBe(0);
    await loadPublishedSamples(store, BUNDLED_SCHEDULES);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(workbook.recalculations).toBe(1);
  });
});
