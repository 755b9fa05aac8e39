import { parseScheduleText, scheduleToJson } from "../engine";
import type { ScheduleCache } from "../storage/scheduleCache";
import type { ScheduleStore } from "../storage/scheduleStore";
import { placeProblem, RATE_SCHEDULES_SHEET, RATES_SHEET, readWorkbookRates, writeRatesSheets } from "../workbook/ratesSheet";
import type { WorkbookPort } from "../workbook/port";

/** What an import or export did: the schedules it handled and every problem, each on its own line. */
export interface ActionReport {
  readonly done: string[];
  readonly problems: string[];
}

/** Imports one schedule object or a list of them from a JSON file's text. */
export async function importJsonText(store: ScheduleStore, text: string, fileName: string): Promise<ActionReport> {
  const read = parseScheduleText(text);
  if (!read.ok) return { done: [], problems: [`${fileName}: ${read.problem.message}`] };
  const parsed = read.value;
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const report: ActionReport = { done: [], problems: [] };
  for (const [i, item] of items.entries()) {
    const saved = await store.save(item, "file");
    if (saved.ok) report.done.push(saved.value.id);
    else report.problems.push(`${fileName}${items.length > 1 ? ` item ${i + 1}` : ""}: ${saved.problem.message}`);
  }
  return report;
}

/** Imports every schedule on the workbook's Rates sheet into local storage. */
export async function importRatesSheet(store: ScheduleStore, workbook: WorkbookPort): Promise<ActionReport> {
  const read = await readWorkbookRates(workbook);
  if (!read)
    return {
      done: [],
      problems: [
        `This workbook has no sheet named "${RATES_SHEET}". Export one first: it writes the ${RATES_SHEET} sheet (one row per price) and the ${RATE_SCHEDULES_SHEET} sheet.`,
      ],
    };
  const report: ActionReport = { done: [], problems: [...read.problems] };
  for (const entry of read.schedules) {
    const saved = await store.save(entry.json, "sheet");
    if (saved.ok) report.done.push(saved.value.id);
    else report.problems.push(placeProblem(entry, saved.problem.message));
  }
  return report;
}

/** Writes every loaded schedule to the Rates and Rate Schedules sheets, replacing them whole. */
export async function exportRatesSheet(cache: ScheduleCache, workbook: WorkbookPort): Promise<ActionReport> {
  const schedules = cache.list();
  const problems = await writeRatesSheets(workbook, schedules);
  const left = new Set(problems.map((p) => /^Rate schedule "([^"]*)"/.exec(p)?.[1]));
  return { done: schedules.map((s) => s.id).filter((id) => !left.has(id)), problems };
}

/**
 * Stores the published sample schedules (samples/rates) on this computer. Only when the user asks:
 * they carry real cities' ids, and a function must never price "chubbuck" from a bundled copy
 * the user did not choose.
 */
export async function loadPublishedSamples(store: ScheduleStore, samples: readonly unknown[]): Promise<ActionReport> {
  const report: ActionReport = { done: [], problems: [] };
  for (const json of samples) {
    const saved = await store.save(json, "sample");
    if (saved.ok) report.done.push(saved.value.id);
    else report.problems.push(saved.problem.message);
  }
  return report;
}

/** Every loaded schedule as one JSON document, for a file. */
export function schedulesJson(cache: ScheduleCache): string {
  return JSON.stringify(cache.list().map(scheduleToJson), null, 2) + "\n";
}

/**
 * A copy of a loaded schedule to edit as the proposed one: saved as "<id>-proposed" (or -proposed-2,
 * ...) and written with every loaded schedule to the Rates sheet, where its prices are edited and
 * imported again. The schedule copied is not changed.
 */
export async function copyAsProposed(
  store: ScheduleStore,
  cache: ScheduleCache,
  workbook: WorkbookPort,
  id: string,
): Promise<ActionReport> {
  const schedule = cache.get(id);
  if (!schedule) return { done: [], problems: [`No rate schedule "${id}" is loaded.`] };
  const taken = new Set(cache.list().map((s) => s.id.toLowerCase()));
  let copyId = `${id}-proposed`;
  for (let k = 2; taken.has(copyId.toLowerCase()); k++) copyId = `${id}-proposed-${k}`;
  const json = { ...(scheduleToJson(schedule) as Record<string, unknown>), id: copyId, name: `${schedule.name} (proposed)` };
  const saved = await store.save(json, "sheet");
  if (!saved.ok) return { done: [], problems: [saved.problem.message] };
  const written = await exportRatesSheet(cache, workbook);
  return { done: [copyId], problems: written.problems };
}
