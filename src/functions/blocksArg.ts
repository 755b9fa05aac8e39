import { Block, Dec, fail, ok, Result } from "../engine";
import { toDecimal } from "./args";

/**
 * Reads an inline block range for UB.TIERED: rows of (upper limit, price per unit), a blank
 * upper limit meaning no limit (last row only). A header row (two text labels) is skipped; blank rows are
 * ignored. Problems name the row of the range.
 */
const parsed = new Map<string, Result<Block[]>>();

/** The same range is usually priced over and over (one per row of a sheet): its blocks are parsed once. */
export function readBlocksRange(grid: readonly unknown[][]): Result<Block[]> {
  let key = "";
  for (const row of grid) {
    key += "\u0002";
    for (const v of row) key += `${typeof v === "string" ? "s" : "n"}${String(v)}\u0001`;
  }
  let found = parsed.get(key);
  if (!found) {
    found = parseBlocksRange(grid);
    if (parsed.size >= 500) parsed.clear();
    parsed.set(key, found);
  }
  return found;
}

function parseBlocksRange(grid: readonly unknown[][]): Result<Block[]> {
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  const rows = grid.map((row, i) => ({ row, number: i + 1 })).filter(({ row }) => row.some((v) => !blank(v)));
  const isLabel = (v: unknown) => typeof v === "string" && v.trim() !== "" && toDecimal(v) === undefined;
  if (rows.length > 0 && rows[0].row.length >= 2 && isLabel(rows[0].row[0]) && isLabel(rows[0].row[1])) rows.shift();
  if (rows.length === 0) return fail("INVALID_INPUT", "blocks must have at least one row of upper limit and price");
  const blocks: Block[] = [];
  for (const [index, { row, number }] of rows.entries()) {
    if (row.length < 2) return fail("INVALID_INPUT", "blocks must be two columns: upper limit, then price per unit");
    const last = index === rows.length - 1;
    const upTo = blank(row[0]) ? null : toDecimal(row[0]);
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
