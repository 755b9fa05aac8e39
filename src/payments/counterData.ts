import {
  addDays,
  AccountEntry,
  AccountForPayment,
  AccountIndex,
  Adjustment,
  AccountBalance,
  balanceNow,
  cashOnlyReason,
  CycleAccount,
  POCATELLO_POLICY,
  indexAccounts,
  IsoDate,
  OpeningBalance,
  Payment,
  PostedBatch,
  usageHistoryOf,
} from "../engine";
import type { UsageRecord } from "../engine";
import { ADJUSTMENT_COLUMNS, BALANCE_COLUMNS, CYCLE_ACCOUNT_COLUMNS, PAYMENT_COLUMNS } from "../workbook/cycleSheets";
import { parseAdjustments, parseBalances, parseCycleAccounts, parsePayments } from "../workbook/cycleSheets";
import { HISTORY_COLUMNS, parseHistorySheet } from "../workbook/contextSheets";
import { idText } from "../workbook/cells";
import { isAddInSheet } from "../workbook/ownSheets";
import type { SheetValues, WorkbookPort } from "../workbook/port";
import { ColumnSpec, locateTable } from "../workbook/table";
import { BATCH_COLUMN } from "./postToSheet";
import { accountsAsOf, readAccountChanges } from "../accounts/accountChanges";
import { parsePlans, RecordedPlan } from "../accounts/plans";
import { PAYMENT_PLANS_SHEET } from "../accounts/sheets";
import type { AccountChange } from "../engine";

/** The sheets the front counter reads, by the names they have in this workbook. */
export interface CounterSheets {
  readonly accounts: string;
  readonly balances?: string;
  readonly payments?: string;
  readonly adjustments?: string;
  readonly history?: string;
}

/**
 * What the Account and Payments views know of the workbook, read once per workbook load: every
 * account (indexed for type-ahead), its row on the Accounts sheet, the balances at the last bill,
 * the payments, adjustments and usage history by account, and the batch ids already posted.
 */
export interface CounterData {
  readonly sheets: CounterSheets;
  readonly accounts: ReadonlyMap<string, CycleAccount>;
  readonly index: AccountIndex;
  /** 0-based sheet row and column of each account's number on the Accounts sheet. */
  readonly rows: ReadonlyMap<string, { readonly row: number; readonly column: number }>;
  readonly balances: ReadonlyMap<string, OpeningBalance>;
  readonly payments: ReadonlyMap<string, readonly Payment[]>;
  readonly adjustments: ReadonlyMap<string, readonly Adjustment[]>;
  readonly history: ReadonlyMap<string, readonly UsageRecord[]>;
  /**
   * The last bill's date: the latest period on the Usage History sheet. The Balances sheet is the
   * balance at that bill; payments and adjustments dated after it are the activity since.
   * Undefined without a history: then every payment and adjustment counts as since.
   */
  readonly lastBillDate?: IsoDate;
  /**
   * The day the data was loaded as of (today, in the pane): the accounts are as they were on it,
   * and an adjustment dated after it (a back-bill's later instalment) is not yet owed. Undefined:
   * every date counts.
   */
  readonly asOf?: IsoDate;
  /** The Accounts sheet as typed (before the changes), to see an account as it was on another date. */
  readonly typedAccounts: SheetValues;
  /** Each account's latest payment plan on the Payment Plans sheet. */
  readonly plans: ReadonlyMap<string, RecordedPlan>;
  /** Every change on the Account Changes sheet (the accounts above are as of the load's date). */
  readonly changes: readonly AccountChange[];
  /** Batch ids in the Payments sheet's Batch column, and those posted since the load. */
  readonly batchIds: ReadonlySet<string>;
  /** Cells that could not be read, each naming its cell. */
  readonly problems: readonly string[];
}

export type CounterOutcome = { ok: true; value: CounterData } | { ok: false; message: string };

function byAccount<T extends { readonly account: string }>(records: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of records) {
    const list = map.get(r.account);
    if (list) list.push(r);
    else map.set(r.account, [r]);
  }
  return map;
}

/** The batch ids in the Payments sheet's add-in Batch column. */
function batchIdsOf(data: SheetValues): Set<string> {
  const ids = new Set<string>();
  const found = locateTable(data, PAYMENT_COLUMNS);
  if (!found.ok) return ids;
  const column = [...found.table.headers].find(([text]) => text.trim().toLowerCase() === BATCH_COLUMN.toLowerCase())?.[1];
  if (column === undefined) return ids;
  for (let i = found.table.firstValueRow; i < data.values.length; i++) {
    const id = idText(data.values[i][column - data.left]);
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * Reads the front counter's sheets through the workbook port, recognised by their headers (the
 * sheet of the preferred name first, never one of the add-in's own): Accounts, Balances, Payments,
 * Adjustments and Usage History. Only the Accounts sheet is needed; the others may be absent.
 * Each account is as the Account Changes sheet makes it on `asOf` (today, in the pane; every
 * change when not given).
 */
export async function loadCounterData(port: WorkbookPort, asOf: IsoDate = "9999-12-31"): Promise<CounterOutcome> {
  const heads = await port.readHeads(50);
  const visible = [...heads.filter((h) => !h.hidden), ...heads.filter((h) => h.hidden)];
  const taken: string[] = [];
  const find = <F extends string>(specs: readonly ColumnSpec<F>[], preferred: string): string | undefined => {
    const matches = visible
      .filter((h) => !taken.includes(h.sheet) && !isAddInSheet(h.sheet) && locateTable(h, specs).ok)
      .map((h) => h.sheet);
    const sheet = matches.find((m) => m.toLowerCase() === preferred.toLowerCase()) ?? matches[0];
    if (sheet) taken.push(sheet);
    return sheet;
  };
  // The most specific formats first: a Payments sheet also has an Account column.
  const payments = find(PAYMENT_COLUMNS, "Payments");
  const adjustments = find(ADJUSTMENT_COLUMNS, "Adjustments");
  const balances = find(BALANCE_COLUMNS, "Balances");
  const history = find(HISTORY_COLUMNS, "Usage History");
  const accounts = find(CYCLE_ACCOUNT_COLUMNS, "Accounts");
  if (!accounts) return { ok: false, message: "The front counter needs an Accounts sheet (columns Account and Status)." };

  const problems: string[] = [];
  const take = <T>(outcome: { ok: true; value: { records: T[]; problems: string[] } } | { ok: false; message: string }): T[] => {
    if (!outcome.ok) {
      problems.push(outcome.message);
      return [];
    }
    problems.push(...outcome.value.problems);
    return outcome.value.records;
  };
  const read = async (name: string | undefined) => (name ? port.readSheet(name) : undefined);

  const typed = await read(accounts);
  if (!typed) return { ok: false, message: `The sheet ${accounts} could not be read.` };
  const changeRead = await readAccountChanges(port);
  problems.push(...changeRead.problems);
  const accountsData = accountsAsOf(typed, changeRead.changes, asOf);
  const plans = parsePlans(await port.readSheet(PAYMENT_PLANS_SHEET));
  problems.push(...plans.problems);
  const accountRecords = take(parseCycleAccounts(accountsData));
  const rows = new Map<string, { row: number; column: number }>();
  const located = locateTable(accountsData, CYCLE_ACCOUNT_COLUMNS);
  if (located.ok) {
    const column = located.table.columns.account!;
    for (let i = located.table.firstValueRow; i < accountsData.values.length; i++) {
      const id = idText(accountsData.values[i][column - accountsData.left]);
      if (id && !rows.has(id)) rows.set(id, { row: accountsData.top + i, column });
    }
  }
  const balanceData = await read(balances);
  const paymentData = await read(payments);
  const adjustmentData = await read(adjustments);
  const historyData = await read(history);
  const historyRead = historyData ? parseHistorySheet(historyData) : undefined;
  if (historyRead && !historyRead.ok) problems.push(historyRead.message);
  else if (historyRead) problems.push(...historyRead.value.problems);
  const historyByAccount = historyRead?.ok ? historyRead.value.history : usageHistoryOf([]);
  const lastBillDate = historyByAccount
    .periodEnds()
    .reduce<IsoDate | undefined>((last, p) => (last === undefined || p > last ? p : last), undefined);

  const accountMap = new Map(accountRecords.map((a) => [a.account, a]));
  const entries: AccountEntry[] = accountRecords.map((a) => ({
    account: a.account,
    name: a.name,
    address: a.serviceAddress,
    meters: a.meter ? [a.meter] : [],
  }));
  return {
    ok: true,
    value: {
      sheets: { accounts, balances, payments, adjustments, history },
      accounts: accountMap,
      index: indexAccounts(entries),
      rows,
      balances: new Map((balanceData ? take(parseBalances(balanceData)) : []).map((b) => [b.account, b])),
      payments: byAccount(paymentData ? take(parsePayments(paymentData)) : []),
      adjustments: byAccount(adjustmentData ? take(parseAdjustments(adjustmentData)) : []),
      history: historyByAccount,
      lastBillDate,
      asOf: asOf === "9999-12-31" ? undefined : asOf,
      typedAccounts: typed,
      plans: plans.plans,
      changes: changeRead.changes,
      batchIds: paymentData ? batchIdsOf(paymentData) : new Set(),
      problems,
    },
  };
}

export type { AccountBalance, ServiceBalance } from "../engine";

/**
 * The account's balance now, by the engine's one rule (balanceNow): since the last bill, by service
 * and by age. Without `before`, what is dated after the day the data is as of (a back-bill's
 * instalment for a later bill) is left out: it is not owed yet.
 */
export function accountBalance(data: CounterData, account: string, before?: IsoDate): AccountBalance {
  return balanceNow(
    data.balances.get(account),
    data.payments.get(account) ?? [],
    data.adjustments.get(account) ?? [],
    data.lastBillDate,
    before ?? (data.asOf ? addDays(data.asOf, 1) : undefined),
  );
}

/**
 * What the payment batch shows and checks of each account keyed: its name, what it owes now, and
 * whether it pays cash only (its NSF Count and the returns on the Payments sheet in the 12 months
 * to `asOf`, by the engine's cashOnlyReason; without `asOf`, to the account's latest payment).
 */
export function accountsForBatch(data: CounterData, accounts: Iterable<string>, asOf?: IsoDate): Map<string, AccountForPayment> {
  const map = new Map<string, AccountForPayment>();
  for (const account of accounts) {
    const record = data.accounts.get(account);
    if (!record || map.has(account)) continue;
    const payments = data.payments.get(account) ?? [];
    const returns = payments.filter((p) => p.returned).map((p) => p.date);
    const latest = payments.reduce<IsoDate | undefined>((d, p) => (d === undefined || p.date > d ? p.date : d), undefined);
    const on = asOf ?? latest;
    const cashOnly =
      on && (returns.length || record.nsfCount)
        ? cashOnlyReason(returns, on, record.nsfCount, { cashOnlyAfter: POCATELLO_POLICY.nsfCashOnlyAfter, windowMonths: 12 })
        : undefined;
    map.set(account, { name: record.name, balance: accountBalance(data, account).now, ...(cashOnly ? { cashOnly } : {}) });
  }
  return map;
}

/** Every payment on the Payments sheet, for the batch's duplicate check (a reversal is not a payment). */
export function postedPayments(data: CounterData): Payment[] {
  return [...data.payments.values()].flat().filter((p) => p.reverses === undefined);
}

/**
 * The counter's data after a batch is posted to the Payments sheet: its payments added (as the
 * sheet now has them) and its id taken. The workbook is not read again.
 */
export function withPostedBatch(data: CounterData, batch: PostedBatch): CounterData {
  const payments = new Map(data.payments);
  for (const line of batch.lines) {
    const payment: Payment = {
      account: line.account,
      date: batch.date,
      amount: line.amount,
      method: batch.channel,
      reference: line.reference,
      returned: false,
    };
    payments.set(line.account, [...(payments.get(line.account) ?? []), payment]);
  }
  return { ...data, payments, batchIds: new Set([...data.batchIds, batch.id]) };
}
