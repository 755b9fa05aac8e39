import {
  addDays,
  CyclePolicy,
  isEstimated,
  luhnDigit,
  MeterReading,
  Money,
  POCATELLO_POLICY,
  quantityText,
  roundToCents,
  Statement,
  unitLabel,
  VolumeUnit,
} from "../../engine";
import { billMessages } from "../notices";
import { amountText, dateText } from "../format";
import type { CellValue } from "../../workbook/port";
import type { Office } from "../settings";
import { lateFeeSentence } from "../office";
import { OutputSheet, PRICE, QUANTITY } from "./output";
import { MAX_PAGE_BREAKS, MAX_SHEET_ROWS } from "./split";
export const BILLS_SHEET = "Bills";

/**
 * Rows on a printed page: the remit stub ends each page. Rows are 13 points and the six columns
 * (94 characters, 7.2 inches in Excel) fit the page's width at 100%, so a US Letter page (9.8
 * inches between its margins) holds 54 rows in Excel, and more in LibreOffice, which draws the
 * columns wider and so shrinks the page to fit them; A4 holds more.
 */
export const BILL_PAGE_ROWS = 54;
export const BILL_ROW_HEIGHT = 12.75;
const STUB_ROWS = 10;
/** Characters a full-width line holds across the bill's six columns. */
const LINE = 94;

/** Money on a bill as the Office sheet writes it: "$1,234.56" by default. */
const moneyFormat = (office: Office) => (office.moneyFormat === "$1,234.56" ? '"$"#,##0.00;-"$"#,##0.00' : "#,##0.00;-#,##0.00");

/**
 * The Bills sheet: one bill a printed page, laid out as a utility mails it: letterhead with the
 * office's address, phone, hours, web site and email; the customer's mailing address where a #10
 * window envelope shows it, beside the account summary (previous balance, payments, adjustments and
 * fees, current charges, total due and due date, the amount after the late-fee date); the messages
 * (estimate, the account's one notice, autopay, level pay, final bill, the message of the month, the
 * late-fee sentence); each meter's reads and usage; the charges by service with a line per block;
 * the activity since the last bill; 13 months of usage as bars; and a remit stub at the foot with
 * the remit-to address and a scan line.
 */
export function billsSheet(
  statements: readonly Statement[],
  office: Office,
  usageUnit: VolumeUnit,
  policy = POCATELLO_POLICY,
): OutputSheet {
  return billsSheets(statements, office, usageUnit, Infinity, Infinity, policy).next().value as OutputSheet;
}

/**
 * The Bills sheet in parts that fit in Excel ("Bills", "Bills 2", ...), each a whole number of
 * bills and at most 1,001 of them (a page each: Excel keeps 1,026 manual page breaks a sheet),
 * built one part at a time as they are asked for: a 100,000-account cycle never holds all 2.7
 * million rows at once.
 */
export function* billsSheets(
  statements: readonly Statement[],
  office: Office,
  usageUnit: VolumeUnit,
  maxRows = MAX_SHEET_ROWS,
  maxBreaks = MAX_PAGE_BREAKS,
  policy: CyclePolicy = POCATELLO_POLICY,
): Generator<OutputSheet> {
  // Texts many bills share (the due date line, a month, a usage) are kept once.
  const texts = new Map<string, string>();
  const same = (text: string) => {
    const seen = texts.get(text);
    if (seen !== undefined) return seen;
    if (texts.size < 50_000) texts.set(text, text);
    return text;
  };
  const money = moneyFormat(office);
  let part = 0;
  let rows: CellValue[][] = [];
  let pageBreaks: number[] = [];
  let bold: number[] = [];
  const sheet = (): OutputSheet => ({
    name: part === 0 ? BILLS_SHEET : `${BILLS_SHEET} ${part + 1}`,
    rows,
    options: {
      columnWidths: [16, 36, 9, 12, 9, 14],
      columnFormats: [undefined, undefined, QUANTITY, QUANTITY, PRICE, money],
      boldRows: bold,
      rowHeight: BILL_ROW_HEIGHT,
      print: { orientation: "portrait", pageBreaks, fitToWidth: true, paper: office.paper },
    },
  });
  for (const s of statements) {
    const bill = billRows(s, office, usageUnit, policy, same);
    if (rows.length > 0 && (rows.length + bill.rows.length > maxRows || pageBreaks.length >= maxBreaks)) {
      yield sheet();
      part++;
      rows = [];
      pageBreaks = [];
      bold = [];
    }
    if (rows.length > 0) pageBreaks.push(rows.length);
    for (const b of bill.bold) bold.push(rows.length + b);
    for (const row of bill.rows) rows.push(row);
  }
  yield sheet();
}

const title = (service: string) => service.charAt(0).toUpperCase() + service.slice(1);

/** A mailing address as the lines of an envelope's window: split at line breaks, or at commas. */
export function mailingLines(address: string): string[] {
  const parts = address.includes("\n") ? address.split("\n") : address.split(/,\s*/);
  const lines = parts.map((p) => p.trim()).filter(Boolean);
  // "Sampleton, ID 83200": the city with its state and ZIP on one line.
  for (let i = lines.length - 1; i > 0; i--)
    if (/^[A-Z]{2}\s+\d{5}(-\d{4})?$/.test(lines[i])) lines.splice(i - 1, 2, `${lines[i - 1]}, ${lines[i]}`);
  return lines.slice(0, 4);
}

/** The late fee this bill's total would draw if still unpaid after the due date and grace, and that date. */
function afterDueDate(s: Statement, policy: CyclePolicy): { date: string; amount: Money } | undefined {
  if (!s.totalDue.isPositive()) return undefined;
  const fee = roundToCents(s.totalDue.amount.times(policy.lateFeePercent).div(100));
  if (fee.lessThan(policy.lateFeeMinimum)) return undefined;
  return { date: addDays(s.dueDate, policy.graceDays), amount: s.totalDue.plus(Money.of(fee)) };
}

/** The stub's scan line: account, amount due in cents and due date, each fixed width, and a check digit. */
export function scanLine(account: string, amountDue: Money, dueDate: string): string {
  const acct = account.replace(/\D/g, "").padStart(10, "0").slice(-10);
  const cents = Money.of(amountDue.isPositive() ? amountDue.amount : 0)
    .amount.times(100)
    .toFixed(0)
    .padStart(10, "0");
  const due = dueDate.replace(/-/g, "");
  return `${acct} ${cents} ${due} ${luhnDigit(acct + cents + due)}`;
}

/** One bill's rows, exactly a page long unless its content is longer, and which of them are bold. */
function billRows(
  s: Statement,
  office: Office,
  usageUnit: VolumeUnit,
  policy: CyclePolicy,
  same: (text: string) => string,
): { rows: CellValue[][]; bold: number[] } {
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const add = (row: CellValue[], isBold = false) => {
    if (isBold) bold.push(rows.length);
    rows.push(row);
  };
  const d8 = (date: string) => same(dateText(date, office.dateFormat));
  const a = s.account;
  const kind = s.decision.code === "BALANCE_ONLY" ? "STATEMENT" : s.final ? "FINAL BILL" : "UTILITY BILL";

  // Letterhead (the return address shows in a #10 double-window envelope's upper window), with
  // the bill date and the account on the right.
  add([office.utilityName, null, null, null, null, kind], true);
  add([[office.address, office.phone].filter(Boolean).join("   ") || null, null, null, "Bill date", null, d8(s.billDate)]);
  add([[office.web, office.email].filter(Boolean).join("   ") || null, null, null, "Account number", null, a.account], true);
  // The summary on the right; on the left, the office hours and what the bill is for. A bold
  // summary row (the total, the due date) has nothing on its left.
  const after = afterDueDate(s, policy);
  const adjustmentsAndFees = s.adjustments.plus(s.fees);
  const left: CellValue[][] = [
    [office.hours ? same(`Office hours: ${office.hours}`) : null],
    [same(`Service address: ${a.serviceAddress}`)],
    [same(`Service: ${servicePeriodText(s, d8)}`)],
  ];
  // Labels of at most 19 characters: they fill columns D and E, beside the amounts in F.
  const summary: [string, CellValue, boolean][] = [
    ["Previous balance", s.previousBalance.toNumber(), false],
    ["Payments received", s.payments.toNumber(), false],
    ...(adjustmentsAndFees.isZero() ? [] : [["Adjustments, fees", adjustmentsAndFees.toNumber(), false] as [string, CellValue, boolean]]),
    ["Current charges", s.currentCharges.toNumber(), false],
    ["TOTAL DUE", s.totalDue.toNumber(), true],
    ["Due date", d8(s.dueDate), true],
    ...(after ? [[same(`After ${d8(after.date)}`), after.amount.toNumber(), false] as [string, CellValue, boolean]] : []),
  ];
  for (let i = 0; i < summary.length; i++) {
    const [label, value, isBold] = summary[i];
    add([isBold ? null : (left[i]?.[0] ?? null), null, null, label, null, value], isBold);
  }
  // The mailing address where the envelope's lower window shows it: two and a half inches down and
  // an inch in (column B), with nothing beside it to show through.
  for (const line of [a.name, ...mailingLines(a.mailingAddress || a.serviceAddress)].slice(0, 4)) add([null, line]);
  add([]);

  for (const m of billPageMessages(s, office, policy, usageUnit))
    for (const line of wrapText(m, LINE)) add([same(line)], /^[A-Z -]+:/.test(m));
  add([]);

  readRows(s, usageUnit, same, add, d8);
  charges(s, same, add);
  if (s.otherLines.length) {
    add(["ACTIVITY SINCE YOUR LAST BILL"], true);
    // In date order; lines without a date (level pay) last.
    const dated = [...s.otherLines].sort((x, y) =>
      (x.date ?? "9999") < (y.date ?? "9999") ? -1 : (x.date ?? "9999") > (y.date ?? "9999") ? 1 : 0,
    );
    for (const l of dated) add([l.date ? d8(l.date) : null, l.description, null, null, null, l.amount.toNumber()]);
    add([]);
  }
  const budget = BILL_PAGE_ROWS - STUB_ROWS;
  usageBars(s, usageUnit, same, add, budget - rows.length);
  while (rows.length < budget) rows.push([]);
  stub(s, office, after, same, add, d8);
  return { rows, bold };
}

/** "Sep 30, 2026 to Oct 30, 2026", from the day service began to the day it ended (closed or opened in the period). */
function servicePeriodText(s: Statement, d8: (date: string) => string): string {
  const a = s.account;
  if (s.decision.code === "BALANCE_ONLY") return a.closeDate ? `closed ${d8(a.closeDate)}` : "no service this period";
  const from = a.openDate && a.openDate > s.periodStart ? a.openDate : s.periodStart;
  const to = a.closeDate && a.closeDate < s.periodEnd && a.closeDate > s.periodStart ? a.closeDate : s.periodEnd;
  return `${d8(from)} to ${d8(to)}${s.serviceDays ? ` (${s.serviceDays} days)` : ""}`;
}

/**
 * Every message a printed bill carries, in order: the engine's (estimate, the account's notice),
 * autopay, level pay, a final bill's deposit, the late-fee sentence and the message of the month.
 * The bill-print extract carries the same list.
 */
export function billPageMessages(s: Statement, office: Office, policy: CyclePolicy, usageUnit: VolumeUnit): string[] {
  const $ = (m: Money) => amountText(m, office.moneyFormat);
  const d8 = (date: string) => dateText(date, office.dateFormat);
  const a = s.account;
  const messages = billMessages(s, usageUnit, office);
  if (a.autopay && s.decision.code !== "BALANCE_ONLY" && s.totalDue.isPositive())
    messages.push(`AUTOPAY: do not pay; ${$(s.totalDue)} will be drafted from your bank account on ${d8(s.dueDate)}.`);
  if (s.levelPay) {
    const difference = s.levelPay.actual.minus(s.levelPay.amount);
    messages.push(
      `LEVEL PAY: you pay ${$(s.levelPay.amount)} a month. This month's charges were ${$(s.levelPay.actual)}; the difference, ${$(difference)}, goes to your deferred balance, now ${$(s.levelPay.deferredAfter)}, settled each ${MONTH_NAMES[policy.levelPayTrueUpMonth - 1]}.`,
    );
  }
  if (s.final && a.deposit.greaterThan(0))
    messages.push(
      `Your deposit of ${$(Money.of(a.deposit))} is applied when the account is settled; any remainder is refunded to your mailing address.`,
    );
  if (s.totalDue.isPositive() && s.collection.notice?.rung !== "collections") messages.push(lateFeeSentence(office, policy));
  if (office.message && s.decision.code !== "BALANCE_ONLY") messages.push(office.message);
  return messages;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The charges, a service at a time with its lines (a line per block), and the current charges. */
function charges(s: Statement, same: (text: string) => string, add: (row: CellValue[], bold?: boolean) => void): void {
  if (s.chargeLines.length === 0) return;
  add(["CHARGES", "Description", "Quantity", "Unit", "Rate", "Amount"], true);
  let service = "";
  for (const l of s.chargeLines) {
    add([
      l.service === service ? null : same(title(l.service)),
      l.description,
      l.quantity.toNumber(),
      l.unit,
      l.price.toNumber(),
      l.amount.toNumber(),
    ]);
    service = l.service;
  }
  add([null, "Current charges", null, null, null, s.currentCharges.toNumber()], true);
  add([]);
}

/** Up to 13 months of usage as bars, two months a row (three when the page is short of rows). */
function usageBars(
  s: Statement,
  usageUnit: VolumeUnit,
  same: (text: string) => string,
  add: (row: CellValue[], bold?: boolean) => void,
  room: number,
): void {
  const { periodEnds, usages } = s.usageHistory;
  if (usages.length === 0 || room < 3) return;
  const perRow = Math.ceil(usages.length / 2) + 1 <= room ? 2 : 3;
  const width = perRow === 2 ? 14 : 8;
  let max = 0;
  for (const u of usages) if (u.greaterThan(max)) max = u.toNumber();
  const cell = (i: number) => {
    const periodEnd = periodEnds[i];
    const usage = usages[i];
    return same(
      `${MONTHS[Number(periodEnd.slice(5, 7)) - 1]} ${periodEnd.slice(0, 4)} ${"█".repeat(max > 0 ? Math.max(usage.toNumber() > 0 ? 1 : 0, Math.round((usage.toNumber() / max) * width)) : 0)} ${quantityText(usage)}`,
    );
  };
  add([same(`USAGE HISTORY (${unitLabel(usageUnit)})`)], true);
  const rows = Math.ceil(usages.length / perRow);
  // Columns: oldest first down the first column, then the next.
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = [null, null, null, null, null, null];
    for (let c = 0; c < perRow; c++) {
      const i = c * rows + r;
      if (i < usages.length) row[perRow === 2 ? c * 3 : c * 2] = cell(i);
    }
    add(row);
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The remit stub at the foot of the page: what to pay, by when, where to send it, and a scan line. */
function stub(
  s: Statement,
  office: Office,
  after: { date: string; amount: Money } | undefined,
  same: (text: string) => string,
  add: (row: CellValue[], bold?: boolean) => void,
  d8: (date: string) => string,
): void {
  const remit = mailingLines(office.remitTo || [office.utilityName, office.address].filter(Boolean).join(", "));
  add([same("- - - - - - - - - - - - Please detach and return this part with your payment - - - - - - - - - - - -")]);
  add([office.utilityName, null, "Account number", null, null, s.account.account], true);
  add([s.account.name, null, "Due date", null, null, d8(s.dueDate)]);
  add([same(`Service address: ${s.account.serviceAddress}`), null, "Amount due", null, null, s.totalDue.toNumber()], true);
  add([
    same(`Make checks payable to ${office.utilityName}`),
    null,
    after ? same(`After ${d8(after.date)}`) : null,
    null,
    null,
    after ? after.amount.toNumber() : null,
  ]);
  const drafted = s.account.autopay && s.decision.code !== "BALANCE_ONLY";
  add([
    same("and mail them to:"),
    null,
    drafted ? "AUTOPAY: do not send" : "Amount enclosed",
    null,
    null,
    drafted ? null : "$ ____________",
  ]);
  for (let i = 0; i < 3; i++) add([remit[i] ?? null]);
  add([scanLine(s.account.account, s.totalDue, s.dueDate)]);
}

/** The reads: a row per meter (two for an exchange) with its read dates, what was not read, and the estimate billed instead. */
function readRows(
  s: Statement,
  usageUnit: VolumeUnit,
  same: (text: string) => string,
  add: (row: CellValue[], bold?: boolean) => void,
  d8: (date: string) => string,
): void {
  const d = s.decision;
  const meters = s.reading?.meters ?? [];
  if (meters.length === 0 && d.usage === undefined) return;
  const unit = unitLabel(usageUnit);
  const estimated = isEstimated(d.code);
  add(["METER", "Read dates", "Previous", "Current", null, estimated ? "ESTIMATED" : "Usage"], true);
  const dates = (m: MeterReading) =>
    m.previousDate && m.currentDate ? same(`${d8(m.previousDate)} to ${d8(m.currentDate)}`) : m.currentDate ? d8(m.currentDate) : null;
  for (const m of meters) {
    if (m.legs) {
      for (const [i, leg] of m.legs.entries())
        add([
          same(`${leg.meter} (${i === 0 ? "old" : "new"})`),
          dates(m),
          leg.from.toNumber(),
          leg.to.toNumber(),
          null,
          same(`${quantityText(leg.usage)} ${unit}`),
        ]);
      continue;
    }
    // A read that is not used (a re-read requested, or one that cannot be) is not printed as if it were.
    const used = !m.rereadRequested && m.usage !== null;
    add([
      m.meter,
      dates(m),
      m.previous?.toNumber() ?? null,
      used ? (m.current?.toNumber() ?? null) : null,
      sourceMark(m),
      meterUsage(m, estimated, unit, same),
    ]);
  }
  if (meters.length === 0) add([s.account.meter ?? null, null, null, null, null, "not read"]);
  if (d.estimate) {
    add(
      [
        same(`Estimated usage: ${quantityText(d.estimate.usage)} ${unit}`),
        null,
        null,
        null,
        null,
        same(`${quantityText(d.estimate.usage)} ${unit}`),
      ],
      true,
    );
    add([same(`(${d.estimate.method})`)]);
  } else if (meters.length > 1 || meters.some((m) => m.legs))
    add([same("Total usage"), null, null, null, null, same(`${quantityText(d.usage!)} ${unit}`)], true);
  add([]);
}

function meterUsage(m: MeterReading, estimated: boolean, unit: string, same: (text: string) => string): string {
  if (m.rereadRequested) return "re-read requested";
  if (m.usage === null) return "not read";
  return same(`${quantityText(m.usage)} ${unit}${estimated && m.source === "actual" ? " (read)" : ""}`);
}

function sourceMark(m: MeterReading): string | null {
  if (m.rereadRequested || m.usage === null) return null;
  return m.source === "actual" ? null : m.source === "customer" ? "customer" : "estimated";
}

/** Splits text at spaces into lines of at most `width` characters (a longer word keeps its own line). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
