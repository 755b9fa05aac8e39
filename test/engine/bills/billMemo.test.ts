import fc from "fast-check";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { computeBill, dec, RateSchedule, runCycle, validateSchedule, DEFAULT_READ_EDIT_SETTINGS } from "../../../src/engine";
import { BillMemo } from "../../../src/engine/bills/billMemo";
import { shapeKey } from "../../../src/engine/bills/billKey";
import { billTotalCents } from "../../../src/engine/bills/billTotal";
import type { BillInput } from "../../../src/engine/bills/types";
import { previewCycle } from "../../../src/cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../../../src/cycle/settings";
import { demoCity } from "../../../src/samples/demoCity";
import { MemoryWorkbook } from "../../../src/workbook/memoryWorkbook";

const DIR = join(__dirname, "../../../samples/rates");
const schedules: RateSchedule[] = readdirSync(DIR).map((file) => {
  const r = validateSchedule(JSON.parse(readFileSync(join(DIR, file), "utf8")));
  if (!r.ok) throw new Error(`${file}: ${r.problem.message}`);
  return r.value;
});
const demo = schedules.find((s) => s.id === "demo-city")!;

/** A bill as plain data, to compare two bills whatever objects they are made of. */
const plain = (r: ReturnType<typeof computeBill>) => JSON.parse(JSON.stringify(r)) as unknown;

describe("a cycle's memo of the bills it priced", () => {
  it("gives computeBill's bill for every input, and the same bill again for the same input", () => {
    const input = fc.record({
      schedule: fc.constantFrom(...schedules),
      usage: fc.oneof(
        fc.integer({ min: 0, max: 40 }).map((n) => dec(n * 1000)),
        fc.tuple(fc.integer({ min: -5, max: 250000 }), fc.integer({ min: 0, max: 3 })).map(([n, e]) => dec(n).div(10 ** e)),
        fc.constant(dec(-0)),
      ),
      classIndex: fc.integer({ min: 0, max: 4 }),
      meterSize: fc.constantFrom(undefined, "", "3/4", "1", "2", "1|2"),
      units: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      carts: fc.option(fc.record({ count: fc.integer({ min: 0, max: 2 }), size: fc.constantFrom(undefined, "", "96", "64") }), {
        nil: undefined,
      }),
      days: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
    });
    const memos = new Map(schedules.map((s) => [s, new BillMemo(s)]));
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 12 }), (xs) => {
        for (const x of xs) {
          const bill: BillInput = {
            usage: x.usage,
            asOf: "2026-06-30",
            rateClass: x.classIndex < x.schedule.classes.length ? x.schedule.classes[x.classIndex] : x.classIndex === 4 ? "" : undefined,
            meterSize: x.meterSize,
            dwellingUnits: x.units,
            carts: x.carts,
            days: x.days,
          };
          const memo = memos.get(x.schedule)!;
          const first = memo.bill(bill);
          expect(plain(first)).toEqual(plain(computeBill(x.schedule, bill)));
          // An equal usage as another decimal (-0 as itself: its text is "0").
          const again = memo.bill({ ...bill, usage: x.usage.isNegative() ? x.usage : dec(x.usage.toString()) });
          if (first.ok && again.ok) expect(again.value).toBe(first.value);
          else expect(plain(again)).toEqual(plain(first));
        }
      }),
      { numRuns: 400 },
    );
  });

  it("does not take -0 for 0: a usage below zero is refused, even after 0 was billed", () => {
    const memo = new BillMemo(demo);
    expect(memo.bill({ usage: dec(0), asOf: "2026-06-30" }).ok).toBe(true);
    const negative = memo.bill({ usage: dec(-0), asOf: "2026-06-30" });
    expect(plain(negative)).toEqual(plain(computeBill(demo, { usage: dec(-0), asOf: "2026-06-30" })));
    expect(negative.ok).toBe(false);
  });

  it("keys no two different bills alike: absent and empty differ, and text cannot run into the next field", () => {
    const base: BillInput = { usage: dec(0), asOf: "2026-06-30" };
    const keys = [
      shapeKey(base),
      shapeKey({ ...base, meterSize: "" }),
      shapeKey({ ...base, rateClass: "" }),
      shapeKey({ ...base, meterSize: "1|1" }),
      shapeKey({ ...base, meterSize: "1", dwellingUnits: 1 }),
      shapeKey({ ...base, carts: { count: 1, size: "1|2" } }),
      shapeKey({ ...base, carts: { count: 1 } }),
      shapeKey({ ...base, carts: { count: 1, size: "" } }),
      shapeKey({ ...base, addOns: { a: 1, b: 2 } }),
      shapeKey({ ...base, addOns: { "a=1;b": 2 } }),
      shapeKey({ ...base, services: ["water", "sewer"] }),
      shapeKey({ ...base, services: ["water;sewer"] }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("prices a bill total with no meter size apart from one with the schedule's default (billTotalCents)", () => {
    // Harlingen's schedule has a default meter size (5/8): an absent size is billed at it, an empty one is refused.
    const harlingen = schedules.find((s) => s.id === "harlingen")!;
    const bill = { usage: dec(5000), asOf: "2026-06-30" };
    const withDefault = billTotalCents(harlingen, bill);
    const withNone = billTotalCents(harlingen, { ...bill, meterSize: "" });
    expect([withDefault.ok, withNone.ok]).toEqual([true, false]);
    for (const [got, input] of [
      [withDefault, bill],
      [withNone, { ...bill, meterSize: "" }],
    ] as const) {
      const want = computeBill(harlingen, input);
      expect(got.ok).toBe(want.ok);
      if (got.ok && want.ok) expect(got.value).toBe(want.value.total.cents);
    }
  });

  it("bills a cycle's accounts as computeBill does, accounts priced alike sharing one bill", async () => {
    const preview = await previewCycle(new MemoryWorkbook(demoCity(demo, { accounts: 400, seed: 7, historyMonths: 3 })), {
      schedule: demo,
      settings: DEFAULT_CYCLE_SETTINGS,
      readEdits: DEFAULT_READ_EDIT_SETTINGS,
    });
    if (!preview.ok) throw new Error(preview.message);
    const { statements } = runCycle(preview.loaded.input, demo, DEFAULT_CYCLE_SETTINGS.policy);
    let shared = 0;
    const seen = new Set<unknown>();
    for (const s of statements) {
      if (s.decision.code === "BALANCE_ONLY") continue;
      const a = s.account;
      const alone = computeBill(demo, {
        usage: s.decision.usage ?? dec(0),
        asOf: s.periodEnd,
        rateClass: a.rateClass,
        meterSize: a.meterSize,
        dwellingUnits: a.dwellingUnits,
        carts: { count: (a.cartCount ?? 0) > 0 && a.status !== "vacant" ? a.cartCount! : 0, size: a.cartSize },
        containers: a.status === "vacant" ? undefined : a.containers,
        days: s.decision.serviceDays,
      });
      if (!alone.ok) throw new Error(alone.problem.message);
      expect(JSON.parse(JSON.stringify(s.chargeLines))).toEqual(JSON.parse(JSON.stringify(alone.value.lines)));
      expect(s.currentCharges.toCents()).toBe(alone.value.total.toCents());
      if (seen.has(s.chargeLines)) shared++;
      seen.add(s.chargeLines);
    }
    expect(shared).toBeGreaterThan(10);
  });
});
