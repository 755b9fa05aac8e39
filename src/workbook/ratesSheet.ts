import { RateSchedule, rowsToScheduleJson, scheduleToJson, scheduleToRows } from "../engine";
import { cellAddress } from "./address";
import type { CellValue, SheetValues } from "./port";

export const RATES_SHEET = "Rates";
export const RATES_HEADER = ["Schedule", "Field", "Value"];

/**
 * A Rates sheet: one row per field of each schedule's JSON (docs/rate-schedules.md), so the
 * workbook carries its own rates and the add-in can rebuild its store from it.
 */
export function ratesSheetRows(schedules: readonly RateSchedule[]): CellValue[][] {
  const rows: CellValue[][] = [RATES_HEADER];
  for (const schedule of schedules) {
    for (const row of scheduleToRows(scheduleToJson(schedule), schedule.id)) rows.push([row.schedule, row.field, row.value]);
  }
  return rows;
}

export interface RatesSheetRead {
  /** Each schedule's JSON, still to be validated, with the sheet row where it starts. */
  readonly schedules: { readonly id: string; readonly json: unknown; readonly where: string }[];
  readonly problems: string[];
}

const norm = (v: CellValue) =>
  String(v ?? "")
    .trim()
    .toLowerCase();

/** Reads schedules from a Rates sheet; the header row may sit anywhere in the first 50 rows. */
export function readRatesSheet(data: SheetValues): RatesSheetRead {
  const headerIndex = data.values.slice(0, 50).findIndex((row) => {
    const cells = row.map(norm);
    return RATES_HEADER.every((h) => cells.includes(h.toLowerCase()));
  });
  if (headerIndex < 0) {
    return { schedules: [], problems: [`${data.sheet}: no header row with the columns ${RATES_HEADER.join(", ")} in the first 50 rows`] };
  }
  const header = data.values[headerIndex].map(norm);
  const [sCol, fCol, vCol] = RATES_HEADER.map((h) => header.indexOf(h.toLowerCase()));
  const groups = new Map<string, { field: string; value: CellValue; where: string }[]>();
  const firstRow = new Map<string, string>();
  const problems: string[] = [];
  for (let i = headerIndex + 1; i < data.values.length; i++) {
    const row = data.values[i];
    const id = String(row[sCol] ?? "").trim();
    const field = String(row[fCol] ?? "").trim();
    if (id === "" && field === "") continue;
    const where = cellAddress(data.sheet, data.top + i, data.left + fCol);
    if (id === "" || field === "") {
      problems.push(`${where}: each row needs a schedule id and a field`);
      continue;
    }
    if (!groups.has(id)) {
      groups.set(id, []);
      firstRow.set(id, cellAddress(data.sheet, data.top + i, data.left + sCol));
    }
    groups.get(id)!.push({ field, value: row[vCol] === "" ? null : (row[vCol] ?? null), where });
  }
  const schedules: RatesSheetRead["schedules"][number][] = [];
  for (const [id, rows] of groups) {
    const json = rowsToScheduleJson(rows);
    if (json.ok) schedules.push({ id, json: json.value, where: firstRow.get(id)! });
    else problems.push(json.problem.message);
  }
  return { schedules, problems };
}
