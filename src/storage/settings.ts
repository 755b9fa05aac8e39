import { DEFAULT_READ_EDIT_SETTINGS, ReadEditSettings } from "../engine";
import type { UbDatabase } from "./db";

/** Settings the user changes in the Settings view, with their defaults. */
export interface Settings {
  /** The schedule the Rates view and the CLI demo open with. */
  readonly defaultSchedule: string;
  /** Rows per Excel request when reading or writing sheets (5,000-20,000 per OFFICE_NOTES). */
  readonly blockRows: number;
  /** Read-edit thresholds (docs/read-edits.md). */
  readonly readEdits: ReadEditSettings;
}

export const DEFAULT_SETTINGS: Settings = { defaultSchedule: "chubbuck", blockRows: 20000, readEdits: DEFAULT_READ_EDIT_SETTINGS };

/** Limits for each numeric read-edit threshold, for the Settings view and for stored values. */
export const READ_EDIT_LIMITS: Record<Exclude<keyof ReadEditSettings, "baseline" | "severities">, [number, number]> = {
  baselinePeriods: [1, 24],
  highPercent: [1, 10000],
  veryHighPercent: [1, 10000],
  lowPercent: [1, 100],
  veryLowPercent: [1, 100],
  minimumBaseline: [0, 1_000_000_000],
  rolloverPercent: [0, 100],
  minCycleDays: [1, 400],
  maxCycleDays: [1, 400],
  repeatPeriods: [0, 24],
  consecutiveEstimates: [1, 24],
};

/** Stored read-edit settings, each value kept only when it is in range; the rest default. */
export function cleanReadEdits(stored: unknown): ReadEditSettings {
  const raw = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const result: Record<string, unknown> = { ...DEFAULT_READ_EDIT_SETTINGS };
  for (const [key, [min, max]] of Object.entries(READ_EDIT_LIMITS)) {
    const v = raw[key];
    if (typeof v === "number" && Number.isFinite(v) && v >= min && v <= max) result[key] = v;
  }
  if (raw.baseline === "average" || raw.baseline === "lastYear" || raw.baseline === "prior") result.baseline = raw.baseline;
  return result as unknown as ReadEditSettings;
}

export async function loadSettings(db: UbDatabase): Promise<Settings> {
  const rows = await db.settings.toArray();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    defaultSchedule: typeof stored.defaultSchedule === "string" ? stored.defaultSchedule : DEFAULT_SETTINGS.defaultSchedule,
    blockRows:
      typeof stored.blockRows === "number" && stored.blockRows >= 500 && stored.blockRows <= 50000
        ? stored.blockRows
        : DEFAULT_SETTINGS.blockRows,
    readEdits: cleanReadEdits(stored.readEdits),
  };
}

export async function saveSetting<K extends keyof Settings>(db: UbDatabase, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
