import { isEstimated, MeterReading, quantityText, Statement, unitLabel, VolumeUnit } from "../../engine";
import { billMessages } from "../notices";
import type { CellValue } from "../../workbook/port";
import type { Office } from "../settings";
import { MONEY, num, OutputSheet, PRICE, QUANTITY } from "./output";
import { MAX_PAGE_BREAKS, MAX_SHEET_ROWS } from "./split";

export const BILLS_SHEET = "Bills";

/**
 * The Bills sheet: one printable bill per account, a page each: who and where, the reads and
 * usage, a line per charge and block, the balance forward with payments, adjustments and fees,
 * the total due and due date, and 13 months of usage. E-bill, autopay and final bills are marked.
 */
export function billsSheet(statements: readonly Statement[], office: Office, usageUnit: VolumeUnit): OutputSheet {
  return billsSheets(statements, office, usageUnit, Infinity).next().value as OutputSheet;
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
): Generator<OutputSheet> {
  // Texts many bills share (the due date line, a month, a usage) are kept once.
  const texts = new Map<string, string>();
  const same = (text: string) => {
    const seen = texts.get(text);
    if (seen !== undefined) return seen;
    if (texts.size < 50_000) texts.set(text, text);
    return text;
  };
  let part = 0;
  let rows: CellValue[][] = [];
  let pageBreaks: number[] = [];
  let bold: number[] = [];
  const sheet = (): OutputSheet => ({
    name: part === 0 ? BILLS_SHEET : `${BILLS_SHEET} ${part + 1}`,
    rows,
    options: {
      columnWidths: [16, 42, 14, 16, 22, 12],
      columnFormats: [undefined, QUANTITY, QUANTITY, QUANTITY, PRICE, MONEY],
      boldRows: bold,
      print: { orientation: "portrait", pageBreaks, fitToWidth: true },
    },
  });
  for (const s of statements) {
    const bill = billRows(s, office, usageUnit, same);
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

/** One bill's rows, and which of them are bold. */
function billRows(
  s: Statement,
  office: Office,
  usageUnit: VolumeUnit,
  same: (text: string) => string,
): { rows: CellValue[][]; bold: number[] } {
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const add = (row: CellValue[], isBold = false) => {
    if (isBold) bold.push(rows.length);
    rows.push(row);
  };
  const a = s.account;
  add([office.utilityName, null, null, null, null, s.final ? "FINAL BILL" : "UTILITY BILL"], true);
  if (office.address || office.phone) add([[office.address, office.phone].filter(Boolean).join("  ")]);
  add(["Account", a.account, null, "Bill", s.billNumber]);
  add(["Name", a.name, null, "Bill date", s.billDate]);
  add(["Service address", a.serviceAddress, null, "Due date", s.dueDate]);
  add([
    "Mail to",
    a.mailingAddress,
    null,
    "Period",
    same(`${s.periodStart} to ${s.periodEnd}${s.serviceDays ? ` (${s.serviceDays} days)` : ""}`),
  ]);
  const marks = [
    a.eBill ? `E-BILL: sent to ${a.email ?? "the e-mail on file"}` : "",
    // A closed account's balance statement is not drafted: its autopay ended with its service.
    a.autopay && s.decision.code !== "BALANCE_ONLY" ? `AUTOPAY: ${s.totalDue.toCents()} will be drafted on ${s.dueDate}` : "",
  ].filter(Boolean);
  if (marks.length) add([marks.join("   ")]);
  // A message runs across the bill's empty cells to its right; long ones take more than one row.
  for (const message of billMessages(s, usageUnit)) for (const line of wrapText(message, 110)) add([line], /^[A-Z -]+:/.test(message));
  add([]);
  readRows(s, usageUnit, same, add);
  add(["Service", "Description", "Quantity", "Unit", "Price", "Amount"], true);
  for (const l of s.chargeLines) add([l.service, l.description, num(l.quantity), l.unit, l.price.toNumber(), num(l.amount)]);
  add([null, "Current charges", null, null, null, num(s.currentCharges)], true);
  add([]);
  add([null, "Previous balance", null, null, null, num(s.previousBalance)]);
  for (const l of s.otherLines) add([l.service, `${l.description}${l.date ? ` (${l.date})` : ""}`, null, null, null, num(l.amount)]);
  if (s.levelPay) add([null, `Level pay: deferred balance now ${s.levelPay.deferredAfter.toCents()}`]);
  add([null, "Current charges", null, null, null, num(s.currentCharges)]);
  add([null, same(`TOTAL DUE by ${s.dueDate}`), null, null, null, num(s.totalDue)], true);
  if (s.usageHistory.length) {
    add([]);
    add([`Usage history (${unitLabel(usageUnit)})`], true);
    // Three months a row, as text: a compact history that no column format can disturb.
    for (let i = 0; i < s.usageHistory.length; i += 3)
      add(s.usageHistory.slice(i, i + 3).flatMap((h) => [same(h.periodEnd.slice(0, 7)), same(quantityText(h.usage))]));
  }
  return { rows, bold };
}

/** The reads: a row per meter (two for an exchange), what was not read, and the estimate billed instead. */
function readRows(
  s: Statement,
  usageUnit: VolumeUnit,
  same: (text: string) => string,
  add: (row: CellValue[], bold?: boolean) => void,
): void {
  const d = s.decision;
  const meters = s.reading?.meters ?? [];
  if (meters.length === 0 && d.usage === undefined) return;
  const unit = unitLabel(usageUnit);
  const estimated = isEstimated(d.code);
  add(["Meter", "Previous read", "Current read", "Usage", null, estimated ? "ESTIMATED" : null], true);
  for (const m of meters) {
    if (m.legs) {
      for (const [i, leg] of m.legs.entries())
        add([
          `${leg.meter} (${i === 0 ? "removed" : "new"})`,
          leg.from.toNumber(),
          leg.to.toNumber(),
          same(`${quantityText(leg.usage)} ${unit}`),
        ]);
      continue;
    }
    // A read that is not used (a re-read requested, or one that cannot be) is not printed as if it were.
    const used = !m.rereadRequested && m.usage !== null;
    add([
      m.meter,
      m.previous?.toNumber() ?? null,
      used ? (m.current?.toNumber() ?? null) : null,
      meterUsage(m, estimated, unit, same),
      null,
      sourceMark(m),
    ]);
  }
  if (meters.length === 0) add([s.account.meter ?? null, null, null, "not read"]);
  if (d.estimate) add(["Estimated usage", d.estimate.method, null, same(`${quantityText(d.estimate.usage)} ${unit}`)], true);
  else if (meters.length > 1 || meters.some((m) => m.legs))
    add(["Total usage", null, null, same(`${quantityText(d.usage!)} ${unit}`)], true);
  add([]);
}

function meterUsage(m: MeterReading, estimated: boolean, unit: string, same: (text: string) => string): string {
  if (m.rereadRequested) return "re-read requested";
  if (m.usage === null) return "not read";
  return same(`${quantityText(m.usage)} ${unit}${estimated && m.source === "actual" ? " (read)" : ""}`);
}

function sourceMark(m: MeterReading): string | null {
  if (m.rereadRequested || m.usage === null) return null;
  return m.source === "actual" ? null : m.source === "customer" ? "CUSTOMER READ" : "ESTIMATED";
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
