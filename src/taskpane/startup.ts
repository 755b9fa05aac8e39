import type { RateSchedule } from "../engine";
import { validateSchedule } from "../engine";
import type { ScheduleCache } from "../storage/scheduleCache";
import type { ScheduleStore } from "../storage/scheduleStore";
import { RATES_SHEET, readRatesSheet } from "../workbook/ratesSheet";
import type { WorkbookPort } from "../workbook/port";
import { BUNDLED_SCHEDULES } from "./bundledSchedules";

/**
 * Fills the schedule cache when the runtime starts: the schedules stored on this computer (the
 * published samples on first run), then any on the workbook's Rates sheet, which win because the
 * workbook is the record. Returns the problems met, for the Rates view to show.
 */
export async function loadSchedules(store: ScheduleStore, cache: ScheduleCache, workbook: WorkbookPort): Promise<string[]> {
  const problems: string[] = [];
  try {
    if ((await store.list()).length === 0) {
      for (const json of BUNDLED_SCHEDULES) await store.save(json, "sample");
    }
    const { invalid } = await store.loadIntoCache();
    for (const bad of invalid) problems.push(`Stored schedule ${bad.id} no longer validates: ${bad.message}`);
  } catch (error) {
    problems.push(`Local storage could not be read (${(error as Error).message}); only the workbook's Rates sheet is used.`);
  }
  try {
    const sheet = await workbook.readSheet(RATES_SHEET);
    if (sheet) {
      const read = readRatesSheet(sheet);
      problems.push(...read.problems);
      const fromSheet: RateSchedule[] = [];
      for (const entry of read.schedules) {
        const result = validateSchedule(entry.json);
        if (result.ok) fromSheet.push(result.value);
        else problems.push(`${entry.where}: ${result.problem.message}`);
      }
      for (const schedule of fromSheet) cache.put(schedule);
    }
  } catch (error) {
    problems.push(`The Rates sheet could not be read (${(error as Error).message}).`);
  }
  cache.markReady();
  return problems;
}
