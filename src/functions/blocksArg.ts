import { Block, Dec, fail, ok, Result } from "../engine";
import { argumentCulture, toDecimal } from "./args";

/**
 * Reads an inline block range for UB.TIERED: rows of (upper limit, price per unit), a blank
 * upper limit meaning no limit (last row only). A header row (two text labels) is skipped; blank rows are
 * ignored. Problems name the row of the range.
 */
const recent: { grid: unknown[][]; culture: unknown; result: Result<Block[]> }[] = [];
const RECENT = 16;

const sameGrid = (a: readonly unknown[][], b: readonly unknown[][]) => {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (x[c] !== y[c]) return false;
  }
  return true;
};

/**
 * The same range is usually priced over and over (one call per row of a sheet): its blocks are
 * parsed once. Excel passes a fresh array each call, so the last few ranges are kept as copies
 * and compared cell by cell.
 */
export function readBlocksRange(grid: readonly unknown[][]): Result<Block[]> {
  const culture = argumentCulture();
  for (let i = 0; i < recent.length; i++) {
    if (recent[i].culture === culture && sameGrid(recent[i].grid, grid)) return recent[i].result;
  }
  const result = parseBlocksRange(grid);
  if (recent.length >= RECENT) recent.pop();
  recent.unshift({ grid: grid.map((row) => [...row]), culture, result });
  return result;
}

function parseBlocksRange(grid: readonly unknown[][]): Result<Block[]> {
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  // Some desktop builds pass a blank cell in a range as 0 (office-js #1951, #5262): a row of
  // nothing but blanks and zeros is a blank row, and a last upper limit of 0 (never a real
  // limit: limits are above 0) is the blank that means "no limit".
  const blankOrZero = (v: unknown) => blank(v) || v === 0;
  const rows = grid.map((row, i) => ({ row, number: i + 1 })).filter(({ row }) => row.some((v) => !blankOrZero(v)));
  const isLabel = (v: unknown) => typeof v === "string" && v.trim() !== "" && toDecimal(v) === undefined;
  if (rows.length > 0 && rows[0].row.length >= 2 && isLabel(rows[0].row[0]) && isLabel(rows[0].row[1])) rows.shift();
  if (rows.length === 0) return fail("INVALID_INPUT", "blocks must have at least one row of upper limit and price");
  const blocks: Block[] = [];
  for (const [index, { row, number }] of rows.entries()) {
    if (row.length < 2) return fail("INVALID_INPUT", "blocks must be two columns: upper limit, then price per unit");
    const last = index === rows.length - 1;
    const upTo = blank(row[0]) || (last && row[0] === 0) ? null : toDecimal(row[0]);
    if (upTo === undefined || (upTo !== null && !upTo.greaterThan(0))) {
      return fail("INVALID_INPUT", `blocks row ${number}: the upper limit must be a number above 0, or blank for no limit`);
    }
    if (upTo === null && !last) return fail("INVALID_INPUT", `blocks row ${number}: only the last block may have a blank upper limit`);
    const price = toDecimal(row[1]);
    if (price === undefined || price.isNegative())
      return fail("INVALID_INPUT", `blocks row ${number}: the price must be a number of 0 or more`);
    const previous: Dec | null | undefined = blocks.at(-1)?.upTo;
    if (previous && upTo && !upTo.greaterThan(previous)) {
      return fail("INVALID_INPUT", `blocks row ${number}: upper limits must rise (${upTo} is not above ${previous})`);
    }
    blocks.push({ upTo, price });
  }
  return ok(blocks);
}
