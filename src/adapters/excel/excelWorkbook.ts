/* global Excel */
import type { CellValue, Progress, SheetValues, WorkbookPort, WriteOptions } from "../../workbook/port";
import { rowBlocks } from "./requestSize";

const TEMP_PREFIX = "~UB ";

/**
 * The workbook port over Office.js. Reads values only, in row blocks with one sync per block;
 * writes 2-D arrays in blocks sized to stay under 4 MB, text as text ("@" first, so "=1+1" or
 * "00123" stay as typed), formats on whole columns; suspends screen updating and events during
 * a write, and waits while the user is editing a cell.
 */
export class ExcelWorkbook implements WorkbookPort {
  constructor(private readonly blockRows = 10000) {}

  async sheetNames(): Promise<string[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async readSheet(name: string, progress?: Progress): Promise<SheetValues | undefined> {
    return Excel.run({ delayForCellEdit: true }, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      const used = sheet.getUsedRangeOrNullObject(true);
      sheet.load("name");
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      if (sheet.isNullObject) return undefined;
      if (used.isNullObject) return { sheet: sheet.name, top: 0, left: 0, values: [] };
      const values: CellValue[][] = [];
      const blockRows = Math.max(1, Math.min(this.blockRows, Math.floor(4_000_000 / Math.max(1, used.columnCount) / 8)));
      for (let start = 0; start < used.rowCount; start += blockRows) {
        const count = Math.min(blockRows, used.rowCount - start);
        const block = sheet.getRangeByIndexes(used.rowIndex + start, used.columnIndex, count, used.columnCount).load("values");
        // One sync per row block, by design: a whole large sheet in one request exceeds 5 MB.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        for (const row of block.values) values.push(row.map(toCell));
        progress?.(start + count, used.rowCount);
      }
      return { sheet: sheet.name, top: used.rowIndex, left: used.columnIndex, values };
    });
  }

  async replaceSheet(
    name: string,
    rows: readonly (readonly CellValue[])[],
    options: WriteOptions = {},
    progress?: Progress,
  ): Promise<void> {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const padded = rows.map((r) => (r.length === width ? [...r] : [...r, ...Array<CellValue>(width - r.length).fill(null)]));
    await Excel.run({ delayForCellEdit: true }, async (context) => {
      const sheets = context.workbook.worksheets;
      const tempName = (TEMP_PREFIX + name).slice(0, 31);
      const leftover = sheets.getItemOrNullObject(tempName);
      context.application.suspendScreenUpdatingUntilNextSync();
      context.runtime.load("enableEvents");
      await context.sync();
      const eventsWere = context.runtime.enableEvents;
      context.runtime.enableEvents = false;
      try {
        if (!leftover.isNullObject) leftover.delete();
        const temp = sheets.add(tempName);
        temp.visibility = Excel.SheetVisibility.hidden;
        if (width > 0) {
          for (const [start, end] of rowBlocks(padded, this.blockRows)) {
            const block = padded.slice(start, end);
            const range = temp.getRangeByIndexes(start, 0, end - start, width);
            range.numberFormat = block.map((row) =>
              row.map((cell, c) => (typeof cell === "string" ? "@" : (options.columnFormats?.[c] ?? "General"))),
            );
            range.values = block.map((row) => row.map((cell) => (cell === null ? "" : cell)));
            // One sync per row block, by design: each request stays under 4 MB.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
            progress?.(end, padded.length);
          }
          formatSheet(temp, width, padded.length, options);
        }
        const old = sheets.getItemOrNullObject(name);
        old.load("position");
        await context.sync();
        if (!old.isNullObject) {
          temp.position = old.position;
          old.delete();
        }
        temp.name = name;
        temp.visibility = Excel.SheetVisibility.visible;
        await context.sync();
      } finally {
        context.runtime.enableEvents = eventsWere;
        await context.sync();
      }
    });
  }
}

function formatSheet(sheet: Excel.Worksheet, width: number, height: number, options: WriteOptions): void {
  const headerRows = options.headerRows ?? 0;
  if (headerRows > 0) {
    sheet.getRangeByIndexes(0, 0, headerRows, width).format.font.bold = true;
    if (headerRows === 1 && height > 1) sheet.freezePanes.freezeRows(1);
  }
  options.columnWidths?.forEach((chars, c) => {
    if (c < width) sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = chars * 7;
  });
}

function toCell(value: unknown): CellValue {
  if (value === "" || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}
