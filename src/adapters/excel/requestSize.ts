import type { CellValue } from "../../workbook/port";

/** Excel on the web rejects requests over 5 MB; we keep every request under this. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** At most this many cells in one read, well under Excel's 5,000,000-cell limit and 5 MB response. */
export const MAX_CELLS_PER_READ = 200_000;

/** An over-estimate of the bytes a block of values (and their number formats) adds to a request. */
export function estimateBytes(rows: readonly (readonly CellValue[])[], withFormats: boolean): number {
  let bytes = 2;
  for (const row of rows) {
    bytes += 2;
    for (const cell of row) {
      bytes += (typeof cell === "string" ? cell.length * 2 + 4 : 24) + (withFormats ? 12 : 0);
    }
  }
  return bytes;
}

/**
 * Splits rows into blocks of at most `maxRows` rows whose estimated request stays under
 * `maxBytes`, so a sheet of long text never produces an over-size request.
 */
export function rowBlocks(rows: readonly (readonly CellValue[])[], maxRows: number, maxBytes = MAX_REQUEST_BYTES): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  while (start < rows.length) {
    let end = Math.min(start + maxRows, rows.length);
    while (end - start > 1 && estimateBytes(rows.slice(start, end), true) > maxBytes) {
      end = start + Math.max(1, Math.floor((end - start) / 2));
    }
    blocks.push([start, end]);
    start = end;
  }
  return blocks;
}

/**
 * True for Excel's "too large" errors, in either direction, after which a smaller block is tried.
 * Matched by code only: Excel's messages are localized (learn.microsoft.com, "Error handling with
 * the application-specific JavaScript APIs", error codes RequestPayloadSizeLimitExceeded and
 * ResponsePayloadSizeLimitExceeded).
 */
export function isPayloadLimit(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
