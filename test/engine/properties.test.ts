/** Property tests (fast-check) for the money invariants the engine promises. */
import fc from "fast-check";
import Decimal from "decimal.js";
import {
  addDec,
  allocate,
  computeBill,
  computeLeakCredit,
  dec,
  Money,
  priceTieredUsage,
  roundToCents,
  ROUNDING_MODES,
  sumMoney,
  tieredTotal,
  validateSchedule,
  RateSchedule,
} from "../../src/engine";
import { loadSchedule, sampleScheduleIds } from "../support/samples";

const cents = fc.integer({ min: 0, max: 5_000_00 }).map((c) => (c / 100).toFixed(2));
const price = fc.integer({ min: 0, max: 2_000_0000 }).map((p) => (p / 10000).toFixed(4));

/** A random schedule: a base, graduated blocks with rising limits, a percentage tax. */
const randomSchedule = fc
  .record({
    base: cents,
    limits: fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 0, maxLength: 5 }),
    prices: fc.array(price, { minLength: 6, maxLength: 6 }),
    inclining: fc.boolean(),
    tax: fc.integer({ min: 0, max: 1500 }).map((t) => (t / 100).toString()),
  })
  .map(({ base, limits, prices, inclining, tax }) => {
    const sorted = [...limits].sort((a, b) => a - b);
    const ordered = inclining ? [...prices].sort((a, b) => Number(a) - Number(b)) : prices;
    const blocks = [...sorted.map((upTo, i) => ({ upTo: String(upTo), price: ordered[i] })), { upTo: null, price: ordered[sorted.length] }];
    const r = validateSchedule({
      id: "random",
      name: "Random",
      usageUnit: "gal",
      versions: [
        {
          effective: null,
          charges: [
            { id: "base", service: "water", description: "Base", kind: "fixed", amount: base },
            { id: "usage", service: "water", description: "Usage", kind: "blocks", unit: "kgal", blocks },
            { id: "tax", service: "tax", description: "Tax", kind: "percentOfLines", percent: tax, of: ["base", "usage"] },
          ],
        },
      ],
    });
    if (!r.ok) throw new Error(r.problem.message);
    return r.value;
  });

const gallons = fc.integer({ min: 0, max: 400_000 });

function total(schedule: RateSchedule, usage: number, extra = {}): Money {
  const b = computeBill(schedule, { usage: dec(usage), asOf: "2026-07-31", ...extra });
  if (!b.ok) throw new Error(b.problem.message);
  return b.value.total;
}

/** Account details some samples need (a meter size or cart size they price). */
const ACCOUNT: Record<string, object> = { sheffield: { meterSize: "5/8" }, "pocatello-sanitation": { carts: { count: 2, size: "96" } } };

describe("addDec", () => {
  const signedCents = fc.integer({ min: -5_000_00, max: 5_000_00 }).map((c) => dec(c).div(100));
  const maybeZero = fc.oneof(signedCents, fc.constantFrom(dec(0), dec("-0"), dec("0.00")));

  it("is exactly plus, and a zero sum is never a negative zero", () => {
    fc.assert(
      fc.property(maybeZero, maybeZero, (a, b) => {
        const sum = addDec(a, b);
        return sum.equals(a.plus(b)) && (!sum.isZero() || !sum.isNegative());
      }),
    );
  });
});

describe("roundToCents", () => {
  const MODES = { halfUp: Decimal.ROUND_HALF_UP, halfEven: Decimal.ROUND_HALF_EVEN, up: Decimal.ROUND_UP, down: Decimal.ROUND_DOWN };
  it("rounds exactly as decimal.js does in every mode, whole cents included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(...ROUNDING_MODES),
        (units, places, mode) => {
          const x = dec(units).div(10 ** places);
          return roundToCents(x, mode).equals(x.toDecimalPlaces(2, MODES[mode]));
        },
      ),
    );
  });
});

describe("tieredTotal", () => {
  const blocks = fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: 50_000 }), { minLength: 0, maxLength: 5 }),
      fc.array(price, { minLength: 6, maxLength: 6 }),
      fc.boolean(),
    )
    .map(([limits, prices, open]) => {
      const sorted = [...limits].sort((a, b) => a - b);
      const rows = sorted.map((upTo, i) => ({ upTo: dec(upTo) as Decimal | null, price: dec(prices[i]) }));
      if (open || rows.length === 0) rows.push({ upTo: null, price: dec(prices[sorted.length]) });
      return rows;
    });
  const usage = fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 80_000 }),
    fc.integer({ min: 0, max: 8_000_000 }).map((n) => n / 100),
  );
  it("is the exact sum of priceTieredUsage's rounded rows", () => {
    fc.assert(
      fc.property(blocks, usage, fc.constantFrom(undefined, 1, 100, 748, 1000), fc.constantFrom(...ROUNDING_MODES), (b, u, unit, mode) => {
        const options = { unitSize: unit === undefined ? undefined : dec(unit), rounding: mode };
        const rows = priceTieredUsage(dec(u), b, options);
        return tieredTotal(dec(u), b, options).equals(sumMoney(rows.map((r) => r.amount)).amount);
      }),
    );
  });
});

describe("bill invariants", () => {
  it("has lines that sum exactly to the total, and service totals that sum to it too", () => {
    fc.assert(
      fc.property(randomSchedule, gallons, fc.integer({ min: 1, max: 30 }), (schedule, usage, days) => {
        const b = computeBill(schedule, { usage: dec(usage), asOf: "2026-07-31", days });
        if (!b.ok) return false;
        const lines = sumMoney(b.value.lines.map((l) => l.amount));
        const services = sumMoney(b.value.services.map((s) => s.amount));
        return (
          lines.equals(b.value.total) && services.equals(b.value.total) && b.value.lines.every((l) => l.amount.amount.decimalPlaces() <= 2)
        );
      }),
      { numRuns: 300 },
    );
  });

  it.each(sampleScheduleIds())("never bills less for more usage on %s", (id) => {
    const schedule = loadSchedule(id);
    const extra = ACCOUNT[id] ?? {};
    fc.assert(
      fc.property(gallons, gallons, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return total(schedule, low, extra).compare(total(schedule, high, extra)) <= 0;
      }),
      { numRuns: 150 },
    );
  });

  it("never bills less for more usage on an inclining schedule", () => {
    fc.assert(
      fc.property(randomSchedule, gallons, gallons, (schedule, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return total(schedule, low).compare(total(schedule, high)) <= 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe("leak credit invariants", () => {
  it("never credits more than the excess was charged, nor less than nothing", () => {
    fc.assert(
      fc.property(
        randomSchedule,
        gallons,
        gallons,
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom("blocks" as const, "lowestBlock" as const),
        fc.constantFrom(1, 100, 1000),
        (schedule, usage, baseline, share, pricing, step) => {
          const r = computeLeakCredit({
            schedule,
            account: {},
            periods: [{ asOf: "2026-07-31", usage: dec(usage) }],
            baseline: dec(baseline),
            policy: {
              creditShare: dec(share).div(100),
              pricing,
              creditStep: dec(step),
              creditRounding: "up",
              adjustSewer: false,
              waterServices: ["water"],
              sewerServices: ["sewer"],
            },
            previousAdjustments: [],
            asOf: "2026-08-15",
          });
          if (!r.ok) return false;
          const p = r.value.periods[0];
          return p.waterCredit.compare(p.excessCharge) <= 0 && !p.credit.isNegative() && p.creditedVolume.lessThanOrEqualTo(p.excess);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("allocate invariants", () => {
  it("splits any amount into parts that sum exactly and differ by at most a cent", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 36 }), (c, n) => {
        const amount = Money.of(dec(c).div(100));
        const parts = allocate(
          amount,
          Array.from({ length: n }, () => 1),
        );
        const cents = parts.map((p) => p.amount.times(100).toNumber());
        return sumMoney(parts).equals(amount) && Math.max(...cents) - Math.min(...cents) <= 1;
      }),
      { numRuns: 500 },
    );
  });

  it("splits by ratios with parts that sum exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }).filter((r) => r.some((x) => x > 0)),
        (c, ratios) => {
          const amount = Money.of(dec(c).div(100));
          return sumMoney(allocate(amount, ratios)).equals(amount);
        },
      ),
      { numRuns: 300 },
    );
  });
});
