import type { UbDatabase } from "./db";

/** Settings the user changes in the Settings view, with their defaults. */
export interface Settings {
  /** The schedule the Rates view and the CLI demo open with. */
  readonly defaultSchedule: string;
  /** Rows per Excel request when reading or writing sheets (5,000-20,000 per OFFICE_NOTES). */
  readonly blockRows: number;
}

export const DEFAULT_SETTINGS: Settings = { defaultSchedule: "chubbuck", blockRows: 10000 };

export async function loadSettings(db: UbDatabase): Promise<Settings> {
  const rows = await db.settings.toArray();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    defaultSchedule: typeof stored.defaultSchedule === "string" ? stored.defaultSchedule : DEFAULT_SETTINGS.defaultSchedule,
    blockRows:
      typeof stored.blockRows === "number" && stored.blockRows >= 500 && stored.blockRows <= 50000
        ? stored.blockRows
        : DEFAULT_SETTINGS.blockRows,
  };
}

export async function saveSetting<K extends keyof Settings>(db: UbDatabase, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
