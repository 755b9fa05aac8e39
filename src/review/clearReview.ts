import { WorkbookPort } from "../workbook/port";
import { OWN_COLUMNS, parseReadsSheet } from "../workbook/readsSheet";

/**
 * Removes every flag the review wrote on a reads sheet: its own columns (header and cells), their
 * fills, its highlights and its notes. The reads themselves were never written, so they are as
 * they were.
 */
export async function clearReview(port: WorkbookPort, sheet: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const data = await port.readSheet(sheet);
  if (!data) return { ok: false, message: `There is no sheet named "${sheet}".` };
  const parsed = parseReadsSheet(data);
  if (!parsed.ok) return parsed;
  const { located, own } = parsed.table;
  const bottom = data.top + data.values.length;
  const columns = (Object.keys(OWN_COLUMNS) as (keyof typeof OWN_COLUMNS)[]).map((k) => own[k]).filter((c): c is number => c !== undefined);
  const height = bottom - located.headerRow;
  await port.applyFlags(data.sheet, {
    blocks: columns.map((left) => ({ top: located.headerRow, left, rows: Array.from({ length: height }, () => [null]) })),
    fills: columns.map((left) => ({ top: located.headerRow, left, height, width: 1, fill: null })),
    highlights: [],
    notes: [],
  });
  return { ok: true };
}
