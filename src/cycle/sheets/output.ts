import { columnLetter } from "../../workbook/address";
import type { CellValue, WriteOptions } from "../../workbook/port";

/** A generated sheet, complete before it is written: its name, rows and print set-up. */
export interface OutputSheet {
  readonly name: string;
  readonly rows: CellValue[][];
  readonly options: WriteOptions;
}

export const MONEY = "#,##0.00;-#,##0.00";
export const QUANTITY = "#,##0.####";
export const PRICE = "0.00##";
export const DATE = "yyyy-mm-dd";

/** Money as the number a cell holds: converted from its exact decimal at the last step. */
export const num = (m: { toNumber(): number }) => m.toNumber();

/** The most characters a cell holds (Excel specifications and limits); Excel refuses longer text. */
export const CELL_CHARACTERS = 32_767;

/**
 * Cuts every text cell of `sheet` longer than a cell holds to fit, ending it with "…", and returns
 * one line saying what it cut (undefined when nothing was): an account's name or address as long as
 * a cell makes its letter's "Dear ...," longer, and Excel would refuse the whole sheet.
 */
export function fitToCells(sheet: OutputSheet): string | undefined {
  let cut = 0;
  let first: { row: number; column: number; length: number } | undefined;
  sheet.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value !== "string" || value.length <= CELL_CHARACTERS) return;
      cut++;
      first ??= { row: r, column: c, length: value.length };
      row[c] = `${value.slice(0, CELL_CHARACTERS - 1)}…`;
    }),
  );
  if (!first) return undefined;
  return `${sheet.name}: ${cut} cell${cut === 1 ? "" : "s"} longer than a cell holds (32,767 characters), cut to fit, the first ${columnLetter(first.column)}${first.row + 1} (${first.length.toLocaleString("en-US")} characters); an account's name, address or a letter template is too long`;
}
