import fc from "fast-check";
import { spawnSync } from "child_process";
import { join } from "path";
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

  it("holds a decimal parsed from text in about half the memory (decimal.js's constructor copies the digits exactly)", () => {
    // Measured in a process of its own, where nothing else is collected meanwhile; compact is
    // new Dec(d), so the premise measured is decimal.js's: a decimal made from another is smaller.
    const script = `
      const Decimal = require("decimal.js");
      const perDecimal = (make) => {
        gc(); gc();
        const before = process.memoryUsage().heapUsed;
        const kept = Array.from({ length: 200000 }, (_, i) => make(i));
        gc(); gc();
        const bytes = (process.memoryUsage().heapUsed - before) / kept.length;
        if (kept[199999].toString() !== "199999.25") throw new Error("wrong value");
        return bytes;
      };
      const parsed = perDecimal((i) => new Decimal(i + ".25"));
      const compacted = perDecimal((i) => new Decimal(new Decimal(i + ".25")));
      process.stdout.write(JSON.stringify({ parsed, compacted }));`;
    const run = spawnSync(process.execPath, ["--expose-gc", "-e", script], { cwd: join(__dirname, "..", ".."), encoding: "utf8" });
    expect(run.stderr).toBe("");
    const { parsed, compacted } = JSON.parse(run.stdout) as { parsed: number; compacted: number };
    expect(compacted).toBeGreaterThan(0);
    expect(compacted).toBeLessThan(parsed * 0.7);
  });
});
