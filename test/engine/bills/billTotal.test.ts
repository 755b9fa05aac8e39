import fc from "fast-check";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { computeBill, dec, RateSchedule, validateSchedule } from "../../../src/engine";
import { billTotalCents } from "../../../src/engine/bills/billTotal";
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
});
