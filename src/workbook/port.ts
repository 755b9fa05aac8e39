/** What a cell holds as the workbook port sees it. Dates arrive as Excel serial numbers. */
export type CellValue = string | number | boolean | null;

/** A block of a sheet's values and where it sits: values[0][0] is at (top, left), 0-based. */
export interface SheetValues {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly values: CellValue[][];
}

export interface WriteOptions {
  /** Rows at the top that are headers: bold, and frozen when there is one. */
  readonly headerRows?: number;
  /** Column widths in characters. */
  readonly columnWidths?: readonly number[];
  /** Number formats by column ("0.00", "#,##0", "yyyy-mm-dd"); text cells are always "@". */
  readonly columnFormats?: readonly (string | undefined)[];
}

export interface Progress {
  (done: number, total: number): void;
}

/**
 * The one interface the add-in, the CLI and the tests use to reach a workbook. Implementations:
 * Excel through Office.js (src/adapters/excel), .xlsx through exceljs (src/adapters/xlsx) and
 * in memory (src/workbook/memoryWorkbook.ts).
 */
export interface WorkbookPort {
  sheetNames(): Promise<string[]>;
  /** The sheet's used range as values, or undefined when there is no such sheet. */
  readSheet(name: string, progress?: Progress): Promise<SheetValues | undefined>;
  /**
   * Builds the sheet completely, then replaces any sheet of that name: an output sheet is never
   * left half-written. Strings are written as text and never become formulas.
   */
  replaceSheet(name: string, rows: readonly (readonly CellValue[])[], options?: WriteOptions, progress?: Progress): Promise<void>;
}
