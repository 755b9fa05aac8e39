import type { CycleResult } from "../../engine";
import type { CellValue } from "../../workbook/port";
import { noticeLabel } from "../notices";
import { MONEY, num, OutputSheet } from "./output";

export const DELINQUENCY_SHEET = "Delinquency List";

/**
 * Every account past due after this bill (or owing on a final bill or a closed account): its aging,
 * its one notice this cycle with the amount and the last day to pay, and why it was kept off
 * letters and the shutoff list when it was, and where its payment plan stands (kept, missed, paid
 * off, with the reason); then the held accounts.
 */
export function delinquencySheet(result: CycleResult): OutputSheet {
  const rows: CellValue[][] = [
    [
      "Account",
      "Name",
      "Service Address",
      "Current",
      "30 Days",
      "60 Days",
      "90+ Days",
      "Past Due",
      "Total Due",
      "Notice",
      "Notice Amount",
      "Pay By",
      "Shutoff Date",
      "Why",
      "Kept Off Because",
      "Plan",
    ],
  ];
  for (const d of result.delinquency) {
    const s = d.statement;
    const n = d.notice;
    rows.push([
      s.account.account,
      s.account.name,
      s.account.serviceAddress,
      num(s.aging.current),
      num(s.aging.days30),
      num(s.aging.days60),
      num(s.aging.days90),
      num(d.pastDue),
      num(s.totalDue),
      n ? noticeLabel(n.rung) : "none",
      n ? num(n.amount) : null,
      n?.payBy ?? null,
      n?.shutoff?.shutoffDate ?? null,
      n?.reason ?? null,
      d.keptOff ? `${d.keptOff.reason}: ${d.keptOff.detail}` : null,
      s.account.plan ? `${s.account.plan.state}: ${s.account.plan.reason}` : null,
    ]);
  }
  for (const h of result.held)
    rows.push([h.account, h.name, null, null, null, null, null, null, null, "none", null, null, null, null, `held: ${h.reason}`, null]);
  return {
    name: DELINQUENCY_SHEET,
    rows,
    options: {
      headerRows: 1,
      columnWidths: [10, 24, 24, 11, 11, 11, 11, 11, 11, 13, 15, 11, 13, 30, 48, 48],
      columnFormats: [undefined, undefined, undefined, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, undefined, MONEY],
      print: { orientation: "landscape", repeatRows: 1, fitToWidth: true },
    },
  };
}
