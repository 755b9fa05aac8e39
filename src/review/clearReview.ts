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
  for (const key of Object.keys(OWN_COLUMNS) as (keyof typeof OWN_COLUMNS)[]) {
    const col = own[key];
    if (col === undefined) continue;
    await port.writeCells(
      data.sheet,
      located.headerRow,
      col,
      Array.from({ length: bottom - located.headerRow }, () => [null]),
    );
    await port.fillRuns(data.sheet, [{ top: located.headerRow, left: col, height: bottom - located.headerRow, width: 1, fill: null }]);
  }
  await port.setHighlights(data.sheet, []);
  await port.setNotes(data.sheet, []);
  return { ok: true };
}
