import fc from "fast-check";
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { compact, Dec } from "../../src/engine/decimal";

describe("compact (a kept decimal in the least memory)", () => {
  it("is the same decimal: same value, digits, exponent and sign, in digits of its own", () => {
    fc.assert(
      fc.property(fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 })), ([n, places]) => {
        const d = new Dec(n.toString()).div(new Dec(10).pow(places));
        const c = compact(d);
        expect(c.toString()).toBe(d.toString());
        expect([c.s, c.e, [...c.d]]).toEqual([d.s, d.e, [...d.d]]);
        expect(c.d).not.toBe(d.d);
      }),
      { numRuns: 2000 },
    );
  });

  it("holds a decimal parsed from text in about half the memory", () => {
    // V8's collector, reachable from a test (nodejs.org/api/v8.html#v8setflagsfromstringflags).
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const perDecimal = (make: (i: number) => Dec) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept = Array.from({ length: 50_000 }, (_, i) => make(i));
      gc();
      const bytes = (process.memoryUsage().heapUsed - before) / kept.length;
      expect(kept[49_999].toString()).toBe("49999.25");
      return bytes;
    };
    const parsed = perDecimal((i) => new Dec(`${i}.25`));
    const compacted = perDecimal((i) => compact(new Dec(`${i}.25`)));
    expect(compacted).toBeLessThan(parsed * 0.7);
  });
});
