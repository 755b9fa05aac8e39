import {
  addDays,
  depositFor,
  Dec,
  IsoDate,
  isIsoDate,
  normalizeBinSize,
  POCATELLO_DEPOSIT,
  selectVersion,
  toExcelSerial,
} from "../../engine";
import type { CycleAccount, DepositPolicy, RateSchedule } from "../../engine";
import { appendWorkOrder } from "../../review/workOrders";
import { CYCLE_ACCOUNT_COLUMNS } from "../../workbook/cycleSheets";
import { ADJUSTMENT_COLUMNS } from "../../workbook/cycleSheets";
import type { CellValue } from "../../workbook/port";
import type { AccountLetter } from "../accountLetters";
import { appendTable } from "../appendTable";
import { emailProblem } from "../../engine";
import { appendAccountChanges } from "../accountChanges";
import { change, day, money, refuse, rowsText, TaskContext, TaskOutcome, Written, finish } from "./context";

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
  const mailing = mailingProblem(request.mailingAddress?.trim() || serviceAddress);
  if (mailing) return refuse(mailing);
  const carts = request.cartCount ?? 0;
  const cartProblem = carts > 0 ? cartSizeProblem(ctx, request.cartSize, request.openDate) : undefined;
  if (cartProblem) return refuse(cartProblem);
  const deposit = depositFor({ owner: request.owner, waiver: request.depositWaiver }, depositPolicy);
  // A Vacant account at the address (the owner's, between tenants) ends the day before: the meter is the new customer's.
  const vacant = occupied?.status === "vacant" ? occupied : undefined;
  const meter = request.meter?.trim() || vacant?.meter || "";

  const row: Partial<Record<string, CellValue>> = {
    account,
    name,
    address: serviceAddress,
    mailingAddress: request.mailingAddress?.trim() || null,
    status: "Active",
    openDate: toExcelSerial(request.openDate),
    rateClass: request.rateClass?.trim() || null,
    meter: meter || null,
    meterSize: request.meterSize?.trim() || (meter && meter === vacant?.meter ? vacant.meterSize : undefined) || null,
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
  if (vacant) {
    const end = addDays(request.openDate, -1);
    const why = `New occupant: account ${account}`;
    written.push(
      rowsText(
        await appendAccountChanges(ctx.port, [
          change(ctx, vacant.account, "Status", "Final", "Vacant", end, OPEN_TASK, why),
          change(ctx, vacant.account, "Close Date", end, vacant.closeDate ?? "", end, OPEN_TASK, why),
        ]),
      ),
    );
    if (meter) {
      // The read between the vacancy and the new customer: each is billed only its own water.
      const order = await appendWorkOrder(ctx.port, {
        type: "Move-in read",
        account,
        meter,
        address: serviceAddress,
        reason: `Read the meter on ${request.openDate}: vacant account ${vacant.account} ends ${end}, account ${account} starts`,
        requested: ctx.today,
      });
      written.push({ sheet: "Work Orders", rows: order.id });
    }
  }
  if (carts > 0) {
    const order = await appendWorkOrder(ctx.port, {
      type: "Cart delivery",
      account,
      meter,
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
      depositSentence(deposit.due, request),
      `Your first bill covers the days from ${day(request.openDate)} to the end of the billing period, so it may be smaller than later bills.${carts > 0 ? ` ${carts} garbage cart${carts === 1 ? " is" : "s are"} on order for delivery.` : ""} Ask us about autopay, e-billing and level pay.`,
    ],
    task: OPEN_TASK,
  };
  const summary = `Opened account ${account} for ${name} at ${serviceAddress} from ${request.openDate}${deposit.due.isZero() ? ", no deposit" : `, deposit ${money(deposit.due)} billed`}${carts ? `, ${carts} cart${carts === 1 ? "" : "s"} ordered` : ""}${vacant ? `; vacant account ${vacant.account} there ends ${addDays(request.openDate, -1)}` : ""}.`;
  return finish(ctx, written, letter, summary, "account.opened", { account, deposit: deposit.due });
}

/** The welcome letter's deposit sentence, in the customer's words rather than the policy's. */
function depositSentence(due: Dec, request: OpenRequest): string {
  if (due.greaterThan(0))
    return `A deposit of ${money(due)} is due with your first bill. It is returned, or applied to your final bill, when service ends.`;
  if (request.depositWaiver === "transfer") return "No new deposit is due: the deposit on your old account moves to this one.";
  if (request.depositWaiver === "letter of credit") return "No deposit is due: we have your letter of credit on file.";
  if (request.owner) return "No deposit is due for a property owner.";
  return "No deposit is due.";
}

/** A mailing address a letter can be mailed to: it ends with the state and ZIP code ("Pocatello, ID 83201"). */
export function mailingProblem(address: string): string | undefined {
  if (/\b[A-Za-z]{2}\.?\s+\d{5}(-\d{4})?\s*$/.test(address.trim())) return undefined;
  return `the mailing address needs its city, state and ZIP code, such as "${address.split(",")[0].trim() || "1204 N Main St"}, Pocatello, ID 83201": letters and bills go to it`;
}

/** The cart sizes the schedule prices on the date, as its carts charge keys them ("96", "2yd"); none without a carts charge. */
export function cartSizesOf(schedule: RateSchedule, date: IsoDate): string[] {
  const version = selectVersion(schedule, date);
  const charge = version.ok ? version.value.charges.find((c) => c.kind === "carts") : undefined;
  return charge?.kind === "carts" ? Object.keys(charge.sizes) : [];
}

/** A cart size as a customer says it: "96 gal". */
export const cartSizeText = (size: string) => (/^\d+$/.test(size) ? `${size} gal` : size);

/** A cart size the schedule prices on the date, or why not. */
function cartSizeProblem(ctx: TaskContext, size: string | undefined, date: IsoDate): string | undefined {
  const sizes = cartSizesOf(ctx.schedule, date);
  if (sizes.length === 0) return undefined;
  const priced = new Set(sizes);
  const given = size?.trim() ? normalizeBinSize(size) : sizes.length === 1 ? sizes[0] : undefined;
  if (given !== undefined && priced.has(given)) return undefined;
  const list = sizes.map(cartSizeText).join(", ");
  return given === undefined ? `choose the cart size: ${list}` : `the schedule has no "${size!.trim()}" cart; its sizes: ${list}`;
}

export type { CycleAccount };
