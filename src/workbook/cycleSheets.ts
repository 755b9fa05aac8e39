import {
  AccountStatus,
  Adjustment,
  AdjustmentKind,
  CycleAccount,
  Dec,
  OpeningBalance,
  Payment,
  PaymentMethod,
  ZERO,
  daysBetween,
  IsoDate,
} from "../engine";
import { cellDate, cellDecimal, idText, isBlank, NumberCulture, shown } from "./cells";
import { ACCOUNT_COLUMNS, rowsOf } from "./contextSheets";
import type { CellValue, SheetValues } from "./port";
import { ColumnSpec, locateTable } from "./table";

export interface Parsed<T> {
  readonly records: T[];
  readonly problems: string[];
}
type Outcome<T> = { ok: true; value: Parsed<T> } | { ok: false; message: string };

type AccountField =
  | "account"
  | "name"
  | "address"
  | "mailingAddress"
  | "status"
  | "openDate"
  | "closeDate"
  | "rateClass"
  | "meter"
  | "meterSize"
  | "dials"
  | "multiplier"
  | "dwellingUnits"
  | "cartSize"
  | "cartCount"
  | "containerSize"
  | "containerCount"
  | "pickups"
  | "deposit"
  | "levelPay"
  | "levelPayAmount"
  | "levelPayDeferred"
  | "autopay"
  | "eBill"
  | "email"
  | "arrangementUntil"
  | "arrangementAmount"
  | "nsfCount"
  | "outForShutoff"
  | "autopayRouting"
  | "autopayAccount"
  | "finalBilledThrough";

export const CYCLE_ACCOUNT_COLUMNS: readonly ColumnSpec<AccountField>[] = [
  ...(ACCOUNT_COLUMNS as readonly ColumnSpec<AccountField>[]),
  { field: "mailingAddress", label: "Mailing Address", synonyms: ["Billing Address", "Mail Address"] },
  { field: "dwellingUnits", label: "Dwelling Units", synonyms: ["Units", "Dwellings"] },
  { field: "cartSize", label: "Cart Size", synonyms: ["Cart Gallons"] },
  { field: "cartCount", label: "Cart Count", synonyms: ["Carts", "Number of Carts"] },
  { field: "containerSize", label: "Container Size", synonyms: ["Container Yards"] },
  { field: "containerCount", label: "Containers", synonyms: ["Container Count"] },
  { field: "pickups", label: "Pickups Per Week", synonyms: ["Pickups", "Weekly Pickups"] },
  { field: "deposit", label: "Deposit", synonyms: ["Deposit On File", "Deposit Held"] },
  { field: "levelPay", label: "Level Pay", synonyms: ["Budget Billing", "Level Pay Flag"] },
  { field: "levelPayAmount", label: "Level Pay Amount", synonyms: ["Budget Amount"] },
  { field: "levelPayDeferred", label: "Level Pay Deferred", synonyms: ["Level Pay Balance", "Budget Deferred"] },
  { field: "autopay", label: "Autopay", synonyms: ["Auto Pay", "Bank Draft", "ACH"] },
  { field: "eBill", label: "E-Bill", synonyms: ["Ebill", "Paperless", "E Bill"] },
  { field: "email", label: "Email", synonyms: ["E-mail", "Email Address"] },
  { field: "arrangementUntil", label: "Arrangement Until", synonyms: ["Payment Arrangement Until", "Arrangement End"] },
  { field: "arrangementAmount", label: "Arrangement Amount", synonyms: ["Payment Arrangement Amount"] },
  { field: "nsfCount", label: "NSF Count", synonyms: ["Returned Payments", "NSF"] },
  { field: "outForShutoff", label: "Out For Shutoff", synonyms: ["Shutoff Date", "Out For Shutoff Date"] },
  // Kept by the account tasks through the Account Changes sheet (ADR 0010, 0011): the bank's routing
  // number and the bank account masked to its last four digits; never the full account number.
  { field: "autopayRouting", label: "Autopay Routing", synonyms: ["Draft Routing"] },
  { field: "autopayAccount", label: "Autopay Account", synonyms: ["Draft Account"] },
  { field: "finalBilledThrough", label: "Final Billed Through", synonyms: [] },
];

const STATUSES: Record<string, AccountStatus> = Object.assign(Object.create(null) as Record<string, AccountStatus>, {
  active: "active",
  a: "active",
  inactive: "inactive",
  i: "inactive",
  vacant: "vacant",
  v: "vacant",
  final: "final",
  f: "final",
  closed: "final",
});
const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0", ""]);

function flag(v: CellValue | undefined): boolean | undefined {
  if (typeof v === "boolean") return v;
  const text = String(v ?? "")
    .trim()
    .toLowerCase();
  return YES.has(text) ? true : NO.has(text) ? false : undefined;
}

/** The most carts or containers an account has, as UB.BILL's `carts` (docs/inputs.md). */
export const MAX_CARTS = 50;
/** The most dwelling units behind one account (a large apartment complex has hundreds). */
export const MAX_DWELLING_UNITS = 10_000;

/** Reads the Accounts sheet with everything billing needs; bad cells are named, their rows left out. */
export function parseCycleAccounts(data: SheetValues): Outcome<CycleAccount> {
  const found = locateTable(data, CYCLE_ACCOUNT_COLUMNS);
  if (!found.ok) return found;
  const records: CycleAccount[] = [];
  const problems: string[] = [];
  for (const { get, where } of rowsOf(data, found.table, CYCLE_ACCOUNT_COLUMNS)) {
    const bad: string[] = [];
    const money = (f: AccountField) => {
      if (isBlank(get(f))) return undefined;
      const d = cellDecimal(get(f) ?? null, data.culture);
      if (d === undefined) bad.push(`${where(f)}: expected an amount; got ${shown(get(f))}`);
      return d;
    };
    const date = (f: AccountField) => {
      if (isBlank(get(f))) return undefined;
      const d = cellDate(get(f) ?? null);
      if (d === undefined) bad.push(`${where(f)}: expected a date; got ${shown(get(f))}`);
      return d;
    };
    const yes = (f: AccountField) => {
      const v = flag(get(f));
      if (v === undefined) bad.push(`${where(f)}: expected Yes or No; got ${shown(get(f))}`);
      return v ?? false;
    };
    const whole = (f: AccountField, max?: number) => {
      if (isBlank(get(f))) return undefined;
      const d = cellDecimal(get(f) ?? null, data.culture);
      if (d === undefined || !d.isInteger() || d.isNegative() || (max !== undefined && d.gt(max))) {
        bad.push(
          `${where(f)}: expected a whole number${max === undefined ? "" : ` from 0 to ${max.toLocaleString("en-US")}`}; got ${shown(get(f))}`,
        );
        return undefined;
      }
      return d.toNumber();
    };
    const account = idText(get("account"));
    const status =
      STATUSES[
        String(get("status") ?? "")
          .trim()
          .toLowerCase()
      ];
    if (!account) bad.push(`${where("account")}: an account row needs an account number`);
    if (!status) bad.push(`${where("status")}: Status must be Active, Inactive, Vacant or Final; got ${shown(get("status"))}`);
    const record: CycleAccount = {
      account,
      status,
      name: idText(get("name")),
      serviceAddress: idText(get("address")),
      mailingAddress: idText(get("mailingAddress")) || idText(get("address")),
      openDate: date("openDate"),
      closeDate: date("closeDate"),
      rateClass: idText(get("rateClass")) || undefined,
      meter: idText(get("meter")) || undefined,
      meterSize: idText(get("meterSize")) || undefined,
      // As the read review takes them: a value that is not a positive number is left out, not refused.
      dials: positive(get("dials"), true, data.culture),
      multiplier:
        positive(get("multiplier"), false, data.culture) === undefined ? undefined : cellDecimal(get("multiplier") ?? null, data.culture),
      dwellingUnits: whole("dwellingUnits", MAX_DWELLING_UNITS),
      cartSize: idText(get("cartSize")) || undefined,
      cartCount: whole("cartCount", MAX_CARTS),
      containers: containersOf(whole("containerCount", MAX_CARTS), whole("pickups"), idText(get("containerSize")) || undefined),
      deposit: money("deposit") ?? ZERO,
      levelPay: yes("levelPay"),
      levelPayAmount: money("levelPayAmount"),
      levelPayDeferred: money("levelPayDeferred") ?? ZERO,
      autopay: yes("autopay"),
      eBill: yes("eBill"),
      email: idText(get("email")) || undefined,
      arrangementUntil: date("arrangementUntil"),
      arrangementAmount: money("arrangementAmount"),
      nsfCount: whole("nsfCount") ?? 0,
      outForShutoff: date("outForShutoff"),
      autopayRouting: idText(get("autopayRouting")) || undefined,
      autopayAccount: masked(idText(get("autopayAccount"))),
      finalBilledThrough: date("finalBilledThrough"),
    };
    if (bad.length) problems.push(...bad);
    else records.push(record);
  }
  return { ok: true, value: { records, problems } };
}

/** A bank account as the workbook may show it: its last four digits only, whatever was typed (ADR 0010). */
function masked(text: string): string | undefined {
  const digits = text.replace(/\D/g, "");
  return digits ? `****${digits.slice(-4)}` : undefined;
}

function positive(v: CellValue | undefined, integer: boolean, culture?: NumberCulture): number | undefined {
  const d = cellDecimal(v ?? null, culture);
  return d && d.greaterThan(0) && (!integer || d.isInteger()) ? d.toNumber() : undefined;
}

function containersOf(count: number | undefined, pickups: number | undefined, size: string | undefined): CycleAccount["containers"] {
  return count && count > 0 ? { count, pickupsPerWeek: pickups && pickups > 0 ? pickups : 1, size } : undefined;
}

type BalanceField =
  "account" | "balance" | "current" | "days30" | "days60" | "days90" | "water" | "sewer" | "garbage" | "stormwater" | "fees";
const SERVICE_FIELDS = ["water", "sewer", "garbage", "stormwater", "fees"] as const;

export const BALANCE_COLUMNS: readonly ColumnSpec<BalanceField>[] = [
  { field: "account", label: "Account", required: true, synonyms: ["Account Number", "Account No", "Account #", "Acct"] },
  { field: "balance", label: "Balance", required: true, synonyms: ["Opening Balance", "Previous Balance", "Balance Due"] },
  { field: "current", label: "Current", synonyms: ["0-30 Days", "Current Due"] },
  { field: "days30", label: "30 Days", synonyms: ["31-60 Days", "30 Day", "Over 30"] },
  { field: "days60", label: "60 Days", synonyms: ["61-90 Days", "60 Day", "Over 60"] },
  { field: "days90", label: "90+ Days", synonyms: ["Over 90", "90 Days", "90 Day"] },
  { field: "water", label: "Water", synonyms: [] },
  { field: "sewer", label: "Sewer", synonyms: [] },
  { field: "garbage", label: "Garbage", synonyms: ["Sanitation"] },
  { field: "stormwater", label: "Stormwater", synonyms: ["Storm"] },
  { field: "fees", label: "Fees", synonyms: ["Penalties"] },
];

/**
 * Reads opening balances with aging. Service columns split the balance by service (what they do
 * not cover is "unallocated"); aging that does not add up to the balance puts the difference in
 * Current and says so.
 */
export function parseBalances(data: SheetValues): Outcome<OpeningBalance> {
  const found = locateTable(data, BALANCE_COLUMNS);
  if (!found.ok) return found;
  const records: OpeningBalance[] = [];
  const problems: string[] = [];
  for (const { get, where } of rowsOf(data, found.table, BALANCE_COLUMNS)) {
    const account = idText(get("account"));
    const amount = (f: BalanceField) => (isBlank(get(f)) ? ZERO : cellDecimal(get(f) ?? null, data.culture));
    const fields: BalanceField[] = ["balance", "current", "days30", "days60", "days90", ...SERVICE_FIELDS];
    const badField = fields.find((f) => amount(f) === undefined);
    if (!account || badField) {
      problems.push(
        badField
          ? `${where(badField)}: expected an amount; got ${shown(get(badField))}`
          : `${where("account")}: a balance row needs an account number`,
      );
      continue;
    }
    const total = amount("balance")!;
    const byService = new Map<string, Dec>();
    let covered = ZERO;
    for (const f of SERVICE_FIELDS) {
      if (found.table.columns[f] === undefined || isBlank(get(f))) continue;
      byService.set(f, amount(f)!);
      covered = covered.plus(amount(f)!);
    }
    if (!total.equals(covered)) byService.set("unallocated", total.minus(covered));
    const aged = { current: amount("current")!, days30: amount("days30")!, days60: amount("days60")!, days90: amount("days90")! };
    const agedSum = aged.current.plus(aged.days30).plus(aged.days60).plus(aged.days90);
    if (!agedSum.equals(total)) {
      if (!agedSum.isZero())
        problems.push(
          `${where("balance")}: the aging adds up to ${agedSum.toFixed(2)}, not the balance ${total.toFixed(2)}; the difference is taken as current`,
        );
      aged.current = aged.current.plus(total.minus(agedSum));
    }
    records.push({ account, byService, aging: aged });
  }
  return { ok: true, value: { records, problems } };
}

type LedgerField = "account" | "date" | "amount" | "service";
export const LEDGER_COLUMNS: readonly ColumnSpec<LedgerField>[] = [
  { field: "account", label: "Account", required: true, synonyms: ["Account Number", "Acct"] },
  { field: "date", label: "Date", required: true, synonyms: ["Bill Date", "Posted", "Item Date"] },
  { field: "amount", label: "Open Amount", required: true, synonyms: ["Amount Open", "Open Balance", "Amount Due"] },
  { field: "service", label: "Service", synonyms: [] },
];

/** Opening balances from a Ledger of open items, aged by each item's date at the last bill. */
export function parseLedger(data: SheetValues, asOf: IsoDate): Outcome<OpeningBalance> {
  const found = locateTable(data, LEDGER_COLUMNS);
  if (!found.ok) return found;
  const byAccount = new Map<string, { byService: Map<string, Dec>; aging: { current: Dec; days30: Dec; days60: Dec; days90: Dec } }>();
  const problems: string[] = [];
  for (const { get, where } of rowsOf(data, found.table, LEDGER_COLUMNS)) {
    const account = idText(get("account"));
    const date = cellDate(get("date") ?? null);
    const amount = cellDecimal(get("amount") ?? null, data.culture);
    if (!account || !date || !amount) {
      const f: LedgerField = !account ? "account" : !date ? "date" : "amount";
      problems.push(
        `${where(f)}: expected ${f === "date" ? "a date" : f === "amount" ? "an amount" : "an account number"}; got ${shown(get(f))}`,
      );
      continue;
    }
    const entry = byAccount.get(account) ?? {
      byService: new Map<string, Dec>(),
      aging: { current: ZERO, days30: ZERO, days60: ZERO, days90: ZERO },
    };
    const service = idText(get("service")).toLowerCase() || "unallocated";
    entry.byService.set(service, (entry.byService.get(service) ?? ZERO).plus(amount));
    const age = daysBetween(date, asOf);
    const bucket = age <= 30 ? "current" : age <= 60 ? "days30" : age <= 90 ? "days60" : "days90";
    entry.aging[bucket] = entry.aging[bucket].plus(amount);
    byAccount.set(account, entry);
  }
  return { ok: true, value: { records: [...byAccount].map(([account, e]) => ({ account, ...e })), problems } };
}

type PaymentField = "date" | "account" | "amount" | "method" | "reference" | "returned";
/** The Payments sheet's own columns, as a system exports them. */
export const PAYMENT_COLUMNS: readonly ColumnSpec<PaymentField>[] = [
  { field: "date", label: "Date", required: true, synonyms: ["Payment Date", "Received"] },
  { field: "account", label: "Account", required: true, synonyms: ["Account Number", "Acct"] },
  { field: "amount", label: "Amount", required: true, synonyms: ["Payment Amount", "Paid"] },
  { field: "method", label: "Method", required: true, synonyms: ["Payment Method", "Tender", "Paid By"] },
  { field: "reference", label: "Reference", synonyms: ["Check Number", "Ref", "Confirmation"] },
  { field: "returned", label: "Returned", synonyms: ["NSF", "Returned Flag", "Bounced"] },
];
/** What is read: the sheet's columns and the add-in's Reverses column, which marks a reversal row (src/payments/postToSheet.ts). */
const PAYMENT_READ_COLUMNS: readonly ColumnSpec<PaymentField | "reverses" | "batch">[] = [
  ...PAYMENT_COLUMNS,
  { field: "reverses", label: "Reverses", synonyms: [] },
  { field: "batch", label: "Batch", synonyms: [] },
];

const METHODS: Record<string, PaymentMethod> = Object.assign(Object.create(null) as Record<string, PaymentMethod>, {
  mail: "mail",
  "by mail": "mail",
  check: "mail",
  counter: "counter",
  "walk-in": "counter",
  cash: "counter",
  "drop box": "drop box",
  dropbox: "drop box",
  "card by phone": "card by phone",
  phone: "card by phone",
  card: "card by phone",
  online: "online",
  web: "online",
  internet: "online",
  "bank draft": "bank draft",
  autopay: "bank draft",
  ach: "bank draft",
  draft: "bank draft",
});

export function parsePayments(data: SheetValues): Outcome<Payment> {
  const rows = parsePaymentRows(data);
  return rows.ok ? { ok: true, value: { records: rows.value.records.map((r) => r.payment), problems: rows.value.problems } } : rows;
}

/** A Payments row read: the payment, its 1-based sheet row, and the batch that posted it (blank when keyed by hand). */
export interface PaymentRowRead {
  readonly payment: Payment;
  readonly row: number;
  readonly batch: string;
}

export function parsePaymentRows(data: SheetValues): Outcome<PaymentRowRead> {
  const found = locateTable(data, PAYMENT_READ_COLUMNS);
  if (!found.ok) return found;
  const records: PaymentRowRead[] = [];
  const problems: string[] = [];
  for (const { get, where, sheetRow } of rowsOf(data, found.table, PAYMENT_READ_COLUMNS)) {
    const account = idText(get("account"));
    const date = cellDate(get("date") ?? null);
    const amount = cellDecimal(get("amount") ?? null, data.culture);
    const method =
      METHODS[
        String(get("method") ?? "")
          .trim()
          .toLowerCase()
      ];
    const returned = flag(get("returned"));
    const bad = !account
      ? `${where("account")}: a payment needs an account`
      : !date
        ? `${where("date")}: expected a date; got ${shown(get("date"))}`
        : !amount || !amount.greaterThan(0)
          ? `${where("amount")}: expected an amount above 0; got ${shown(get("amount"))}`
          : !method
            ? `${where("method")}: Method must be mail, counter, drop box, card by phone, online or bank draft; got ${shown(get("method"))}`
            : returned === undefined
              ? `${where("returned")}: expected Yes or No; got ${shown(get("returned"))}`
              : undefined;
    if (bad) problems.push(bad);
    else {
      const reverses = idText(get("reverses"));
      const payment: Payment = {
        account,
        date: date!,
        amount: amount!,
        method: method!,
        reference: idText(get("reference")),
        // A reversal is a returned payment by definition, whatever its Returned cell says.
        ...(reverses ? { returned: true, reverses } : { returned: returned! }),
      };
      records.push({ payment, row: sheetRow + 1, batch: idText(get("batch")) });
    }
  }
  return { ok: true, value: { records, problems } };
}

type AdjustmentField = "account" | "date" | "type" | "service" | "amount" | "corrects" | "description";
export const ADJUSTMENT_COLUMNS: readonly ColumnSpec<AdjustmentField>[] = [
  { field: "account", label: "Account", required: true, synonyms: ["Account Number", "Acct"] },
  { field: "date", label: "Date", required: true, synonyms: ["Adjustment Date", "Posted"] },
  { field: "type", label: "Type", required: true, synonyms: ["Adjustment Type", "Kind"] },
  { field: "amount", label: "Amount", required: true, synonyms: ["Adjustment Amount"] },
  { field: "service", label: "Service", synonyms: [] },
  { field: "corrects", label: "Corrects", synonyms: ["Bill", "Bill Number", "Period", "For Bill"] },
  { field: "description", label: "Description", synonyms: ["Reason", "Memo", "Note"] },
];

const KINDS: Record<string, AdjustmentKind> = Object.assign(Object.create(null) as Record<string, AdjustmentKind>, {
  "leak credit": "leak credit",
  leak: "leak credit",
  "back-bill": "back-bill",
  backbill: "back-bill",
  "back bill": "back-bill",
  credit: "credit",
  charge: "charge",
  debit: "charge",
});

export function parseAdjustments(data: SheetValues): Outcome<Adjustment> {
  const found = locateTable(data, ADJUSTMENT_COLUMNS);
  if (!found.ok) return found;
  const records: Adjustment[] = [];
  const problems: string[] = [];
  for (const { get, where } of rowsOf(data, found.table, ADJUSTMENT_COLUMNS)) {
    const account = idText(get("account"));
    const date = cellDate(get("date") ?? null);
    const amount = cellDecimal(get("amount") ?? null, data.culture);
    const kind =
      KINDS[
        String(get("type") ?? "")
          .trim()
          .toLowerCase()
      ];
    const bad = !account
      ? `${where("account")}: an adjustment needs an account`
      : !date
        ? `${where("date")}: expected a date; got ${shown(get("date"))}`
        : !amount
          ? `${where("amount")}: expected an amount (negative for a credit); got ${shown(get("amount"))}`
          : !kind
            ? `${where("type")}: Type must be leak credit, back-bill, credit or charge; got ${shown(get("type"))}`
            : undefined;
    if (bad) problems.push(bad);
    else
      records.push({
        account,
        date: date!,
        kind: kind!,
        service: idText(get("service")).toLowerCase() || "adjustments",
        amount: amount!,
        corrects: idText(get("corrects")),
        description: idText(get("description")),
      });
  }
  return { ok: true, value: { records, problems } };
}
