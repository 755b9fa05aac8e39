import { RateSchedule, rowsToScheduleJson } from "../engine";
import { cellAddress } from "./address";
import type { CellValue, SheetValues, WorkbookPort, WriteOptions } from "./port";
import { findHeader, PRICE_COLUMNS, rateTableSheets, readRateTable, SCHEDULE_COLUMNS } from "./rateTable";
import type { RateTableSchedule } from "./rateTable";

export { placeProblem, PRICE_COLUMNS, SCHEDULE_COLUMNS } from "./rateTable";

/** The rate table: one row per price (docs/rate-schedules.md). */
export const RATES_SHEET = "Rates";
/** Beside it, one row per schedule: its name, usage unit, rounding and the rest that is not a price. */
export const RATE_SCHEDULES_SHEET = "Rate Schedules";
/** The earlier layout of the Rates sheet, one row per field of a schedule's JSON; still imported. */
export const FIELD_LAYOUT_HEADER = ["Schedule", "Field", "Value"];

/** The two sheets for these schedules, by name, ready for a workbook. */
export function ratesSheets(schedules: readonly RateSchedule[]): { sheets: Record<string, CellValue[][]>; problems: string[] } {
  const table = rateTableSheets(schedules);
  return { sheets: { [RATES_SHEET]: table.prices, [RATE_SCHEDULES_SHEET]: table.schedules }, problems: table.problems };
}

const PRICE_FORMATS: Partial<Record<(typeof PRICE_COLUMNS)[number], string>> = {
  From: "#,##0.####",
  To: "#,##0.####",
  Price: "#,##0.00##",
};
const PRICE_WIDTHS: Record<(typeof PRICE_COLUMNS)[number], number> = {
  Schedule: 16,
  Effective: 11,
  Charge: 18,
  Description: 26,
  Service: 10,
  Kind: 13,
  Classes: 14,
  Season: 15,
  Size: 7,
  From: 9,
  To: 9,
  Price: 10,
  Unit: 6,
  Per: 20,
  Options: 30,
};

/** Writes both sheets, replacing them whole; returns the schedules the sheets could not hold. */
export async function writeRatesSheets(workbook: WorkbookPort, schedules: readonly RateSchedule[]): Promise<string[]> {
  const { sheets, problems } = ratesSheets(schedules);
  const prices: WriteOptions = {
    headerRows: 1,
    columnWidths: PRICE_COLUMNS.map((c) => PRICE_WIDTHS[c]),
    columnFormats: PRICE_COLUMNS.map((c) => PRICE_FORMATS[c]),
  };
  await workbook.replaceSheet(RATES_SHEET, sheets[RATES_SHEET], prices);
  const widths = SCHEDULE_COLUMNS.map((c) => (c === "Name" || c === "Source" || c === "Notes" ? 40 : c === "Schedule" ? 16 : 12));
  await workbook.replaceSheet(RATE_SCHEDULES_SHEET, sheets[RATE_SCHEDULES_SHEET], { headerRows: 1, columnWidths: widths });
  return problems;
}

/** One schedule read from the sheets: its JSON (still to be validated) and where it came from. */
export type RatesSheetSchedule = Pick<RateTableSchedule, "id" | "json" | "where"> & { readonly cells?: RateTableSchedule["cells"] };

export interface RatesSheetRead {
  readonly schedules: RatesSheetSchedule[];
  readonly problems: string[];
}

/**
 * Reads the schedules on a Rates sheet: a rate table (with its Rate Schedules sheet) or the
 * earlier field/value layout. The header row may sit anywhere in the first 50 rows.
 */
export function readRatesSheet(data: SheetValues, schedules?: SheetValues): RatesSheetRead {
  const table = findHeader(data, ["Schedule", "Charge", "Price"]);
  if (table >= 0) return readRateTable(data, table, schedules, RATE_SCHEDULES_SHEET);
  const fields = findHeader(data, FIELD_LAYOUT_HEADER);
  if (fields >= 0) return readFieldLayout(data, fields);
  return {
    schedules: [],
    problems: [
      `${data.sheet}: no header row in the first 50 rows with the rate table's columns (${PRICE_COLUMNS.join(", ")}) or the columns ${FIELD_LAYOUT_HEADER.join(", ")}`,
    ],
  };
}

/** The schedules on a workbook's Rates sheet, or undefined when it has none. */
export async function readWorkbookRates(workbook: Pick<WorkbookPort, "readSheet">): Promise<RatesSheetRead | undefined> {
  const prices = await workbook.readSheet(RATES_SHEET);
  if (!prices) return undefined;
  const needsSchedules = findHeader(prices, ["Schedule", "Charge", "Price"]) >= 0;
  return readRatesSheet(prices, needsSchedules ? await workbook.readSheet(RATE_SCHEDULES_SHEET) : undefined);
}

const norm = (v: CellValue) =>
  String(v ?? "")
    .trim()
    .toLowerCase();

function readFieldLayout(data: SheetValues, headerIndex: number): RatesSheetRead {
  const header = data.values[headerIndex].map(norm);
  const [sCol, fCol, vCol] = FIELD_LAYOUT_HEADER.map((h) => header.indexOf(h.toLowerCase()));
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
  const schedules: RatesSheetSchedule[] = [];
  for (const [id, rows] of groups) {
    const json = rowsToScheduleJson(rows);
    if (json.ok) schedules.push({ id, json: json.value, where: firstRow.get(id)! });
    else problems.push(json.problem.message);
  }
  return { schedules, problems };
}
