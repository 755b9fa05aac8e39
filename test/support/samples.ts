import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { validateSchedule, RateSchedule } from "../../src/engine";

export const RATES_DIR = join(__dirname, "..", "..", "samples", "rates");

/** Reads and validates a committed sample schedule; fails the test loudly if it is invalid. */
export function loadSchedule(id: string): RateSchedule {
  const json: unknown = JSON.parse(readFileSync(join(RATES_DIR, `${id}.json`), "utf8"));
  const result = validateSchedule(json);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

export function sampleScheduleIds(): string[] {
  return readdirSync(RATES_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();
}
