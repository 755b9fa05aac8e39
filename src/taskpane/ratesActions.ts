import { parseScheduleText, scheduleToJson } from "../engine";
import type { ScheduleCache } from "../storage/scheduleCache";
import type { ScheduleStore } from "../storage/scheduleStore";
import { RATES_SHEET, ratesSheetRows, readRatesSheet } from "../workbook/ratesSheet";
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
  const sheet = await workbook.readSheet(RATES_SHEET);
  if (!sheet)
    return {
      done: [],
      problems: [
        `This workbook has no sheet named "${RATES_SHEET}". Export one first, or add a sheet with the columns Schedule, Field, Value.`,
      ],
    };
  const read = readRatesSheet(sheet);
  const report: ActionReport = { done: [], problems: [...read.problems] };
  for (const entry of read.schedules) {
    const saved = await store.save(entry.json, "sheet");
    if (saved.ok) report.done.push(saved.value.id);
    else report.problems.push(`${entry.where}: ${saved.problem.message}`);
  }
  return report;
}

/** Writes every loaded schedule to the Rates sheet, replacing it whole. */
export async function exportRatesSheet(cache: ScheduleCache, workbook: WorkbookPort): Promise<ActionReport> {
  const schedules = cache.list();
  await workbook.replaceSheet(RATES_SHEET, ratesSheetRows(schedules), { headerRows: 1, columnWidths: [22, 48, 24] });
  return { done: schedules.map((s) => s.id), problems: [] };
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
