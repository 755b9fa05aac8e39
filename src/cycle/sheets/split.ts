import type { OutputSheet } from "./output";

/** Excel's last row is 1,048,576; output sheets split well before it, on a page boundary. */
export const MAX_SHEET_ROWS = 1_000_000;

/**
 * Splits a paged output sheet (bills, letters, door hangers) that would run past Excel's last row
 * into "Bills", "Bills 2", "Bills 3"... each starting on a page boundary, so no bill is cut in two.
 */
export function splitForExcel(sheet: OutputSheet, maxRows = MAX_SHEET_ROWS): OutputSheet[] {
  if (sheet.rows.length <= maxRows) return [sheet];
  const breaks = sheet.options.print?.pageBreaks ?? [];
  const parts: OutputSheet[] = [];
  let start = 0;
  while (start < sheet.rows.length) {
    let end = Math.min(sheet.rows.length, start + maxRows);
    if (end < sheet.rows.length) {
      let boundary: number | undefined;
      for (const b of breaks) if (b > start && b <= end) boundary = b;
      if (boundary !== undefined) end = boundary;
    }
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
