import { depositFor, Dec, IsoDate, isIsoDate, POCATELLO_DEPOSIT, toExcelSerial } from "../../engine";
import type { CycleAccount, DepositPolicy } from "../../engine";
import { appendWorkOrder } from "../../review/workOrders";
import { CYCLE_ACCOUNT_COLUMNS } from "../../workbook/cycleSheets";
import { ADJUSTMENT_COLUMNS } from "../../workbook/cycleSheets";
import type { CellValue } from "../../workbook/port";
import type { AccountLetter } from "../accountLetters";
import { appendTable } from "../appendTable";
import { emailProblem } from "../../engine";
import { day, money, refuse, rowsText, TaskContext, TaskOutcome, Written, finish } from "./context";

export interface OpenRequest {
  /** Blank: the next number after the highest on the Accounts sheet. */
  readonly account?: string;
  readonly name: string;
  readonly serviceAddress: string;
  /** Blank: mail goes to the service address. */
  readonly mailingAddress?: string;
  readonly owner: boolean;
  readonly openDate: IsoDate;
  readonly rateClass?: string;
  readonly meter?: string;
  readonly meterSize?: string;
  /** Garbage carts to deliver (a cart delivery work order). */
  readonly cartCount?: number;
  readonly cartSize?: string;
  /** A reason the policy accepts for no deposit ("letter of credit"). */
  readonly depositWaiver?: string;
  readonly email?: string;
}

export const OPEN_TASK = "Open service";

/** The next account number: the highest all-digit number plus one, as wide as it was. */
export function nextAccountNumber(accounts: Iterable<string>): string | undefined {
  let best: bigint | undefined;
  let width = 0;
  for (const a of accounts)
    if (/^\d{1,15}$/.test(a) && (best === undefined || BigInt(a) > best)) {
      best = BigInt(a);
      width = a.length;
    }
  return best === undefined ? undefined : String(best + 1n).padStart(width, "0");
}

/**
 * Opens service: a new row on the Accounts sheet (Active from the open date; its first bill is
 * prorated from that day by the cycle's service-period rule), the deposit the policy asks for
 * billed as a charge on the Adjustments sheet (none with a waiver), a cart delivery work order when
 * carts are wanted, and a letter welcoming the customer with their account number, start date and
 * deposit. A new occupant cannot open at an address whose account is still Active: close it first.
 */
export async function openService(
  ctx: TaskContext,
  request: OpenRequest,
  depositPolicy: DepositPolicy = POCATELLO_DEPOSIT,
): Promise<TaskOutcome<{ account: string; deposit: Dec }>> {
  const { data } = ctx;
  const name = request.name.trim();
  const serviceAddress = request.serviceAddress.trim();
  if (!name) return refuse("the customer's name is needed");
  if (!serviceAddress) return refuse("the service address is needed");
  if (!isIsoDate(request.openDate)) return refuse(`the open date must be a date, YYYY-MM-DD; got "${request.openDate}"`);
  if (request.email) {
    const problem = emailProblem(request.email);
    if (problem) return refuse(problem);
  }
  const account = request.account?.trim() || nextAccountNumber(data.accounts.keys());
  if (!account) return refuse("give the new account a number: the Accounts sheet has no all-digit numbers to follow");
  if (data.accounts.has(account)) return refuse(`account ${account} is already on the Accounts sheet`);
  const key = serviceAddress.toLowerCase().replace(/\s+/g, " ");
  const occupied = [...data.accounts.values()].find(
    (a) => a.serviceAddress.toLowerCase().replace(/\s+/g, " ") === key && (a.status === "active" || a.status === "vacant") && !a.closeDate,
  );
  if (occupied && occupied.status === "active")
    return refuse(`account ${occupied.account} (${occupied.name}) is still active at ${serviceAddress}: close it (or transfer it) first`);
  const deposit = depositFor({ owner: request.owner, waiver: request.depositWaiver }, depositPolicy);
  const carts = request.cartCount ?? 0;

  const row: Partial<Record<string, CellValue>> = {
    account,
    name,
    address: serviceAddress,
    mailingAddress: request.mailingAddress?.trim() || null,
    status: "Active",
    openDate: toExcelSerial(request.openDate),
    rateClass: request.rateClass?.trim() || null,
    meter: request.meter?.trim() || null,
    meterSize: request.meterSize?.trim() || null,
    cartCount: carts || null,
    cartSize: carts ? request.cartSize?.trim() || null : null,
    deposit: deposit.due.isZero() ? null : deposit.due.toNumber(),
    email: request.email?.trim() || null,
  };
  const written: Written[] = [];
  written.push(
    rowsText(
      await appendTable(ctx.port, data.sheets.accounts, CYCLE_ACCOUNT_COLUMNS, [row], {
        formats: { openDate: "yyyy-mm-dd", deposit: "#,##0.00" },
      }),
    ),
  );
  if (!deposit.due.isZero())
    written.push(
      rowsText(
        await appendTable(
          ctx.port,
          data.sheets.adjustments ?? "Adjustments",
          ADJUSTMENT_COLUMNS,
          [
            {
              account,
              date: toExcelSerial(request.openDate),
              type: "Charge",
              amount: deposit.due.toNumber(),
              service: "deposit",
              corrects: "",
              description: `Deposit for new service (${deposit.reason})`,
            },
          ],
          { formats: { date: "yyyy-mm-dd", amount: "#,##0.00" } },
        ),
      ),
    );
  if (carts > 0) {
    const order = await appendWorkOrder(ctx.port, {
      type: "Cart delivery",
      account,
      meter: request.meter ?? "",
      address: serviceAddress,
      reason: `New service from ${request.openDate}: deliver ${carts} cart${carts === 1 ? "" : "s"}${request.cartSize ? ` (${request.cartSize})` : ""}`,
      requested: ctx.today,
    });
    written.push({ sheet: "Work Orders", rows: order.id });
  }
  const mailTo = request.mailingAddress?.trim() || serviceAddress;
  const letter: AccountLetter = {
    kind: "Service Started",
    date: ctx.today,
    account,
    name,
    mailTo,
    serviceAddress,
    subject: `Welcome: your utility account ${account}`,
    paragraphs: [
      `Water, sewer and garbage service at ${serviceAddress} is in your name from ${day(request.openDate)}. Your account number is ${account}; please write it on every payment.`,
      deposit.due.isZero()
        ? `No deposit is due (${deposit.reason}).`
        : `A deposit of ${money(deposit.due)} is due with your first bill (${deposit.reason}). It is returned, or applied to your final bill, when service ends.`,
      `Your first bill covers the days from ${day(request.openDate)} to the end of the billing period, so it may be smaller than later bills.${carts > 0 ? ` ${carts} garbage cart${carts === 1 ? " is" : "s are"} on order for delivery.` : ""} Ask us about autopay, e-billing and level pay.`,
    ],
    task: OPEN_TASK,
  };
  const summary = `Opened account ${account} for ${name} at ${serviceAddress} from ${request.openDate}${deposit.due.isZero() ? ", no deposit" : `, deposit ${money(deposit.due)} billed`}${carts ? `, ${carts} cart${carts === 1 ? "" : "s"} ordered` : ""}.`;
  return finish(ctx, written, letter, summary, "account.opened", { account, deposit: deposit.due });
}

export type { CycleAccount };
