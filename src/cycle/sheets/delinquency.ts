import type { CycleResult } from "../../engine";
import type { CellValue } from "../../workbook/port";
import { MONEY, num, OutputSheet } from "./output";

export const DELINQUENCY_SHEET = "Delinquency List";

/** Accounts past due after this bill, with aging; those kept off the shutoff list say why. */
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
      "Shutoff List",
      "Excluded Because",
    ],
  ];
  for (const d of result.delinquency) {
    const s = d.statement;
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
      d.excluded ? "no" : "yes",
      d.excluded ? `${d.excluded.reason}: ${d.excluded.detail}` : null,
    ]);
  }
  for (const h of result.held) rows.push([h.account, h.name, null, null, null, null, null, null, null, "no", `held: ${h.reason}`]);
  return {
    name: DELINQUENCY_SHEET,
    rows,
    options: {
      headerRows: 1,
      columnWidths: [10, 24, 24, 11, 11, 11, 11, 11, 11, 8, 48],
      columnFormats: [undefined, undefined, undefined, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY],
      print: { orientation: "landscape", repeatRows: 1, fitToWidth: true },
    },
  };
}
