import { idText } from "../../workbook/cells";
import type { CellValue } from "../../workbook/port";

/** A letter the cycle wrote, as the Account view lists it. */
export interface LetterSent {
  readonly sheet: string;
  /** 1-based sheet row of the letter's first line. */
  readonly row: number;
  /** The letter's date as printed on it. */
  readonly date: string;
  readonly subject: string;
}

/** The mail room's line below each letter's signature (src/cycle/sheets/letters.ts): it ends a letter. */
const ENVELOPE = /^Envelope \d+, letter \d+ of \d+: account (.+)$/;

/**
 * The letters on a Letters sheet by account. The sheet is a printed page per letter: the
 * letterhead, a blank line, the date, ..., "Account X, service address ...", a blank line, the
 * subject, ... and last the mail room's "Envelope n, letter i of k: account X". Each letter is read
 * from the line after the previous one's envelope line.
 */
export function lettersByAccount(sheet: string, values: readonly (readonly CellValue[])[], top = 0): Map<string, LetterSent[]> {
  const letters = new Map<string, LetterSent[]>();
  let start = 0;
  for (let i = 0; i < values.length; i++) {
    const match = ENVELOPE.exec(idText(values[i][0] ?? null));
    if (!match) continue;
    const account = match[1].trim();
    const texts = values.slice(start, i).map((r) => idText(r[0] ?? null));
    const first = texts.findIndex((t) => t !== "");
    const blank = texts.indexOf("", first);
    const date = blank < 0 ? "" : (texts.slice(blank).find((t) => t !== "") ?? "");
    const at = texts.findIndex((t) => t.startsWith(`Account ${account},`));
    const subject = at < 0 ? "" : (texts.slice(at + 1).find((t) => t !== "") ?? "");
    const list = letters.get(account) ?? [];
    list.push({ sheet, row: top + start + Math.max(first, 0) + 1, date, subject });
    letters.set(account, list);
    start = i + 1;
  }
  return letters;
}
