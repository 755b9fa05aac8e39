import type { CycleResult } from "../../engine";
import type { CellValue } from "../../workbook/port";
import type { Office } from "../settings";
import { OutputSheet } from "./output";
import { byServiceAddress } from "./shutoffList";

export const DOOR_HANGERS_SHEET = "Door Hangers";
const PER_PAGE = 3;
/** Rows a card takes, so three cards share a page evenly. */
const CARD_ROWS = 17;
const CUT = "- - - - - - - - - - - - - - - - cut here - - - - - - - - - - - - - - - -";

/**
 * Shutoff notices to hang on the door, street by street as on the shutoff list: three cards a page
 * with cut lines between them. The amount and the dates are the final notice's.
 */
export function doorHangersSheet(result: CycleResult, office: Office): OutputSheet {
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const pageBreaks: number[] = [];
  [...result.doorHangers].sort(byServiceAddress).forEach((h, i) => {
    if (i > 0 && i % PER_PAGE === 0) pageBreaks.push(rows.length);
    else if (i > 0) rows.push([CUT]);
    const start = rows.length;
    bold.push(rows.length);
    rows.push([`NOTICE OF SERVICE SHUTOFF: ${office.utilityName}`]);
    rows.push(["Name", h.account.name]);
    rows.push(["Service address", h.account.serviceAddress]);
    rows.push(["Account", h.account.account]);
    bold.push(rows.length);
    rows.push(["Pay to avoid shutoff", `$${h.amountToAvoidShutoff.toCents()} by ${h.payBy}`]);
    rows.push(["Shutoff on or after", h.shutoffDate]);
    rows.push(["Hung on", h.hangOn]);
    rows.push(["Fees if shut off", `$${h.shutoffFee.toCents()} out-for-shutoff fee on your next bill`]);
    rows.push([
      "To restore service",
      `pay $${h.restoreAmount.toCents()}${h.depositRequired.isZero() ? "" : ` (the past due plus a $${h.depositRequired.toCents()} deposit, as none is on file)`}`,
    ]);
    rows.push(["Payment arrangements", "must be made in writing before the shutoff date"]);
    rows.push(["Contact", [office.officeName, office.address, office.phone, office.hours].filter(Boolean).join(", ")]);
    while (rows.length - start < CARD_ROWS) rows.push([]);
  });
  if (rows.length === 0) rows.push(["No accounts are on the shutoff list this cycle."]);
  return {
    name: DOOR_HANGERS_SHEET,
    rows,
    options: { columnWidths: [24, 66], boldRows: bold, print: { orientation: "portrait", pageBreaks, fitToWidth: true } },
  };
}
