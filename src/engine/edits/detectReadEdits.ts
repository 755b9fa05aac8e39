import { Dec, ONE } from "../decimal";
import { daysBetween } from "../dates/civilDate";
import { quantityText } from "../money/format";
import { usageBaseline } from "./baseline";
import { EDITS } from "./catalog";
import { readUsage } from "./readUsage";
import type { ReadEditSettings } from "./settings";
import type { AccountRecord, EditCode, MeterRead, ReadEdit, ReviewedRead, UsageRecord } from "./types";

/** The context sheets a review has; an absent one turns off the edits that need it. */
export interface ReviewContext {
  readonly accounts?: ReadonlyMap<string, AccountRecord>;
  /** Each account's history, oldest first. */
  readonly history?: ReadonlyMap<string, readonly UsageRecord[]>;
}

/**
 * Runs every read edit (engine/edits/catalog.ts) over a cycle's reads: register checks, usage
 * against the baseline, read codes, dates, duplicates, and the account record. Each edit carries
 * the numbers that raised it. Pure and deterministic: the same reads, context and settings give
 * the same edits in the same order (by row, then catalog order).
 */
export function detectReadEdits(reads: readonly MeterRead[], context: ReviewContext, settings: ReadEditSettings): ReviewedRead[] {
  const meterRows = new Map<string, number[]>();
  const accountMeters = new Map<string, Map<string, number>>();
  for (const read of reads) {
    if (read.meter) {
      const rows = meterRows.get(read.meter);
      if (rows) rows.push(read.row);
      else meterRows.set(read.meter, [read.row]);
    }
    if (read.account) {
      const meters = accountMeters.get(read.account) ?? new Map<string, number>();
      if (!meters.has(read.meter)) meters.set(read.meter, read.row);
      accountMeters.set(read.account, meters);
    }
  }
  return reads.map((read) => reviewRead(read, context, settings, meterRows, accountMeters));
}

function reviewRead(
  read: MeterRead,
  context: ReviewContext,
  settings: ReadEditSettings,
  meterRows: Map<string, number[]>,
  accountMeters: Map<string, Map<string, number>>,
): ReviewedRead {
  const edits: ReadEdit[] = [];
  const add = (code: EditCode, message: string) =>
    edits.push({
      row: read.row,
      account: read.account,
      meter: read.meter,
      code,
      severity: settings.severities[code] ?? EDITS[code].severity,
      field: EDITS[code].field,
      message,
    });

  if (!read.account || !read.meter) {
    add(
      "MISSING_ID",
      `this row has ${read.account ? "an account but no meter" : read.meter ? "a meter but no account" : "reads but no account or meter"}; a merged or cleared cell?`,
    );
  }
  const record = read.account ? context.accounts?.get(read.account) : undefined;
  if (context.accounts && read.account && !record) add("UNKNOWN_ACCOUNT", `account ${read.account} is not on the Accounts sheet`);

  const multiplier = read.multiplier ?? record?.multiplier ?? ONE;
  if (record?.multiplier && read.multiplier && !record.multiplier.equals(read.multiplier)) {
    add("MULTIPLIER_MISMATCH", `the read's multiplier ${read.multiplier} differs from the account's ${record.multiplier}`);
  }
  if (record?.meter && read.meter && record.meter !== read.meter && !read.exchange) {
    add(
      "METER_MISMATCH",
      `meter ${read.meter} was read, but account ${read.account} has meter ${record.meter} and no exchange is recorded`,
    );
  }

  const { usage, findings } = readUsage(read, read.dials ?? record?.dials, multiplier, settings.rolloverPercent);
  for (const f of findings) add(f.code, f.message);

  if (usage && record && record.status !== "active" && usage.greaterThan(0) && !finalRead(record, read)) {
    add(
      "USAGE_ON_INACTIVE",
      `account ${read.account} is ${record.status}${record.closeDate ? ` since ${record.closeDate}` : ""} but used ${quantityText(usage)}`,
    );
  }
  if (usage && usage.isZero() && (!record || record.status === "active")) {
    add("ZERO_USAGE", record ? `no usage on active account ${read.account}` : `no usage (account status unknown: no Accounts sheet)`);
  }

  const history = read.account ? context.history?.get(read.account) : undefined;
  const prior = history ? (read.currentDate ? history.filter((h) => h.periodEnd < read.currentDate!) : history) : [];
  const baseline = history ? usageBaseline(history, settings.baseline, settings.baselinePeriods, read.currentDate) : null;
  if (usage && baseline && baseline.volume.greaterThanOrEqualTo(settings.minimumBaseline))
    checkAgainstBaseline(usage, baseline, settings, add);

  if (read.readCode === "E") {
    add("ESTIMATED_READ", "the read is an estimate");
    let run = 1;
    for (let i = prior.length - 1; i >= 0 && prior[i].readCode === "E"; i--) run++;
    if (history && run >= settings.consecutiveEstimates) add("CONSECUTIVE_ESTIMATES", `estimate ${run} in a row for this meter`);
  }
  if (read.readCode === "C") add("CUSTOMER_READ", "the customer supplied this read");

  if (usage && usage.greaterThan(0) && prior.length >= settings.repeatPeriods && settings.repeatPeriods > 0) {
    const last = prior.slice(-settings.repeatPeriods);
    if (last.every((h) => h.usage.equals(usage)))
      add("REPEATED_USAGE", `usage ${quantityText(usage)} is the same as each of the last ${settings.repeatPeriods} periods`);
  }

  if (read.previousDate && read.currentDate) {
    const days = daysBetween(read.previousDate, read.currentDate);
    if (days <= 0)
      add(
        "READ_DATES_OUT_OF_ORDER",
        `current read date ${read.currentDate} is ${days === 0 ? "the same as" : "before"} the previous read date ${read.previousDate}`,
      );
    else if (days < settings.minCycleDays || days > settings.maxCycleDays) {
      add("CYCLE_LENGTH", `${days} days between reads; the cycle allows ${settings.minCycleDays} to ${settings.maxCycleDays}`);
    }
  }

  const sameMeter = read.meter ? meterRows.get(read.meter)! : [];
  if (sameMeter.length > 1) {
    add(
      "DUPLICATE_METER",
      `meter ${read.meter} is also read on row${sameMeter.length > 2 ? "s" : ""} ${sameMeter
        .filter((r) => r !== read.row)
        .map((r) => r + 1)
        .join(", ")}`,
    );
  }
  const meters = read.account ? accountMeters.get(read.account)! : undefined;
  if (meters && meters.size > 1) {
    const others = [...meters].filter(([m]) => m !== read.meter).map(([m, row]) => `${m} (row ${row + 1})`);
    add("DUPLICATE_ACCOUNT", `account ${read.account} also has reads for meter ${others.join(", ")}`);
  }

  return { read, usage, baseline: baseline?.volume ?? null, edits: edits.sort((a, b) => ORDER.indexOf(a.code) - ORDER.indexOf(b.code)) };
}

const ORDER = Object.keys(EDITS) as EditCode[];

/** A final account's last read: it closed after the previous read, so the usage is its final bill's. */
function finalRead(record: AccountRecord, read: MeterRead): boolean {
  return (
    record.status === "final" && record.closeDate !== undefined && (read.previousDate === undefined || record.closeDate > read.previousDate)
  );
}

/**
 * HIGH/VERY_HIGH and LOW/VERY_LOW against the baseline, the limits read by thresholdMode: percent
 * above or below the baseline (Oracle CC&B, the default) or usage as a percent of it (Infor
 * Public Sector); exactly at a limit raises the edit only when thresholdInclusive is set.
 */
function checkAgainstBaseline(
  usage: Dec,
  baseline: { volume: Dec; label: string },
  settings: ReadEditSettings,
  add: (code: EditCode, message: string) => void,
): void {
  const base = baseline.volume;
  const of = `${baseline.label} of ${quantityText(base.toDecimalPlaces(2))}`;
  const inclusive = settings.thresholdInclusive === true;
  const beyond = (value: Dec, limit: number) => (inclusive ? value.greaterThanOrEqualTo(limit) : value.greaterThan(limit));
  if (settings.thresholdMode === "percentOf") {
    checkPercentOf(usage, usage.div(base).times(100), of, settings, inclusive, add);
    return;
  }
  const percent = usage.minus(base).div(base).times(100);
  const shown = `${quantityText(percent.abs().toDecimalPlaces(0))}%`;
  // Exclusive (the default) keeps the messages exactly as they were; inclusive says "or more".
  const limit = (name: string, value: number) => `(${name} limit ${value}%${inclusive ? " or more" : ""})`;
  if (beyond(percent, settings.veryHighPercent))
    add("VERY_HIGH_USAGE", `usage ${quantityText(usage)} is ${shown} above ${of} ${limit("very-high", settings.veryHighPercent)}`);
  else if (beyond(percent, settings.highPercent))
    add("HIGH_USAGE", `usage ${quantityText(usage)} is ${shown} above ${of} ${limit("high", settings.highPercent)}`);
  else if (usage.greaterThan(0) && beyond(percent.negated(), settings.veryLowPercent))
    add("VERY_LOW_USAGE", `usage ${quantityText(usage)} is ${shown} below ${of} ${limit("very-low", settings.veryLowPercent)}`);
  else if (usage.greaterThan(0) && beyond(percent.negated(), settings.lowPercent))
    add("LOW_USAGE", `usage ${quantityText(usage)} is ${shown} below ${of} ${limit("low", settings.lowPercent)}`);
}

/** The "percentOf" reading: usage / baseline x 100 against limits above 100 (high) and below 100 (low). */
function checkPercentOf(
  usage: Dec,
  ratio: Dec,
  of: string,
  settings: ReadEditSettings,
  inclusive: boolean,
  add: (code: EditCode, message: string) => void,
): void {
  const shown = `${quantityText(ratio.toDecimalPlaces(0))}%`;
  const above = (limit: number) => (inclusive ? ratio.greaterThanOrEqualTo(limit) : ratio.greaterThan(limit));
  const below = (limit: number) => (inclusive ? ratio.lessThanOrEqualTo(limit) : ratio.lessThan(limit));
  const high = (name: string, value: number) => `(${name} limit: ${inclusive ? "at or above" : "above"} ${value}% of it)`;
  const low = (name: string, value: number) => `(${name} limit: ${inclusive ? "at or below" : "below"} ${value}% of it)`;
  const text = `usage ${quantityText(usage)} is ${shown} of ${of}`;
  if (above(settings.veryHighPercent)) add("VERY_HIGH_USAGE", `${text} ${high("very-high", settings.veryHighPercent)}`);
  else if (above(settings.highPercent)) add("HIGH_USAGE", `${text} ${high("high", settings.highPercent)}`);
  else if (usage.greaterThan(0) && below(settings.veryLowPercent))
    add("VERY_LOW_USAGE", `${text} ${low("very-low", settings.veryLowPercent)}`);
  else if (usage.greaterThan(0) && below(settings.lowPercent)) add("LOW_USAGE", `${text} ${low("low", settings.lowPercent)}`);
}
