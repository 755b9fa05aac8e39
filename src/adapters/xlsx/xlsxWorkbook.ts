import ExcelJS from "exceljs";
import { cellAddress, columnLetter } from "../../workbook/address";
import {
  Cancelled,
  CellValue,
  FlagsApplied,
  HIGHLIGHT_MARKER,
  NOTE_PREFIX,
  printedHeight,
  Progress,
  ReadOptions,
  SheetFlags,
  SheetValues,
  WorkbookPort,
  WriteOptions,
} from "../../workbook/port";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** A cell's value as the port sees it: Excel's view (a date is its serial, a formula its result). */
function toCell(cell: ExcelJS.Cell): CellValue {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  return plain(cell.value);
}

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25569;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("formula" in value || "sharedFormula" in value) return null;
    if ("text" in value) return String((value as { text: unknown }).text);
    if ("error" in value) return String((value as { error: unknown }).error);
  }
  return String(value);
}

/**
 * The workbook port over an .xlsx file (exceljs), for the `ubill` CLI. Strings are stored as
 * strings (never formulas) and given the text format; highlights become expression conditional
 * formats; notes become cell notes. The input file is only read: `save` writes where it is told.
 */
export class XlsxWorkbook implements WorkbookPort {
  constructor(readonly book: ExcelJS.Workbook = new ExcelJS.Workbook()) {}

  static async open(path: string): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    return new XlsxWorkbook(book);
  }

  async save(path: string): Promise<void> {
    await this.book.xlsx.writeFile(path);
  }

  private sheet(name: string): ExcelJS.Worksheet | undefined {
    return this.book.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  }

  private require(name: string): ExcelJS.Worksheet {
    const ws = this.sheet(name);
    if (!ws) throw new Error(`no sheet named "${name}"`);
    return ws;
  }

  async sheetNames(): Promise<string[]> {
    return this.book.worksheets.map((w) => w.name);
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<SheetValues | undefined> {
    const ws = this.sheet(name);
    if (!ws) return undefined;
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (toCell(cell) === null) return;
        top = Math.min(top, r - 1);
        left = Math.min(left, c - 1);
        bottom = Math.max(bottom, r - 1);
        right = Math.max(right, c - 1);
      });
    });
    if (bottom < 0) return { sheet: ws.name, top: 0, left: 0, values: [] };
    const last = options.maxRows === undefined ? bottom : Math.min(bottom, top + options.maxRows - 1);
    const values: CellValue[][] = [];
    for (let r = top; r <= last; r++) {
      if (options.cancelled?.() && r % 10000 === 0) throw new Cancelled();
      const row = ws.getRow(r + 1);
      const cells: CellValue[] = [];
      for (let c = left; c <= right; c++) cells.push(toCell(row.getCell(c + 1)));
      values.push(cells);
      if ((r - top) % 10000 === 0) options.progress?.(r - top, last - top + 1);
    }
    options.progress?.(values.length, values.length);
    return { sheet: ws.name, top, left, values };
  }

  async readHeads(maxRows: number): Promise<SheetValues[]> {
    const heads: SheetValues[] = [];
    for (const ws of this.book.worksheets) heads.push((await this.readSheet(ws.name, { maxRows }))!);
    return heads;
  }

  async replaceSheet(
    name: string,
    rows: readonly (readonly CellValue[])[],
    options: WriteOptions = {},
    progress?: Progress,
  ): Promise<void> {
    const old = this.sheet(name);
    const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
    if (old) this.book.removeWorksheet(old.id);
    const ws = this.book.addWorksheet(name);
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    if (options.rowHeight) ws.properties.defaultRowHeight = options.rowHeight;
    rows.forEach((row, i) => {
      const xrow = ws.getRow(i + 1);
      row.forEach((v, c) => setCell(xrow.getCell(c + 1), v, options.columnFormats?.[c]));
      if (i < (options.headerRows ?? 0)) xrow.font = { bold: true };
    });
    if (options.headerRows === 1 && rows.length > 1 && !options.print) ws.views = [{ state: "frozen", ySplit: 1 }];
    options.columnWidths?.forEach((w, c) => (ws.getColumn(c + 1).width = w));
    for (const r of options.boldRows ?? []) ws.getRow(r + 1).font = { bold: true };
    const wrap = new Set(options.wrapColumns ?? []);
    // Wrapped text gets a row height for its lines: a reader that does not re-measure rows still shows every line.
    rows.forEach((row, i) =>
      row.forEach((v, c) => {
        if (!wrap.has(c)) return;
        ws.getCell(i + 1, c + 1).alignment = { wrapText: true, vertical: "top" };
        const perLine = Math.max(10, (options.columnWidths?.[c] ?? 10) - 6);
        const lines = typeof v === "string" ? v.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0) : 1;
        if (lines > 1) ws.getRow(i + 1).height = 15 * lines;
      }),
    );
    for (const f of options.cellFormats ?? []) ws.getCell(f.row + 1, f.column + 1).numFmt = f.format;
    const print = options.print;
    if (print) {
      const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
      ws.pageSetup = {
        ...ws.pageSetup,
        orientation: print.orientation,
        ...(print.growing
          ? {}
          : {
              printArea: `A1:${columnLetter(width - 1)}${Math.max(1, printedHeight(print, rows.length))}`,
            }),
        ...(print.repeatRows ? { printTitlesRow: `1:${print.repeatRows}` } : {}),
        ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
        ...(print.scale ? { scale: print.scale } : {}),
        // A4 is paper size 9 (ECMA-376 paperSize); left out, the paper is US Letter (1).
        ...(print.paper === "A4" ? { paperSize: 9 as unknown as NonNullable<typeof ws.pageSetup.paperSize> } : {}),
      };
      if (print.title !== undefined)
        ws.headerFooter = { oddHeader: `&C${print.title.replace(/&/g, "&&")}`, oddFooter: "&L&A&RPage &P of &N" };
      // A break after row r-1 starts a new page at row r.
      for (const r of print.pageBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
    }
    progress?.(rows.length, rows.length);
  }

  async applyFlags(name: string, flags: SheetFlags, progress?: Progress): Promise<FlagsApplied> {
    const ws = this.require(name);
    for (const block of flags.blocks ?? []) {
      block.rows.forEach((row, i) => row.forEach((v, j) => setCell(ws.getCell(block.top + i + 1, block.left + j + 1), v)));
      progress?.(block.rows.length, block.rows.length);
    }
    for (const run of flags.fills ?? []) {
      for (let r = run.top; r < run.top + run.height; r++) {
        for (let c = run.left; c < run.left + run.width; c++) {
          const cell = ws.getCell(r + 1, c + 1);
          cell.fill =
            run.fill === null
              ? { type: "pattern", pattern: "none" }
              : { type: "pattern", pattern: "solid", fgColor: { argb: argb(run.fill) } };
        }
      }
    }
    if (flags.highlights) {
      ws.removeConditionalFormatting(
        (cf: ExcelJS.ConditionalFormattingOptions) =>
          !cf.rules.some((rule) => ((rule as { formulae?: string[] }).formulae ?? []).some((f) => f.includes(HIGHLIGHT_MARKER))),
      );
      // The last highlight added has the first priority, as in Excel, so the most serious fill wins.
      const count = flags.highlights.length;
      flags.highlights.forEach((h, i) => {
        const a = h.area;
        ws.addConditionalFormatting({
          ref: `${columnLetter(a.left)}${a.top + 1}:${columnLetter(a.left + a.width - 1)}${a.top + a.height}`,
          rules: [
            {
              type: "expression",
              priority: count - i,
              formulae: [h.formula.replace(/^=/, "")],
              style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(h.fill) } } },
            },
          ],
        });
      });
    }
    if (!flags.notes) return { notes: { supported: true, written: 0, skipped: 0 } };
    const foreign = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const note = typeof cell.note === "string" ? cell.note : cell.note?.texts?.map((t) => t.text).join("");
        if (note === undefined || note === "") return;
        if (note.startsWith(NOTE_PREFIX)) cell.note = undefined as unknown as string;
        else foreign.add(cell.address);
      }),
    );
    let written = 0;
    let skipped = 0;
    for (const note of flags.notes) {
      const address = cellAddress(name, note.row, note.column).split("!")[1];
      if (foreign.has(address)) skipped++;
      else {
        ws.getCell(address).note = note.text;
        written++;
      }
    }
    return { notes: { supported: true, written, skipped } };
  }

  async removeSheet(name: string): Promise<void> {
    const ws = this.sheet(name);
    if (ws) this.book.removeWorksheet(ws.id);
  }

  async select(name: string, row: number, column: number): Promise<void> {
    this.require(name).views = [{ activeCell: `${columnLetter(column)}${row + 1}` }];
  }

  /** A file has no calculation engine here: Excel calculates it fully when it opens it. */
  async recalculate(): Promise<void> {
    this.book.calcProperties.fullCalcOnLoad = true;
  }
}

/** Strings are stored as strings with the text format, so "=1+1" or "00123" stay text in Excel. */
function setCell(cell: ExcelJS.Cell, value: CellValue, format?: string): void {
  cell.value = value;
  if (typeof value === "string") cell.numFmt = "@";
  else if (format) cell.numFmt = format;
}
