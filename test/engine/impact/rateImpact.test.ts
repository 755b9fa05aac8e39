import { readFileSync } from "fs";
import { join } from "path";
import {
  billInputsOf,
  computeBill,
  dec,
  Dec,
  mostAffected,
  rateImpact,
  revenueUnder,
  scaleSchedule,
  solveRevenue,
  tabulateBills,
  validateSchedule,
  ZERO,
} from "../../../src/engine";
import type { CycleAccount, ImpactAccountInputs, ImpactBill, RateSchedule } from "../../../src/engine";
import { loadSchedule } from "../../support/samples";

const current = loadSchedule("demo-city");

/** The same schedule with inclining water blocks: 0-5, 5-15, over 15 thousand gallons. */
function inclining(): RateSchedule {
  const json = JSON.parse(readFileSync(join(__dirname, "../../../samples/rates/demo-city.json"), "utf8"));
  json.id = "demo-city-inclining";
  json.versions[0].charges.find((c: { id: string }) => c.id === "water-usage").blocks = [
    { upTo: "5", price: "1.05" },
    { upTo: "15", price: "1.45" },
    { upTo: null, price: "2.10" },
  ];
  const v = validateSchedule(json);
  if (!v.ok) throw new Error(v.problem.message);
  return v.value;
}

const MONTHS = [
  "2025-10-31",
  "2025-11-30",
  "2025-12-31",
  "2026-01-31",
  "2026-02-28",
  "2026-03-31",
  "2026-04-30",
  "2026-05-31",
  "2026-06-30",
  "2026-07-31",
  "2026-08-31",
  "2026-09-30",
];

/** 120 accounts over 12 months, usage from a fixed sequence; every tenth commercial with a container, one changing class in April. */
function city() {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const bills: ImpactBill[] = [];
  const accounts = new Map<string, ImpactAccountInputs>();
  for (let i = 0; i < 120; i++) {
    const account = String(300000 + i);
    const commercial = i % 10 === 0;
    accounts.set(
      account,
      commercial
        ? { rateClass: "commercial", carts: { count: 0 }, containers: { count: 1, size: "3yd", pickupsPerWeek: 2 } }
        : { rateClass: "residential", carts: { count: 1 + (i % 3 === 0 ? 1 : 0) }, dwellingUnits: i % 17 === 0 ? 2 : 1 },
    );
    for (const end of MONTHS)
      bills.push({ account, periodEnd: end, usage: new Dec(Math.round((next() * (commercial ? 60000 : 18000)) / 10) * 10) });
  }
  const inputsOf = (account: string, periodEnd: string): ImpactAccountInputs | undefined => {
    const a = accounts.get(account);
    // Account 300005 became commercial in April 2026: its later bills are priced as commercial.
    if (account === "300005" && periodEnd >= "2026-04-01")
      return { ...a, rateClass: "commercial", carts: { count: 0 }, containers: { count: 1, size: "3yd", pickupsPerWeek: 1 } };
    return a;
  };
  return { bills, inputsOf };
}

describe("rateImpact", () => {
  it("prices every bill again: revenue under the current schedule is the sum of the re-priced bills, by month, class and service", () => {
    const { bills, inputsOf } = city();
    const result = rateImpact({ bills, inputsOf, schedules: [current, scaleSchedule(current, new Dec(10), "water-usage")] });
    if (!result.ok) throw new Error(result.problem.message);
    const r = result.value;
    expect(r.billsPriced).toBe(1440);
    expect(r.skipped).toEqual([]);
    expect(r.months).toHaveLength(12);
    // The oracle: each bill priced on its own with computeBill, summed with decimal.js.
    let oracle = ZERO;
    const byKey = new Map<string, Dec>();
    for (const b of bills) {
      const inputs = inputsOf(b.account, b.periodEnd)!;
      const bill = computeBill(current, { ...inputs, usage: b.usage, asOf: b.periodEnd });
      if (!bill.ok) throw new Error(bill.problem.message);
      oracle = oracle.plus(bill.value.total.amount);
      for (const s of bill.value.services) {
        const key = `${b.periodEnd.slice(0, 7)}|${inputs.rateClass}|${s.service}`;
        byKey.set(key, (byKey.get(key) ?? ZERO).plus(s.amount.amount));
      }
    }
    expect(r.totals[0]).toEqual(oracle);
    const key = (pair: string[]) => pair[0];
    const byName = (a: string[], b: string[]) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    expect(r.revenue.map((row) => [`${row.month}|${row.rateClass}|${row.service}`, row.amounts[0].toFixed(2)]).sort(byName)).toEqual(
      [...byKey].map(([k, v]) => [k, v.toFixed(2)]).sort(byName),
    );
    expect(r.revenue.reduce((t, row) => t.plus(row.amounts[0]), ZERO)).toEqual(oracle);
    expect(r.accounts.reduce((t, a) => t.plus(a.totals[0]), ZERO)).toEqual(oracle);
    // The account that changed class in April is billed commercial from then: both classes carry it.
    expect(r.revenue.some((row) => row.month === "2026-04" && row.rateClass === "commercial")).toBe(true);
    expect(r.distinctBills).toBeLessThanOrEqual(1440);
  });

  it("shows no change anywhere when the proposed schedule is the current one", () => {
    const { bills, inputsOf } = city();
    const same = { ...current, id: "copy" };
    const result = rateImpact({ bills, inputsOf, schedules: [current, same] });
    if (!result.ok) throw new Error(result.problem.message);
    const r = result.value;
    expect(r.revenue.every((row) => row.amounts[0].equals(row.amounts[1]))).toBe(true);
    expect(r.totals[0]).toEqual(r.totals[1]);
    expect(r.accounts.every((a) => a.monthlyChange.isZero() && a.percentChange!.isZero())).toBe(true);
    expect(r.distribution).toMatchObject({ increased: 0, decreased: 0, unchanged: 120 });
    expect(r.distribution.percentiles.every((p) => p.change.isZero())).toBe(true);
    expect(r.distribution.bands.find((b) => b.label === "No change")!.accounts).toBe(120);
    expect(r.typical.bills.map((t) => t.thousandGallons)).toEqual([3, 5, 8, 10, 15]);
    expect(r.typical.bills.every((t) => t.bills[0].equals(t.bills[1]))).toBe(true);
  });

  it("tabulates the bills by block, counts each account's change once, and names the accounts most affected", () => {
    const { bills, inputsOf } = city();
    const result = rateImpact({ bills, inputsOf, schedules: [inclining(), current] });
    if (!result.ok) throw new Error(result.problem.message);
    const r = result.value;
    const water = r.frequency.find((f) => f.chargeId === "water-usage")!;
    expect(water.blocks.map((b) => [b.from.toString(), b.to?.toString() ?? null])).toEqual([
      ["0", "5"],
      ["5", "15"],
      ["15", null],
    ]);
    expect(water.blocks.reduce((t, b) => t + b.bills, 0)).toBe(1440);
    const usage = bills.reduce((t, b) => t.plus(b.usage), ZERO).div(1000);
    expect(water.blocks.reduce((t, b) => t.plus(b.volume), ZERO)).toEqual(usage);
    // A bill of 12,340 gal ends in the second block and bills 5 + 7.34 thousand in the first two.
    const one = rateImpact({
      bills: [{ account: "300001", periodEnd: "2026-09-30", usage: dec(12340) }],
      inputsOf,
      schedules: [inclining(), current],
    });
    expect(one.ok && one.value.frequency[0].blocks.map((b) => [b.bills, b.volume.toString()])).toEqual([
      [0, "5"],
      [1, "7.34"],
      [0, "0"],
    ]);
    // The proposed schedule's own blocks are tabulated too when they differ (here: one block).
    expect(r.frequency.map((f) => [f.scheduleId, f.chargeId, f.blocks.length])).toEqual([
      ["demo-city-inclining", "water-usage", 3],
      ["demo-city", "water-usage", 1],
    ]);
    // Bills by usage, a thousand gallons at a time: every bill once, every gallon once.
    expect(r.brackets.reduce((t, b) => t + b.bills, 0)).toBe(1440);
    expect(r.brackets.reduce((t, b) => t.plus(b.gallons), ZERO)).toEqual(usage.times(1000));
    expect(r.brackets[12]).toMatchObject({ from: 12, to: 13 });
    expect(r.brackets.at(-1)).toMatchObject({ from: 30, to: null });
    // Each class's accounts, on their own.
    expect(r.byClass.map((c) => [c.rateClass, c.distribution.increased + c.distribution.unchanged + c.distribution.decreased])).toEqual([
      ["commercial", 13],
      ["residential", 107],
    ]);
    expect(r.distribution.bands.reduce((t, b) => t + b.accounts, 0)).toBe(120);
    expect(r.distribution.increased + r.distribution.unchanged + r.distribution.decreased).toBe(120);
    const changes = r.accounts.map((a) => a.monthlyChange.toNumber()).sort((a, b) => a - b);
    expect(r.distribution.percentiles.find((p) => p.percentile === 50)!.change.toNumber()).toBe(changes[59]);
    const top = mostAffected(r.accounts, 5);
    expect(top).toHaveLength(5);
    expect(top[0].monthlyChange.abs().toNumber()).toBe(Math.max(...changes.map(Math.abs)));
  });

  it("leaves out a bill it cannot price under any schedule, with the reason, from every schedule", () => {
    const { bills, inputsOf } = city();
    const result = rateImpact({
      bills: [...bills, { account: "999", periodEnd: "2026-09-30", usage: dec(1000) }],
      inputsOf,
      schedules: [current, current],
    });
    expect(result.ok && result.value.skipped).toEqual([
      { account: "999", periodEnd: "2026-09-30", reason: "account 999 is not on the Accounts sheet" },
    ]);
    expect(rateImpact({ bills, inputsOf, schedules: [current] })).toMatchObject({ ok: false });
  });
});

describe("solveRevenue", () => {
  const { bills, inputsOf } = city();
  const table = tabulateBills(bills, inputsOf);
  const revenueOf = (s: RateSchedule) => revenueUnder(table, s);

  it("finds the uniform change that meets a revenue target: its bills bring in the target to the cent, one step less does not", () => {
    const reachable = revenueOf(scaleSchedule(current, dec("6.5")));
    if (!reachable.ok) throw new Error(reachable.problem.message);
    const solved = solveRevenue({ base: current, target: reachable.value, revenueOf });
    if (!solved.ok) throw new Error(solved.problem.message);
    const s = solved.value;
    expect(s.revenue.minus(reachable.value).abs().lessThan(dec("0.01"))).toBe(true);
    expect(s.percent.lessThanOrEqualTo(dec("6.5"))).toBe(true);
    expect(s.below!.revenue.lessThan(reachable.value)).toBe(true);
    expect(s.below!.percent).toEqual(s.percent.minus(dec("0.01")));
    // The schedule it implies is the schedule whose revenue it reports.
    expect(revenueOf(s.schedule)).toEqual({ ok: true, value: s.revenue });
    expect(s.evaluations).toBeLessThan(30);
  });

  it("moves one charge only, and reaches a lower target with a cut", () => {
    const now = revenueOf(current);
    if (!now.ok) throw new Error(now.problem.message);
    const target = now.value.plus(5000);
    const solved = solveRevenue({ base: current, target, chargeId: "water-usage", revenueOf });
    if (!solved.ok) throw new Error(solved.problem.message);
    expect(solved.value.revenue.greaterThanOrEqualTo(target)).toBe(true);
    expect(solved.value.below!.revenue.lessThan(target)).toBe(true);
    const base = solved.value.schedule.versions[0].charges.find((c) => c.id === "water-base");
    expect(base).toEqual(current.versions[0].charges.find((c) => c.id === "water-base"));
    const cut = solveRevenue({ base: current, target: now.value.times("0.9"), revenueOf });
    expect(cut.ok && cut.value.percent.isNegative()).toBe(true);
    expect(cut.ok && cut.value.revenue.greaterThanOrEqualTo(now.value.times("0.9"))).toBe(true);
  });

  it("says so when no change can meet the target: a cut to one charge cannot go below what the others bring in", () => {
    const solved = solveRevenue({ base: current, target: dec(1000), chargeId: "water-usage", revenueOf });
    expect(solved.ok ? "" : solved.problem.message).toMatch(
      /^even -99\.99% on charge water-usage brings in \$[\d,]+\.\d\d, more than the target \$1,000\.00: no change brings in as little$/,
    );
    const high = solveRevenue({ base: current, target: dec(1e12), revenueOf });
    expect(high.ok ? "" : high.problem.message).toBe("no change up to 1000% brings in $1,000,000,000,000.00");
  });

  it("rounds each scaled price to the places it had", () => {
    const up = scaleSchedule(current, dec("3.3"));
    const charges = up.versions[0].charges;
    expect(charges.find((c) => c.id === "water-base")).toMatchObject({ amount: dec("24.79") });
    expect(charges.find((c) => c.id === "water-usage")).toMatchObject({ blocks: [{ upTo: null, price: dec("1.19") }] });
    expect(up.id).toBe("demo-city+3.3%");
  });
});

// Keeps the account shape the adapter hands over in step with the cycle's (billInputsOf).
it("prices an account's bills on the inputs the cycle prices them on", () => {
  const a = {
    rateClass: "residential",
    meterSize: "3/4",
    dwellingUnits: 1,
    cartCount: 2,
    cartSize: undefined,
    containers: undefined,
  } as unknown as CycleAccount;
  expect(billInputsOf(a)).toEqual({
    rateClass: "residential",
    meterSize: "3/4",
    dwellingUnits: 1,
    carts: { count: 2, size: undefined },
    containers: undefined,
  });
});
