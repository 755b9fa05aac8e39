import type { RateSchedule } from "../engine";
import { validateSchedule } from "../engine";
import type { ScheduleCache } from "../storage/scheduleCache";
import type { ScheduleStore } from "../storage/scheduleStore";
import { placeProblem, readWorkbookRates } from "../workbook/ratesSheet";
import type { WorkbookPort } from "../workbook/port";

/**
 * Fills the schedule cache when the runtime starts: the schedules stored on this computer, then
 * any on the workbook's Rates sheet, which win because the workbook is the record. Only then is
 * the cache ready, so a function Excel called at open never answers from a copy the workbook
 * overrides. Nothing is stored on first run: the published samples carry real cities' ids, so
 * they price only after the user loads them (Rates view). Returns the problems met, for the
 * Rates view to show.
 */
export async function loadSchedules(store: ScheduleStore, cache: ScheduleCache, workbook: WorkbookPort): Promise<string[]> {
  const problems: string[] = [];
  try {
    const { invalid } = await store.loadIntoCache();
    for (const bad of invalid) problems.push(`Stored schedule ${bad.id} no longer validates: ${bad.message}`);
  } catch (error) {
    problems.push(`Local storage could not be read (${(error as Error).message}); only the workbook's Rates sheet is used.`);
  }
  try {
    problems.push(...(await mergeRatesSheet(cache, workbook)));
  } catch (error) {
    problems.push(`The Rates sheet could not be read (${(error as Error).message}).`);
  }
  cache.markReady();
  return problems;
}

/** Puts every valid schedule on the workbook's Rates sheet into the cache, over any stored copy. */
export async function mergeRatesSheet(cache: ScheduleCache, workbook: WorkbookPort): Promise<string[]> {
  const read = await readWorkbookRates(workbook);
  if (!read) return [];
  const problems = [...read.problems];
  const fromSheet: RateSchedule[] = [];
  for (const entry of read.schedules) {
    const result = validateSchedule(entry.json);
    if (result.ok) fromSheet.push(result.value);
    else problems.push(placeProblem(entry, result.problem.message));
  }
  const merged = new Map(cache.list().map((s) => [s.id.toLowerCase(), s]));
  for (const schedule of fromSheet) merged.set(schedule.id.toLowerCase(), schedule);
  cache.replaceAll([...merged.values()]);
  cache.setSheetOrder(fromSheet.map((s) => s.id));
  return problems;
}
