import type { CellValue } from "../workbook/port";

/** FNV-1a over a text's UTF-16 code units, from `hash`. */
function feed(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Each cell kind's prefix ("number:"), made once rather than once per cell. */
const PREFIXES = new Map<string, string>(["number", "string", "boolean", "object", "undefined"].map((t) => [t, `${t}:`]));

/**
 * A short, stable fingerprint of a sheet's values (FNV-1a, 32 bits, as 8 hex digits): the Run
 * Log records it so a supervisor can tell whether two runs saw the same inputs. Each cell is fed
 * as `kind:value` and a \u0001, each row ends with a \u0002; the pieces are fed one after another
 * rather than joined first (a 900,000-row history would make millions of strings only to hash them).
 */
export function fingerprint(values: readonly (readonly CellValue[])[]): string {
  let hash = 0x811c9dc5;
  for (const row of values) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const kind = typeof cell;
      hash = feed(hash, PREFIXES.get(kind) ?? `${kind}:`);
      if (typeof cell === "string") hash = feed(hash, cell);
      else if (cell !== null) hash = feed(hash, String(cell));
      hash = Math.imul(hash ^ 1, 0x01000193) >>> 0;
    }
    hash = Math.imul(hash ^ 2, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
