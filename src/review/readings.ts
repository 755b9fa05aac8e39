import {
  AccountRecord,
  addMonths,
  computeConsumption,
  CycleReading,
  Dec,
  IsoDate,
  MeterLeg,
  MeterRead,
  MeterReading,
  ONE,
  ReadSource,
} from "../engine";
import { Decision, decisionKey } from "./decisions";
import type { ReviewItem, ReviewResult } from "./types";

/** What the readings need of an account: its meter, multiplier and dials (for the legs of an exchange). */
type MeterRecord = Pick<AccountRecord, "meter" | "multiplier" | "dials">;
type ReadsOfReview = Pick<ReviewResult, "readRows" | "usage" | "decisions"> & { readonly accounts?: ReadonlyMap<string, MeterRecord> };

/**
 * Each account's meters for the period as the review leaves them: the usage it computed (null when
 * it cannot be known), the specialist's estimate in its place, a re-read requested (the read on
 * file is then not used), and both legs of a meter exchange. The cycle and the review's counts
 * both read the accounts' reads through here, so they decide alike.
 */
export function accountReadings(r: ReadsOfReview): Map<string, CycleReading> {
  const byAccount = new Map<string, MeterReading[]>();
  for (const [row, read] of r.readRows) {
    if (!read.account) continue;
    const whole: Decision | undefined = r.decisions.get(decisionKey(read, "*"));
    const specialist = whole?.kind === "estimated" && whole.estimate !== undefined;
    const usage = specialist ? new Dec(whole!.estimate!) : (r.usage.get(row) ?? null);
    const source: ReadSource = specialist
      ? "specialist's estimate"
      : read.readCode === "E"
        ? "reader's estimate"
        : read.readCode === "C"
          ? "customer"
          : "actual";
    const legs = read.exchange && usage !== null && !specialist ? exchangeLegs(read, r.accounts?.get(read.account)) : undefined;
    const meter: MeterReading = {
      meter: read.meter,
      previous: read.previous,
      current: read.current,
      previousDate: read.previousDate,
      currentDate: read.currentDate,
      usage,
      source,
      rereadRequested: whole?.kind === "reread",
      legs,
    };
    const list = byAccount.get(read.account);
    if (list) list.push(meter);
    else byAccount.set(read.account, [meter]);
  }
  const result = new Map<string, CycleReading>();
  byAccount.forEach((meters, account) => result.set(account, { account, meters }));
  return result;
}

/** Both legs of an exchange: the old meter to its final read, the new one from its set read. */
function exchangeLegs(read: MeterRead, record: MeterRecord | undefined): readonly [MeterLeg, MeterLeg] | undefined {
  const x = read.exchange!;
  if (read.previous === null || read.current === null) return undefined;
  const multiplier = read.multiplier ?? record?.multiplier ?? ONE;
  const dials = read.dials ?? record?.dials;
  const exchange = { oldFinal: x.oldFinal, newSet: x.newSet, newDials: x.newDials ?? dials, newMultiplier: multiplier };
  const plain = computeConsumption({ previous: read.previous, current: read.current, multiplier }, exchange);
  const computed = plain.ok ? plain : computeConsumption({ previous: read.previous, current: read.current, multiplier, dials }, exchange);
  if (!computed.ok || computed.value.legs.length !== 2) return undefined;
  const [oldLeg, newLeg] = computed.value.legs;
  const newMeter = x.newMeter || read.meter;
  const oldMeter = x.oldMeter || (record?.meter && record.meter !== newMeter ? record.meter : "old meter");
  return [
    { meter: oldMeter, from: oldLeg.from, to: oldLeg.to, usage: oldLeg.usage },
    { meter: newMeter, from: newLeg.from, to: newLeg.to, usage: newLeg.usage },
  ];
}

/** Accounts with an open error edit, with the codes; only accounts on the Accounts sheet when there is one. */
export function openErrors(
  items: readonly ReviewItem[],
  known?: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): Map<string, string[]> {
  const held = new Map<string, string[]>();
  for (const item of items) {
    if (item.severity !== "error" || item.decision || !item.account || (known && !known.has(item.account))) continue;
    const codes = held.get(item.account);
    if (!codes) held.set(item.account, [item.code]);
    else if (!codes.includes(item.code)) codes.push(item.code);
  }
  return held;
}

/** Rows whose read cannot be tied to an account: no account number, or one not on the Accounts sheet. */
export function unmatchedRows(r: {
  readonly readRows: ReviewResult["readRows"];
  readonly accounts?: ReadonlyMap<string, unknown>;
}): number {
  let count = 0;
  for (const read of r.readRows.values()) if (!read.account || (r.accounts && !r.accounts.has(read.account))) count++;
  return count;
}

export interface CyclePeriod {
  readonly billDate: IsoDate;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly previousBillDate: IsoDate;
}

function mode(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]?.[0];
}

/**
 * The cycle's dates, from what is given and otherwise from the reads: the period runs from the most
 * common previous read date to the most common current read date, the bill is dated the period's
 * end, and the previous bill a month before.
 */
export function readPeriod(readRows: ReadonlyMap<number, MeterRead>, given: Partial<CyclePeriod> = {}): CyclePeriod {
  const reads = [...readRows.values()];
  const periodEnd = given.periodEnd ?? mode(reads.map((x) => x.currentDate)) ?? given.billDate ?? "1970-01-01";
  const periodStart = given.periodStart ?? mode(reads.map((x) => x.previousDate)) ?? addMonths(periodEnd, -1);
  const billDate = given.billDate ?? periodEnd;
  return { billDate, periodStart, periodEnd, previousBillDate: given.previousBillDate ?? addMonths(billDate, -1) };
}
