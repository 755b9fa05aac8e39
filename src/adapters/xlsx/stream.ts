import ExcelJS from "exceljs";
import { columnLetter } from "../../workbook/address";
import { emptySheet, MemoryWorkbook } from "../../workbook/memoryWorkbook";
import type { CellValue } from "../../workbook/port";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25569;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join("");
    if ("result" in v) return plain(v.result);
    if ("formula" in v || "sharedFormula" in v) return null;
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
  }
  return String(value);
}

/**
 * Reads every sheet's values from an .xlsx file as a stream, into the in-memory workbook: a
 * 100,000-account cycle workbook is read without holding exceljs's cell objects. Values only:
 * dates arrive as Excel serial numbers, formulas as their cached results; formats are not read.
 */
export async function readXlsxValues(path: string): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
  } as never);
  for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string; id: number }>) {
    const values: CellValue[][] = [];
    for await (const row of sheet) {
      const cells = row.values as unknown[];
      const out: CellValue[] = [];
      for (let c = 1; c < cells.length; c++) out.push(plain(cells[c]));
      values[row.number - 1] = out;
    }
    for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
    workbook.sheets.set(sheet.name ?? `Sheet${sheet.id}`, emptySheet([]));
    workbook.sheet(sheet.name ?? `Sheet${sheet.id}`)!.values = values;
  }
  return workbook;
}

/**
 * Writes the in-memory workbook to an .xlsx file as a stream, row by row, with what the add-in
 * set on each sheet: column widths and number formats, bold rows, print set-up and page breaks,
 * fills on its own cells, its conditional highlights and notes. Strings are stored as strings.
 */
export async function writeXlsxStreaming(
  path: string,
  workbook: MemoryWorkbook,
  progress?: (sheet: string, rows: number) => void,
): Promise<void> {
  // Fast compression: the files are large and written often; level 1 is several times quicker than the default.
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } } as never);
  for (const [name, sheet] of workbook.sheets) {
    const options = sheet.options ?? {};
    const width = sheet.values.reduce((w, r) => Math.max(w, r.length), 1);
    const print = options.print;
    const ws = writer.addWorksheet(name, {
      views: options.headerRows === 1 && !print ? [{ state: "frozen", ySplit: 1 }] : undefined,
      pageSetup: print
        ? {
            orientation: print.orientation,
            printArea: `A1:${columnLetter(width - 1)}${Math.max(1, sheet.values.length)}`,
            ...(print.repeatRows ? { printTitlesRow: `1:${print.repeatRows}` } : {}),
            ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
          }
        : undefined,
    });
    ws.columns = Array.from({ length: width }, (_, c) => ({
      width: options.columnWidths?.[c] ?? 12,
      style: options.columnFormats?.[c] ? { numFmt: options.columnFormats[c] } : {},
    }));
    const bold = new Set([...(options.boldRows ?? []), ...Array.from({ length: options.headerRows ?? 0 }, (_, i) => i)]);
    const breaks = new Set((print?.pageBreaks ?? []).map((r) => r - 1));
    const wrap = new Set(options.wrapColumns ?? []);
    const cellFormats = new Map((options.cellFormats ?? []).map((f) => [`${f.row}:${f.column}`, f.format]));
    for (const h of sheet.highlights) {
      const a = h.area;
      ws.addConditionalFormatting({
        ref: `${columnLetter(a.left)}${a.top + 1}:${columnLetter(a.left + a.width - 1)}${a.top + a.height}`,
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [h.formula.replace(/^=/, "")],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(h.fill) } } },
          },
        ],
      });
    }
    const fillsByRow = new Map<number, [number, string][]>();
    for (const [key, fill] of sheet.fills) {
      const [r, c] = key.split(":").map(Number);
      fillsByRow.set(r, [...(fillsByRow.get(r) ?? []), [c, fill]]);
    }
    const notesByRow = new Map<number, [number, string][]>();
    for (const [address, text] of sheet.notes) {
      const m = /^([A-Z]+)(\d+)$/.exec(address);
      if (!m) continue;
      const c = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const r = Number(m[2]) - 1;
      notesByRow.set(r, [...(notesByRow.get(r) ?? []), [c, text]]);
    }
    sheet.values.forEach((values, r) => {
      const row = ws.getRow(r + 1);
      for (const [c, fill] of fillsByRow.get(r) ?? [])
        row.getCell(c + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill) } };
      for (const [c, text] of notesByRow.get(r) ?? []) row.getCell(c + 1).note = text;
      values.forEach((v, c) => {
        if (v === null) return;
        const cell = row.getCell(c + 1);
        cell.value = v;
        const format = cellFormats.get(`${r}:${c}`);
        if (format) cell.numFmt = format;
        if (wrap.has(c)) cell.alignment = { wrapText: true, vertical: "top" };
      });
      if (bold.has(r)) row.font = { bold: true };
      if (breaks.has(r)) row.addPageBreak();
      row.commit();
      if (r % 50000 === 0) progress?.(name, r);
    });
    await ws.commit();
  }
  await writer.commit();
}
