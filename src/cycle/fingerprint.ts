import type { CellValue } from "../workbook/port";

/**
 * A short, stable fingerprint of a sheet's values (FNV-1a, 32 bits, as 8 hex digits): the Run
 * Log records it so a supervisor can tell whether two runs saw the same inputs.
 */
export function fingerprint(values: readonly (readonly CellValue[])[]): string {
  let hash = 0x811c9dc5;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const row of values) {
    for (const cell of row) feed(`${typeof cell}:${cell === null ? "" : String(cell)}\u0001`);
    feed("\u0002");
  }
  return hash.toString(16).padStart(8, "0");
}
