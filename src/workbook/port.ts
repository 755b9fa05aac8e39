import type { NumberCulture } from "./cells";

/** What a cell holds as the workbook port sees it. Dates arrive as Excel serial numbers. */
export type CellValue = string | number | boolean | null;

/** A block of a sheet's values and where it sits: values[0][0] is at (top, left), 0-based. */
export interface SheetValues {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly values: CellValue[][];
  /** How the workbook writes numbers as text (Excel's culture); en-US when not known. */
  readonly culture?: NumberCulture;
  /** A sheet the user hid: found by its header only when no visible sheet has one. */
  readonly hidden?: boolean;
}

export interface WriteOptions {
  /** Rows at the top that are headers: bold, and frozen when there is one. */
  readonly headerRows?: number;
  /** Column widths in characters. */
  readonly columnWidths?: readonly number[];
  /** Number formats by column ("0.00", "#,##0", "yyyy-mm-dd"); text cells are always "@". */
  readonly columnFormats?: readonly (string | undefined)[];
  /** Print set-up: the sheet prints on its own pages, ready for paper. */
  readonly print?: PrintSetup;
  /** Number formats for single cells (totals and counts below a table). */
  readonly cellFormats?: readonly { readonly row: number; readonly column: number; readonly format: string }[];
  /** Columns whose text wraps within the column width (letters). */
  readonly wrapColumns?: readonly number[];
  /** Rows to show bold (beyond the header rows): titles and totals. */
  readonly boldRows?: readonly number[];
  /**
   * Every row this many points tall: a paged sheet whose pages must hold a known number of rows
   * in Excel and LibreOffice alike (Excel's default is 15, LibreOffice's about 12.8).
   */
  readonly rowHeight?: number;
  /** Native charts drawn over the sheet, each from a block of the rows written. */
  readonly charts?: readonly ChartSpec[];
}

/**
 * A native Excel chart over a written sheet: a line chart (one line per series) or a clustered
 * column chart. Excel draws it through Office.js; the .xlsx writer writes it as DrawingML.
 */
export interface ChartSpec {
  readonly type: "line" | "column"; // column = clustered column
  readonly title: string;
  /** The data block on this sheet, 0-based, its first row the header: the first column holds the categories (x axis), each further column one series named by its header cell. */
  readonly data: { readonly top: number; readonly left: number; readonly rows: number; readonly columns: number };
  /** Where the chart sits: its top-left cell (0-based) and its size in columns and rows. */
  readonly at: { readonly row: number; readonly column: number; readonly columns: number; readonly rows: number };
  readonly xTitle?: string;
  readonly yTitle?: string;
  /** Number format of the value axis ("$#,##0", "#,##0"). */
  readonly valueFormat?: string;
}

/** Names the add-in's own charts ("UB Workbench chart 1"): a rewrite of the sheet deletes those, never a user's chart. */
export const CHART_PREFIX = "UB Workbench chart ";

/**
 * Throws when a chart's data block is not a header row over at least one category, with at least
 * one series column, inside the rows written (height rows, width columns), or when its place is
 * empty: a chart over cells that were never written would draw nothing, silently.
 */
export function checkCharts(sheet: string, height: number, width: number, charts: readonly ChartSpec[]): void {
  for (const chart of charts) {
    const { top, left, rows, columns } = chart.data;
    const at = chart.at;
    const whole = (...n: number[]) => n.every((v) => Number.isInteger(v) && v >= 0);
    if (!whole(top, left, rows, columns, at.row, at.column, at.rows, at.columns))
      throw new Error(`${sheet}: chart "${chart.title}" has a negative or fractional cell index`);
    if (rows < 2 || columns < 2)
      throw new Error(`${sheet}: chart "${chart.title}" needs a header row over at least one category, and a series column`);
    if (top + rows > height || left + columns > width)
      throw new Error(`${sheet}: chart "${chart.title}" reads cells beyond the ${height} rows and ${width} columns written`);
    if (at.rows < 1 || at.columns < 1) throw new Error(`${sheet}: chart "${chart.title}" has no room (at least one row and column)`);
  }
}

/** The rows a print set-up prints of `height` written: all of them, or its first `rows` (PrintSetup.rows). */
export function printedHeight(print: Pick<PrintSetup, "rows">, height: number): number {
  return print.rows !== undefined ? Math.min(height, print.rows) : height;
}

export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  /** Rows (0-based) that start a new page: one bill, letter or card sheet per page. */
  readonly pageBreaks?: readonly number[];
  /** Header rows repeated at the top of every printed page. */
  readonly repeatRows?: number;
  /** Fit all columns on one page's width. */
  readonly fitToWidth?: boolean;
  /** Print at this percentage (instead of fitting): a page of a bill is then the same on every printer. */
  readonly scale?: number;
  /** Paper size (US Letter when not given). */
  readonly paper?: "Letter" | "A4";
  /**
   * A record sheet that rows are appended to later (Final Bills, Leak Adjustments): no print area
   * is set, so Excel and LibreOffice print the used range, every row however many come later. A
   * print area set when the sheet is made would print only its first rows.
   */
  readonly growing?: boolean;
  /**
   * Print only the sheet's first this many rows (a long list's top: the 50 accounts a rate change
   * moves most), so a council packet is not every account of a city. The rest stay on the sheet.
   */
  readonly rows?: number;
  /**
   * A report's page furniture: this title at the top of every page, and the sheet's name and
   * "Page 3 of 12" at the foot, so pages of two runs are told apart once printed. Not for a mailed
   * bill or letter, whose pages are the customer's.
   */
  readonly title?: string;
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

/** A block of the add-in's own cells: rows written from (top, left). */
export interface CellBlock {
  readonly top: number;
  readonly left: number;
  readonly rows: readonly (readonly CellValue[])[];
  /** Number formats for the block's number cells, by column from `left` ("yyyy-mm-dd" for a date serial); text is always "@". */
  readonly formats?: readonly (string | undefined)[];
}

/** What a review writes on a sheet. Undefined parts are left as they are; [] clears. */
export interface SheetFlags {
  readonly blocks?: readonly CellBlock[];
  readonly fills?: readonly FillRun[];
  readonly highlights?: readonly Highlight[];
  readonly notes?: readonly CellNote[];
}

export interface FlagsApplied {
  readonly notes: { readonly supported: boolean; readonly written: number; readonly skipped: number };
}

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
  /**
   * Writes what a review puts on a sheet, in one operation: blocks of the add-in's own cells
   * (text as text), fills on its own cells, and its highlights and notes (each replacing all of
   * the add-in's previous ones; never a note someone else wrote). Parts left undefined are left
   * as they are. Notes need ExcelApi 1.18 in Excel; the result says whether they were written.
   */
  applyFlags(sheet: string, flags: SheetFlags, progress?: Progress): Promise<FlagsApplied>;
  /** Removes one of the add-in's own output sheets (a stale "Bills 2" after a smaller cycle). */
  removeSheet(name: string): Promise<void>;
  /** Selects a cell so the user sees it. */
  select(sheet: string, row: number, column: number): Promise<void>;
  /**
   * Recalculates every formula, the UB functions included: Excel does not recalculate when the
   * add-in's rate schedules change, so the add-in asks after each change.
   */
  recalculate(): Promise<void>;
}
