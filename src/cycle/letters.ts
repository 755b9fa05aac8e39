import { calendarFor, CycleAccount, CycleResult, Money, POCATELLO_POLICY, Statement, CyclePolicy } from "../engine";
import { amountText, dateText } from "./format";
import type { Look } from "./notices";
import { DEFAULT_OFFICE } from "./office";
import { idText } from "../workbook/cells";
import type { CellValue, SheetValues } from "../workbook/port";
import { locateTable } from "../workbook/table";

export type LetterKind = "Account Status" | "Late Notice" | "Final Notice" | "Returned Payment" | "Final Bill";

export interface LetterTemplate {
  readonly letter: LetterKind;
  readonly subject: string;
  /** Paragraphs separated by blank lines or line breaks; {{Field}} merges a value. */
  readonly body: string;
}

export const TEMPLATES_SHEET = "Letter Templates";

/** The templates a new workbook starts with; the Letter Templates sheet may change every word. */
export const DEFAULT_TEMPLATES: readonly LetterTemplate[] = [
  {
    letter: "Late Notice",
    subject: "Late notice for account {{Account}}",
    body: "Our records show that {{NoticeAmount}} on your utility account for {{ServiceAddress}} is past due. Please pay {{NoticeAmount}} by {{PayBy}}.{{LateFeeSentence}}{{ArrangementNote}}\nService will be terminated without payment or a written payment arrangement. If you have already paid, thank you; please disregard this notice.",
  },
  {
    letter: "Final Notice",
    subject: "Final notice before shutoff: account {{Account}}",
    body: "Your account for {{ServiceAddress}} is {{NoticeAmount}} past due.{{ArrangementNote}} Unless we receive {{NoticeAmount}} by {{PayBy}}, service will be shut off on or after {{ShutoffDate}} and a {{ShutoffFee}} out-for-shutoff fee will be added to your next bill.\nTo restore service after a shutoff you must pay {{RestoreAmount}}{{DepositNote}}.\nPayment arrangements must be made in writing before the shutoff date.",
  },
  {
    letter: "Returned Payment",
    subject: "Returned payment on account {{Account}}",
    body: "Your payment of {{ReturnedAmount}} ({{ReturnedReference}}) was returned by your bank. It has been reversed and a {{ReturnedFee}} returned payment fee added to your account.\nPlease pay {{NoticeAmount}} by {{PayBy}} in cash, by cashier's check, money order or card.{{CashOnlyNote}}",
  },
  {
    letter: "Final Bill",
    subject: "Final bill for account {{Account}}",
    body: "This is the final bill for your service at {{ServiceAddress}}, which ended {{CloseDate}}. Please pay {{NoticeAmount}} by {{PayBy}}.{{DepositApplied}}",
  },
  {
    letter: "Account Status",
    subject: "Your payment arrangement, account {{Account}}",
    body: "This letter confirms your written payment arrangement: {{ArrangementAmount}} each billing cycle until {{ArrangementUntil}}. Your balance as of {{BillDate}} is {{AmountDue}}.\nKeeping the arrangement keeps your service on; a missed payment ends it.",
  },
];

export function templateRows(templates: readonly LetterTemplate[]): CellValue[][] {
  return [["Letter", "Subject", "Body"], ...templates.map((t) => [t.letter, t.subject, t.body])];
}

/** Reads the Letter Templates sheet; a letter it lacks keeps its default. */
export function parseTemplates(data: SheetValues | undefined): LetterTemplate[] {
  const byLetter = new Map(DEFAULT_TEMPLATES.map((t) => [t.letter, t]));
  if (data) {
    const found = locateTable(data, [
      { field: "letter", label: "Letter", synonyms: [], required: true },
      { field: "subject", label: "Subject", synonyms: [], required: true },
      { field: "body", label: "Body", synonyms: ["Text"], required: true },
    ] as const);
    if (found.ok) {
      for (let i = found.table.firstValueRow; i < data.values.length; i++) {
        const get = (f: "letter" | "subject" | "body") => idText(data.values[i][found.table.columns[f]! - data.left]);
        const letter = get("letter") as LetterKind;
        if (byLetter.has(letter)) byLetter.set(letter, { letter, subject: get("subject"), body: get("body") });
      }
    }
  }
  return [...byLetter.values()];
}

export interface Letter {
  readonly kind: LetterKind;
  readonly account: CycleAccount;
  readonly date: string;
  readonly subject: string;
  readonly paragraphs: string[];
  /** The envelope it goes in: one per customer (name and mailing address), numbered in mailing order. */
  readonly envelope: number;
  /** Its place among the envelope's letters, from 1, and how many the envelope holds. */
  readonly inEnvelope: number;
  readonly envelopeSize: number;
}

/** Fills {{Field}} from `fields`; a field it does not know is left as written and reported. */
export function merge(text: string, fields: Record<string, string>, unknown: Set<string>): string {
  return text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, name: string) => {
    if (Object.prototype.hasOwnProperty.call(fields, name)) return fields[name];
    unknown.add(name);
    return whole;
  });
}

/** The letter a collection notice is sent as; a reminder rides on the bill and the collections list is a list. */
const NOTICE_LETTER: Partial<Record<string, LetterKind>> = {
  "late notice": "Late Notice",
  "final notice": "Final Notice",
  "final bill": "Final Bill",
};
const KIND_ORDER: readonly LetterKind[] = ["Final Notice", "Late Notice", "Final Bill", "Returned Payment", "Account Status"];

/** Who a letter goes to: the same name at the same mailing address is one customer, one envelope. */
export function customerKey(account: Pick<CycleAccount, "name" | "mailingAddress" | "serviceAddress">): string {
  const norm = (t: string) => t.toLowerCase().replace(/[.,#]/g, " ").replace(/\s+/g, " ").trim();
  return `${norm(account.mailingAddress || account.serviceAddress)}|${norm(account.name)}`;
}

/**
 * Every letter the cycle calls for, merged from the templates: for each account its one collection
 * notice as a letter (late notice, final notice or final-bill letter, with the amount and last day
 * to pay the engine decided), a letter per returned payment, and the status of a kept payment
 * arrangement. Letters are dated the day the notices are mailed, grouped into one envelope per
 * customer and sorted by mailing address.
 */
export function cycleLetters(
  result: CycleResult,
  templates: readonly LetterTemplate[],
  policy: CyclePolicy = POCATELLO_POLICY,
  look: Look = DEFAULT_OFFICE,
): { letters: Letter[]; unknownFields: string[] } {
  const byKind = new Map(templates.map((t) => [t.letter, t]));
  const unknown = new Set<string>();
  const drafts: Omit<Letter, "envelope" | "inEnvelope" | "envelopeSize">[] = [];
  const calendar = calendarFor(policy);
  const write = (kind: LetterKind, s: Statement, extra: Record<string, string> = {}) => {
    const t = byKind.get(kind)!;
    const fields = { ...baseFields(s, policy, look), ...extra };
    drafts.push({
      kind,
      account: s.account,
      date: s.collection.notice?.mailed ?? calendar.onOrAfter(s.billDate),
      subject: merge(t.subject, fields, unknown),
      paragraphs: merge(t.body, fields, unknown)
        .split(/\n+/)
        .filter((p) => p.trim()),
    });
  };
  for (const s of result.statements) {
    const notice = s.collection.notice;
    const letter = notice && NOTICE_LETTER[notice.rung];
    if (letter) write(letter, s);
    for (const p of s.paymentsReceived.filter((x) => x.returned)) {
      const returned = Money.of(p.amount);
      const fee = Money.of(policy.returnedPaymentFee);
      write("Returned Payment", s, {
        ReturnedAmount: amountText(returned, look.moneyFormat),
        ReturnedReference: p.reference || `received ${dateText(p.date, look.dateFormat)}`,
        ReturnedFee: amountText(fee, look.moneyFormat),
        ReturnedTotal: amountText(returned.plus(fee), look.moneyFormat),
        CashOnlyNote:
          s.account.nsfCount + 1 >= policy.nsfCashOnlyAfter
            ? " After this returned payment the account may pay only by cash, cashier's check, money order or card."
            : "",
      });
    }
    if (s.collection.keptOff?.reason === "kept payment arrangement") write("Account Status", s);
  }
  return { letters: envelopes(drafts), unknownFields: [...unknown].sort() };
}

/** Sorts letters by mailing address and customer, and numbers one envelope per customer (the cycle's and the counter's letters alike). */
export function envelopes(drafts: Omit<Letter, "envelope" | "inEnvelope" | "envelopeSize">[]): Letter[] {
  const keyed = drafts.map((d, i) => ({ d, i, key: customerKey(d.account) }));
  keyed.sort(
    (a, b) =>
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      (a.d.account.account < b.d.account.account ? -1 : a.d.account.account > b.d.account.account ? 1 : 0) ||
      KIND_ORDER.indexOf(a.d.kind) - KIND_ORDER.indexOf(b.d.kind) ||
      a.i - b.i,
  );
  const sizes = new Map<string, number>();
  for (const k of keyed) sizes.set(k.key, (sizes.get(k.key) ?? 0) + 1);
  const letters: Letter[] = [];
  let envelope = 0;
  let previous: string | undefined;
  let inEnvelope = 0;
  for (const k of keyed) {
    if (k.key !== previous) {
      envelope++;
      inEnvelope = 0;
      previous = k.key;
    }
    letters.push({ ...k.d, envelope, inEnvelope: ++inEnvelope, envelopeSize: sizes.get(k.key)! });
  }
  return letters;
}

function baseFields(s: Statement, policy: CyclePolicy, look: Look): Record<string, string> {
  const a = s.account;
  const d8 = (date: string) => dateText(date, look.dateFormat);
  const $ = (m: Money) => amountText(m, look.moneyFormat);
  const lateFee = s.otherLines.find((l) => l.description.startsWith("Late fee"));
  const notice = s.collection.notice;
  const shutoff = notice?.shutoff;
  const noticeAmount = notice?.amount ?? s.collection.pastDue;
  return {
    Name: a.name,
    Account: a.account,
    ServiceAddress: a.serviceAddress,
    MailingAddress: a.mailingAddress,
    BillDate: d8(s.billDate),
    DueDate: d8(s.dueDate),
    AmountDue: $(s.totalDue),
    // The one figure and deadline of the account's notice (docs/outputs.md); PastDue is kept for older templates.
    NoticeAmount: $(noticeAmount),
    PayBy: d8(notice?.payBy ?? s.dueDate),
    PastDue: $(noticeAmount),
    Delinquent: $(s.delinquent),
    LateFee: $(lateFee?.amount ?? Money.zero),
    LateFeePercent: policy.lateFeePercent,
    LateFeeSentence: lateFee
      ? ` A late fee of ${$(lateFee.amount)} (${policy.lateFeePercent}% of the delinquent amount) has been added to your bill of ${d8(s.billDate)}.`
      : "",
    ShutoffFee: $(Money.of(policy.shutoffFee)),
    ShutoffDate: shutoff ? d8(shutoff.shutoffDate) : "",
    RestoreAmount: shutoff ? $(shutoff.restoreAmount) : "",
    DepositNote:
      shutoff && !shutoff.depositRequired.isZero()
        ? ` (the full past due plus a ${$(shutoff.depositRequired)} deposit, as none is on file)`
        : "",
    ArrangementNote: notice?.arrangementBroken ? " Your written payment arrangement was not kept this cycle and has ended." : "",
    CloseDate: d8(a.closeDate ?? s.periodEnd),
    Deposit: $(Money.of(a.deposit)),
    DepositApplied: a.deposit.greaterThan(0)
      ? ` A deposit of ${$(Money.of(a.deposit))} is on file; it is applied when the account is settled and any remainder refunded to your mailing address.`
      : "",
    ArrangementAmount: a.arrangementAmount ? $(Money.of(a.arrangementAmount)) : "",
    ArrangementUntil: a.arrangementUntil ? d8(a.arrangementUntil) : "",
  };
}
