import { quantityText, Statement, unitLabel, VolumeUnit } from "../../engine";
import type { CellValue } from "../../workbook/port";
import type { Office } from "../settings";
import { MONEY, num, OutputSheet, PRICE, QUANTITY } from "./output";

export const BILLS_SHEET = "Bills";

/**
 * The Bills sheet: one printable bill per account, a page each: who and where, the reads and
 * usage, a line per charge and block, the balance forward with payments, adjustments and fees,
 * the total due and due date, and 13 months of usage. E-bill, autopay and final bills are marked.
 */
export function billsSheet(statements: readonly Statement[], office: Office, usageUnit: VolumeUnit): OutputSheet {
  const rows: CellValue[][] = [];
  const pageBreaks: number[] = [];
  const bold: number[] = [];
  for (const s of statements) {
    if (rows.length > 0) pageBreaks.push(rows.length);
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
      `${s.periodStart} to ${s.periodEnd}${s.serviceDays ? ` (${s.serviceDays} days)` : ""}`,
    ]);
    const marks = [
      a.eBill ? `E-BILL: sent to ${a.email ?? "the e-mail on file"}` : "",
      a.autopay ? `AUTOPAY: ${s.totalDue.toCents()} will be drafted on ${s.dueDate}` : "",
    ].filter(Boolean);
    if (marks.length) add([marks.join("   ")]);
    add([]);
    if (s.reading) {
      add(["Meter", "Previous read", "Current read", "Usage", null, s.reading.estimated ? "ESTIMATED" : null], true);
      add([
        s.reading.meter,
        s.reading.previous?.toNumber() ?? null,
        s.reading.current?.toNumber() ?? null,
        `${quantityText(s.reading.usage)} ${unitLabel(usageUnit)}`,
      ]);
      add([]);
    }
    add(["Service", "Description", "Quantity", "Unit", "Price", "Amount"], true);
    for (const l of s.chargeLines) add([l.service, l.description, num(l.quantity), l.unit, l.price.toNumber(), num(l.amount)]);
    add([null, "Current charges", null, null, null, num(s.currentCharges)], true);
    add([]);
    add([null, "Previous balance", null, null, null, num(s.previousBalance)]);
    for (const l of s.otherLines) add([l.service, `${l.description}${l.date ? ` (${l.date})` : ""}`, null, null, null, num(l.amount)]);
    if (s.levelPay) add([null, `Level pay: deferred balance now ${s.levelPay.deferredAfter.toCents()}`]);
    add([null, "Current charges", null, null, null, num(s.currentCharges)]);
    add([null, `TOTAL DUE by ${s.dueDate}`, null, null, null, num(s.totalDue)], true);
    if (s.usageHistory.length) {
      add([]);
      add([`Usage history (${unitLabel(usageUnit)})`], true);
      // Three months a row, as text: a compact history that no column format can disturb.
      for (let i = 0; i < s.usageHistory.length; i += 3)
        add(s.usageHistory.slice(i, i + 3).flatMap((h) => [h.periodEnd.slice(0, 7), quantityText(h.usage)]));
    }
  }
  return {
    name: BILLS_SHEET,
    rows,
    options: {
      columnWidths: [16, 42, 14, 16, 22, 12],
      columnFormats: [undefined, QUANTITY, QUANTITY, QUANTITY, PRICE, MONEY],
      boldRows: bold,
      print: { orientation: "portrait", pageBreaks, fitToWidth: true },
    },
  };
}
