import type { CycleAccount, IsoDate } from "../engine";
import { isIsoDate, ZERO, toExcelSerial } from "../engine";
import { dateText } from "../cycle/format";
import { envelopes } from "../cycle/letters";
import type { Letter, LetterKind } from "../cycle/letters";
import { DEFAULT_OFFICE, OFFICE_SHEET, parseOffice } from "../cycle/office";
import type { Office } from "../cycle/settings";
import { lettersSheet } from "../cycle/sheets/letters";
import { cellDate, idText } from "../workbook/cells";
import { rowsOf } from "../workbook/contextSheets";
import type { WorkbookPort } from "../workbook/port";
import { locateTable } from "../workbook/table";
import { appendTable, ownColumns } from "./appendTable";

/** The record of every letter an account task sent: one row each, never edited. */
export const LETTER_LOG_SHEET = "Letter Log";
/** The day's account letters as printed pages, one per letter, rebuilt after each task (print it with the day's mail). */
export const ACCOUNT_LETTERS_SHEET = "Account Letters";

export type AccountLetterKind =
  | "Service Started"
  | "Service Ended"
  | "Transfer of Service"
  | "Autopay"
  | "E-Bill"
  | "Level Pay"
  | "Payment Plan"
  | "Leak Adjustment Approved"
  | "Leak Adjustment Denied"
  | "Back-Bill";

/** A letter an account task sends: to whom, what about, and its paragraphs. */
export interface AccountLetter {
  readonly kind: AccountLetterKind;
  readonly date: IsoDate;
  readonly account: string;
  readonly name: string;
  readonly mailTo: string;
  readonly serviceAddress: string;
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly task: string;
}

type LogField = "date" | "account" | "name" | "mailTo" | "serviceAddress" | "letter" | "subject" | "text" | "task";
const LOG_COLUMNS = ownColumns<LogField>(
  [
    ["date", "Date"],
    ["account", "Account"],
    ["name", "Name"],
    ["mailTo", "Mail To"],
    ["serviceAddress", "Service Address"],
    ["letter", "Letter"],
    ["subject", "Subject"],
    ["text", "Text"],
    ["task", "Task"],
  ],
  3,
);

/** The workbook's Office settings (letterhead, how to pay), or the defaults. */
export async function readOffice(port: WorkbookPort): Promise<Office> {
  const data = await port.readSheet(OFFICE_SHEET);
  return data ? parseOffice(data).office : DEFAULT_OFFICE;
}

/** The letters on the Letter Log dated `day`, in the order they were logged. */
export async function lettersOn(port: WorkbookPort, day: IsoDate): Promise<AccountLetter[]> {
  const data = await port.readSheet(LETTER_LOG_SHEET);
  if (!data) return [];
  const found = locateTable(data, LOG_COLUMNS);
  if (!found.ok) return [];
  const out: AccountLetter[] = [];
  for (const { get } of rowsOf(data, found.table, LOG_COLUMNS)) {
    if (cellDate(get("date") ?? null) !== day) continue;
    out.push({
      kind: idText(get("letter")) as AccountLetterKind,
      date: day,
      account: idText(get("account")),
      name: idText(get("name")),
      mailTo: idText(get("mailTo")),
      serviceAddress: idText(get("serviceAddress")),
      subject: idText(get("subject")),
      paragraphs: String(get("text") ?? "").split(/\n+/),
      task: idText(get("task")),
    });
  }
  return out;
}

/**
 * Sends letters: each is added to the Letter Log (the record), then the Account Letters sheet is
 * rebuilt with every letter logged that day, one printed page each in the cycle letters' layout
 * (letterhead, date, window-envelope address, subject, body, how to pay, whom to call).
 */
export async function sendLetters(
  port: WorkbookPort,
  sending: readonly AccountLetter[],
): Promise<{ logRows: { first: number; last: number }; notice?: string }> {
  if (sending.length === 0) return { logRows: { first: 0, last: -1 } };
  const office = await readOffice(port);
  const missing = [
    office.address ? "" : "the office's address",
    office.phone ? "" : "phone",
    office.payByMail || office.payInPerson || office.payOnline || office.payByPhone ? "" : "how to pay",
  ].filter(Boolean);
  const notice = missing.length
    ? `The Office settings have no ${missing.join(", ")}: the letter prints without ${missing.length > 1 ? "them" : "it"}. Fill them in under Settings › Office before printing the Account Letters sheet.`
    : undefined;
  // A customer reads dates as the bills print them ("Nov 8, 2026"), never as ISO text; the log keeps what was mailed.
  const dated = (text: string) =>
    text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => (isIsoDate(iso) ? dateText(iso, office.dateFormat) : iso));
  const letters = sending.map((l) => ({ ...l, subject: dated(l.subject), paragraphs: l.paragraphs.map(dated) }));
  const rows = await appendTable(
    port,
    LETTER_LOG_SHEET,
    LOG_COLUMNS,
    letters.map((l) => ({
      date: toExcelSerial(l.date),
      account: l.account,
      name: l.name,
      mailTo: l.mailTo,
      serviceAddress: l.serviceAddress,
      letter: l.kind,
      subject: l.subject,
      text: l.paragraphs.join("\n"),
      task: l.task,
    })),
    { formats: { date: "yyyy-mm-dd" }, widths: { name: 24, mailTo: 30, serviceAddress: 28, letter: 22, subject: 40, text: 80, task: 20 } },
  );
  const day = letters[letters.length - 1].date;
  const todays = await lettersOn(port, day);
  // One envelope per customer: a transfer's final bill and welcome letter go out together.
  const pages: Letter[] = envelopes(
    todays.map((l) => ({
      kind: l.kind as unknown as LetterKind,
      account: letterAccount(l),
      date: l.date,
      subject: l.subject,
      paragraphs: [...l.paragraphs],
    })),
  );
  const sheet = lettersSheet(pages, office);
  await port.replaceSheet(ACCOUNT_LETTERS_SHEET, sheet.rows, sheet.options);
  return { logRows: { first: rows.firstRow, last: rows.lastRow }, notice };
}

/** The little of an account a letter page prints: name, mailing and service address. */
function letterAccount(l: AccountLetter): CycleAccount {
  return {
    account: l.account,
    name: l.name,
    serviceAddress: l.serviceAddress,
    mailingAddress: l.mailTo,
    status: "active",
    deposit: ZERO,
    levelPay: false,
    levelPayDeferred: ZERO,
    autopay: false,
    eBill: false,
    nsfCount: 0,
  };
}
