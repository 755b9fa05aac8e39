import { CyclePolicy, Money, POCATELLO_POLICY, type CycleResult } from "../../engine";
import type { CellValue } from "../../workbook/port";
import { amountText, dateText } from "../format";
import { shutoffSentence, waysToPay } from "../office";
import type { Office } from "../settings";
import { BILL_ROW_HEIGHT, wrapText } from "./bills";
import { OutputSheet } from "./output";
import { byServiceAddress } from "./shutoffList";

export const DOOR_HANGERS_SHEET = "Door Hangers";
const PER_PAGE = 2;
/** Rows a card takes, so two cards share a page evenly (the bills' 52 rows a page). */
const CARD_ROWS = 26;
const CUT = "- - - - - - - - - - - - - - - - - - - - - - cut here - - - - - - - - - - - - - - - - - - - - - -";

/**
 * Shutoff notices to hang on the door, street by street as on the shutoff list, two cards a page
 * with a cut line between them: the amount and the last day to pay first and in capitals, the
 * shutoff date, who and where, how and where to pay, the office's address, phone and hours, and
 * what a shutoff costs and restoring service takes. The figures are the final notice's.
 */
export function doorHangersSheet(result: CycleResult, office: Office, policy: CyclePolicy = POCATELLO_POLICY): OutputSheet {
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const pageBreaks: number[] = [];
  const d8 = (date: string) => dateText(date, office.dateFormat);
  const $ = (m: Money) => amountText(m, office.moneyFormat);
  // Days before a shutoff: ways that reach the office in time, not the mail or a draft on the next bill.
  const ways = waysToPay(office).filter((w) => w.label !== "By mail" && w.label !== "Autopay");
  [...result.doorHangers].sort(byServiceAddress).forEach((h, i) => {
    if (i > 0 && i % PER_PAGE === 0) pageBreaks.push(rows.length);
    else if (i > 0) rows.push([CUT]);
    const start = rows.length;
    const line = (row: CellValue[], isBold = false) => {
      if (isBold) bold.push(rows.length);
      rows.push(row);
    };
    // Rows keep their height on a card, so a long text takes more rows rather than wrapping.
    const text = (label: string, value: string) => wrapText(value, 72).forEach((part, k) => line([k === 0 ? label : null, part]));
    line([`NOTICE OF SERVICE SHUTOFF: ${office.utilityName}`], true);
    line([]);
    line([`PAY ${$(h.amountToAvoidShutoff)} BY ${d8(h.payBy).toUpperCase()}`], true);
    line([`OR SERVICE MAY BE SHUT OFF ON OR AFTER ${d8(h.shutoffDate).toUpperCase()}`], true);
    line([]);
    line(["Name", h.account.name]);
    line(["Service address", h.account.serviceAddress]);
    line(["Account", h.account.account]);
    line(["Left on", d8(h.hangOn)]);
    line([]);
    line(["How to pay"], true);
    for (const w of ways) text(w.label, w.text);
    if (ways.length === 0) text("Pay at", [office.officeName, office.address].filter(Boolean).join(", ") || office.utilityName);
    line([]);
    if (office.address) line(["Office", office.address]);
    if (office.phone) line(["Phone", office.phone]);
    if (office.hours) line(["Hours", office.hours]);
    text(
      "If service is shut off",
      `a ${$(h.shutoffFee)} out-for-shutoff fee is added to your next bill; to restore service pay ${$(h.restoreAmount)}${
        h.depositRequired.isZero() ? "" : ` (the past due plus a ${$(h.depositRequired)} deposit, as none is on file)`
      }.`,
    );
    text("Payment arrangements", "must be made in writing before the shutoff date.");
    if (office.shutoffSentence) text("", shutoffSentence(office, policy));
    while (rows.length - start < CARD_ROWS - 1) rows.push([]);
  });
  if (rows.length === 0) rows.push(["No accounts are on the shutoff list this cycle."]);
  return {
    name: DOOR_HANGERS_SHEET,
    rows,
    options: {
      columnWidths: [22, 74],
      boldRows: bold,
      rowHeight: BILL_ROW_HEIGHT,
      print: { orientation: "portrait", pageBreaks, fitToWidth: true, paper: office.paper },
    },
  };
}
