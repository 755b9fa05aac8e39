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
