import { CycleAccount, CycleResult, Money, POCATELLO_POLICY, Statement, CyclePolicy } from "../engine";
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
    body: "Our records show that {{Delinquent}} on your utility account for {{ServiceAddress}} was not paid by the due date. A late fee of {{LateFee}} ({{LateFeePercent}}% of the delinquent amount) has been added to your bill of {{BillDate}}.\nYour total due is {{AmountDue}}, due by {{DueDate}}.\nService will be terminated without payment or a written payment arrangement. If you have already paid, thank you; please disregard this notice.",
  },
  {
    letter: "Final Notice",
    subject: "Final notice before shutoff: account {{Account}}",
    body: "Your account for {{ServiceAddress}} is {{PastDue}} past due. Unless we receive {{PastDue}} by {{ShutoffDate}}, service will be shut off and a {{ShutoffFee}} out-for-shutoff fee will be added to your next bill.\nTo restore service after a shutoff you must pay {{RestoreAmount}}{{DepositNote}}.\nPayment arrangements must be made in writing before the shutoff date.",
  },
  {
    letter: "Returned Payment",
    subject: "Returned payment on account {{Account}}",
    body: "Your payment of {{ReturnedAmount}} ({{ReturnedReference}}) was returned by your bank. It has been reversed and a {{ReturnedFee}} returned payment fee added to your account.\nPlease pay {{ReturnedTotal}} within 7 days in cash, by cashier's check, money order or card.{{CashOnlyNote}}",
  },
  {
    letter: "Final Bill",
    subject: "Final bill for account {{Account}}",
    body: "This is the final bill for your service at {{ServiceAddress}}, which ended {{CloseDate}}. The total due is {{AmountDue}}, payable by {{DueDate}}.\nA deposit on file ({{Deposit}}) is applied to the balance and any remainder refunded to your mailing address.",
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
}

/** Fills {{Field}} from `fields`; a field it does not know is left as written and reported. */
export function merge(text: string, fields: Record<string, string>, unknown: Set<string>): string {
  return text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, name: string) => {
    if (name in fields) return fields[name];
    unknown.add(name);
    return whole;
  });
}

/** Every letter the cycle calls for, merged from the templates. */
export function cycleLetters(
  result: CycleResult,
  templates: readonly LetterTemplate[],
  policy: CyclePolicy = POCATELLO_POLICY,
): { letters: Letter[]; unknownFields: string[] } {
  const byKind = new Map(templates.map((t) => [t.letter, t]));
  const unknown = new Set<string>();
  const letters: Letter[] = [];
  const write = (kind: LetterKind, s: Statement, extra: Record<string, string> = {}) => {
    const t = byKind.get(kind)!;
    const fields = { ...baseFields(s, policy), ...extra };
    letters.push({
      kind,
      account: s.account,
      date: s.billDate,
      subject: merge(t.subject, fields, unknown),
      paragraphs: merge(t.body, fields, unknown)
        .split(/\n+/)
        .filter((p) => p.trim()),
    });
  };
  for (const s of result.statements) {
    if (s.otherLines.some((l) => l.description.startsWith("Late fee"))) write("Late Notice", s);
    for (const p of s.paymentsReceived.filter((x) => x.returned)) {
      const returned = Money.of(p.amount);
      const fee = Money.of(policy.returnedPaymentFee);
      write("Returned Payment", s, {
        ReturnedAmount: `$${returned.toCents()}`,
        ReturnedReference: p.reference || `received ${p.date}`,
        ReturnedFee: `$${fee.toCents()}`,
        ReturnedTotal: `$${returned.plus(fee).toCents()}`,
        CashOnlyNote:
          s.account.nsfCount + 1 >= policy.nsfCashOnlyAfter
            ? " After this returned payment the account may pay only by cash, cashier's check, money order or card."
            : "",
      });
    }
    if (s.final) write("Final Bill", s);
    if (s.account.arrangementUntil && s.account.arrangementAmount && s.account.arrangementUntil >= s.billDate) write("Account Status", s);
  }
  const byAccount = new Map(result.statements.map((s) => [s.account.account, s]));
  for (const h of result.doorHangers) {
    const s = byAccount.get(h.account.account)!;
    write("Final Notice", s, {
      ShutoffDate: h.shutoffDate,
      RestoreAmount: `$${h.restoreAmount.toCents()}`,
      DepositNote: h.depositRequired.isZero()
        ? ""
        : ` (the full past due plus a $${h.depositRequired.toCents()} deposit, as none is on file)`,
    });
  }
  return { letters, unknownFields: [...unknown].sort() };
}

function baseFields(s: Statement, policy: CyclePolicy): Record<string, string> {
  const a = s.account;
  const lateFee = s.otherLines.find((l) => l.description.startsWith("Late fee"));
  const pastDue = s.aging.days30.plus(s.aging.days60).plus(s.aging.days90);
  return {
    Name: a.name,
    Account: a.account,
    ServiceAddress: a.serviceAddress,
    MailingAddress: a.mailingAddress,
    BillDate: s.billDate,
    DueDate: s.dueDate,
    AmountDue: `$${s.totalDue.toCents()}`,
    PastDue: `$${pastDue.toCents()}`,
    Delinquent: `$${s.delinquent.toCents()}`,
    LateFee: `$${(lateFee?.amount ?? Money.zero).toCents()}`,
    LateFeePercent: policy.lateFeePercent,
    ShutoffFee: `$${Money.of(policy.shutoffFee).toCents()}`,
    CloseDate: a.closeDate ?? s.periodEnd,
    Deposit: `$${Money.of(a.deposit).toCents()}`,
    ArrangementAmount: a.arrangementAmount ? `$${Money.of(a.arrangementAmount).toCents()}` : "",
    ArrangementUntil: a.arrangementUntil ?? "",
  };
}
