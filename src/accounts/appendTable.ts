import type { CellValue, WorkbookPort } from "../workbook/port";
import { ColumnSpec, locateTable } from "../workbook/table";

/** Where rows went: the sheet and its 1-based rows. */
export interface AppendedRows {
  readonly sheet: string;
  readonly firstRow: number;
  readonly lastRow: number;
}

/**
 * Appends records to a table found by its headers (the sheet's own columns wherever they sit; a
 * column the table lacks gets its header beside the table), or creates the sheet with the specs'
 * labels when there is none. Only cells below the last used row, and the header cell of an added
 * column, are written: nothing anyone typed is touched. Dates go as Excel serials in the formats
 * given by field ("yyyy-mm-dd"), text stays text.
 */
export async function appendTable<F extends string>(
  port: WorkbookPort,
  sheet: string,
  specs: readonly ColumnSpec<F>[],
  records: readonly Partial<Record<F, CellValue>>[],
  options: { readonly formats?: Partial<Record<F, string>>; readonly widths?: Partial<Record<F, number>> } = {},
): Promise<AppendedRows> {
  const formats: Partial<Record<F, string>> = options.formats ?? {};
  const data = await port.readSheet(sheet);
  if (!data || data.values.length === 0) {
    const rows: CellValue[][] = records.map((r) => specs.map((s) => r[s.field] ?? null));
    await port.replaceSheet(sheet, [specs.map((s) => s.label), ...rows], {
      headerRows: 1,
      columnFormats: specs.map((s) => formats[s.field]),
      columnWidths: specs.map((s) => options.widths?.[s.field] ?? Math.max(10, s.label.length + 2)),
      // A record sheet prints as a list: every column across one landscape page's width, the header on each page.
      print: { orientation: "landscape", fitToWidth: true, repeatRows: 1, growing: true },
    });
    return { sheet, firstRow: 2, lastRow: rows.length + 1 };
  }
  const found = locateTable(data, specs);
  if (!found.ok) throw new Error(`${sheet}: ${found.message}`);
  const { headerRow } = found.table;
  const at = Object.assign(Object.create(null) as Record<string, number>, found.table.columns) as Record<string, number | undefined>;
  let width = data.values.reduce((w, r) => Math.max(w, r.length), 0);
  const headerBlocks: { top: number; left: number; rows: CellValue[][] }[] = [];
  for (const s of specs)
    if (at[s.field] === undefined && records.some((r) => r[s.field] !== undefined && r[s.field] !== null)) {
      at[s.field] = data.left + width++;
      headerBlocks.push({ top: headerRow, left: at[s.field]!, rows: [[s.label]] });
    }
  const used = Object.values(at).filter((c): c is number => c !== undefined);
  const left = Math.min(...used);
  const right = Math.max(...used);
  const top = data.top + data.values.length;
  const rows = records.map((r) => {
    const row: CellValue[] = Array.from({ length: right - left + 1 }, () => null);
    for (const s of specs) {
      const column = at[s.field];
      if (column !== undefined) row[column - left] = r[s.field] ?? null;
    }
    return row;
  });
  const blockFormats: (string | undefined)[] = Array.from({ length: right - left + 1 }, () => undefined);
  for (const s of specs) if (at[s.field] !== undefined && formats[s.field]) blockFormats[at[s.field]! - left] = formats[s.field];
  await port.applyFlags(data.sheet, { blocks: [{ top, left, rows, formats: blockFormats }, ...headerBlocks] });
  return { sheet: data.sheet, firstRow: top + 1, lastRow: top + rows.length };
}

/** Column specs for one of the add-in's own sheets: its labels, the first `required` of them required. */
export function ownColumns<F extends string>(columns: readonly (readonly [F, string])[], required = 1): ColumnSpec<F>[] {
  return columns.map(([field, label], i) => ({ field, label, synonyms: [], required: i < required }));
}
