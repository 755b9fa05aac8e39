import {
  checkReadEditThresholds,
  CyclePolicy,
  DEFAULT_READ_EDIT_SETTINGS,
  EDIT_CODES,
  HolidayRule,
  holidayRuleText,
  isDecimalText,
  LadderStep,
  parseHolidayRule,
  POCATELLO_POLICY,
  ReadEditSettings,
  Severity,
  THRESHOLD_MODES,
} from "../engine";
import { DEFAULT_OFFICE, Office } from "../cycle/settings";
import { OFFICE_FIELDS } from "../cycle/office";
import { DATE_FORMATS, MONEY_FORMATS } from "../cycle/format";
import type { UbDatabase } from "./db";

/** Settings the user changes in the Settings view, with their defaults. */
export interface Settings {
  /** The schedule the Rates view and the CLI demo open with. */
  readonly defaultSchedule: string;
  /** Rows per Excel request when reading or writing sheets (5,000-20,000 per OFFICE_NOTES). */
  readonly blockRows: number;
  /** Read-edit thresholds (docs/read-edits.md). */
  readonly readEdits: ReadEditSettings;
  /** Billing and collection policy (docs/outputs.md); Pocatello's by default. */
  readonly policy: CyclePolicy;
  /** Who bills, letters and door hangers come from. */
  readonly office: Office;
}

export const DEFAULT_SETTINGS: Settings = {
  defaultSchedule: "chubbuck",
  blockRows: 20000,
  readEdits: DEFAULT_READ_EDIT_SETTINGS,
  policy: POCATELLO_POLICY,
  office: DEFAULT_OFFICE,
};

const MONEY_FIELDS = [
  "lateFeePercent",
  "lateFeeMinimum",
  "shutoffFee",
  "returnedPaymentFee",
  "restoreDeposit",
  "delinquencyMinimum",
] as const;
export const DAY_FIELDS: Record<string, [number, number]> = {
  dueDays: [1, 90],
  graceDays: [0, 60],
  shutoffNoticeBusinessDays: [1, 60],
  doorHangerBusinessDays: [1, 10],
  collectionsAfterDays: [1, 730],
  returnedPaymentDays: [1, 60],
  nsfCashOnlyAfter: [1, 12],
  levelPayTrueUpMonth: [1, 12],
};
export const LADDER_STEPS: readonly LadderStep[] = ["none", "reminder", "late notice", "final notice"];

/** The ladder's steps when they never go down a rung as the bills past due grow; otherwise undefined. */
export function cleanLadder(stored: unknown): CyclePolicy["noticeLadder"] | undefined {
  if (!Array.isArray(stored) || stored.length !== 3 || !stored.every((s) => LADDER_STEPS.includes(s as LadderStep))) return undefined;
  const rank = stored.map((s) => LADDER_STEPS.indexOf(s as LadderStep));
  return rank[0] <= rank[1] && rank[1] <= rank[2] ? (stored as unknown as CyclePolicy["noticeLadder"]) : undefined;
}

/** Holiday rules kept from storage: each must read back from its own text (engine/calendar). */
export function cleanHolidays(stored: unknown): readonly HolidayRule[] | undefined {
  if (!Array.isArray(stored) || stored.length > 100) return undefined;
  const rules: HolidayRule[] = [];
  for (const r of stored) {
    if (typeof r !== "object" || r === null) return undefined;
    let text: string;
    try {
      text = holidayRuleText(r as HolidayRule);
    } catch {
      return undefined;
    }
    const parsed = parseHolidayRule(text);
    if (!parsed.ok) return undefined;
    rules.push(parsed.value);
  }
  return rules;
}

/**
 * Policy values kept when valid (decimals zero or more, whole days in range, a ladder that never
 * goes down, holidays that read back); the rest are `base`'s: the defaults when reading storage,
 * the last saved policy when the Settings view saves, so a half-typed value never replaces one.
 */
export function cleanPolicy(stored: unknown, base: CyclePolicy = POCATELLO_POLICY): CyclePolicy {
  const raw = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const result: Record<string, unknown> = { ...base };
  for (const key of MONEY_FIELDS) {
    const v = raw[key];
    if (typeof v === "string" && isDecimalText(v) && !v.trim().startsWith("-")) result[key] = v.trim();
  }
  for (const [key, [min, max]] of Object.entries(DAY_FIELDS)) {
    const v = raw[key];
    if (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max) result[key] = v;
  }
  if (typeof raw.waiveLateFeeOnArrangement === "boolean") result.waiveLateFeeOnArrangement = raw.waiveLateFeeOnArrangement;
  if (typeof raw.vacantBaseCharges === "boolean") result.vacantBaseCharges = raw.vacantBaseCharges;
  if (raw.noUsableRead === "estimate" || raw.noUsableRead === "hold") result.noUsableRead = raw.noUsableRead;
  result.noticeLadder = cleanLadder(raw.noticeLadder) ?? base.noticeLadder;
  result.holidays = cleanHolidays(raw.holidays) ?? base.holidays;
  return result as unknown as CyclePolicy;
}

/** Stored office values kept when they are text (formats when they are one of the list); the rest default. */
export function cleanOffice(stored: unknown): Office {
  const raw = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const result: Record<string, string> = { ...DEFAULT_OFFICE };
  for (const { key } of OFFICE_FIELDS) {
    const v = raw[key];
    if (typeof v === "string") result[key] = v.slice(0, 500);
  }
  if (!result.utilityName.trim()) result.utilityName = DEFAULT_OFFICE.utilityName;
  if (!(DATE_FORMATS as readonly string[]).includes(result.dateFormat)) result.dateFormat = DEFAULT_OFFICE.dateFormat;
  if (!(MONEY_FORMATS as readonly string[]).includes(result.moneyFormat)) result.moneyFormat = DEFAULT_OFFICE.moneyFormat;
  if (result.paper !== "Letter" && result.paper !== "A4") result.paper = DEFAULT_OFFICE.paper;
  return result as unknown as Office;
}

/** Limits for each numeric read-edit threshold, for the Settings view and for stored values. */
export const READ_EDIT_LIMITS: Record<
  Exclude<keyof ReadEditSettings, "baseline" | "severities" | "thresholdMode" | "thresholdInclusive">,
  [number, number]
> = {
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
  if (raw.thresholdInclusive === true || raw.thresholdInclusive === false) result.thresholdInclusive = raw.thresholdInclusive;
  if ((THRESHOLD_MODES as readonly unknown[]).includes(raw.thresholdMode)) result.thresholdMode = raw.thresholdMode;
  // "percentOf" reads the same four numbers differently (175 is 175% of the baseline): limits that
  // do not fit that reading are not kept half-way; the mode and the four limits default together.
  if (!checkReadEditThresholds(result as unknown as ReadEditSettings).ok) {
    for (const key of ["thresholdMode", "highPercent", "veryHighPercent", "lowPercent", "veryLowPercent"] as const)
      result[key] = DEFAULT_READ_EDIT_SETTINGS[key];
  }
  // A severity for a code that is an edit, and a severity there is; a stored "__proto__" matches nothing.
  const severities = typeof raw.severities === "object" && raw.severities !== null ? (raw.severities as Record<string, unknown>) : {};
  const kept: Record<string, Severity> = {};
  for (const code of EDIT_CODES) {
    const v = Object.prototype.hasOwnProperty.call(severities, code) ? severities[code] : undefined;
    if (v === "error" || v === "warning" || v === "info") kept[code] = v;
  }
  result.severities = kept;
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
    policy: cleanPolicy(stored.policy),
    office: cleanOffice(stored.office),
  };
}

/** How long a run of changes to one setting is one audit entry: typing "40.00" is one change, not five. */
const AUDIT_COALESCE_MS = 60_000;

/** A setting's value as the audit log shows it: only what changed, for an object. */
function changedText(before: unknown, after: unknown): { from: string; to: string } {
  if (before && after && typeof before === "object" && typeof after === "object") {
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    return {
      from: keys.map((k) => `${k} ${JSON.stringify(a[k])}`).join(", "),
      to: keys.map((k) => `${k} ${JSON.stringify(b[k])}`).join(", "),
    };
  }
  return { from: JSON.stringify(before), to: JSON.stringify(after) };
}

/**
 * Saves a setting and writes the change to the audit log with its old and new value, in one
 * transaction. Changes to the same setting within a minute of the last are one entry (its first
 * old value, its last new one). `at` is the clock's ISO time, read at the edge.
 */
export async function saveSetting<K extends keyof Settings>(
  db: UbDatabase,
  key: K,
  value: Settings[K],
  at = new Date().toISOString(),
): Promise<void> {
  await db.transaction("rw", db.settings, db.audit, async () => {
    const before = (await db.settings.get(key))?.value ?? DEFAULT_SETTINGS[key];
    if (JSON.stringify(before) === JSON.stringify(value)) return;
    await db.settings.put({ key, value });
    const last = await db.audit.orderBy("id").last();
    const recent =
      last && last.action === "setting.changed" && last.subject === key && Date.parse(at) - Date.parse(last.at) < AUDIT_COALESCE_MS;
    if (recent && last.id !== undefined) {
      const change = changedText(last.from, value);
      await db.audit.update(last.id, { at, detail: `${change.from} → ${change.to}`, to: value });
      return;
    }
    const change = changedText(before, value);
    await db.audit.add({ at, action: "setting.changed", subject: key, detail: `${change.from} → ${change.to}`, from: before, to: value });
  });
}
