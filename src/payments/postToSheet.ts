import type { PostedBatch } from "../engine";
import { PAYMENT_COLUMNS } from "../workbook/cycleSheets";
import type { CellValue, WorkbookPort } from "../workbook/port";
import { locateTable } from "../workbook/table";

export const PAYMENTS_SHEET = "Payments";
/** The add-in's own column on the Payments sheet: which batch posted the row. */
export const BATCH_COLUMN = "Batch";

/** Where a posted batch went: the sheet and its 1-based rows. */
export interface PostedRows {
  readonly sheet: string;
  readonly firstRow: number;
  readonly lastRow: number;
}

/**
 * Writes a posted batch to the Payments sheet: one row per payment below the last used row, in the
 * sheet's own columns wherever they sit, with the batch id in the add-in's Batch column (added
 * beside the table when the sheet has none). Nothing above is touched: a posted payment is
 * reversed by a new row, never edited. Dates are written as ISO text, as the sheet reads them back;
 * references as text, never numbers or formulas. A workbook without a Payments sheet gets one.
 */
export async function postToSheet(port: WorkbookPort, batch: PostedBatch): Promise<PostedRows> {
  const line = (l: PostedBatch["lines"][number]) => ({
    date: batch.date,
    account: l.account,
    amount: l.amount.toNumber(),
    method: batch.channel,
    reference: l.reference,
    returned: "No",
  });
  const data = await port.readSheet(PAYMENTS_SHEET);
  if (!data) {
    const header = [...PAYMENT_COLUMNS.map((c) => c.label), BATCH_COLUMN];
    const rows: CellValue[][] = batch.lines.map((l) => {
      const p = line(l);
      return [p.date, p.account, p.amount, p.method, p.reference, p.returned, batch.id];
    });
    await port.replaceSheet(PAYMENTS_SHEET, [header, ...rows], { headerRows: 1, columnFormats: [undefined, undefined, "#,##0.00"] });
    return { sheet: PAYMENTS_SHEET, firstRow: 2, lastRow: rows.length + 1 };
  }
  const found = locateTable(data, PAYMENT_COLUMNS);
  if (!found.ok) throw new Error(found.message);
  const { columns, headerRow, headers } = found.table;
  const width = data.values.reduce((w, r) => Math.max(w, r.length), 0);
  const existing = [...headers].find(([text]) => text.trim().toLowerCase() === BATCH_COLUMN.toLowerCase())?.[1];
  const batchColumn = existing ?? data.left + width;
  const at: Record<string, number | undefined> = { ...columns, batch: batchColumn };
  const left = Math.min(...Object.values(at).filter((c): c is number => c !== undefined));
  const right = Math.max(...Object.values(at).filter((c): c is number => c !== undefined));
  const top = data.top + data.values.length;
  const rows = batch.lines.map((l) => {
    const p: Record<string, CellValue> = { ...line(l), batch: batch.id };
    const row: CellValue[] = Array.from({ length: right - left + 1 }, () => null);
    for (const [field, column] of Object.entries(at)) if (column !== undefined && field in p) row[column - left] = p[field];
    return row;
  });
  const blocks = [{ top, left, rows }];
  if (existing === undefined) blocks.push({ top: headerRow, left: batchColumn, rows: [[BATCH_COLUMN]] });
  await port.applyFlags(PAYMENTS_SHEET, { blocks });
  return { sheet: data.sheet, firstRow: top + 1, lastRow: top + rows.length };
}
