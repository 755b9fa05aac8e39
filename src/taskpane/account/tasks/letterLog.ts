import { LETTER_LOG_SHEET } from "../../../accounts/accountLetters";
import { ownColumns } from "../../../accounts/appendTable";
import { cellDate, idText } from "../../../workbook/cells";
import { rowsOf } from "../../../workbook/contextSheets";
import type { SheetValues } from "../../../workbook/port";
import { locateTable } from "../../../workbook/table";
import type { LetterSent } from "../letterRecords";

/** The Letter Log's columns the Account view lists (the sheet has more: the addresses and the text). */
const COLUMNS = ownColumns<"date" | "account" | "letter" | "subject">(
  [
    ["date", "Date"],
    ["account", "Account"],
    ["letter", "Letter"],
    ["subject", "Subject"],
  ],
  2,
);

/** The letters the account tasks sent, by account, from the Letter Log sheet (one row a letter). */
export function letterLogByAccount(data: SheetValues): Map<string, LetterSent[]> {
  const letters = new Map<string, LetterSent[]>();
  const found = locateTable(data, COLUMNS);
  if (!found.ok) return letters;
  for (const { sheetRow, get } of rowsOf(data, found.table, COLUMNS)) {
    const account = idText(get("account"));
    if (!account) continue;
    const kind = idText(get("letter"));
    const subject = idText(get("subject"));
    const letter: LetterSent = {
      sheet: data.sheet || LETTER_LOG_SHEET,
      row: sheetRow + 1,
      date: cellDate(get("date") ?? null) ?? idText(get("date")),
      subject: kind && subject ? `${kind}: ${subject}` : kind || subject,
    };
    letters.set(account, [...(letters.get(account) ?? []), letter]);
  }
  return letters;
}
