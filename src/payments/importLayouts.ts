import { idText } from "../workbook/cells";
import type { CellValue, WorkbookPort } from "../workbook/port";
import { BatchField, ColumnMapping, headerSignature } from "./batchFile";

export const IMPORT_LAYOUTS_SHEET = "Import Layouts";
const FIELDS: readonly BatchField[] = ["account", "amount", "reference", "date", "lastFour"];
const HEADER = ["Header", "Account", "Amount", "Reference", "Date", "Last 4"];

/** The file layouts mapped once and remembered, by the header they were mapped for. */
export async function rememberedLayouts(port: WorkbookPort): Promise<Map<string, ColumnMapping>> {
  const data = await port.readSheet(IMPORT_LAYOUTS_SHEET);
  const layouts = new Map<string, ColumnMapping>();
  for (const row of data?.values.slice(1) ?? []) {
    const signature = idText(row[0]);
    if (!signature) continue;
    const mapping = new Map<BatchField, string>();
    FIELDS.forEach((f, i) => {
      const column = idText(row[i + 1]);
      if (column) mapping.set(f, column);
    });
    layouts.set(signature, mapping);
  }
  return layouts;
}

/** Keeps a mapping for files with this header (the add-in's own sheet; a mapping for the same header is replaced). */
export async function rememberLayout(port: WorkbookPort, header: readonly string[], mapping: ColumnMapping): Promise<void> {
  const layouts = await rememberedLayouts(port);
  layouts.set(headerSignature(header), mapping);
  const rows: CellValue[][] = [HEADER, ...[...layouts].map(([signature, m]) => [signature, ...FIELDS.map((f) => m.get(f) ?? null)])];
  await port.replaceSheet(IMPORT_LAYOUTS_SHEET, rows, { headerRows: 1, columnWidths: [60, 18, 18, 18, 14, 12] });
}
