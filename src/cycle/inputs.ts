import type { CycleInput, IsoDate, OpeningBalance, ReadEditSettings } from "../engine";
import { ACCOUNT_CHANGES_SHEET, accountsAsOf, parseAccountChanges } from "../accounts/accountChanges";
import { applyPlans, parsePlans } from "../accounts/plans";
import { PAYMENT_PLANS_SHEET } from "../accounts/sheets";
import { cycleDatesProblem } from "../engine";
import type { Decision } from "../review/decisions";
import { accountReadings, openErrors, readPeriod, unmatchedRows } from "../review/readings";
import { runReview, type ReviewOptions } from "../review/runReview";
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
import { isAddInSheet } from "../workbook/ownSheets";
import { Office, OFFICE_SHEET, parseOffice } from "./office";
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
  readonly review: Pick<ReviewResult, "sheet" | "reads" | "blankRows" | "counts" | "disabled" | "contextProblems">;
  readonly problems: string[];
  readonly sheets: Record<"reads" | "accounts" | "balances" | "payments" | "adjustments", string | undefined>;
  /** Each input sheet's fingerprint, for the Run Log. */
  readonly fingerprints: Record<string, string>;
  /** The workbook's Office sheet, when it has one (bills, letters and door hangers print it). */
  readonly office?: Office;
  /** Read rows that could not be matched to an account (no account number, or not on the Accounts sheet). */
  readonly unmatchedRows: number;
  /** Decisions carried in (re-reads and estimates), for work orders. */
  readonly decisions: readonly Decision[];
}

/** The sheets a cycle bills from besides the reads, found by their headers (the sheet named for its role first). */
export function cycleInputSheets(
  heads: readonly SheetValues[],
  readsSheet: string,
): Record<"accounts" | "payments" | "adjustments" | "balances" | "ledger", string | undefined> {
  const find = <F extends string>(specs: readonly ColumnSpec<F>[], preferred: string, not: (string | undefined)[] = []) => {
    const matches = heads.filter((h) => !not.includes(h.sheet) && !isAddInSheet(h.sheet) && locateTable(h, specs).ok).map((h) => h.sheet);
    return matches.find((m) => m.toLowerCase() === preferred.toLowerCase()) ?? matches[0];
  };
  const accounts = find(CYCLE_ACCOUNT_COLUMNS, "Accounts", [readsSheet]);
  if (!accounts) return { accounts, payments: undefined, adjustments: undefined, balances: undefined, ledger: undefined };
  const payments = find(PAYMENT_COLUMNS, "Payments", [readsSheet, accounts]);
  const adjustments = find(ADJUSTMENT_COLUMNS, "Adjustments", [readsSheet, accounts, payments]);
  const balances = find(BALANCE_COLUMNS, "Balances", [readsSheet, accounts]);
  const ledger = balances ? undefined : find(LEDGER_COLUMNS, "Ledger", [readsSheet, accounts, payments, adjustments]);
  return { accounts, payments, adjustments, balances, ledger };
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
    historyRead?: ReviewOptions["historyRead"];
    /** A sheet's values when they were read elsewhere already (`ubill cycle`'s second thread), or undefined to read it here. */
    sheetRead?: (sheet: string) => Promise<SheetValues | undefined>;
    cancelled?: () => boolean;
    progress?: (phase: string, done: number, total: number) => void;
  },
): Promise<LoadOutcome> {
  const review = await runReview(port, {
    readsSheet: options.readsSheet,
    settings: options.readEdits,
    decisions: options.decisions,
    // The cycle decides every account itself; the review's own count of them would only cost memory.
    standing: false,
    write: false,
    forCycle: true,
    historyRead: options.historyRead,
    cancelled: options.cancelled,
    progress: options.progress,
  });
  if (!review.ok) return review;
  const r = review.result;
  const {
    accounts: accountsSheet,
    payments: paymentsSheet,
    adjustments: adjustmentsSheet,
    balances: balancesSheet,
    ledger: ledgerSheet,
  } = cycleInputSheets(await port.readHeads(50), r.sheet);
  if (!accountsSheet) return { ok: false, message: "Billing needs an Accounts sheet (columns Account and Status; see docs/outputs.md)." };

  const problems: string[] = [...r.contextProblems];
  // Edits that could not run decide who is held: the run says which, and why.
  for (const reason of new Set(r.disabled.map((d) => d.reason)))
    problems.push(
      `Read edits off (${reason}): ${r.disabled
        .filter((d) => d.reason === reason)
        .map((d) => d.code)
        .join(", ")}`,
    );
  const fingerprints: Record<string, string> = Object.create(null);
  const read = async (name: string | undefined, phase: string): Promise<SheetValues | undefined> => {
    if (!name) return undefined;
    const data =
      (await options.sheetRead?.(name)) ??
      (await port.readSheet(name, { cancelled: options.cancelled, progress: (d, t) => options.progress?.(phase, d, t) }));
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
  // The review read the reads and Accounts sheets already: their fingerprint and rows are shared, not read again.
  const shared = r.shared;
  if (shared) fingerprints[r.sheet] = shared.readsFingerprint;
  else await read(r.sheet, "Fingerprinting reads");
  const sharedAccounts = shared?.accountsData?.sheet === accountsSheet ? shared.accountsData : undefined;
  if (sharedAccounts) fingerprints[sharedAccounts.sheet] = fingerprint(sharedAccounts.values);
  const typedAccounts = sharedAccounts ?? (await read(accountsSheet, "Reading accounts"))!;
  const dates = readPeriod(r.readRows, options.dates);
  const datesProblem = cycleDatesProblem(dates);
  if (datesProblem) return { ok: false, message: datesProblem };
  // Each account as it was at the period's end: the Accounts sheet with the Account Changes in effect then (ADR 0011).
  const changesData = await read(ACCOUNT_CHANGES_SHEET, "Reading account changes");
  const changes = parseAccountChanges(changesData);
  problems.push(...changes.problems);
  const accounts = take(parseCycleAccounts(accountsAsOf(typedAccounts, changes.changes, dates.periodEnd)));
  const balancesData = await read(balancesSheet ?? ledgerSheet, "Reading balances");
  const balances: OpeningBalance[] = balancesData
    ? take(balancesSheet ? parseBalances(balancesData) : parseLedger(balancesData, dates.previousBillDate))
    : [];
  const payments = take(paymentsSheet ? parsePayments((await read(paymentsSheet, "Reading payments"))!) : undefined);
  const adjustments = take(adjustmentsSheet ? parseAdjustments((await read(adjustmentsSheet, "Reading adjustments"))!) : undefined);
  // Payment plans (the Payment Plans sheet): each judged at the bill date; a missed or paid-off plan
  // ends the account's arrangement for this cycle, so the notice ladder applies (src/accounts/plans.ts).
  const plans = parsePlans(await read(PAYMENT_PLANS_SHEET, "Reading payment plans"));
  problems.push(...plans.problems);
  applyPlans(accounts, plans.plans, payments, dates.billDate);
  const decisions = options.decisions ?? [];
  const officeData = await port.readSheet(OFFICE_SHEET);
  const office = officeData ? parseOffice(officeData) : undefined;
  if (office) problems.push(...office.problems);
  const byId = new Map(accounts.map((a) => [a.account, a]));

  return {
    ok: true,
    value: {
      review: {
        sheet: r.sheet,
        reads: r.reads,
        blankRows: r.blankRows,
        counts: r.counts,

        disabled: r.disabled,
        contextProblems: r.contextProblems,
      },
      problems,
      fingerprints,
      unmatchedRows: unmatchedRows({ readRows: r.readRows, accounts: byId }),
      office: office?.office,
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
        readings: known(accountReadings({ ...r, accounts: byId }), accounts),
        history: r.history,
        held: openErrors(r.items, byId),
      },
    },
  };
}

/** Only the reads of accounts on the Accounts sheet: the rest are rows that could not be matched. */
function known<T>(readings: Map<string, T>, accounts: readonly { account: string }[]): Map<string, T> {
  const ids = new Set(accounts.map((a) => a.account));
  for (const account of [...readings.keys()]) if (!ids.has(account)) readings.delete(account);
  return readings;
}
