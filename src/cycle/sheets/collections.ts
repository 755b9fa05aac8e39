import { CycleResult, daysBetween } from "../../engine";
import type { CellValue } from "../../workbook/port";
import { MONEY, num, OutputSheet } from "./output";

export const COLLECTIONS_SHEET = "Collections List";

/**
 * Final and closed accounts still owing the policy's days after they closed: for a collection
 * agency or the tax roll, with where to reach the customer now (the mailing address).
 */
export function collectionsSheet(result: CycleResult): OutputSheet {
  const rows: CellValue[][] = [
    ["Account", "Name", "Mailing Address", "Service Address", "Close Date", "Days Since Close", "Deposit", "Balance Owing", "Why"],
  ];
  for (const s of result.collections) {
    const a = s.account;
    rows.push([
      a.account,
      a.name,
      a.mailingAddress,
      a.serviceAddress,
      a.closeDate ?? null,
      a.closeDate ? daysBetween(a.closeDate, s.billDate) : null,
      num(a.deposit),
      num(s.collection.notice!.amount),
      s.collection.notice!.reason,
    ]);
  }
  if (rows.length === 1) rows.push(["No accounts go to collections this cycle."]);
  return {
    name: COLLECTIONS_SHEET,
    rows,
    options: {
      headerRows: 1,
      columnWidths: [10, 24, 28, 24, 11, 10, 10, 12, 36],
      columnFormats: [undefined, undefined, undefined, undefined, undefined, "#,##0", MONEY, MONEY],
      print: { orientation: "landscape", repeatRows: 1, fitToWidth: true },
    },
  };
}
