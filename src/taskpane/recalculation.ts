import type { ScheduleCache } from "../storage/scheduleCache";
import type { WorkbookPort } from "../workbook/port";

/**
 * Recalculates the workbook whenever the schedules change once the cache is ready (an import, an
 * edit, a removal, the Rates sheet reloaded), and once at start when a function gave up waiting
 * for the first fill. Excel never recalculates because an add-in's state changed
 * (../shared/OFFICE_NOTES.md), so without this a cell keeps the price of the schedule it was
 * computed with. Changes in quick succession (an import of seven schedules) are batched into
 * one recalculation, `quietMs` after the last. Returns the function that stops watching.
 */
export function recalculateOnScheduleChange(
  cache: ScheduleCache,
  workbook: Pick<WorkbookPort, "recalculate">,
  onError: (error: Error) => void = () => undefined,
  quietMs = 250,
): () => void {
  let wasReady = cache.isReadyNow;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    workbook.recalculate().catch(onError);
  };
  return cache.subscribe(() => {
    const becameReady = !wasReady && cache.isReadyNow;
    wasReady = cache.isReadyNow;
    if (!cache.isReadyNow || (becameReady && !cache.missedAtStart)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, quietMs);
  });
}
