import type { RateSchedule } from "../engine";

/**
 * The rate schedules custom functions price against, held in memory. In the shared runtime the
 * task pane fills it (from Dexie and the workbook's Rates sheet) and the functions read it, so a
 * function never waits on storage. `whenReady` lets a function called during start-up wait for
 * the first fill instead of failing. The cache is ready only when the pane says so, after the
 * Rates sheet has been merged over the stored copies: Excel calls functions at open, before the
 * pane has started (../shared/OFFICE_NOTES.md), and a function answering from a stored copy the
 * workbook overrides would put the wrong price in a cell that nothing recalculates.
 */
export class ScheduleCache {
  private schedules = new Map<string, RateSchedule>();
  private onSheet: string[] = [];
  private resolveReady!: () => void;
  private isReady = false;
  private readonly ready = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  private readonly listeners = new Set<() => void>();

  /** A function gave up waiting for the first fill (its cell shows #N/A until recalculated). */
  private missed = false;

  /** Replaces the whole cache; it does not make the cache ready (see markReady). */
  replaceAll(schedules: readonly RateSchedule[]): void {
    this.schedules = new Map(schedules.map((s) => [s.id.toLowerCase(), s]));
    this.listeners.forEach((l) => l());
  }

  /**
   * The ids on the workbook's Rates sheet, in its order: the first is the one a cycle bills with
   * unless the user chooses (as `ubill cycle` does).
   */
  setSheetOrder(ids: readonly string[]): void {
    this.onSheet = [...ids];
    this.listeners.forEach((l) => l());
  }

  /** The loaded schedules' ids as the Rates sheet lists them. */
  sheetOrder(): string[] {
    return this.onSheet.filter((id) => this.schedules.has(id.toLowerCase()));
  }

  put(schedule: RateSchedule): void {
    this.schedules.set(schedule.id.toLowerCase(), schedule);
    this.listeners.forEach((l) => l());
  }

  remove(id: string): void {
    this.schedules.delete(id.toLowerCase());
    this.listeners.forEach((l) => l());
  }

  get(id: string): RateSchedule | undefined {
    return this.schedules.get(id.trim().toLowerCase());
  }

  ids(): string[] {
    return [...this.schedules.values()].map((s) => s.id).sort();
  }

  list(): RateSchedule[] {
    return [...this.schedules.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  get isReadyNow(): boolean {
    return this.isReady;
  }

  /** True when a function timed out waiting for the first fill, so its cell needs a recalculation. */
  get missedAtStart(): boolean {
    return this.missed;
  }

  /** Every schedule the workbook and this computer provide is in: functions may answer now. */
  markReady(): void {
    this.isReady = true;
    this.resolveReady();
    this.listeners.forEach((l) => l());
  }

  /** Resolves true once filled, or false after `timeoutMs` so a function never shows #BUSY! forever. */
  whenReady(timeoutMs: number): Promise<boolean> {
    if (this.isReady) return Promise.resolve(true);
    return Promise.race([
      this.ready.then(() => true),
      new Promise<boolean>((resolve) =>
        setTimeout(() => {
          if (!this.isReady) this.missed = true;
          resolve(this.isReady);
        }, timeoutMs),
      ),
    ]);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The one cache of the runtime, shared by the task pane and the custom functions. */
export const scheduleCache = new ScheduleCache();
