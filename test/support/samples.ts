import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { CycleReading, dec, MeterReading, validateSchedule, RateSchedule, scheduleToJson, scheduleToRows } from "../../src/engine";
import type { CellValue } from "../../src/workbook/port";
import { FIELD_LAYOUT_HEADER } from "../../src/workbook/ratesSheet";

export const RATES_DIR = join(__dirname, "..", "..", "samples", "rates");

/** Reads and validates a committed sample schedule; fails the test loudly if it is invalid. */
export function loadSchedule(id: string): RateSchedule {
  const json: unknown = JSON.parse(readFileSync(join(RATES_DIR, `${id}.json`), "utf8"));
  const result = validateSchedule(json);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

/** A Rates sheet in the earlier field/value layout (one row per field of the JSON), which still imports. */
export function fieldLayoutRows(schedules: readonly RateSchedule[]): CellValue[][] {
  const rows: CellValue[][] = [FIELD_LAYOUT_HEADER];
  for (const s of schedules) for (const r of scheduleToRows(scheduleToJson(s), s.id)) rows.push([r.schedule, r.field, r.value]);
  return rows;
}

export function sampleScheduleIds(): string[] {
  return readdirSync(RATES_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();
}

/** One meter read for the cycle tests: an actual read from `previous` to `current`, or the given fields. */
export function reading(account: string, usage: number | null, over: Partial<MeterReading> = {}): CycleReading {
  return {
    account,
    meters: [
      {
        meter: `M${account}`,
        previous: dec(0),
        current: usage === null ? null : dec(usage),
        usage: usage === null ? null : dec(usage),
        source: "actual",
        rereadRequested: false,
        ...over,
      },
    ],
  };
}
