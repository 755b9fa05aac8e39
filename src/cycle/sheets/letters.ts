import type { CellValue } from "../../workbook/port";
import type { Letter } from "../letters";
import { contactLine, waysToPay } from "../office";
import type { Office } from "../settings";
import { dateText } from "../format";
import { mailingLines } from "./bills";
import { OutputSheet } from "./output";

export const LETTERS_SHEET = "Letters";

/** "Dear Tom Baker," for "Baker, Tom"; a business name as it is; "Dear Customer," without one. */
export function salutation(name: string): string {
  const parts = /^([^,]+),\s*([^,]+)$/.exec(name.trim());
  const who = parts ? `${parts[2].trim()} ${parts[1].trim()}` : name.trim();
  return `Dear ${who || "Customer"},`;
}

/**
 * Every letter, one per printed page, in mailing order: the letterhead (utility, office address,
 * phone, web site, email), the date, the mailing address where a window envelope shows it, the
 * account and service address, the subject, a salutation, the body (what is owed, what to do and
 * by when), how to pay, whom to call, the signature, and for the mail room the envelope it goes in.
 */
export function lettersSheet(letters: readonly Letter[], office: Office): OutputSheet {
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const pageBreaks: number[] = [];
  const ways = waysToPay(office);
  // A returned payment is paid in cash or by card: not by check through the mail or the drop box, nor by autopay.
  const cashOrCard = ways.filter((w) => w.label === "In person" || w.label === "By phone" || w.label === "Online");
  const contact = [office.phone && `call ${office.phone}`, office.hours, office.email && `or write to ${office.email}`]
    .filter(Boolean)
    .join(", ");
  for (const l of letters) {
    if (rows.length) pageBreaks.push(rows.length);
    bold.push(rows.length);
    rows.push([office.utilityName]);
    const head = [office.address, office.phone, office.web, office.email].filter((s) => s.trim()).join("   ");
    if (head) rows.push([head]);
    rows.push([], [dateText(l.date, office.dateFormat)], []);
    for (const line of [l.account.name, ...mailingLines(l.account.mailingAddress || l.account.serviceAddress)]) rows.push([line]);
    rows.push([], [`Account ${l.account.account}, service address ${l.account.serviceAddress}`], []);
    bold.push(rows.length);
    rows.push([l.subject], [], [salutation(l.account.name)], []);
    for (const p of l.paragraphs) rows.push([p], []);
    const how = l.kind === "Returned Payment" ? cashOrCard : ways;
    if (how.length) {
      bold.push(rows.length);
      rows.push(["How to pay"]);
      for (const w of how) rows.push([`${w.label}: ${w.text}`]);
      rows.push([]);
    }
    if (contact) rows.push([`Questions? Please ${contact}.`], []);
    rows.push(["Sincerely,"], [], [office.officeName || office.utilityName]);
    if (!contact) rows.push([contactLine(office)]);
    // For the mail room, below the signature: which envelope the page goes in.
    rows.push([], [], [`Envelope ${l.envelope}, letter ${l.inEnvelope} of ${l.envelopeSize}: account ${l.account.account}`]);
  }
  if (rows.length === 0) rows.push(["No letters this cycle."]);
  return {
    name: LETTERS_SHEET,
    rows,
    options: {
      columnWidths: [76],
      wrapColumns: [0],
      boldRows: bold,
      print: { orientation: "portrait", pageBreaks, fitToWidth: true, paper: office.paper },
    },
  };
}
