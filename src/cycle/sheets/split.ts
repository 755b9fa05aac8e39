import type { OutputSheet } from "./output";

/** Excel's last row is 1,048,576; output sheets split well before it, on a page boundary. */
export const MAX_SHEET_ROWS = 1_000_000;

/**
 * Excel keeps at most 1,026 manual page breaks on a sheet (workbook/excelLimits.ts): a paged sheet
 * starts a new part well before, after 1,000 breaks (1,001 pages).
 */
export const MAX_PAGE_BREAKS = 1_000;

/**
 * Splits a paged output sheet (bills, letters, door hangers) that would run past Excel's last row,
 * or past 1,000 page breaks, into "Letters", "Letters 2", "Letters 3"... each starting on a page
 * boundary, so no letter is cut in two.
 */
export function splitForExcel(sheet: OutputSheet, maxRows = MAX_SHEET_ROWS, maxBreaks = MAX_PAGE_BREAKS): OutputSheet[] {
  const breaks = (sheet.options.print?.pageBreaks ?? []).filter((b) => b > 0);
  if (sheet.rows.length <= maxRows && breaks.length <= maxBreaks) return [sheet];
  const parts: OutputSheet[] = [];
  let start = 0;
  while (start < sheet.rows.length) {
    let end = Math.min(sheet.rows.length, start + maxRows);
    if (end < sheet.rows.length) {
      let boundary: number | undefined;
      for (const b of breaks) if (b > start && b <= end) boundary = b;
      if (boundary !== undefined) end = boundary;
    }
    // The page that starts after this part's last allowed break begins the next part.
    const inPart = breaks.filter((b) => b > start && b < end);
    if (inPart.length > maxBreaks) end = inPart[maxBreaks];
    const shift = (rows: readonly number[] | undefined) => rows?.filter((r) => r >= start && r < end).map((r) => r - start);
    parts.push({
      name: parts.length === 0 ? sheet.name : `${sheet.name} ${parts.length + 1}`,
      rows: sheet.rows.slice(start, end),
      options: {
        ...sheet.options,
        boldRows: shift(sheet.options.boldRows),
        print: sheet.options.print && { ...sheet.options.print, pageBreaks: shift(sheet.options.print.pageBreaks)?.filter((r) => r > 0) },
      },
    });
    start = end;
  }
  return parts;
}
