import type { RateSchedule } from "./types";

/**
 * The storage form of a validated schedule: plain JSON with every amount as a decimal string
 * (decimal.js serialises to its exact text), ready for a file, Dexie or a Rates sheet.
 */
export function scheduleToJson(schedule: RateSchedule): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schedule)) as Record<string, unknown>;
}
