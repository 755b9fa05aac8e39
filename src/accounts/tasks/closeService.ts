import {
  addDays,
  balanceNow,
  unitLabel,
  daysBetween,
  Dec,
  DEFAULT_READ_EDIT_SETTINGS,
  estimateFromHistory,
  IsoDate,
  isIsoDate,
  runCycle,
  settleClose,
  toExcelSerial,
  ZERO,
} from "../../engine";
import type { Adjustment, CycleAccount, CycleReading, MeterRead, Statement } from "../../engine";
import { readUsage } from "../../engine/edits/readUsage";
import { quantityText } from "../../engine/money/format";
import { appendWorkOrder } from "../../review/workOrders";
import { ADJUSTMENT_COLUMNS } from "../../workbook/cycleSheets";
import { isAddInSheet } from "../../workbook/ownSheets";
import { parseReadsSheet, READ_COLUMNS } from "../../workbook/readsSheet";
import { locateTable } from "../../workbook/table";
import { appendAccountChanges } from "../accountChanges";
import type { AccountLetter } from "../accountLetters";
import { appendTable, ownColumns } from "../appendTable";
import { addressee, change, day, money, refuse, rowsText, TaskContext, TaskOutcome, Written, finish, yesNo } from "./context";

export const FINAL_BILLS_SHEET = "Final Bills";
export const CLOSE_TASK = "Close service";

/** How the final usage is known: the meter read at close, an estimate from history, or no meter. */
export type FinalUsage = { readonly kind: "read"; readonly reading: Dec } | { readonly kind: "estimate" };

export interface CloseRequest {
  readonly account: string;
  /** The last day of service: the final read's date. */
  readonly closeDate: IsoDate;
  readonly usage: FinalUsage;
  /** Where the final bill and any refund go, when the customer is moving away. */
  readonly forwardingAddress?: string;
  /** Set by a transfer: the balance and deposit move to the new account instead of being settled. */
  readonly transferTo?: string;
}

/** The off-cycle final bill, as the Final Bills sheet, the letter and the pane show it. */
export interface FinalBill {
  readonly bill: string;
  readonly account: string;
  readonly name: string;
  readonly closeDate: IsoDate;
  /** The service the bill covers: the day after the last bill through the close date. */
  readonly from: IsoDate;
  /** Days of service the bill covers, and the schedule's nominal cycle they prorate against. */
  readonly serviceDays: number;
  readonly cycleDays: number;
  readonly usage?: Dec;
  /** The usage's unit as bills print it ("gal"). */
  readonly unit: string;
  /** "final read 12,345 (previous 12,300)", "estimated: daily average of ...", "no meter". */
  readonly usageBasis: string;
  readonly lines: readonly { readonly service: string; readonly description: string; readonly amount: Dec }[];
  readonly charges: Dec;
  /** Owed before the final charges: the balance now by the one balance rule. */
  readonly balanceBefore: Dec;
  readonly depositApplied: Dec;
  readonly due: Dec;
  readonly refund: Dec;
  readonly billDate: IsoDate;
  readonly dueDate: IsoDate;
  /** Transferred: the balance carried to this account instead of settled (nothing is due here). */
  readonly transferredTo?: string;
  /** What moves to the new account on a transfer: the balance before plus the final charges; zero otherwise. */
  readonly carried: Dec;
}

type FinalField =
  | "bill"
  | "account"
  | "name"
  | "mailTo"
  | "closed"
  | "from"
  | "usage"
  | "basis"
  | "charges"
  | "before"
  | "deposit"
  | "due"
  | "refund"
  | "billDate"
  | "dueDate"
  | "carriedTo";
const FINAL_COLUMNS = ownColumns<FinalField>(
  [
    ["bill", "Bill"],
    ["account", "Account"],
    ["name", "Name"],
    ["mailTo", "Mail To"],
    ["closed", "Closed"],
    ["from", "Service From"],
    ["usage", "Usage"],
    ["basis", "Usage Basis"],
    ["charges", "Final Charges"],
    ["before", "Balance Before"],
    ["deposit", "Deposit Applied"],
    ["due", "Amount Due"],
    ["refund", "Refund Due"],
    ["billDate", "Bill Date"],
    ["dueDate", "Due Date"],
    ["carriedTo", "Carried To"],
  ],
  2,
);

/** The account's meter read on the Reads sheet with the latest current read: where the final read's usage starts. */
async function lastRead(ctx: TaskContext, account: string): Promise<MeterRead | undefined> {
  const heads = await ctx.port.readHeads(50);
  const sheet = heads.find((h) => !isAddInSheet(h.sheet) && locateTable(h, READ_COLUMNS).ok)?.sheet;
  const data = sheet ? await ctx.port.readSheet(sheet) : undefined;
  const parsed = data ? parseReadsSheet(data) : undefined;
  if (!parsed?.ok) return undefined;
  return parsed.table.reads
    .filter((r) => r.account === account && r.current !== null)
    .sort((a, b) => ((a.currentDate ?? "") < (b.currentDate ?? "") ? -1 : 1))
    .at(-1);
}

/** The final usage and how it was found, or why it cannot be. */
async function finalUsage(
  ctx: TaskContext,
  a: CycleAccount,
  request: CloseRequest,
  from: IsoDate,
): Promise<{ ok: true; reading?: CycleReading; usage?: Dec; basis: string } | { ok: false; message: string }> {
  if (!a.meter) return { ok: true, basis: "no meter: fixed charges only" };
  const days = daysBetween(addDays(from, -1), request.closeDate);
  if (request.usage.kind === "estimate") {
    const e = estimateFromHistory(a.account, ctx.data.history.get(a.account), request.closeDate, days);
    if (!e.ok) return refuse(`the final usage cannot be estimated: ${e.problem.message}; enter the final read`);
    return {
      ok: true,
      usage: e.value.usage,
      basis: `estimated from the ${e.value.method}`,
      reading: {
        account: a.account,
        meters: [
          {
            meter: a.meter,
            previous: null,
            current: null,
            usage: e.value.usage,
            source: "specialist's estimate",
            rereadRequested: false,
          },
        ],
      },
    };
  }
  const onFile = await lastRead(ctx, a.account);
  // The read the last bill ended on: the sheet's current read once billed, else its previous read
  // (the Reads sheet may already hold a cycle's reads that are not yet billed).
  const lastBill = addDays(from, -1);
  const unbilled = onFile?.currentDate !== undefined && onFile.currentDate > lastBill;
  const previous = onFile && {
    value: unbilled ? onFile.previous : onFile.current,
    date: unbilled ? onFile.previousDate : onFile.currentDate,
  };
  if (!onFile || !previous?.value)
    return refuse(
      `no earlier read of account ${a.account}'s meter is on the Reads sheet to take the final usage from: estimate it instead`,
    );
  if (previous.date && previous.date >= request.closeDate)
    return refuse(`the last read billed is dated ${previous.date}; the close date must be after it`);
  const read: MeterRead = {
    ...onFile,
    previous: previous.value,
    current: request.usage.reading,
    previousDate: previous.date,
    currentDate: request.closeDate,
    readCode: "A",
    exchange: undefined,
  };
  const found = readUsage(
    read,
    a.dials ?? onFile.dials,
    a.multiplier ?? onFile.multiplier ?? new Dec(1),
    DEFAULT_READ_EDIT_SETTINGS.rolloverPercent,
  );
  const stop = found.findings.find((f) => f.code !== "PROBABLE_ROLLOVER");
  if (found.usage === null || found.usage.isNegative() || stop)
    return refuse(
      `the final read ${quantityText(request.usage.reading)} cannot be billed: ${stop?.message ?? "it is below the last read"}`,
    );
  return {
    ok: true,
    usage: found.usage,
    basis: `final read ${quantityText(request.usage.reading)}; read ${quantityText(previous.value)}${previous.date ? ` on ${previous.date}` : ""} at the last bill`,
    reading: {
      account: a.account,
      meters: [
        {
          meter: a.meter,
          previous: previous.value,
          current: request.usage.reading,
          previousDate: previous.date,
          currentDate: request.closeDate,
          usage: found.usage,
          source: "actual",
          rereadRequested: false,
        },
      ],
    },
  };
}

/**
 * Closes service now, off-cycle: the final usage (the meter read at close, or estimated from the
 * account's history) priced by the same cycle rules as any bill (prorated from the day after the
 * last bill to the close date, the schedule in effect then), posted as charges on the Adjustments
 * sheet that point at the final bill; the deposit applied and any credit left turned into a refund
 * request (settleClose); the Final Bills sheet's row; the account's changes (Final, Close Date,
 * Final Billed Through so no cycle bills those days again, deposit, autopay and level pay ended);
 * a cart pickup work order; and the final bill letter. A transfer closes without settling: the
 * balance and deposit move to the new account (transferService).
 */
export async function closeService(ctx: TaskContext, request: CloseRequest): Promise<TaskOutcome<FinalBill>> {
  const { data } = ctx;
  const a = data.accounts.get(request.account);
  if (!a) return refuse(`account ${request.account} is not on the Accounts sheet`);
  if (a.status === "final" || a.status === "inactive" || a.finalBilledThrough)
    return refuse(`account ${a.account} is already ${a.finalBilledThrough ? "closed and final billed" : a.status}`);
  if (!isIsoDate(request.closeDate)) return refuse(`the close date must be a date, YYYY-MM-DD; got "${request.closeDate}"`);
  const lastBill = data.lastBillDate ?? (a.openDate ? addDays(a.openDate, -1) : undefined);
  if (!lastBill) return refuse("the workbook has no Usage History to say when the account was last billed");
  if (request.closeDate <= lastBill)
    return refuse(`the last bill ran to ${lastBill}; a close on or before it is a correction of that bill (a back-bill), not a final bill`);
  if (request.closeDate > ctx.today)
    return refuse(`the close date ${request.closeDate} is after today: close service on its last day, with its final read`);
  const from = addDays(lastBill, 1);
  const serviceDays = daysBetween(lastBill, request.closeDate);
  if (serviceDays > ctx.schedule.cycleDays * 2)
    return refuse(
      `the last bill ran to ${lastBill}, ${serviceDays} days before the close; a final bill covers at most ${ctx.schedule.cycleDays * 2} days: bill the cycle first`,
    );
  const usage = await finalUsage(ctx, a, request, from);
  if (!usage.ok) return usage;

  const closing: CycleAccount = { ...a, status: "final", closeDate: request.closeDate };
  const payments = data.payments.get(a.account) ?? [];
  const adjustments = data.adjustments.get(a.account) ?? [];
  const result = runCycle(
    {
      billDate: ctx.today,
      periodStart: lastBill,
      periodEnd: request.closeDate,
      previousBillDate: lastBill,
      accounts: [closing],
      balances: new Map(data.balances.has(a.account) ? [[a.account, data.balances.get(a.account)!]] : []),
      payments,
      adjustments,
      readings: new Map(usage.reading ? [[a.account, usage.reading]] : []),
      history: new Map([[a.account, data.history.get(a.account) ?? []]]),
      held: new Map(),
      // Not a cycle: the fixed charges are for the days served (5 days is 5 of 30), whatever the period.
      offCycle: true,
    },
    ctx.schedule,
    ctx.policy,
  );
  const s: Statement | undefined = result.statements[0];
  if (!s) return refuse(`the final bill could not be made: ${result.held[0]?.reason ?? "the cycle rules billed nothing"}`);
  const bill = `FB-${a.account}-${request.closeDate.replace(/-/g, "")}`;
  const period = `${from} to ${request.closeDate}, ${serviceDays} of ${ctx.schedule.cycleDays} days`;
  const lines: { service: string; description: string; amount: Dec }[] = [];
  const byService = new Map<string, Dec>();
  for (const l of s.chargeLines) byService.set(l.service, (byService.get(l.service) ?? ZERO).plus(l.amount.amount));
  for (const [service, amount] of byService) lines.push({ service, description: `Final bill ${bill}: ${service}, ${period}`, amount });
  for (const l of s.otherLines)
    if (l.kind === "levelPay")
      lines.push({ service: l.service, description: `Final bill ${bill}: ${l.description}`, amount: l.amount.amount });
  const charges = lines.reduce((t, l) => t.plus(l.amount), ZERO);
  const before = balanceNow(data.balances.get(a.account), payments, adjustments, data.lastBillDate).now;
  const owed = before.plus(charges);
  const transfer = request.transferTo;
  const settled = transfer ? { depositApplied: ZERO, due: ZERO, refund: ZERO } : settleClose(owed, a.deposit);

  // Posted the day the final bill is made, so the next cycle carries them as activity since its last bill.
  const rows: Adjustment[] = lines.map((l) => ({
    account: a.account,
    date: ctx.today,
    kind: "charge",
    service: l.service,
    amount: l.amount,
    corrects: bill,
    description: l.description,
  }));
  if (!transfer && !a.deposit.isZero())
    rows.push({
      account: a.account,
      date: ctx.today,
      kind: "credit",
      service: "deposit",
      amount: a.deposit.negated(),
      corrects: bill,
      description: `Deposit of ${money(a.deposit)} applied to final bill ${bill}`,
    });
  if (settled.refund.greaterThan(0))
    rows.push({
      account: a.account,
      date: ctx.today,
      kind: "charge",
      service: "refund",
      amount: settled.refund,
      corrects: bill,
      description: `Refund of ${money(settled.refund)} requested, to ${request.forwardingAddress?.trim() || a.mailingAddress || a.serviceAddress}`,
    });
  const written: Written[] = [];
  if (rows.length) written.push(rowsText(await appendAdjustments(ctx, rows)));
  const finalBill: FinalBill = {
    bill,
    account: a.account,
    name: a.name,
    closeDate: request.closeDate,
    from,
    serviceDays,
    cycleDays: ctx.schedule.cycleDays,
    usage: usage.usage,
    unit: unitLabel(ctx.schedule.usageUnit),
    usageBasis: usage.basis,
    lines,
    charges,
    balanceBefore: before,
    depositApplied: settled.depositApplied,
    due: settled.due,
    refund: settled.refund,
    billDate: ctx.today,
    dueDate: s.dueDate,
    transferredTo: transfer,
    carried: transfer ? owed : ZERO,
  };
  written.push(
    rowsText(
      await appendTable(
        ctx.port,
        FINAL_BILLS_SHEET,
        FINAL_COLUMNS,
        [
          {
            bill,
            account: a.account,
            name: a.name,
            mailTo: request.forwardingAddress?.trim() || a.mailingAddress,
            closed: toExcelSerial(request.closeDate),
            from: toExcelSerial(from),
            usage: usage.usage?.toNumber() ?? null,
            basis: usage.basis,
            charges: charges.toNumber(),
            before: before.toNumber(),
            deposit: settled.depositApplied.toNumber(),
            due: settled.due.toNumber(),
            refund: settled.refund.toNumber(),
            billDate: toExcelSerial(ctx.today),
            // A transfer's final bill is not due here: its balance moved to the new account.
            dueDate: transfer ? null : toExcelSerial(s.dueDate),
            carriedTo: transfer ? `${transfer} (${money(owed)})` : null,
          },
        ],
        {
          formats: {
            closed: "yyyy-mm-dd",
            from: "yyyy-mm-dd",
            billDate: "yyyy-mm-dd",
            dueDate: "yyyy-mm-dd",
            usage: "#,##0",
            charges: "#,##0.00",
            before: "#,##0.00",
            deposit: "#,##0.00",
            due: "#,##0.00",
            refund: "#,##0.00",
          },
          widths: { bill: 22, name: 24, mailTo: 30, basis: 40 },
        },
      ),
    ),
  );
  const why = transfer ? `Transferred to account ${transfer}` : "Service closed";
  const changes = [
    change(
      ctx,
      a.account,
      "Status",
      "Final",
      a.status[0].toUpperCase() + a.status.slice(1),
      request.closeDate,
      transfer ? "Transfer of service" : CLOSE_TASK,
      why,
    ),
    change(
      ctx,
      a.account,
      "Close Date",
      request.closeDate,
      a.closeDate ?? "",
      request.closeDate,
      transfer ? "Transfer of service" : CLOSE_TASK,
      why,
    ),
    // In effect from the first day the final bill covers: no cycle bills any of its days again.
    change(ctx, a.account, "Final Billed Through", request.closeDate, "", from, CLOSE_TASK, `Final bill ${bill}`),
  ];
  if (!a.deposit.isZero())
    changes.push(
      change(
        ctx,
        a.account,
        "Deposit",
        "0",
        a.deposit.toFixed(2),
        request.closeDate,
        CLOSE_TASK,
        transfer ? `Deposit moved to account ${transfer}` : `Applied to final bill ${bill}`,
      ),
    );
  if (a.autopay) changes.push(change(ctx, a.account, "Autopay", yesNo(false), yesNo(true), request.closeDate, CLOSE_TASK, why));
  if (a.levelPay) changes.push(change(ctx, a.account, "Level Pay", yesNo(false), yesNo(true), request.closeDate, CLOSE_TASK, why));
  if (request.forwardingAddress?.trim())
    changes.push(
      change(
        ctx,
        a.account,
        "Mailing Address",
        request.forwardingAddress.trim(),
        a.mailingAddress,
        ctx.today,
        CLOSE_TASK,
        "Forwarding address",
      ),
    );
  written.push(rowsText(await appendAccountChanges(ctx.port, changes)));
  if ((a.cartCount ?? 0) > 0) {
    const order = await appendWorkOrder(ctx.port, {
      type: "Cart pickup",
      account: a.account,
      meter: a.meter ?? "",
      address: a.serviceAddress,
      reason: `Service ended ${request.closeDate}: pick up ${a.cartCount} cart${a.cartCount === 1 ? "" : "s"}`,
      requested: ctx.today,
    });
    written.push({ sheet: "Work Orders", rows: order.id });
  }
  const letter = finalBillLetter(ctx, a, finalBill, request.forwardingAddress);
  const summary = transfer
    ? `Closed account ${a.account} on ${request.closeDate} for the transfer to ${transfer}: final charges ${money(charges)}, ${money(owed)} to carry.`
    : `Closed account ${a.account} on ${request.closeDate}: final bill ${bill}, charges ${money(charges)}, deposit applied ${money(settled.depositApplied)}, ${settled.refund.greaterThan(0) ? `refund due ${money(settled.refund)}` : `amount due ${money(settled.due)} by ${s.dueDate}`}.`;
  return finish(ctx, written, letter, summary, transfer ? "account.transferred-out" : "account.closed", finalBill);
}

/** Adds rows to the workbook's Adjustments sheet (creating one): signed amounts, dates as Excel dates. */
export function appendAdjustments(ctx: TaskContext, rows: readonly Adjustment[]) {
  const kind = { "leak credit": "Leak Credit", "back-bill": "Back-Bill", credit: "Credit", charge: "Charge" } as const;
  return appendTable(
    ctx.port,
    ctx.data.sheets.adjustments ?? "Adjustments",
    ADJUSTMENT_COLUMNS,
    rows.map((r) => ({
      account: r.account,
      date: toExcelSerial(r.date),
      type: kind[r.kind],
      amount: r.amount.toNumber(),
      service: r.service,
      corrects: r.corrects,
      description: r.description,
    })),
    { formats: { date: "yyyy-mm-dd", amount: "#,##0.00" } },
  );
}

function finalBillLetter(ctx: TaskContext, a: CycleAccount, b: FinalBill, forwarding?: string): AccountLetter {
  const to = addressee(a);
  const charges = b.lines.map((l) => `${l.service} ${money(l.amount)}`).join(", ");
  const paragraphs = [
    `Service at ${a.serviceAddress} ended on ${day(b.closeDate)}. This is your final bill, ${b.bill}, for ${day(b.from)} to ${day(b.closeDate)}${b.usage === undefined ? "" : `: ${quantityText(b.usage)} ${unitLabel(ctx.schedule.usageUnit)}, ${b.usageBasis}`}.`,
    `Final charges ${money(b.charges)}${charges ? ` (${charges})` : ""}, base charges prorated for ${b.serviceDays} days of service (a full month is ${b.cycleDays} days); balance before this bill ${money(b.balanceBefore)}.`,
  ];
  if (b.transferredTo)
    paragraphs.push(
      `Your balance of ${money(b.carried)} moves to your new account ${b.transferredTo}${a.deposit.isZero() ? "" : `, with your deposit of ${money(a.deposit)}`}. Nothing is due on this account.`,
    );
  if (a.autopay)
    paragraphs.push(
      b.transferredTo
        ? `Autopay ended with this account. To pay account ${b.transferredTo} by autopay, please enrol it again: your bank authorization names the old account.`
        : "Autopay has ended: no more payments will be drafted from your bank account.",
    );
  else {
    const deposit = b.depositApplied.greaterThan(0)
      ? `Your deposit of ${money(a.deposit)} has been applied: ${money(b.depositApplied)} to this bill. `
      : "";
    if (b.refund.greaterThan(0))
      paragraphs.push(`${deposit}We owe you ${money(b.refund)}. A refund check will be mailed to ${forwarding?.trim() || to.mailTo}.`);
    else if (b.due.greaterThan(0)) paragraphs.push(`${deposit}Please pay ${money(b.due)} by ${day(b.dueDate)}.`);
    else paragraphs.push(`${deposit}Nothing is owed. Thank you.`);
  }
  return {
    kind: b.transferredTo ? "Transfer of Service" : "Service Ended",
    date: ctx.today,
    ...to,
    mailTo: forwarding?.trim() || to.mailTo,
    subject: `Final bill for account ${a.account}`,
    paragraphs,
    task: CLOSE_TASK,
  };
}
