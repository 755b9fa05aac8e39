import { Dec, summarizeDay, ZERO } from "../engine";
import type { CyclePolicy, DailyActivity, DayAdjustment, DayReturn, IsoDate, PaymentChannel, PostedBatch } from "../engine";
import { parseWorkOrders, WORK_ORDERS_SHEET } from "../review/workOrders";
import { cellDate, idText } from "../workbook/cells";
import { parseAdjustments, parseCycleAccounts, parsePaymentRows } from "../workbook/cycleSheets";
import type { CellValue, WorkbookPort } from "../workbook/port";
import { accountBalance, loadCounterData } from "./counterData";
import { PAYMENTS_SHEET } from "./postToSheet";

export const DAILY_ACTIVITY_SHEET = "Daily Activity";
export const DAYS_CLOSED_SHEET = "Days Closed";
export const DAYS_CLOSED_HEADER = ["Date", "Closed At (UTC)", "Payments", "Received", "Returned", "Returned Fees", "Net", "Batches"];

/** A day already closed, as the Days Closed sheet records it. */
export interface ClosedDay {
  readonly date: IsoDate;
  readonly closedAt: string;
  readonly payments: number;
  readonly received: string;
  readonly net: string;
}

export type CloseOutcome =
  | { ok: true; closed: true; activity: DailyActivity; returns: readonly DayReturn[] }
  | { ok: true; closed: false; already: ClosedDay }
  | { ok: false; message: string };

/** The days the Days Closed sheet says were closed, by date. */
export async function closedDays(port: WorkbookPort): Promise<Map<IsoDate, ClosedDay>> {
  const data = await port.readSheet(DAYS_CLOSED_SHEET);
  const days = new Map<IsoDate, ClosedDay>();
  for (const row of data?.values.slice(1) ?? []) {
    const date = cellDate(row[0] ?? null);
    if (date)
      days.set(date, { date, closedAt: idText(row[1]), payments: Number(row[2]) || 0, received: idText(row[3]), net: idText(row[6]) });
  }
  return days;
}

/** A text of money for the sheet: the exact amount, two places. */
const money = (d: Dec) => d.toNumber();

/**
 * Reads what the workbook holds for one day: the batches posted that day (rows with a Batch;
 * rows keyed on the sheet without one are grouped by channel as "keyed on the sheet"), the
 * reversals dated that day with their fee and reason, the Adjustments rows, accounts opened and
 * closed (the Accounts sheet's Open and Close dates) and work orders requested. What each
 * account owed by service before the day's payments is its balance as the day began (balanceNow).
 */
export async function readDay(
  port: WorkbookPort,
  date: IsoDate,
  policy: CyclePolicy,
): Promise<{ ok: true; activity: DailyActivity; returns: DayReturn[] } | { ok: false; message: string }> {
  const sheet = await port.readSheet(PAYMENTS_SHEET);
  const read = sheet ? parsePaymentRows(sheet) : { ok: true as const, value: { records: [], problems: [] } };
  if (!read.ok) return read;
  if (read.value.problems.length) return { ok: false, message: `${read.value.problems[0]}: put the row right, then close the day` };
  const rows = read.value.records;
  const batches = new Map<string, { id: string; channel: PaymentChannel; lines: PostedBatch["lines"][number][]; total: Dec }>();
  const returns: DayReturn[] = [];
  for (const r of rows) {
    if (r.payment.date !== date) continue;
    const p = r.payment;
    if (p.reverses !== undefined || p.returned) {
      const reason = p.reverses?.split(";").slice(1).join(";").trim() || "returned";
      returns.push({ account: p.account, amount: p.amount, fee: new Dec(policy.returnedPaymentFee), reason });
      if (p.reverses !== undefined) continue;
    }
    const id = r.batch || `keyed on the sheet, ${p.method}`;
    const batch = batches.get(id) ?? { id, channel: p.method, lines: [], total: ZERO };
    batch.lines.push({ line: batch.lines.length + 1, account: p.account, amount: p.amount, reference: p.reference, credit: ZERO });
    batch.total = batch.total.plus(p.amount);
    batches.set(id, batch);
  }
  const adjustmentsSheet = await port.readSheet("Adjustments");
  const adjustmentsRead = adjustmentsSheet ? parseAdjustments(adjustmentsSheet) : undefined;
  const adjustments: DayAdjustment[] = (adjustmentsRead?.ok ? adjustmentsRead.value.records : [])
    .filter((a) => a.date === date)
    .map((a) => ({ account: a.account, kind: a.kind, amount: a.amount }));
  const accountsSheet = await port.readSheet("Accounts");
  const accountsRead = accountsSheet ? parseCycleAccounts(accountsSheet) : undefined;
  const accounts = accountsRead?.ok ? accountsRead.value.records : [];
  const ordersSheet = await port.readSheet(WORK_ORDERS_SHEET);
  const orders = ordersSheet ? parseWorkOrders(ordersSheet).filter((o) => o.requested === date) : [];
  // What each paying account owed by service as the day began, by the one rule (balanceNow).
  const paying = new Set([...batches.values()].flatMap((b) => b.lines.map((l) => l.account)));
  const counter = await loadCounterData(port);
  const owedByService = new Map<string, Map<string, Dec>>();
  if (counter.ok)
    for (const account of paying)
      owedByService.set(account, new Map(accountBalance(counter.value, account, date).byService.map((s) => [s.service, s.now])));
  const activity = summarizeDay({
    date,
    batches: [...batches.values()].map((b) => ({ id: b.id, date, channel: b.channel, total: b.total, lines: b.lines })),
    returns,
    adjustments,
    opened: accounts.filter((a) => a.openDate === date).map((a) => a.account),
    closed: accounts.filter((a) => a.closeDate === date).map((a) => a.account),
    workOrders: orders.length,
    owedByService,
  });
  return { ok: true, activity, returns };
}

/** The Daily Activity sheet's rows: each section a header row and its lines, amounts as numbers. */
export function dailyActivityRows(a: DailyActivity, returns: readonly DayReturn[], closedAt: string): CellValue[][] {
  const rows: CellValue[][] = [[`Daily Activity for ${a.date}`, `closed ${closedAt.replace("T", " ").slice(0, 16)} UTC`], []];
  rows.push(["Cash received by channel", "Payments", "Amount"]);
  for (const [channel, t] of [...a.byChannel].sort(([x], [y]) => x.localeCompare(y))) rows.push([channel, t.count, money(t.total)]);
  rows.push(["Total received", a.received.count, money(a.received.total)], []);
  rows.push(["Cash received by service", "", "Amount"]);
  // The services in name order, and what paid beyond a balance (a credit on the account) last.
  for (const [service, amount] of [...a.byService].sort(([x], [y]) =>
    x === "unapplied" ? 1 : y === "unapplied" ? -1 : x.localeCompare(y),
  ))
    rows.push([service === "unapplied" ? "unapplied (credit on the account)" : service, "", money(amount)]);
  rows.push([]);
  rows.push(["Batches", "Channel, payments", "Amount"]);
  for (const b of a.batches) rows.push([b.id, `${b.channel}, ${b.count}`, money(b.total)]);
  rows.push([]);
  rows.push(["Returned items: account", "Reason", "Amount", "Fee"]);
  for (const r of returns) rows.push([r.account, r.reason, money(r.amount), money(r.fee)]);
  rows.push([`Total returned (${a.returned.count})`, "", money(a.returned.total), money(a.returned.fees)], []);
  rows.push(["Adjustments by type", "Count", "Amount"]);
  for (const [kind, t] of [...a.adjustmentsByKind].sort(([x], [y]) => x.localeCompare(y))) rows.push([kind, t.count, money(t.total)]);
  rows.push([]);
  rows.push(["Accounts opened", a.opened], ["Accounts closed", a.closed], ["Work orders issued", a.workOrders], []);
  rows.push(["Net to the bank (received less returned)", "", money(a.net)]);
  return rows;
}

/**
 * The nightly update: closes a day once. It reads the day from the workbook, writes the Daily
 * Activity sheet (the add-in's own, showing the day closed last) and adds the day to the Days
 * Closed sheet. A day already on Days Closed is not closed again: the outcome says when it was,
 * and nothing is written.
 */
export async function closeDay(port: WorkbookPort, date: IsoDate, policy: CyclePolicy, now: string): Promise<CloseOutcome> {
  if (date > now.slice(0, 10))
    return { ok: false, message: `the day ${date} has not come yet (today is ${now.slice(0, 10)}); a day is closed when it ends` };
  const days = await closedDays(port);
  const already = days.get(date);
  if (already) return { ok: true, closed: false, already };
  const read = await readDay(port, date, policy);
  if (!read.ok) return read;
  const a = read.activity;
  await port.replaceSheet(DAILY_ACTIVITY_SHEET, dailyActivityRows(a, read.returns, now), {
    columnWidths: [44, 16, 12, 12, 30],
    columnFormats: [undefined, undefined, "#,##0.00", "#,##0.00"],
  });
  const row: CellValue[] = [
    date,
    now.slice(0, 19).replace("T", " "),
    a.received.count,
    money(a.received.total),
    money(a.returned.total),
    money(a.returned.fees),
    money(a.net),
    a.batches.length,
  ];
  const existing = await port.readSheet(DAYS_CLOSED_SHEET);
  const earlier = (existing?.values.slice(1) ?? []).filter((r) => r.some((v) => v !== null && v !== ""));
  await port.replaceSheet(
    DAYS_CLOSED_SHEET,
    [DAYS_CLOSED_HEADER, ...[...earlier, row].sort((x, y) => String(x[0]).localeCompare(String(y[0])))],
    {
      headerRows: 1,
      columnWidths: [12, 20, 10, 12, 12, 12, 12, 8],
    },
  );
  return { ok: true, closed: true, activity: a, returns: read.returns };
}
