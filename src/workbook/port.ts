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

export interface ReadOptions {
  /** Read at most this many rows from the top of the used range (a header probe). */
  readonly maxRows?: number;
  readonly progress?: Progress;
  /** Checked between blocks: a true value stops the read with `Cancelled`. */
  readonly cancelled?: () => boolean;
}

/** A rectangle of a sheet, 0-based. */
export interface Area {
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly width: number;
}

/** A fill on a run of the add-in's own cells; null clears it. */
export interface FillRun extends Area {
  readonly fill: string | null;
}

/**
 * A conditional highlight the add-in owns: cells of `area` are filled with `fill` while
 * `formula` (written for the area's top-left cell) is true. Highlights colour the user's cells
 * without changing their formats, so clearing them leaves the cells exactly as they were.
 */
export interface Highlight {
  readonly area: Area;
  readonly formula: string;
  readonly fill: string;
}

/** A cell note the add-in owns; its text always starts with NOTE_PREFIX. */
export interface CellNote {
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

export const NOTE_PREFIX = "UB Workbench: ";

/** Marks the add-in's own highlight formulas: N("...") is 0, so it changes nothing Excel computes. */
export const HIGHLIGHT_MARKER = 'N("UB Workbench")=0';

export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

/**
 * The one interface the add-in, the CLI and the tests use to reach a workbook. Implementations:
 * Excel through Office.js (src/adapters/excel), .xlsx through exceljs (src/adapters/xlsx) and
 * in memory (src/workbook/memoryWorkbook.ts).
 */
export interface WorkbookPort {
  sheetNames(): Promise<string[]>;
  /** The sheet's used range as values, or undefined when there is no such sheet. */
  readSheet(name: string, options?: ReadOptions): Promise<SheetValues | undefined>;
  /** The top `maxRows` rows of every sheet, in sheet order, in one request: to find tables by their headers. */
  readHeads(maxRows: number): Promise<SheetValues[]>;
  /**
   * Builds the sheet completely, then replaces any sheet of that name: an output sheet is never
   * left half-written. Strings are written as text and never become formulas.
   */
  replaceSheet(name: string, rows: readonly (readonly CellValue[])[], options?: WriteOptions, progress?: Progress): Promise<void>;
  /** Writes a block of the add-in's own cells (text as text) in row blocks. */
  writeCells(sheet: string, top: number, left: number, rows: readonly (readonly CellValue[])[], progress?: Progress): Promise<void>;
  /** Sets or clears fills on runs of the add-in's own cells. */
  fillRuns(sheet: string, runs: readonly FillRun[]): Promise<void>;
  /** Replaces every highlight the add-in owns on the sheet with these (none clears them). */
  setHighlights(sheet: string, highlights: readonly Highlight[]): Promise<void>;
  /**
   * Replaces the add-in's notes on the sheet. Never overwrites a note someone else wrote. Reports
   * whether the host supports notes (Excel needs ExcelApi 1.18).
   */
  setNotes(sheet: string, notes: readonly CellNote[]): Promise<{ supported: boolean; written: number; skipped: number }>;
  /** Selects a cell so the user sees it. */
  select(sheet: string, row: number, column: number): Promise<void>;
}
