import { Dec, looksLikeCheck, returnPayment, sameReference } from "../engine";
import type { PaymentChannel } from "../engine";
import type { CyclePolicy, IsoDate, ReturnedPayment } from "../engine";
import { moneyText } from "../engine/money/format";
import { parseCycleAccounts, parsePaymentRows, PaymentRowRead } from "../workbook/cycleSheets";
import type { WorkbookPort } from "../workbook/port";
import { appendPayments, lineName, PAYMENTS_SHEET, PostedRows } from "./postToSheet";
import { closedDays } from "./closeDay";

/** Where a check is paid: by mail, in the drop box or at the counter (a card or a draft is no check). */
const CHECK_CHANNELS: ReadonlySet<PaymentChannel> = new Set(["mail", "drop box", "counter"]);

/** A payment that came back: a returned check from the bank's notice, or an ACH return entry. */
export interface ReturnRequest {
  /** A returned check matches only a check (mail, drop box, counter); an ACH return only a bank draft. */
  readonly kind: "check" | "draft";
  readonly account: string;
  /** The check number (a check must give it), or the draft's reference when known; blank to match a draft by amount. */
  readonly reference: string;
  readonly amount: Dec;
  readonly returnedOn: IsoDate;
  /** Why: "R01 Insufficient funds", "NSF check", "account closed". */
  readonly reason: string;
  /** Where the request came from, for messages: "returned.csv line 2". */
  readonly where?: string;
}

/** A return done: the row it reversed, the reversal written, and what follows for the account. */
export interface ReturnDone extends ReturnedPayment {
  readonly account: string;
  readonly amount: Dec;
  readonly reason: string;
  /** The posted line (or Payments row) taken back. */
  readonly reverses: string;
}

export type ReturnsOutcome = { ok: true; done: ReturnDone[]; rows: PostedRows } | { ok: false; message: string };

/** The name a reversal gives each row it could take back: its batch and line, or its Payments row. */
export function rowNames(rows: readonly PaymentRowRead[]): Map<PaymentRowRead, string> {
  const names = new Map<PaymentRowRead, string>();
  const lines = new Map<string, number>();
  for (const r of rows) {
    if (r.payment.reverses !== undefined) continue;
    if (!r.batch) names.set(r, `${PAYMENTS_SHEET} row ${r.row}`);
    else {
      const line = (lines.get(r.batch) ?? 0) + 1;
      lines.set(r.batch, line);
      names.set(r, lineName(r.batch, line));
    }
  }
  return names;
}

/**
 * Returns payments: for each request, the payment it names (same account and amount; a returned
 * check only a check paid by mail, drop box or counter with the same check number, an ACH return
 * only a bank draft; dated on or before the return, not returned already; the latest when several
 * match) is reversed by a new Payments row (Returned "Yes", and in the
 * add-in's Reverses column the line it takes back and why). The cycle then bills the reversal
 * and the returned-payment fee and writes the letter. The engine's returnPayment says whether the
 * account now pays cash only (the Accounts sheet's NSF Count, then the returns on the Payments
 * sheet in the last 12 months) and whether a closed account's debt starts collection. Nothing is
 * written unless every request finds its payment, and nothing is dated on a day already closed.
 */
export async function returnPayments(port: WorkbookPort, requests: readonly ReturnRequest[], policy: CyclePolicy): Promise<ReturnsOutcome> {
  const days = await closedDays(port);
  for (const r of requests) {
    const closed = days.get(r.returnedOn);
    if (closed)
      return {
        ok: false,
        message: `${r.where ? `${r.where}: ` : ""}the day ${r.returnedOn} was closed at ${closed.closedAt} UTC; a return is dated the day it is posted, on a day still open`,
      };
  }
  const sheet = await port.readSheet(PAYMENTS_SHEET);
  if (!sheet) return { ok: false, message: `there is no ${PAYMENTS_SHEET} sheet: no payment to return` };
  const read = parsePaymentRows(sheet);
  if (!read.ok) return read;
  const rows = read.value.records;
  const accountsSheet = await port.readSheet("Accounts");
  const accounts = accountsSheet ? parseCycleAccounts(accountsSheet) : undefined;
  const byAccount = new Map((accounts?.ok ? accounts.value.records : []).map((a) => [a.account, a]));
  const names = rowNames(rows);
  const reversed = new Set(rows.flatMap((r) => (r.payment.reverses ? [r.payment.reverses.split(";")[0].trim()] : [])));
  const done: ReturnDone[] = [];
  for (const [i, request] of requests.entries()) {
    const reference = request.reference.trim();
    const at = request.where ? `${request.where}: ` : `return ${i + 1}: `;
    if (request.kind === "check" && !reference)
      return { ok: false, message: `${at}a returned check needs its check number, to find the payment it took back` };
    const candidates = rows.filter(
      (r) =>
        r.payment.account === request.account &&
        r.payment.reverses === undefined &&
        !r.payment.returned &&
        r.payment.amount.equals(request.amount) &&
        r.payment.date <= request.returnedOn &&
        (request.kind === "draft"
          ? r.payment.method === "bank draft"
          : CHECK_CHANNELS.has(r.payment.method) && looksLikeCheck(r.payment.reference)) &&
        (reference === "" || sameReference(r.payment.reference, reference)) &&
        !reversed.has(names.get(r)!),
    );
    const found = candidates.at(-1);
    if (!found)
      return {
        ok: false,
        message: `${at}no ${request.kind === "draft" ? "bank draft" : "check"} of ${moneyText(request.amount)} from account ${request.account}${reference ? ` with reference ${reference}` : ""} on or before ${request.returnedOn} is on the ${PAYMENTS_SHEET} sheet to return (a payment is returned once)`,
      };
    const name = names.get(found)!;
    reversed.add(name);
    const earlier = rows.filter((r) => r.payment.account === request.account && r.payment.returned).map((r) => r.payment.date);
    earlier.push(...done.filter((d) => d.account === request.account).map(() => request.returnedOn));
    const account = byAccount.get(request.account);
    const result = returnPayment(
      request.amount,
      request.returnedOn,
      earlier,
      account?.status === "final" || account?.status === "inactive",
      {
        fee: new Dec(policy.returnedPaymentFee),
        cashOnlyAfter: Math.max(1, policy.nsfCashOnlyAfter - (account?.nsfCount ?? 0)),
        windowMonths: 12,
      },
    );
    done.push({ ...result, account: request.account, amount: request.amount, reason: request.reason, reverses: name });
  }
  const written = await appendPayments(
    port,
    done.map((d, i) => {
      const original = [...names].find(([, n]) => n === d.reverses)![0];
      return {
        date: requests[i].returnedOn,
        account: d.account,
        amount: d.amount.toNumber(),
        method: original.payment.method,
        reference: original.payment.reference,
        returned: "Yes" as const,
        batch: original.batch,
        reverses: `${d.reverses}; ${d.reason}`,
      };
    }),
  );
  return { ok: true, done, rows: written };
}
