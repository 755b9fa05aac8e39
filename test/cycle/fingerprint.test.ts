import fc from "fast-check";
import { fingerprint } from "../../src/cycle/fingerprint";
import type { CellValue } from "../../src/workbook/port";

/** The fingerprint as first written (each cell joined into "kind:value\u0001" and hashed): runs logged before must keep their fingerprints. */
function reference(values: readonly (readonly CellValue[])[]): string {
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

const cell: fc.Arbitrary<CellValue> = fc.oneof(fc.string({ unit: "binary" }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));

describe("fingerprint", () => {
  it("is the fingerprint runs have always logged, for any values (holes and text beyond ASCII included)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 }), (rows) => {
        expect(fingerprint(rows)).toBe(reference(rows));
        const sparse: CellValue[][] = rows.map((r) => [...r]);
        sparse.push([]);
        sparse[sparse.length - 1][3] = "after a hole";
        expect(fingerprint(sparse)).toBe(reference(sparse));
      }),
      { numRuns: 1000 },
    );
    expect(fingerprint([["Account", 100101, true, null]])).toBe(reference([["Account", 100101, true, null]]));
  });
});
