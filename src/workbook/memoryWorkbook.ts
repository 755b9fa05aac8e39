import { cellAddress } from "./address";
import { EXCEL_MAX_PAGE_BREAKS } from "./excelLimits";
import {
  Cancelled,
  CellValue,
  checkCharts,
  FlagsApplied,
  Highlight,
  NOTE_PREFIX,
  Progress,
  ReadOptions,
  SheetFlags,
  SheetValues,
  WorkbookPort,
  WriteOptions,
} from "./port";

/** A sheet held in memory: values from A1, and what has been set on its cells. */
export interface MemorySheet {
  values: CellValue[][];
  /** Number formats by "row:column": the formats written (text cells it writes with applyFlags get "@"). */
  numberFormats: Map<string, string>;
  /** Fills by "row:column". */
  fills: Map<string, string>;
  highlights: Highlight[];
  /** Notes by A1 address ("B7"). */
  notes: Map<string, string>;
  /** What the sheet was written with; its charts (`options.charts`) are the ones an .xlsx file draws. */
  options?: WriteOptions;
  /**
   * For a sheet read from a file on demand: its rows (the first `maxRows`, or all), parsed for
   * this call and not kept, so a large input sheet is in memory only while it is being read.
   */
  lazy?: (maxRows?: number) => CellValue[][];
  /** As `lazy`, reading the file as it goes: a large sheet's XML is never in memory whole (readSheet uses it). */
  lazyAsync?: (maxRows?: number) => Promise<CellValue[][]>;
  /** Hidden by the user (an .xlsx sheet whose state is hidden or veryHidden). */
  hidden?: boolean;
  /** Row height in points as Office.js set it (the fake Excel records it here). */
  rowHeight?: number;
  /** Print set-up as Office.js set it (the fake Excel records it here). */
  printSetup?: {
    orientation?: string;
    printArea?: string;
    titleRows?: string;
    fitToWidth?: boolean;
    scale?: number;
    paper?: string;
    pageBreaks: number[];
    /** Header and footer codes as Office.js set them (Excel.HeaderFooter: "&A", "Page &P of &N"). */
    centerHeader?: string;
    leftFooter?: string;
    rightFooter?: string;
  };
  /** Charts as Office.js drew them on the sheet (the fake Excel records them here); they go with the sheet. */
  charts?: MemoryChart[];
}

/** A chart as Excel holds it: what it was made from and what was set on it. Addresses are on its own sheet ("B1:D13"). */
export interface MemoryChart {
  name: string;
  /** Excel.ChartType: "Line", "ColumnClustered", ... */
  type: string;
  /** The range given to `charts.add`. */
  source: string;
  /**
   * One per series: its name (the header cell's text, or Excel's "Series1"), the range of its
   * values and of its category (x axis) labels: the source's first column when Excel took it for
   * labels, or the range set later (`setXAxisValues`).
   */
  series: { name: string; values: string; categories?: string }[];
  title?: string;
  categoryTitle?: string;
  valueTitle?: string;
  valueFormat?: string;
  /** The cells the chart covers, as setPosition was given them. */
  position?: { start: string; end?: string };
}

const key = (row: number, column: number) => `${row}:${column}`;

export function emptySheet(values: CellValue[][] = [], copy = true): MemorySheet {
  return {
    values: copy ? values.map((r) => [...r]) : values,
    numberFormats: new Map(),
    fills: new Map(),
    highlights: [],
    notes: new Map(),
  };
}

/**
 * The in-memory workbook: the same port as Excel and .xlsx, for unit tests, the CLI's pipeline
 * and the browser tests' fake Excel. Values are copied in and out so callers cannot alias them.
 */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, MemorySheet>();
  selection?: { sheet: string; row: number; column: number };
  /** How many times the add-in asked for a full recalculation. */
  recalculations = 0;
  /** The add-in's settings saved in the document (Office.context.document.settings, once saved). */
  readonly documentSettings = new Map<string, string>();

  constructor(
    initial: Record<string, CellValue[][]> = {},
    readonly notesSupported = true,
  ) {
    for (const [name, values] of Object.entries(initial)) this.sheets.set(name, emptySheet(values));
  }

  async sheetNames(): Promise<string[]> {
    return [...this.sheets.keys()];
  }

  sheet(name: string): MemorySheet | undefined {
    const real = this.realName(name);
    return real === undefined ? undefined : this.sheets.get(real);
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<SheetValues | undefined> {
    const sheet = this.sheet(name);
    if (!sheet) return undefined;
    if (options.cancelled?.()) throw new Cancelled();
    const values = sheet.lazyAsync ? await sheet.lazyAsync(options.maxRows) : sheet.lazy ? sheet.lazy(options.maxRows) : sheet.values;
    let bottom = values.length;
    while (bottom > 0 && values[bottom - 1].every((v) => v === null || v === "")) bottom--;
    const rows = values.slice(0, options.maxRows === undefined ? bottom : Math.min(bottom, options.maxRows));
    options.progress?.(rows.length, rows.length);
    // Rows are shared, not copied (readers never change them); only a row holding "" is rewritten, as blank.
    return {
      sheet: this.realName(name)!,
      top: 0,
      left: 0,
      values: rows.map((r) => (r.includes("") ? r.map((v) => (v === "" ? null : v)) : r)),
      ...(sheet.hidden ? { hidden: true } : {}),
    };
  }

  async readHeads(maxRows: number): Promise<SheetValues[]> {
    const heads: SheetValues[] = [];
    for (const name of this.sheets.keys()) heads.push((await this.readSheet(name, { maxRows }))!);
    return heads;
  }

  async replaceSheet(name: string, rows: readonly (readonly CellValue[])[], options?: WriteOptions, progress?: Progress): Promise<void> {
    const breaks = options?.print?.pageBreaks?.filter((b) => b > 0).length ?? 0;
    // As Excel and an .xlsx file allow (workbook/excelLimits.ts): the outputs split long before.
    if (breaks > EXCEL_MAX_PAGE_BREAKS) throw new Error(`${name}: ${breaks} page breaks; a sheet holds at most ${EXCEL_MAX_PAGE_BREAKS}`);
    // A chart over cells never written is refused here as the .xlsx writer refuses it.
    if (options?.charts?.length)
      checkCharts(
        name,
        rows.length,
        rows.reduce((w, r) => Math.max(w, r.length), 0),
        options.charts,
      );
    const existing = this.realName(name);
    const entries = [...this.sheets.entries()];
    // An output sheet is built for this call, so it is kept as given rather than copied.
    const sheet = emptySheet(rows as CellValue[][], false);
    sheet.options = options;
    for (const f of options?.cellFormats ?? []) sheet.numberFormats.set(key(f.row, f.column), f.format);
    this.sheets.clear();
    let placed = false;
    for (const [n, s] of entries) {
      if (n === existing) {
        this.sheets.set(name, sheet);
        placed = true;
      } else this.sheets.set(n, s);
    }
    if (!placed) this.sheets.set(name, sheet);
    progress?.(rows.length, rows.length);
  }

  async applyFlags(name: string, flags: SheetFlags, progress?: Progress): Promise<FlagsApplied> {
    const sheet = this.require(name);
    for (const block of flags.blocks ?? []) {
      block.rows.forEach((row, i) => {
        const r = block.top + i;
        while (sheet.values.length <= r) sheet.values.push([]);
        row.forEach((v, j) => {
          const c = block.left + j;
          while (sheet.values[r].length < c) sheet.values[r].push(null);
          sheet.values[r][c] = v;
          const format = typeof v === "string" ? "@" : typeof v === "number" ? block.formats?.[j] : undefined;
          if (format) sheet.numberFormats.set(key(r, c), format);
          else sheet.numberFormats.delete(key(r, c));
        });
      });
      progress?.(block.rows.length, block.rows.length);
    }
    for (const run of flags.fills ?? []) {
      for (let r = run.top; r < run.top + run.height; r++) {
        for (let c = run.left; c < run.left + run.width; c++) {
          if (run.fill === null) sheet.fills.delete(key(r, c));
          else sheet.fills.set(key(r, c), run.fill);
        }
      }
    }
    if (flags.highlights) sheet.highlights = [...flags.highlights];
    if (!flags.notes) return { notes: { supported: this.notesSupported, written: 0, skipped: 0 } };
    if (!this.notesSupported) return { notes: { supported: false, written: 0, skipped: flags.notes.length } };
    for (const [address, text] of [...sheet.notes]) if (text.startsWith(NOTE_PREFIX)) sheet.notes.delete(address);
    let written = 0;
    let skipped = 0;
    for (const note of flags.notes) {
      const address = cellAddress(name, note.row, note.column).split("!")[1];
      if (sheet.notes.has(address)) skipped++;
      else {
        sheet.notes.set(address, note.text);
        written++;
      }
    }
    return { notes: { supported: true, written, skipped } };
  }

  async removeSheet(name: string): Promise<void> {
    const real = this.realName(name);
    if (real !== undefined) this.sheets.delete(real);
  }

  async select(name: string, row: number, column: number): Promise<void> {
    this.require(name);
    this.selection = { sheet: this.realName(name)!, row, column };
  }

  async recalculate(): Promise<void> {
    this.recalculations++;
  }

  private require(name: string): MemorySheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet named "${name}"`);
    return sheet;
  }

  private realName(name: string): string | undefined {
    return [...this.sheets.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
  }
}
