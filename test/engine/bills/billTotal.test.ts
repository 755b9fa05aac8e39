import fc from "fast-check";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { computeBill, dec, RateSchedule, validateSchedule } from "../../../src/engine";
import { billTotal, billTotalCents } from "../../../src/engine/bills/billTotal";
import { ROUNDING_MODES } from "../../../src/engine/money/rounding";

const DIR = join(__dirname, "../../../samples/rates");
/** Every sample schedule (published rates of eight utilities and Demo City). */
const schedules: RateSchedule[] = readdirSync(DIR).map((file) => {
  const r = validateSchedule(JSON.parse(readFileSync(join(DIR, file), "utf8")));
  if (!r.ok) throw new Error(`${file}: ${r.problem.message}`);
  return r.value;
});

describe("a bill's total in fixed point", () => {
  it("is computeBill's total to the cent, for every sample schedule, in every rounding mode", () => {
    const input = fc.record({
      schedule: fc.constantFrom(...schedules),
      rounding: fc.constantFrom(...ROUNDING_MODES),
      usage: fc.tuple(fc.integer({ min: 0, max: 250000 }), fc.integer({ min: 0, max: 3 })).map(([n, e]) => dec(n).div(10 ** e)),
      classIndex: fc.nat(),
      units: fc.integer({ min: 1, max: 4 }),
      carts: fc.integer({ min: 0, max: 3 }),
      days: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
      month: fc.integer({ min: 1, max: 12 }),
    });
    let fast = 0;
    fc.assert(
      fc.property(input, (x) => {
        const schedule = { ...x.schedule, rounding: x.rounding };
        const bill = {
          usage: x.usage,
          asOf: `2026-${String(x.month).padStart(2, "0")}-28`,
          rateClass: schedule.classes[x.classIndex % schedule.classes.length],
          dwellingUnits: x.units,
          carts: { count: x.carts },
          days: x.days,
          meterSize: schedule.defaultMeterSize,
        };
        const want = computeBill(schedule, bill);
        const got = billTotalCents(schedule, bill);
        expect(got.ok).toBe(want.ok);
        if (want.ok && got.ok) {
          expect(got.value).toBe(want.value.total.cents);
          fast++;
        }
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(1000);
  });

  it("prices a copy of a schedule by the copy's own rules, not by a plan made for the original", () => {
    const chubbuck = schedules.find((x) => x.id === "chubbuck")!;
    const bill = { usage: dec(5000), asOf: "2026-06-28" };
    expect(billTotalCents(chubbuck, bill).ok).toBe(true);
    for (const copy of [
      { ...chubbuck, usageUnit: "kgal" as const },
      { ...chubbuck, rounding: "up" as const },
    ]) {
      const want = computeBill(copy, bill);
      const got = billTotalCents(copy, bill);
      expect(got.ok && want.ok && got.value === want.value.total.cents).toBe(true);
    }
  });

  it("gives a total beyond what cents hold as computeBill's money, not a failure", () => {
    const harlingen = schedules.find((x) => x.id === "harlingen")!;
    const bill = { usage: dec("35184372088796"), asOf: "2026-06-28", dwellingUnits: 3, days: 21 };
    const want = computeBill(harlingen, bill);
    const got = billTotal(harlingen, bill);
    expect(want.ok && got.ok && got.value.equals(want.value.total)).toBe(true);
  });
});
