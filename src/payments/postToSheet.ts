import { toExcelSerial } from "../engine";
import type { PostedBatch } from "../engine";
import { PAYMENT_COLUMNS } from "../workbook/cycleSheets";
import type { CellValue, WorkbookPort } from "../workbook/port";
import { locateTable } from "../workbook/table";

export const PAYMENTS_SHEET = "Payments";
/** The add-in's own column on the Payments sheet: which batch posted the row. */
export const BATCH_COLUMN = "Batch";
/** The add-in's own column on the Payments sheet: on a reversal, the batch and line it takes back. */
export const REVERSES_COLUMN = "Reverses";

const DATE_FORMAT = "yyyy-mm-dd";
const MONEY_FORMAT = "#,##0.00";

/** Where rows went: the sheet and its 1-based rows. */
export interface PostedRows {
  readonly sheet: string;
  readonly firstRow: number;
  readonly lastRow: number;
}

/** One Payments row as the add-in writes it: the sheet's fields, then its own Batch and Reverses. */
export interface PaymentRow {
  readonly date: string;
  readonly account: string;
  readonly amount: number;
  readonly method: string;
  readonly reference: string;
  readonly returned: "Yes" | "No";
  readonly batch: string;
  readonly reverses?: string;
}

/** A posted line's name wherever a reversal or a report points at it. */
export const lineName = (batch: string, line: number) => `${batch} line ${line}`;

/**
 * Writes a posted batch to the Payments sheet: one row per payment below the last used row, in the
 * sheet's own columns wherever they sit, with the batch id in the add-in's Batch column (added
 * beside the table when the sheet has none). Nothing above is touched: a posted payment is
 * reversed by a new row, never edited. Dates are written as Excel dates (a serial in the
 * yyyy-mm-dd format), so the column sorts and filters as dates; amounts as numbers in #,##0.00;
 * references as text, never numbers or formulas. A workbook without a Payments sheet gets one.
 */
export function postToSheet(port: WorkbookPort, batch: PostedBatch): Promise<PostedRows> {
  return appendPayments(
    port,
    batch.lines.map((l) => ({
      date: batch.date,
      account: l.account,
      amount: l.amount.toNumber(),
      method: batch.channel,
      reference: l.reference,
      returned: "No",
      batch: batch.id,
    })),
  );
}

/**
 * Appends rows to the Payments sheet (creating it when missing), adding the add-in's own Batch and
 * Reverses columns beside the table when they are needed and absent. Only cells below the last
 * used row, and the header cell of a column the add-in adds, are written.
 */
export async function appendPayments(port: WorkbookPort, payments: readonly PaymentRow[]): Promise<PostedRows> {
  const needsReverses = payments.some((p) => p.reverses !== undefined);
  const data = await port.readSheet(PAYMENTS_SHEET);
  if (!data) {
    const own = needsReverses ? [BATCH_COLUMN, REVERSES_COLUMN] : [BATCH_COLUMN];
    const header = [...PAYMENT_COLUMNS.map((c) => c.label), ...own];
    const rows: CellValue[][] = payments.map((p) => {
      const row: CellValue[] = [toExcelSerial(p.date), p.account, p.amount, p.method, p.reference, p.returned, p.batch];
      return needsReverses ? [...row, p.reverses ?? null] : row;
    });
    await port.replaceSheet(PAYMENTS_SHEET, [header, ...rows], { headerRows: 1, columnFormats: [DATE_FORMAT, undefined, MONEY_FORMAT] });
    return { sheet: PAYMENTS_SHEET, firstRow: 2, lastRow: rows.length + 1 };
  }
  const found = locateTable(data, PAYMENT_COLUMNS);
  if (!found.ok) throw new Error(found.message);
  const { columns, headerRow, headers } = found.table;
  let width = data.values.reduce((w, r) => Math.max(w, r.length), 0);
  const headerBlocks: { top: number; left: number; rows: CellValue[][] }[] = [];
  const ownColumn = (label: string): number => {
    const existing = [...headers].find(([text]) => text.trim().toLowerCase() === label.toLowerCase())?.[1];
    if (existing !== undefined) return existing;
    const added = data.left + width++;
    headerBlocks.push({ top: headerRow, left: added, rows: [[label]] });
    return added;
  };
  const at: Record<string, number | undefined> = { ...columns, batch: ownColumn(BATCH_COLUMN) };
  if (needsReverses) at.reverses = ownColumn(REVERSES_COLUMN);
  const used = Object.values(at).filter((c): c is number => c !== undefined);
  const left = Math.min(...used);
  const right = Math.max(...used);
  const top = data.top + data.values.length;
  const rows = payments.map((p) => {
    const fields: Record<string, CellValue> = Object.assign(Object.create(null) as Record<string, CellValue>, p, {
      date: toExcelSerial(p.date),
    });
    const row: CellValue[] = Array.from({ length: right - left + 1 }, () => null);
    for (const [field, column] of Object.entries(at))
      if (column !== undefined && field in fields) row[column - left] = fields[field] ?? null;
    return row;
  });
  const formats: (string | undefined)[] = Array.from({ length: right - left + 1 }, () => undefined);
  if (at.date !== undefined) formats[at.date - left] = DATE_FORMAT;
  if (at.amount !== undefined) formats[at.amount - left] = MONEY_FORMAT;
  await port.applyFlags(PAYMENTS_SHEET, { blocks: [{ top, left, rows, formats }, ...headerBlocks] });
  return { sheet: data.sheet, firstRow: top + 1, lastRow: top + rows.length };
}
