import type { ScheduleCache } from "../storage/scheduleCache";
import type { WorkbookPort } from "../workbook/port";

/**
 * Recalculates the workbook whenever the schedules change once the cache is ready (an import, an
 * edit, a removal, the Rates sheet reloaded), and once at start when a function gave up waiting
 * for the first fill. Excel never recalculates because an add-in's state changed
 * (../shared/OFFICE_NOTES.md), so without this a cell keeps the price of the schedule it was
 * computed with. Changes within one task are batched into one recalculation. Returns the
 * function that stops watching.
 */
export function recalculateOnScheduleChange(
  cache: ScheduleCache,
  workbook: Pick<WorkbookPort, "recalculate">,
  onError: (error: Error) => void = () => undefined,
): () => void {
  let wasReady = cache.isReadyNow;
  let queued = false;
  const run = () => {
    queued = false;
    workbook.recalculate().catch(onError);
  };
  return cache.subscribe(() => {
    const becameReady = !wasReady && cache.isReadyNow;
    wasReady = cache.isReadyNow;
    if (!cache.isReadyNow || (becameReady && !cache.missedAtStart) || queued) return;
    queued = true;
    setTimeout(run, 0);
  });
}
