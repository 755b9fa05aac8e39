/* global Excel, Office */
import { cellAddress } from "../../workbook/address";
import {
  Cancelled,
  CellValue,
  CHART_PREFIX,
  ChartSpec,
  checkCharts,
  FlagsApplied,
  HIGHLIGHT_MARKER,
  NOTE_PREFIX,
  printedHeight,
  SheetFlags,
  Progress,
  ReadOptions,
  SheetValues,
  WorkbookPort,
  WriteOptions,
} from "../../workbook/port";
import { isPayloadLimit, MAX_CELLS_PER_READ, rowBlocks } from "./requestSize";
import { NumberCulture, US_NUMBERS } from "../../workbook/cells";

const TEMP_PREFIX = "~UB ";
/**
 * Each write request is kept near 2 MB (Excel's limit is 5 MB): building a request, and Office.js
 * serializing it, happen on the pane's thread, and no task there may take 200 ms.
 */
const WRITE_REQUEST_BYTES = 2 * 1024 * 1024;

function supports(version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

/**
 * A bulk write: events off (ExcelApi 1.8) so the add-in's own writes trigger no handlers, and
 * screen updating suspended (1.9) once, when the writing starts. The constructor queues the load
 * of the events flag for the caller's next sync; `start` turns events off and suspends the
 * screen; `finish` restores events (call it in `finally`).
 */
class BulkWrite {
  private was = true;
  private started = false;

  constructor(private readonly context: Excel.RequestContext) {
    if (supports("1.8")) context.runtime.load("enableEvents");
  }

  start(): void {
    if (supports("1.8")) {
      this.was = this.context.runtime.enableEvents;
      this.context.runtime.enableEvents = false;
      this.started = true;
    }
    if (supports("1.9")) this.context.application.suspendScreenUpdatingUntilNextSync();
  }

  /** Queues turning events back on, for the caller's last sync. */
  restore(): void {
    if (!this.started) return;
    this.context.runtime.enableEvents = this.was;
    this.started = false;
  }

  /** Turns events back on now (after a failure). */
  async finish(): Promise<void> {
    if (!this.started) return;
    this.restore();
    await this.context.sync();
  }
}

/**
 * The workbook port over Office.js. Reads values only, in row blocks with one sync per block,
 * shrinking a block that Excel finds too large; writes 2-D arrays in blocks under 4 MB, text as
 * text ("@" first, so "=1+1" or "00123" stay as typed); formats contiguous runs; suspends screen
 * updating and events during writes, and waits while the user is editing a cell.
 */
export class ExcelWorkbook implements WorkbookPort {
  constructor(private readonly blockRows = 20000) {}

  async sheetNames(): Promise<string[]> {
    return Excel.run({ delayForCellEdit: true }, async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<SheetValues | undefined> {
    return Excel.run({ delayForCellEdit: true }, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      const used = sheet.getUsedRangeOrNullObject(true);
      sheet.load("name");
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      const numbers = cultureOf(context);
      await context.sync();
      if (sheet.isNullObject) return undefined;
      const culture = numbers();
      if (used.isNullObject) return { sheet: sheet.name, top: 0, left: 0, values: [], culture };
      const total = Math.min(used.rowCount, options.maxRows ?? used.rowCount);
      let block = Math.max(1, Math.min(this.blockRows, Math.floor(MAX_CELLS_PER_READ / Math.max(1, used.columnCount))));
      const values: CellValue[][] = [];
      for (let start = 0; start < total;) {
        if (options.cancelled?.()) throw new Cancelled();
        const count = Math.min(block, total - start);
        const range = sheet.getRangeByIndexes(used.rowIndex + start, used.columnIndex, count, used.columnCount).load("values");
        try {
          // One sync per row block, by design: a large sheet in one request exceeds Excel's limits.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (error) {
          if (!isPayloadLimit(error) || count === 1) throw error;
          block = Math.max(1, Math.floor(count / 2));
          continue;
        }
        for (const row of range.values) values.push(row.map(toCell));
        start += count;
        options.progress?.(start, total);
      }
      return { sheet: sheet.name, top: used.rowIndex, left: used.columnIndex, values, culture };
    });
  }

  /** How this workbook writes numbers as text (Excel's culture, ExcelApi 1.11; en-US before). */
  async numberCulture(): Promise<NumberCulture> {
    return Excel.run({ delayForCellEdit: true }, async (context) => {
      const numbers = cultureOf(context);
      await context.sync();
      return numbers();
    });
  }

  /**
   * The head of every sheet. Heads are read a group of sheets at a time; a group Excel finds too
   * large is split, and a single sheet's head too large is read with half the rows, down to one.
   */
  async readHeads(maxRows: number): Promise<SheetValues[]> {
    return Excel.run({ delayForCellEdit: true }, async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const used = sheets.items.map((sheet) => sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
      await context.sync();
      const heads = new Map<number, CellValue[][]>();
      const pending: { sheets: number[]; rows: number }[] = [{ sheets: sheets.items.map((_, i) => i), rows: maxRows }];
      while (pending.length > 0) {
        const group = pending.shift()!;
        const wanted = group.sheets.filter((i) => !used[i].isNullObject);
        const ranges = wanted.map((i) => {
          const u = used[i];
          return sheets.items[i]
            .getRangeByIndexes(u.rowIndex, u.columnIndex, Math.min(group.rows, u.rowCount), Math.min(u.columnCount, 200))
            .load("values");
        });
        try {
          // One sync per group; a group is split only after Excel refused it.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          if (ranges.length > 0) await context.sync();
        } catch (error) {
          if (!isPayloadLimit(error)) throw error;
          if (wanted.length > 1) {
            const half = Math.ceil(wanted.length / 2);
            pending.unshift({ sheets: wanted.slice(0, half), rows: group.rows }, { sheets: wanted.slice(half), rows: group.rows });
          } else if (group.rows > 1) pending.unshift({ sheets: wanted, rows: Math.floor(group.rows / 2) });
          else throw error;
          continue;
        }
        ranges.forEach((range, k) =>
          heads.set(
            wanted[k],
            range.values.map((r) => r.map(toCell)),
          ),
        );
      }
      return sheets.items.map((sheet, i) => {
        const head = heads.get(i);
        return head
          ? { sheet: sheet.name, top: used[i].rowIndex, left: used[i].columnIndex, values: head }
          : { sheet: sheet.name, top: 0, left: 0, values: [] };
      });
    });
  }

  /**
   * Writes an output sheet in place (docs/adr/0008-real-excel.md): a sheet that exists is cleared
   * and rewritten, never deleted, so formulas, charts and names that point at it keep working; a
   * new sheet is added visible. A protected sheet is refused before anything is touched; a hidden
   * one stays hidden and gets no view settings. What clearing leaves (a filter, hidden rows, row
   * heights) is reset. When a write fails part-way, a sheet of up to 200,000 cells is put back as
   * it was (the Run Log, Review Log, Work Orders and Rates are records read back later); a larger
   * one is marked incomplete in A1; a new sheet is removed.
   */
  async replaceSheet(
    name: string,
    rows: readonly (readonly CellValue[])[],
    options: WriteOptions = {},
    progress?: Progress,
  ): Promise<void> {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (options.charts?.length) checkCharts(name, rows.length, width, options.charts);
    await Excel.run({ delayForCellEdit: true }, async (context) => {
      const sheets = context.workbook.worksheets;
      const leftover = sheets.getItemOrNullObject((TEMP_PREFIX + name).slice(0, 31));
      const existing = sheets.getItemOrNullObject(name);
      const bulk = new BulkWrite(context);
      await context.sync();
      const isNew = existing.isNullObject;
      let visible = true;
      let previous: { top: number; left: number; values: CellValue[][] } | undefined;
      let ownCharts: Excel.Chart[] = [];
      if (!isNew) {
        existing.load("visibility");
        const protection = existing.protection.load("protected");
        const used = existing.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
        // Charts float over the cells and stay when they are cleared: the ones an earlier run drew go.
        const charts = existing.charts.load("items/name");
        await context.sync();
        ownCharts = charts.items.filter((c) => c.name.startsWith(CHART_PREFIX));
        if (protection.protected)
          throw new Error(`The sheet "${name}" is protected: unprotect it (Review > Unprotect Sheet) and run again.`);
        visible = existing.visibility === Excel.SheetVisibility.visible;
        if (!used.isNullObject && used.rowCount * used.columnCount <= MAX_CELLS_PER_READ) {
          const range = existing.getRangeByIndexes(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount).load("values");
          await context.sync();
          previous = { top: used.rowIndex, left: used.columnIndex, values: range.values.map((r) => r.map(toCell)) };
        }
      }
      bulk.start();
      const sheet = isNew ? sheets.add(name) : existing;
      try {
        // A hidden "~UB" sheet left by an interrupted write of an earlier version.
        if (!leftover.isNullObject) leftover.delete();
        if (!isNew) clearForRewrite(sheet, visible, ownCharts);
        await writeBlocks(context, sheet, 0, 0, rows, this.blockRows, options.columnFormats, progress);
        if (width > 0) {
          const ops = formatOps(sheet, width, rows.length, options, visible);
          for (let i = 0; i < ops.length; i += 5000) {
            ops.slice(i, i + 5000).forEach((op) => op());
            // At most 5,000 format operations a request.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            if (i + 5000 < ops.length) await context.sync();
          }
        }
        bulk.restore();
        await context.sync();
      } catch (error) {
        await this.undoFailedWrite(context, sheet, isNew, previous).catch(() => undefined);
        await bulk.finish().catch(() => undefined);
        throw error;
      }
    });
  }

  /** After a failed write: a new sheet goes, a small sheet gets its old values back, a large one a mark in A1. */
  private async undoFailedWrite(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    isNew: boolean,
    previous: { top: number; left: number; values: CellValue[][] } | undefined,
  ): Promise<void> {
    if (isNew) sheet.delete();
    else if (previous) {
      sheet.getRange().clear(Excel.ClearApplyTo.all);
      await writeBlocks(context, sheet, previous.top, previous.left, previous.values, this.blockRows, undefined);
    } else {
      sheet.getRange("A1").numberFormat = [["@"]];
      sheet.getRange("A1").values = [["Incomplete: UB Workbench stopped while writing this sheet. Run it again."]];
    }
    await context.sync();
  }

  async applyFlags(name: string, flags: SheetFlags, progress?: Progress): Promise<FlagsApplied> {
    return Excel.run({ delayForCellEdit: true }, async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const bulk = new BulkWrite(context);
      const formats = flags.highlights ? sheet.getRange().conditionalFormats.load("items/type") : null;
      const withNotes = flags.notes !== undefined && supports("1.18");
      const existing = withNotes ? sheet.notes.load("items/content") : null;
      await context.sync();
      const rules = formats
        ? formats.items.map((cf) => (cf.type === Excel.ConditionalFormatType.custom ? cf.customOrNullObject.rule.load("formula") : null))
        : [];
      const locations = existing ? existing.items.map((note) => note.getLocation().load("address")) : [];
      if (rules.length > 0 || locations.length > 0) await context.sync();
      bulk.start();
      try {
        rules.forEach((rule, i) => {
          if (rule && !rule.isNullObject && rule.formula.includes(HIGHLIGHT_MARKER)) formats!.items[i].delete();
        });
        const foreign = new Set<string>();
        existing?.items.forEach((note, i) => {
          if (note.content.startsWith(NOTE_PREFIX)) note.delete();
          else foreign.add(locations[i].address.split("!").pop()!.replace(/\$/g, "").toUpperCase());
        });
        const total = (flags.blocks ?? []).reduce((n, b) => n + b.rows.length, 0);
        let done = 0;
        for (const block of flags.blocks ?? []) {
          await writeBlocks(context, sheet, block.top, block.left, block.rows, this.blockRows, block.formats, (end) =>
            progress?.(done + end, total),
          );
          done += block.rows.length;
        }
        // The rest goes in chunks of at most 5,000 small operations per request.
        const tail: (() => void)[] = [];
        for (const run of flags.fills ?? []) {
          tail.push(() => {
            const range = sheet.getRangeByIndexes(run.top, run.left, run.height, run.width);
            if (run.fill === null) range.format.fill.clear();
            else range.format.fill.color = run.fill;
          });
        }
        for (const h of flags.highlights ?? []) {
          tail.push(() => {
            const cf = sheet
              .getRangeByIndexes(h.area.top, h.area.left, h.area.height, h.area.width)
              .conditionalFormats.add(Excel.ConditionalFormatType.custom);
            cf.custom.rule.formula = h.formula;
            cf.custom.format.fill.color = h.fill;
          });
        }
        let written = 0;
        let skipped = 0;
        for (const note of withNotes ? flags.notes! : []) {
          const address = cellAddress(name, note.row, note.column).split("!")[1];
          if (foreign.has(address)) skipped++;
          else {
            written++;
            tail.push(() => sheet.notes.add(sheet.getRange(address), note.text));
          }
        }
        for (let i = 0; i < tail.length; i += 5000) {
          tail.slice(i, i + 5000).forEach((op) => op());
          if (i + 5000 >= tail.length) bulk.restore();
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }
        if (tail.length === 0) {
          bulk.restore();
          await context.sync();
        }
        const supported = flags.notes === undefined ? supports("1.18") : withNotes;
        return { notes: { supported, written, skipped: supported ? skipped : (flags.notes?.length ?? 0) } };
      } catch (error) {
        await bulk.finish().catch(() => undefined);
        throw error;
      }
    });
  }

  /** Removes the sheet, unless it is the last visible one (Excel refuses that): then it is emptied. */
  async removeSheet(name: string): Promise<void> {
    await Excel.run({ delayForCellEdit: true }, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      const all = context.workbook.worksheets.load("items/name,items/visibility");
      await context.sync();
      if (sheet.isNullObject) return;
      const otherVisible = all.items.some(
        (s) => s.name.toLowerCase() !== name.toLowerCase() && s.visibility === Excel.SheetVisibility.visible,
      );
      if (otherVisible) sheet.delete();
      else sheet.getRange().clear(Excel.ClearApplyTo.all);
      await context.sync();
    });
  }

  /** Recalculates every formula: UB cells priced before a schedule changed get the new price. */
  async recalculate(): Promise<void> {
    await Excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    });
  }

  async select(name: string, row: number, column: number): Promise<void> {
    await Excel.run({ delayForCellEdit: true }, async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      sheet.activate();
      sheet.getRangeByIndexes(row, column, 1, 1).select();
      await context.sync();
    });
  }
}

/**
 * Empties a sheet for its rewrite: values, formats, conditional formats, page breaks and frozen
 * panes, and what clearing leaves behind (learn.microsoft.com, Excel.Range.clear): a filter, rows
 * and columns the user hid, and row heights; and the add-in's own charts (named CHART_PREFIX),
 * never a chart the user added.
 */
function clearForRewrite(sheet: Excel.Worksheet, visible: boolean, ownCharts: readonly Excel.Chart[]): void {
  for (const chart of ownCharts) chart.delete();
  const all = sheet.getRange();
  all.clear(Excel.ClearApplyTo.all);
  all.rowHidden = false;
  all.columnHidden = false;
  all.format.useStandardHeight = true;
  if (visible) sheet.freezePanes.unfreeze();
  if (supports("1.9")) {
    sheet.autoFilter.remove();
    sheet.horizontalPageBreaks.removePageBreaks();
  }
}

/** Writes rows in blocks, text cells formatted "@" before their values; one sync per block. */
async function writeBlocks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: readonly (readonly CellValue[])[],
  blockRows: number,
  columnFormats: readonly (string | undefined)[] | undefined,
  progress?: Progress,
): Promise<void> {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width === 0) return;
  for (const [start, end] of rowBlocks(rows, blockRows, WRITE_REQUEST_BYTES)) {
    const block = rows.slice(start, end);
    const range = sheet.getRangeByIndexes(top + start, left, end - start, width);
    range.numberFormat = block.map((row) =>
      Array.from({ length: width }, (_, c) => (typeof row[c] === "string" ? "@" : (columnFormats?.[c] ?? "General"))),
    );
    range.values = block.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
    // One sync per row block, by design: each request stays under 4 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    progress?.(end, rows.length);
  }
}

/**
 * The formats of a written sheet as a list of small operations, so a sheet of 100,000 bills (a
 * bold run and a page break per bill) goes to Excel in several requests, each well under 4 MB.
 */
function formatOps(sheet: Excel.Worksheet, width: number, height: number, options: WriteOptions, visible = true): (() => void)[] {
  const ops: (() => void)[] = [];
  const headerRows = options.headerRows ?? 0;
  if (headerRows > 0) {
    ops.push(() => (sheet.getRangeByIndexes(0, 0, headerRows, width).format.font.bold = true));
    // Freeze panes only on a visible sheet: on a hidden one it has been reported to throw (office-js #1463).
    if (headerRows === 1 && height > 1 && !options.print && visible) ops.push(() => sheet.freezePanes.freezeRows(1));
  }
  if (options.rowHeight && height > 0)
    ops.push(() => (sheet.getRangeByIndexes(0, 0, height, Math.max(1, width)).format.rowHeight = options.rowHeight!));
  for (const [start, count] of runsOf(options.boldRows ?? []))
    ops.push(() => (sheet.getRangeByIndexes(start, 0, count, width).format.font.bold = true));
  options.columnWidths?.forEach((chars, c) => {
    if (c < width) ops.push(() => (sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = chars * 7));
  });
  for (const c of options.wrapColumns ?? []) {
    if (c >= width) continue;
    ops.push(() => {
      const column = sheet.getRangeByIndexes(0, c, Math.max(1, height), 1);
      column.format.wrapText = true;
      column.format.autofitRows();
    });
  }
  for (const f of options.cellFormats ?? []) ops.push(() => (sheet.getRangeByIndexes(f.row, f.column, 1, 1).numberFormat = [[f.format]]));
  (options.charts ?? []).forEach((chart, i) => ops.push(() => drawChart(sheet, chart, i)));
  const print = options.print;
  if (!print || !supports("1.9")) return ops;
  // The print area takes in the charts: a chart outside it would not print.
  const charts = options.charts ?? [];
  const printRows = Math.max(1, printedHeight(print, height), ...charts.map((c) => c.at.row + c.at.rows));
  const printColumns = Math.max(width, ...charts.map((c) => c.at.column + c.at.columns));
  ops.push(() => {
    sheet.pageLayout.orientation = print.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    if (!print.growing) sheet.pageLayout.setPrintArea(sheet.getRangeByIndexes(0, 0, printRows, printColumns));
    if (print.repeatRows) sheet.pageLayout.setPrintTitleRows(`$1:$${print.repeatRows}`);
    if (print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    else if (print.scale) sheet.pageLayout.zoom = { scale: print.scale };
    sheet.pageLayout.paperSize = print.paper === "A4" ? "A4" : "Letter";
    if (print.title !== undefined) {
      // Header and footer text is in Excel's codes (learn.microsoft.com, Excel.HeaderFooter): "&A" the
      // sheet's name, "&P" and "&N" the page and the pages; a "&" of the title's own is doubled.
      const pages = sheet.pageLayout.headersFooters.defaultForAllPages;
      pages.centerHeader = print.title.replace(/&/g, "&&");
      pages.leftFooter = "&A";
      pages.rightFooter = "Page &P of &N";
    }
  });
  for (const row of print.pageBreaks ?? []) if (row > 0) ops.push(() => sheet.horizontalPageBreaks.add(`A${row + 1}`));
  return ops;
}

/**
 * Queues one native chart over the written rows, named CHART_PREFIX and its number so a rewrite
 * deletes it. Everything here is ExcelApi 1.1 unless marked (learn.microsoft.com,
 * javascript/api/excel: excel.chartcollection `add(type, sourceData, seriesBy)`, excel.chart
 * `name`, `title`, `axes`, `setPosition(startCell, endCell)`, excel.chartaxistitle `text`).
 *
 * Given a whole block, Excel guesses which row names the series and which column holds the
 * categories, and takes a column of numbers under a header (months as dates, a band's lower bound)
 * for one more series (see chartFrom in src/fakes/fakeExcel.ts). Where ExcelApi 1.7 is supported
 * (excel.chartseries `setXAxisValues`), the chart is made from the series columns alone and each
 * series is given the category column, so nothing is guessed; before 1.7 the whole block is given,
 * which is right when the categories are text. The value axis's number format needs ExcelApi 1.8
 * (excel.chartaxis `numberFormat`); before it the axis shows Excel's own format.
 */
function drawChart(sheet: Excel.Worksheet, chart: ChartSpec, index: number): void {
  const { top, left, rows, columns } = chart.data;
  const type = chart.type === "line" ? Excel.ChartType.line : Excel.ChartType.columnClustered;
  const explicit = supports("1.7");
  const source = explicit ? sheet.getRangeByIndexes(top, left + 1, rows, columns - 1) : sheet.getRangeByIndexes(top, left, rows, columns);
  const drawn = sheet.charts.add(type, source, Excel.ChartSeriesBy.columns);
  drawn.name = `${CHART_PREFIX}${index + 1}`;
  if (explicit) {
    const categories = sheet.getRangeByIndexes(top + 1, left, rows - 1, 1);
    for (let k = 0; k < columns - 1; k++) drawn.series.getItemAt(k).setXAxisValues(categories);
  }
  drawn.title.text = chart.title;
  if (chart.xTitle) drawn.axes.categoryAxis.title.text = chart.xTitle;
  if (chart.yTitle) drawn.axes.valueAxis.title.text = chart.yTitle;
  if (chart.valueFormat && supports("1.8")) drawn.axes.valueAxis.numberFormat = chart.valueFormat;
  const { row, column } = chart.at;
  drawn.setPosition(
    sheet.getRangeByIndexes(row, column, 1, 1),
    sheet.getRangeByIndexes(row + chart.at.rows - 1, column + chart.at.columns - 1, 1, 1),
  );
}

/** Consecutive rows grouped into [start, count] runs, so formats go on contiguous ranges. */
function runsOf(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else runs.push([r, 1]);
  }
  return runs;
}

/**
 * Queues the load of Excel's number separators (Application.cultureInfo.numberFormat, ExcelApi
 * 1.11: learn.microsoft.com, Excel.NumberFormatInfo); the returned function reads them after the
 * sync. Text such as "1.500" is 1,500 in de-DE and 1.5 in en-US.
 */
function cultureOf(context: Excel.RequestContext): () => NumberCulture {
  if (!supports("1.11")) return () => US_NUMBERS;
  const format = context.application.cultureInfo.numberFormat.load("numberDecimalSeparator,numberGroupSeparator");
  // Excel's own separators when the user turned off "Use system separators" (Application, ExcelApi 1.11).
  const app = context.application.load("useSystemSeparators,decimalSeparator,thousandsSeparator");
  return () =>
    app.useSystemSeparators === false
      ? { decimal: app.decimalSeparator || ".", group: app.thousandsSeparator || "," }
      : { decimal: format.numberDecimalSeparator || ".", group: format.numberGroupSeparator || "," };
}

function toCell(value: unknown): CellValue {
  if (value === "" || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}
