/**
 * Bi-monthly and quarterly bills whose blocks are per month (`blocksPerMonth`). No published bill
 * priced month by month was found, so the month-by-month cases are built from first principles on
 * published prices (each case names them): every month goes through the monthly blocks on its own,
 * and a block's line is the months' quantities summed, priced and rounded once. The fallback
 * without monthly usage follows a published rule, Troy, IL's code (1986 Code § 20-88,
 * https://codelibrary.amlegal.com/codes/troy/latest/troy_il/0-0-0-2574): "In the case of quarterly
 * billings, the quantity of water allowed at the various rates will be three times that
 * established for monthly rates".
 */
import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import { BillInput, computeBill, dec, RateSchedule, scheduleToJson, validateSchedule } from "../../../src/engine";
import { RATES_DIR } from "../../support/samples";

/** A published sample schedule with some top-level fields changed (a what-if copy). */
function whatIf(id: string, changes: Record<string, unknown>): RateSchedule {
  const json = { ...(JSON.parse(readFileSync(join(RATES_DIR, `${id}.json`), "utf8")) as Record<string, unknown>), ...changes };
  const r = validateSchedule(json);
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

function bill(s: RateSchedule, input: Partial<BillInput> & { usage: BillInput["usage"] }) {
  const r = computeBill(s, { asOf: "2026-07-31", ...input });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

const months = (...values: number[]) => values.map((v) => dec(v));
const lines = (b: ReturnType<typeof bill>) => b.lines.map((l) => [l.description, l.quantity.toString(), l.amount.toCents()]);

// Harlingen, TX's published residential blocks per 1,000 gallons (0-3,000 $1.30; 3,001-10,000
// $1.80; 10,001-20,000 $2.55; over 20,000 $3.05; 5/8" minimum $9.91; hwws.com), billed quarterly
// with the blocks applying to each month.
const harlingenQuarterly = whatIf("harlingen", { id: "harlingen-quarterly", frequency: "quarterly", cycleDays: 91, blocksPerMonth: true });

describe("computeBill with blocks per month", () => {
  it("prices each month through the monthly blocks and sums each block's months into one line (first principles, Harlingen's prices)", () => {
    // Months of 2,000, 12,000 and 25,000 gallons: 2+3+3 = 8 thousand in the first block, 0+7+7 =
    // 14 in the second, 0+2+10 = 12 in the third, 0+0+5 = 5 in the last.
    const b = bill(harlingenQuarterly, { usage: dec(39000), monthlyUsage: months(2000, 12000, 25000) });
    expect(lines(b)).toEqual([
      ['Water minimum (5/8" meter)', "1", "9.91"],
      ["Water usage, 0-3 thousand gal a month", "8", "10.40"],
      ["Water usage, 3-10 thousand gal a month", "14", "25.20"],
      ["Water usage, 10-20 thousand gal a month", "12", "30.60"],
      ["Water usage, over 20 thousand gal a month", "5", "15.25"],
    ]);
    expect(b.lines[3].block?.monthly?.map(String)).toEqual(["0", "2", "10"]);
    expect(b.total.toCents()).toBe("91.36");
  });

  it("without monthly usage prices the period through its monthly limits times three (Troy, IL's rule for quarterly bills)", () => {
    // 39,000 gallons through 0-9, 9-30, 30-60 thousand: 11.70 + 37.80 + 22.95.
    const b = bill(harlingenQuarterly, { usage: dec(39000) });
    expect(lines(b)).toEqual([
      ['Water minimum (5/8" meter)', "1", "9.91"],
      ["Water usage, 0-9 thousand gal", "9", "11.70"],
      ["Water usage, 9-30 thousand gal", "21", "37.80"],
      ["Water usage, 30-60 thousand gal", "9", "22.95"],
    ]);
    expect(b.total.toCents()).toBe("82.36");
  });

  it("rounds a block's summed months once, not month by month (first principles, SUEZ Idaho's summer prices)", () => {
    // SUEZ Idaho's bi-monthly summer blocks ($1.5208 for the first 3 CCF, then $1.9254; 3/4"
    // customer charge $21.88), taken as monthly limits. Two months of 4 CCF: 6 CCF at 1.5208 =
    // 9.1248 -> 9.12, and 2 CCF at 1.9254 = 3.8508 -> 3.85 (month by month it would be 1.93 + 1.93).
    const s = whatIf("suez-idaho", { blocksPerMonth: true });
    const b = bill(s, { usage: dec(8), monthlyUsage: months(4, 4) });
    expect(lines(b)).toEqual([
      ['Customer charge (3/4" meter)', "1", "21.88"],
      ["Water (summer), 0-3 CCF a month", "6", "9.12"],
      ["Water (summer), over 3 CCF a month", "2", "3.85"],
    ]);
    expect(b.total.toCents()).toBe("34.85");
  });

  it("takes an allowance off each month (first principles, Sheffield Utilities' 5/8\" minimum including 300 cubic feet)", () => {
    // Months of 200, 1,000 and 2,500 cu ft (2, 10, 25 CCF): included 2 + 3 + 3 CCF; next 1,700 cu ft
    // block 7 + 17 = 24 CCF at 3.65 = 87.60; over 2,000 cu ft 5 CCF at 1.80 = 9.00.
    const s = whatIf("sheffield", { frequency: "quarterly", blocksPerMonth: true });
    const b = bill(s, { usage: dec(3700), meterSize: "5/8", monthlyUsage: months(200, 1000, 2500) });
    expect(lines(b)).toEqual([
      ['Water minimum (5/8" meter)', "1", "27.00"],
      ["Water usage, included CCF a month", "8", "0.00"],
      ["Water usage, 3-20 CCF a month", "24", "87.60"],
      ["Water usage, over 20 CCF a month", "5", "9.00"],
    ]);
    expect(b.lines[1].block?.monthly?.map(String)).toEqual(["2", "3", "3"]);
    // Without the months: 9 CCF included, then 28 CCF at 3.65.
    expect(bill(s, { usage: dec(3700), meterSize: "5/8" }).total.toCents()).toBe("129.20");
  });

  it("caps each month at the winter average, and the period at three of them without monthly usage (first principles)", () => {
    // Sewer at Clintonville, WI's published $7.25 per 1,000 gallons, capped at a 6,000-gallon winter average.
    const s = validateSchedule({
      id: "sewer-quarterly",
      name: "Sewer capped at the winter average, quarterly",
      usageUnit: "gal",
      frequency: "quarterly",
      blocksPerMonth: true,
      versions: [
        {
          effective: null,
          charges: [
            {
              id: "sewer",
              service: "sewer",
              description: "Sewer",
              kind: "blocks",
              unit: "kgal",
              basis: { cap: "winterAverage" },
              blocks: [{ upTo: null, price: "7.25" }],
            },
          ],
        },
      ],
    });
    if (!s.ok) throw new Error(s.problem.message);
    // 4,000 + min(9,000, 6,000) + 5,000 = 15 thousand at 7.25; without months min(18,000, 3 x 6,000).
    expect(bill(s.value, { usage: dec(18000), winterAverage: dec(6000), monthlyUsage: months(4000, 9000, 5000) }).total.toCents()).toBe(
      "108.75",
    );
    expect(bill(s.value, { usage: dec(18000), winterAverage: dec(6000) }).total.toCents()).toBe("130.50");
  });

  it("prices fewer months than the period has (a final bill two months into the quarter)", () => {
    const b = bill(harlingenQuarterly, { usage: dec(14000), monthlyUsage: months(2000, 12000) });
    expect(b.lines.slice(1).map((l) => l.amount.toCents())).toEqual(["6.50", "12.60", "5.10"]);
  });

  const refused: [string, RateSchedule, Partial<BillInput> & { usage: BillInput["usage"] }, string][] = [
    [
      "months that do not add up to the period's usage",
      harlingenQuarterly,
      { usage: dec(8000), monthlyUsage: months(3000, 4000) },
      "the monthly usages 3,000 + 4,000 = 7,000 do not add up to the period's usage of 8,000",
    ],
    [
      "more months than the period has",
      harlingenQuarterly,
      { usage: dec(4), monthlyUsage: months(1, 1, 1, 1) },
      "a quarterly bill has 1 to 3 months of usage; 4 were given",
    ],
    [
      "a negative month",
      harlingenQuarterly,
      { usage: dec(4), monthlyUsage: months(5, -1) },
      "month 2's usage must be zero or more, got -1",
    ],
    [
      "monthly usage on a schedule that prices the period as a whole",
      whatIf("harlingen", {}),
      { usage: dec(4), monthlyUsage: months(2, 2) },
      "monthly usage was given, but schedule harlingen prices each period's usage as a whole (it does not set blocksPerMonth)",
    ],
  ];
  it.each(refused)("refuses %s with one clear problem", (_what, s, input, message) => {
    const r = computeBill(s, { asOf: "2026-07-31", ...input });
    expect(r.ok ? "priced" : [r.problem.code, r.problem.message]).toEqual(["INVALID_INPUT", message]);
  });
});

describe("validateSchedule's blocksPerMonth", () => {
  it("keeps the option through storage, and leaves a schedule without it exactly as before", () => {
    expect(scheduleToJson(harlingenQuarterly).blocksPerMonth).toBe(true);
    expect("blocksPerMonth" in scheduleToJson(whatIf("harlingen", {}))).toBe(false);
  });

  it("refuses it on a monthly schedule and anything but true or false", () => {
    const monthly = validateSchedule({ ...scheduleToJson(whatIf("harlingen", {})), blocksPerMonth: true });
    expect(!monthly.ok && monthly.problem.message).toBe(
      'rate schedule "harlingen": blocksPerMonth: true needs frequency "bimonthly" or "quarterly"; a monthly schedule\'s blocks already apply to one month',
    );
    const text = validateSchedule({ ...scheduleToJson(harlingenQuarterly), blocksPerMonth: "yes" });
    expect(!text.ok && text.problem.message).toBe('rate schedule "harlingen-quarterly": blocksPerMonth: expected true or false, got "yes"');
  });
});

describe("month-by-month pricing (properties)", () => {
  const month = fc.integer({ min: 0, max: 40000 });
  it("bills every gallon once: the block lines' quantities add up to the usage, each line's months to its quantity, and the lines to the total", () => {
    fc.assert(
      fc.property(fc.array(month, { minLength: 1, maxLength: 3 }), (gallons) => {
        const usage = gallons.reduce((a, b) => a + b, 0);
        const b = bill(harlingenQuarterly, { usage: dec(usage), monthlyUsage: months(...gallons) });
        const blockLines = b.lines.filter((l) => l.block);
        expect(
          blockLines
            .reduce((sum, l) => sum.plus(l.quantity), dec(0))
            .times(1000)
            .toNumber(),
        ).toBe(usage);
        for (const l of blockLines) expect(l.block!.monthly!.reduce((sum, q) => sum.plus(q), dec(0)).equals(l.quantity)).toBe(true);
        expect(b.lines.reduce((sum, l) => sum.plus(l.amount.amount), dec(0)).toFixed(2)).toBe(b.total.toCents());
      }),
    );
  });

  it("never bills a quarter's months more than the same usage in one month through the inclining blocks", () => {
    // Whole thousands of gallons at whole-cent prices: no rounding to blur the comparison.
    const thousands = fc.integer({ min: 0, max: 40 }).map((k) => k * 1000);
    fc.assert(
      fc.property(fc.array(thousands, { minLength: 1, maxLength: 3 }), (gallons) => {
        const usage = gallons.reduce((a, b) => a + b, 0);
        const split = bill(harlingenQuarterly, { usage: dec(usage), monthlyUsage: months(...gallons) });
        const lumped = bill(harlingenQuarterly, { usage: dec(usage), monthlyUsage: months(usage) });
        expect(split.total.amount.lessThanOrEqualTo(lumped.total.amount)).toBe(true);
      }),
    );
  });
});
