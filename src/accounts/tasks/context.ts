import type { AccountChange, CycleAccount, CyclePolicy, IsoDate, RateSchedule } from "../../engine";
import { moneyText } from "../../engine";
import { dateText } from "../../cycle/format";
import { CYCLE_ACCOUNT_COLUMNS, parseCycleAccounts } from "../../workbook/cycleSheets";
import { locateTable } from "../../workbook/table";
import { accountsAsOf } from "../accountChanges";
import type { CounterData } from "../../payments/counterData";
import type { WorkbookPort } from "../../workbook/port";
import { AccountLetter, sendLetters } from "../accountLetters";

/** What every account task needs: the workbook, what the counter read of it, today and the rules. */
export interface TaskContext {
  readonly port: WorkbookPort;
  /** The counter's data, read with the Account Changes in effect today (loadCounterData). */
  readonly data: CounterData;
  readonly today: IsoDate;
  /** Now as a UTC instant ("2026-12-02T17:05:00.000Z"): when changes are recorded. */
  readonly now: string;
  readonly schedule: RateSchedule;
  readonly policy: CyclePolicy;
}

/** One thing a task wrote, for the message and the audit entry: "Account Changes rows 4-6". */
export interface Written {
  readonly sheet: string;
  readonly rows: string;
}

export interface AuditEntry {
  readonly action: string;
  readonly subject: string;
  readonly detail: string;
}

/** A task done: what it wrote, the letter it sent, the audit entry it asks for, and one line saying it. */
export interface TaskDone<T = undefined> {
  readonly ok: true;
  readonly summary: string;
  readonly written: readonly Written[];
  readonly letter?: AccountLetter;
  readonly audit: AuditEntry;
  /** Something the specialist should see to before the letter is mailed (the Office settings are blank). */
  readonly notice?: string;
  /** Entries for the other accounts the task changed (a transfer's new account), so each account's trail shows it. */
  readonly moreAudit?: readonly AuditEntry[];
  readonly result: T;
}

export type TaskOutcome<T = undefined> = TaskDone<T> | { readonly ok: false; readonly message: string };

/**
 * The ending every task shares: the letter sent (the Letter Log row added to what was written) and
 * the outcome, whose audit entry says what was done and every row written.
 */
export async function finish<T>(
  ctx: TaskContext,
  written: Written[],
  letter: AccountLetter,
  summary: string,
  action: string,
  result: T,
): Promise<TaskDone<T>> {
  const sent = await sendLetters(ctx.port, [letter]);
  written.push({ sheet: "Letter Log", rows: `row ${sent.logRows.first}` });
  return {
    ok: true,
    summary,
    written,
    letter,
    notice: sent.notice,
    audit: { action, subject: letter.account, detail: `${summary} Wrote ${writtenText(written)}.` },
    result,
  };
}

export const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** "Account Changes rows 4-6" from what appendTable returns. */
export function rowsText(rows: { sheet: string; firstRow: number; lastRow: number }): Written {
  return { sheet: rows.sheet, rows: rows.firstRow === rows.lastRow ? `row ${rows.firstRow}` : `rows ${rows.firstRow}-${rows.lastRow}` };
}

export function writtenText(written: readonly Written[]): string {
  return written.map((w) => `${w.sheet} ${w.rows}`).join("; ");
}

/** A change to one field, from the account as it stands (its old value kept for the record). */
export function change(
  ctx: TaskContext,
  account: string,
  field: string,
  value: string,
  was: string,
  effective: IsoDate,
  task: string,
  reason: string,
): AccountChange {
  return { account, field, value, was, effective, task, reason, recorded: ctx.now };
}

export const yesNo = (b: boolean) => (b ? "Yes" : "No");

/** The letter's addressee lines from the account. */
export function addressee(a: CycleAccount): { account: string; name: string; mailTo: string; serviceAddress: string } {
  return { account: a.account, name: a.name, mailTo: a.mailingAddress || a.serviceAddress, serviceAddress: a.serviceAddress };
}

export const money = moneyText;

/**
 * The account as it was on a date: the Accounts sheet with the Account Changes in effect then (a
 * back-bill prices each period with the class, meter size, units and carts the account had).
 */
export function accountOn(ctx: TaskContext, account: string, date: IsoDate): CycleAccount | undefined {
  return accountAsOf(ctx.data, account, date);
}

/** The account as it was on a date, from the counter's data: the Accounts sheet row with the Account Changes in effect then. */
export function accountAsOf(data: CounterData, account: string, date: IsoDate): CycleAccount | undefined {
  const typed = data.typedAccounts;
  const at = data.rows.get(account);
  const found = locateTable(typed, CYCLE_ACCOUNT_COLUMNS);
  if (!at || !found.ok) return undefined;
  // The header and the account's own row: a sheet of one account, read as the whole sheet would be.
  const header = typed.values.slice(0, found.table.firstValueRow);
  const one = { ...typed, values: [...header, typed.values[at.row - typed.top]] };
  const parsed = parseCycleAccounts(accountsAsOf(one, data.changes, date));
  return parsed.ok ? parsed.value.records.find((a) => a.account === account) : undefined;
}

/** A date as letters print it: "Nov 8, 2026". */
export const day = (date: IsoDate) => dateText(date);
