import type { RateSchedule } from "../../../engine";
import type { ScheduleCache } from "../../../storage/scheduleCache";

/**
 * The schedule a bill made today is priced with, as the Generate view and `ubill cycle` pick it:
 * the workbook is the record, so the first schedule on its Rates sheet; without one, the default
 * in Settings. Undefined when neither is loaded.
 */
export function billingSchedule(cache: ScheduleCache, defaultId: string): RateSchedule | undefined {
  const id = cache.sheetOrder()[0] ?? defaultId;
  return cache.get(id);
}
