import { CycleResult, Money, Statement } from "../../engine";
import type { CellValue } from "../../workbook/port";
import { basisLabel, noticeLabel } from "../notices";
import { MONEY, num, OutputSheet } from "./output";

export const REGISTER_SHEET = "Bill Register";

/**
 * The Bill Register: a row per bill with its charges by service, then totals by service and rate
 * class, the control totals, and the held accounts with their reasons. Every figure is summed
 * from the same statements as the Bills sheet, so the two tie to the cent.
 */
export function registerSheet(result: CycleResult, services: readonly string[], unmatchedRows = 0): OutputSheet {
  const header = [
    "Bill",
    "Account",
    "Name",
    "Rate Class",
    "Usage",
    "Read",
    ...services.map(title),
    "Adjustments",
    "Fees",
    "Current Charges",
    "Previous Balance",
    "Payments",
    "Total Due",
    "Due Date",
    "E-Bill",
    "Autopay",
    "Final",
    "Notice",
  ];
  const rows: CellValue[][] = [header];
  const bold: number[] = [];
  const byService = (s: Statement, service: string) =>
    s.chargeLines.filter((l) => l.service === service).reduce((m, l) => m.plus(l.amount), Money.zero);
  for (const s of result.statements) {
    rows.push([
      s.billNumber,
      s.account.account,
      s.account.name,
      s.account.rateClass ?? null,
      s.decision.usage?.toNumber() ?? null,
      basisLabel(s),
      ...services.map((svc) => num(byService(s, svc))),
      num(s.adjustments),
      num(s.fees),
      num(s.currentCharges),
      num(s.previousBalance),
      num(s.payments),
      num(s.totalDue),
      s.dueDate,
      s.account.eBill ? "yes" : "no",
      s.account.autopay ? "yes" : "no",
      s.final ? "yes" : "no",
      noticeLabel(s.collection.notice?.rung),
    ]);
  }
  const t = result.register;
  const width = header.length;
  const blank = () => rows.push([]);
  const formats: { row: number; column: number; format: string }[] = [];
  const line = (label: string, value: CellValue, isBold = false, format = MONEY) => {
    if (isBold) bold.push(rows.length);
    if (typeof value === "number") formats.push({ row: rows.length, column: 1, format });
    rows.push([label, value]);
  };
  blank();
  bold.push(rows.length);
  rows.push([
    "Totals",
    null,
    null,
    null,
    t.consumption.toNumber(),
    null,
    ...services.map((svc) => num(t.charges.get(svc) ?? Money.zero)),
    num(t.adjustments),
    num(t.fees),
    num(t.currentCharges),
    num(t.previousBalance),
    num(t.payments),
    num(t.totalDue),
  ]);
  blank();
  line("Current charges by rate class", null, true);
  for (const [cls, amount] of [...t.byClass].sort()) line(cls, num(amount));
  blank();
  line("Control totals", null, true);
  line("Reads matched to an account", t.readsReceived, false, "#,##0");
  line("Rows that could not be matched to an account", unmatchedRows, false, "#,##0");
  line("Bills", t.billed, false, "#,##0");
  line("Bills on an estimate", t.estimated, false, "#,##0");
  line("Final bills", t.final, false, "#,##0");
  line("Accounts held", t.held, false, "#,##0");
  line("Accounts not billed (no service, nothing owed)", t.notBilled, false, "#,##0");
  line("Consumption billed", t.consumption.toNumber(), false, "#,##0");
  for (const svc of services) line(`Charges: ${svc}`, num(t.charges.get(svc) ?? Money.zero));
  line("Adjustments", num(t.adjustments));
  line("Fees", num(t.fees));
  line("Payments", num(t.payments));
  line("Current charges", num(t.currentCharges));
  line("Total due on the bills", num(t.totalDue));
  if (result.held.length) {
    blank();
    line("Held from billing", null, true);
    for (const h of result.held) rows.push([h.account, null, h.name, null, null, h.reason]);
  }
  return {
    name: REGISTER_SHEET,
    rows,
    options: {
      headerRows: 1,
      boldRows: bold,
      cellFormats: formats,
      columnWidths: [26, 12, 24, 12, 10, 30, ...services.map(() => 11), 12, 10, 15, 16, 11, 12, 11, 7, 8, 6, 12].slice(0, width),
      columnFormats: [
        undefined,
        undefined,
        undefined,
        undefined,
        "#,##0",
        undefined,
        ...services.map(() => MONEY),
        MONEY,
        MONEY,
        MONEY,
        MONEY,
        MONEY,
        MONEY,
      ],
      print: { orientation: "landscape", repeatRows: 1, fitToWidth: true },
    },
  };
}

const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
