import type { RateSchedule } from "../engine";

/**
 * The rate schedules custom functions price against, held in memory. In the shared runtime the
 * task pane fills it (from Dexie and the workbook's Rates sheet) and the functions read it, so a
 * function never waits on storage. `whenReady` lets a function called during start-up wait for
 * the first fill instead of failing.
 */
export class ScheduleCache {
  private schedules = new Map<string, RateSchedule>();
  private resolveReady!: () => void;
  private isReady = false;
  private readonly ready = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  private readonly listeners = new Set<() => void>();

  /** Replaces the whole cache (after a load or an import) and marks it ready. */
  replaceAll(schedules: readonly RateSchedule[]): void {
    this.schedules = new Map(schedules.map((s) => [s.id.toLowerCase(), s]));
    this.markReady();
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

  markReady(): void {
    this.isReady = true;
    this.resolveReady();
    this.listeners.forEach((l) => l());
  }

  /** Resolves true once filled, or false after `timeoutMs` so a function never shows #BUSY! forever. */
  whenReady(timeoutMs: number): Promise<boolean> {
    if (this.isReady) return Promise.resolve(true);
    return Promise.race([this.ready.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs))]);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The one cache of the runtime, shared by the task pane and the custom functions. */
export const scheduleCache = new ScheduleCache();
