import { addMonths, CycleAccount, CycleInput, CycleReading, Dec, IsoDate, OpeningBalance, ReadEditSettings, ZERO } from "../engine";
import { Decision, decisionFor } from "../review/decisions";
import { runReview } from "../review/runReview";
import type { ReviewResult } from "../review/types";
import {
  ADJUSTMENT_COLUMNS,
  BALANCE_COLUMNS,
  LEDGER_COLUMNS,
  PAYMENT_COLUMNS,
  parseAdjustments,
  parseBalances,
  parseCycleAccounts,
  parseLedger,
  parsePayments,
} from "./../workbook/cycleSheets";
import { CYCLE_ACCOUNT_COLUMNS } from "./../workbook/cycleSheets";
import type { SheetValues, WorkbookPort } from "../workbook/port";
import { ColumnSpec, locateTable } from "../workbook/table";
import { fingerprint } from "./fingerprint";

export interface CycleDates {
  readonly billDate?: IsoDate;
  readonly periodStart?: IsoDate;
  readonly periodEnd?: IsoDate;
  readonly previousBillDate?: IsoDate;
}

export interface LoadedCycle {
  readonly input: CycleInput;
  /**
   * What the read review found. Only its summary is kept: the reads, usages and edits it worked
   * through (100,000 of each in a large city) are not needed once the readings are taken.
   */
  readonly review: Pick<ReviewResult, "sheet" | "reads" | "blankRows" | "counts" | "held" | "disabled" | "contextProblems">;
  readonly problems: string[];
  readonly sheets: Record<"reads" | "accounts" | "balances" | "payments" | "adjustments", string | undefined>;
  /** Each input sheet's fingerprint, for the Run Log. */
  readonly fingerprints: Record<string, string>;
  /** Decisions carried in (re-reads and estimates), for work orders. */
  readonly decisions: readonly Decision[];
}

export type LoadOutcome = { ok: true; value: LoadedCycle } | { ok: false; message: string };

/**
 * Gathers a cycle's inputs from the workbook by their headers: the reviewed reads (the review runs
 * without writing, so its holds and estimates apply), Accounts, Balances (or a Ledger of open
 * items), Payments, Adjustments and Usage History. Dates not given come from the reads: the period
 * runs from the most common previous read date to the most common current read date, the bill is
 * dated the period's end, and the previous bill a month before.
 */
export async function loadCycle(
  port: WorkbookPort,
  options: {
    dates: CycleDates;
    readEdits: ReadEditSettings;
    decisions?: readonly Decision[];
    readsSheet?: string;
    cancelled?: () => boolean;
    progress?: (phase: string, done: number, total: number) => void;
  },
): Promise<LoadOutcome> {
  const review = await runReview(port, {
    readsSheet: options.readsSheet,
    settings: options.readEdits,
    decisions: options.decisions,
    write: false,
    cancelled: options.cancelled,
    progress: options.progress,
  });
  if (!review.ok) return review;
  const r = review.result;
  const heads = await port.readHeads(50);
  const find = <F extends string>(specs: readonly ColumnSpec<F>[], preferred: string, not: (string | undefined)[] = []) => {
    const matches = heads.filter((h) => !not.includes(h.sheet) && locateTable(h, specs).ok).map((h) => h.sheet);
    return matches.find((m) => m.toLowerCase() === preferred.toLowerCase()) ?? matches[0];
  };
  const accountsSheet = find(CYCLE_ACCOUNT_COLUMNS, "Accounts", [r.sheet]);
  if (!accountsSheet) return { ok: false, message: "Billing needs an Accounts sheet (columns Account and Status; see docs/outputs.md)." };
  const paymentsSheet = find(PAYMENT_COLUMNS, "Payments", [r.sheet, accountsSheet]);
  const adjustmentsSheet = find(ADJUSTMENT_COLUMNS, "Adjustments", [r.sheet, accountsSheet, paymentsSheet]);
  const balancesSheet = find(BALANCE_COLUMNS, "Balances", [r.sheet, accountsSheet]);
  const ledgerSheet = balancesSheet ? undefined : find(LEDGER_COLUMNS, "Ledger", [r.sheet, accountsSheet, paymentsSheet, adjustmentsSheet]);

  const problems: string[] = [...r.contextProblems];
  const fingerprints: Record<string, string> = {};
  const read = async (name: string | undefined, phase: string): Promise<SheetValues | undefined> => {
    if (!name) return undefined;
    const data = await port.readSheet(name, { cancelled: options.cancelled, progress: (d, t) => options.progress?.(phase, d, t) });
    if (data) fingerprints[data.sheet] = fingerprint(data.values);
    return data;
  };
  const take = <T>(
    outcome: { ok: true; value: { records: T[]; problems: string[] } } | { ok: false; message: string } | undefined,
  ): T[] => {
    if (!outcome) return [];
    if (!outcome.ok) {
      problems.push(outcome.message);
      return [];
    }
    problems.push(...outcome.value.problems);
    return outcome.value.records;
  };
  await read(r.sheet, "Fingerprinting reads");
  const accounts = take(parseCycleAccounts((await read(accountsSheet, "Reading accounts"))!));
  const dates = cycleDates(r, options.dates);
  const balancesData = await read(balancesSheet ?? ledgerSheet, "Reading balances");
  const balances: OpeningBalance[] = balancesData
    ? take(balancesSheet ? parseBalances(balancesData) : parseLedger(balancesData, dates.previousBillDate))
    : [];
  const payments = take(paymentsSheet ? parsePayments((await read(paymentsSheet, "Reading payments"))!) : undefined);
  const adjustments = take(adjustmentsSheet ? parseAdjustments((await read(adjustmentsSheet, "Reading adjustments"))!) : undefined);
  const decisions = options.decisions ?? [];

  return {
    ok: true,
    value: {
      review: {
        sheet: r.sheet,
        reads: r.reads,
        blankRows: r.blankRows,
        counts: r.counts,
        held: r.held,
        disabled: r.disabled,
        contextProblems: r.contextProblems,
      },
      problems,
      fingerprints,
      decisions,
      sheets: {
        reads: r.sheet,
        accounts: accountsSheet,
        balances: balancesSheet ?? ledgerSheet,
        payments: paymentsSheet,
        adjustments: adjustmentsSheet,
      },
      input: {
        ...dates,
        accounts,
        balances: new Map(balances.map((b) => [b.account, b])),
        payments,
        adjustments,
        readings: readings(r, decisions),
        history: r.history,
        held: heldAccounts(r, accounts),
      },
    },
  };
}

function mode(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]?.[0];
}

function cycleDates(
  r: ReviewResult,
  given: CycleDates,
): { billDate: IsoDate; periodStart: IsoDate; periodEnd: IsoDate; previousBillDate: IsoDate } {
  const reads = [...r.readRows.values()];
  const periodEnd = given.periodEnd ?? mode(reads.map((x) => x.currentDate)) ?? given.billDate ?? "1970-01-01";
  const periodStart = given.periodStart ?? mode(reads.map((x) => x.previousDate)) ?? addMonths(periodEnd, -1);
  const billDate = given.billDate ?? periodEnd;
  return { billDate, periodStart, periodEnd, previousBillDate: given.previousBillDate ?? addMonths(billDate, -1) };
}

/** Each account's usage for the period: the reviewed usage, or the estimate decided in the review; meters summed. */
function readings(r: ReviewResult, decisions: readonly Decision[]): Map<string, CycleReading> {
  const byKey = new Map(decisions.map((d) => [d.key, d]));
  const result = new Map<string, CycleReading>();
  for (const [row, read] of r.readRows) {
    if (!read.account) continue;
    const estimate = decisionFor(byKey, read, "*");
    const estimated = estimate?.kind === "estimated" && estimate.estimate !== undefined;
    const usage = estimated ? new Dec(estimate!.estimate!) : r.usage.get(row);
    if (usage === null || usage === undefined) continue;
    const prior = result.get(read.account);
    result.set(read.account, {
      account: read.account,
      meter: prior ? `${prior.meter}+${read.meter}` : read.meter,
      previous: prior ? null : read.previous,
      current: prior ? null : read.current,
      previousDate: read.previousDate,
      currentDate: read.currentDate,
      usage: (prior?.usage ?? ZERO).plus(usage),
      estimated: estimated || read.readCode === "E" || Boolean(prior?.estimated),
    });
  }
  return result;
}

/** Accounts with an open error edit, by account, with the codes. */
function heldAccounts(r: ReviewResult, accounts: readonly CycleAccount[]): Map<string, string[]> {
  const known = new Set(accounts.map((a) => a.account));
  const held = new Map<string, string[]>();
  for (const item of r.items) {
    if (item.severity !== "error" || item.decision || !item.account || !known.has(item.account)) continue;
    const codes = held.get(item.account);
    if (!codes) held.set(item.account, [item.code]);
    else if (!codes.includes(item.code)) codes.push(item.code);
  }
  return held;
}
