import type { CellValue } from "../../workbook/port";
import type { Letter } from "../letters";
import type { Office } from "../settings";
import { OutputSheet } from "./output";

export const LETTERS_SHEET = "Letters";

/**
 * Every letter, one per printed page, text wrapped in one wide column, in mailing order: each
 * page says which envelope it goes in, so a customer's letters go out together.
 */
export function lettersSheet(letters: readonly Letter[], office: Office): OutputSheet {
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const pageBreaks: number[] = [];
  for (const l of letters) {
    if (rows.length) pageBreaks.push(rows.length);
    bold.push(rows.length);
    rows.push([office.utilityName]);
    const contact = [office.officeName, office.address, office.phone].filter(Boolean).join(", ");
    if (contact) rows.push([contact]);
    rows.push([], [l.date], [], [l.account.name], [l.account.mailingAddress], []);
    bold.push(rows.length);
    rows.push([l.subject], []);
    for (const p of l.paragraphs) rows.push([p], []);
    rows.push(["Sincerely,"], [office.officeName]);
    // For the mail room, below the signature: which envelope the page goes in.
    rows.push([], [], [`Envelope ${l.envelope}, letter ${l.inEnvelope} of ${l.envelopeSize}: account ${l.account.account}`]);
  }
  if (rows.length === 0) rows.push(["No letters this cycle."]);
  return {
    name: LETTERS_SHEET,
    rows,
    options: { columnWidths: [72], wrapColumns: [0], boldRows: bold, print: { orientation: "portrait", pageBreaks, fitToWidth: true } },
  };
}
