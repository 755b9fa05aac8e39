import ExcelJS from "exceljs";
import { emptySheet, MemoryWorkbook } from "../../workbook/memoryWorkbook";
import type { CellValue } from "../../workbook/port";

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
