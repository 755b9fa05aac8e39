import type { CycleResult, RollForwardRow } from "../../engine";
import type { CellValue } from "../../workbook/port";
import { MONEY, num, OutputSheet } from "./output";

export const RECONCILIATION_SHEET = "Reconciliation";

/** The AR roll-forward per service and in total, and its tie to the bills; a difference is shown. */
export function reconciliationSheet(result: CycleResult, billDate: string): OutputSheet {
  const r = result.reconciliation;
  const row = (x: RollForwardRow): CellValue[] => [
    x.service,
    num(x.beginning),
    num(x.billed),
    num(x.fees),
    num(x.payments),
    num(x.adjustments),
    num(x.ending),
  ];
  const rows: CellValue[][] = [
    ["Service", "Beginning", "Billed", "Fees", "Payments", "Adjustments", "Ending"],
    ...r.rows.map(row),
    row({ ...r.total, service: "Total" }),
    [],
    ["Beginning + billed + fees - payments +/- adjustments = ending, as of the bill date", billDate],
    ["Ending per the roll-forward", num(r.total.ending)],
    ["Ending per the bills (total due, plus held accounts' balances)", num(r.endingPerBills)],
    ["Difference", num(r.difference)],
    ["Payments received for accounts without a bill (not posted)", num(r.unpostedPayments)],
  ];
  const totalRow = r.rows.length + 1;
  return {
    name: RECONCILIATION_SHEET,
    rows,
    options: {
      headerRows: 1,
      boldRows: [totalRow, totalRow + 5],
      columnWidths: [58, 14, 14, 12, 14, 14, 14],
      columnFormats: [undefined, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY],
      print: { orientation: "landscape", repeatRows: 1, fitToWidth: true },
    },
  };
}
