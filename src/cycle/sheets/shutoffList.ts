import type { CycleResult, DoorHanger } from "../../engine";
import type { CellValue } from "../../workbook/port";
import { MONEY, num, OutputSheet } from "./output";

export const SHUTOFF_SHEET = "Shutoff List";

/** House number and street of "123 N Main St", so a crew's list runs street by street. */
export function byServiceAddress(a: DoorHanger, b: DoorHanger): number {
  const key = (address: string) => {
    const m = /^\s*(\d+)\s+(.*)$/.exec(address);
    return m ? { street: m[2].toLowerCase(), number: Number(m[1]) } : { street: address.toLowerCase(), number: 0 };
  };
  const x = key(a.account.serviceAddress);
  const y = key(b.account.serviceAddress);
  return x.street < y.street ? -1 : x.street > y.street ? 1 : x.number - y.number || (a.account.account < b.account.account ? -1 : 1);
}

/**
 * The crew's shutoff list: each account whose notice this cycle is a final notice, street by
 * street, with the amount that avoids shutoff, the last day to pay, the day the door hanger goes
 * on, the shutoff date and what restoring service takes. The door hangers carry the same figures.
 */
export function shutoffListSheet(result: CycleResult): OutputSheet {
  const rows: CellValue[][] = [
    [
      "Account",
      "Name",
      "Service Address",
      "Meter",
      "Amount to Avoid Shutoff",
      "Pay By",
      "Hang Door Hanger On",
      "Shutoff On or After",
      "Deposit to Restore",
      "To Restore Service",
      "Done",
    ],
  ];
  for (const h of [...result.doorHangers].sort(byServiceAddress))
    rows.push([
      h.account.account,
      h.account.name,
      h.account.serviceAddress,
      h.account.meter ?? null,
      num(h.amountToAvoidShutoff),
      h.payBy,
      h.hangOn,
      h.shutoffDate,
      num(h.depositRequired),
      num(h.restoreAmount),
      null,
    ]);
  if (rows.length === 1) rows.push(["No accounts are on the shutoff list this cycle."]);
  return {
    name: SHUTOFF_SHEET,
    rows,
    options: {
      headerRows: 1,
      columnWidths: [10, 24, 24, 12, 24, 11, 20, 20, 19, 19, 8],
      columnFormats: [undefined, undefined, undefined, undefined, MONEY, undefined, undefined, undefined, MONEY, MONEY],
      print: { orientation: "landscape", repeatRows: 1, fitToWidth: true },
    },
  };
}
