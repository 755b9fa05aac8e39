/**
 * Every published example in ../shared/domain/README.md, each row citing its source. Amounts are
 * asserted as exact decimal strings.
 */
import {
  computeBill,
  computeConsumption,
  computeLeakCredit,
  dec,
  estimateUsage,
  usageDeviation,
  winterQuarterAverage,
} from "../../src/engine";
import { loadSchedule } from "../support/samples";

const ASOF = "2026-10-31";

describe("published bill totals", () => {
  const cases: { source: string; schedule: string; usage: string; meterSize?: string; carts?: number; expected: string }[] = [
    {
      source: "cityofchubbuck.us/city-clerk/utility-billing: 0 gallons gives a monthly base of $97.20",
      schedule: "chubbuck",
      usage: "0",
      expected: "97.20",
    },
    {
      source: "Clintonville, WI wastewater calculation page: 4 thousand gallons, total $46.00",
      schedule: "clintonville-sewer",
      usage: "4",
      expected: "46.00",
    },
    { source: 'Harlingen, TX: 5/8" minimum $9.91 at no usage', schedule: "harlingen", usage: "0", meterSize: "5/8", expected: "9.91" },
    { source: 'Harlingen, TX: 8" minimum $746.45 at no usage', schedule: "harlingen", usage: "0", meterSize: "8", expected: "746.45" },
    {
      source: 'Sheffield Utilities: 5/8" $27.00 including 300 cubic feet',
      schedule: "sheffield",
      usage: "300",
      meterSize: "5/8",
      expected: "27.00",
    },
    {
      source: 'Sheffield Utilities: 1" $37.95 including 600 cubic feet',
      schedule: "sheffield",
      usage: "600",
      meterSize: "1",
      expected: "37.95",
    },
    { source: "Cibolo, TX: 1,200 gallons or less $13.25", schedule: "cibolo", usage: "1200", expected: "13.25" },
    { source: "Cibolo, TX: above 1,200 gallons, base $27.15", schedule: "cibolo", usage: "1201", expected: "27.15" },
    {
      source: 'SUEZ Idaho: bi-monthly 3/4" customer charge $21.88',
      schedule: "suez-idaho",
      usage: "0",
      meterSize: "3/4",
      expected: "21.88",
    },
  ];
  it.each(cases)("$schedule at $usage gives $expected ($source)", ({ schedule, usage, meterSize, carts, expected }) => {
    const bill = computeBill(loadSchedule(schedule), {
      usage: dec(usage),
      asOf: ASOF,
      meterSize,
      carts: carts === undefined ? undefined : { count: carts },
    });
    if (!bill.ok) throw new Error(bill.problem.message);
    expect(bill.value.total.toCents()).toBe(expected);
  });
});

describe("Pocatello sanitation (pocatello.us/387)", () => {
  const schedule = loadSchedule("pocatello-sanitation");
  const cartTable: [string, string[]][] = [
    ["96", ["17.97", "34.16", "50.35", "66.54", "82.73", "98.92"]],
    ["64", ["16.72", "31.66", "46.60", "61.54", "76.48", "91.42"]],
  ];
  for (const [size, totals] of cartTable) {
    it.each(totals.map((t, i) => [i + 1, t]))(`bills %i ${size}-gallon cart(s) at %s a month`, (count, total) => {
      const bill = computeBill(schedule, { usage: dec(0), asOf: ASOF, carts: { count: Number(count), size } });
      if (!bill.ok) throw new Error(bill.problem.message);
      expect(bill.value.total.toCents()).toBe(total);
    });
  }
  const containerTable: [number, number, string][] = [
    [1, 1, "93.60"],
    [1, 2, "174.14"],
    [1, 3, "254.68"],
    [1, 4, "335.22"],
    [1, 5, "415.76"],
    [1, 6, "496.30"],
    [2, 1, "185.42"],
    [2, 2, "346.50"],
  ];
  it.each(containerTable)("bills %i 3-yard container(s) picked up %i time(s) a week at %s", (count, pickups, total) => {
    const bill = computeBill(schedule, {
      usage: dec(0),
      asOf: ASOF,
      rateClass: "commercial",
      carts: { count: 0 },
      containers: { count, pickupsPerWeek: pickups, size: "3 yd" },
    });
    if (!bill.ok) throw new Error(bill.problem.message);
    expect(bill.value.total.toCents()).toBe(total);
  });
  it("adds yard waste at $5.00 a month from April through November only", () => {
    const june = computeBill(schedule, { usage: dec(0), asOf: "2026-06-30", carts: { count: 1, size: "96" }, addOns: { yardWaste: 1 } });
    const january = computeBill(schedule, { usage: dec(0), asOf: "2026-01-31", carts: { count: 1, size: "96" }, addOns: { yardWaste: 1 } });
    expect(june.ok && june.value.total.toCents()).toBe("22.97");
    expect(january.ok && january.value.total.toCents()).toBe("17.97");
  });
  it("bills an extra pick-up at $14.07 per dump, unprorated", () => {
    const bill = computeBill(schedule, { usage: dec(0), asOf: ASOF, days: 15, carts: { count: 0 }, addOns: { extraPickup: 2 } });
    expect(bill.ok && bill.value.total.toCents()).toBe("28.14");
  });
});

describe("Clintonville register truncation (Clintonville, WI wastewater calculation page)", () => {
  it("reads a register showing 9530 as 9 thousand and bills 4 thousand from a previous read of 5", () => {
    const usage = computeConsumption({ previous: dec(5000), current: dec(9530), unitSize: dec(1000) });
    if (!usage.ok) throw new Error(usage.problem.message);
    expect(usage.value.legs[0].to.toString()).toBe("9");
    expect(usage.value.usage.toString()).toBe("4");
    const bill = computeBill(loadSchedule("clintonville-sewer"), { usage: usage.value.usage, asOf: ASOF });
    expect(bill.ok && bill.value.total.toCents()).toBe("46.00");
  });
});

describe("Tyler Munis estimating (knowledge base, Estimating Meter Reads)", () => {
  it("estimates 37 from 40, 35, 35 over 31, 29, 30 days for a 30-day cycle (exact 36.67)", () => {
    const result = estimateUsage(
      [
        { usage: dec(40), days: 31 },
        { usage: dec(35), days: 29 },
        { usage: dec(35), days: 30 },
      ],
      30,
    );
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.value.estimate.toString()).toBe("37");
    expect(result.value.exact.toFixed(2)).toBe("36.67");
  });
});

describe("Wildwood, NJ leak credit (wildwoodnj.org, page 90)", () => {
  it("credits 60,000 gallons: half of a 119,000-gallon excess, rounded up to the 1,000-gallon unit", () => {
    const credit = computeLeakCredit({
      schedule: loadSchedule("chubbuck"),
      account: {},
      periods: [{ asOf: ASOF, usage: dec(125000) }],
      baseline: dec(6000),
      policy: {
        creditShare: dec("0.5"),
        pricing: "blocks",
        creditStep: dec(1000),
        creditRounding: "up",
        adjustSewer: false,
        waterServices: ["water"],
        sewerServices: ["sewer"],
        frequency: "once",
      },
      previousAdjustments: [],
      asOf: ASOF,
    });
    if (!credit.ok) throw new Error(credit.problem.message);
    expect(credit.value.periods[0].excess.toString()).toBe("119000");
    expect(credit.value.creditedVolume.toString()).toBe("60000");
  });
});

describe("Oracle CC&B high/low edit", () => {
  it("states how far usage lies above the high limit or below the low limit, in percent", () => {
    expect(usageDeviation(dec(150), { high: dec(100), low: dec(20) }).high?.toString()).toBe("50");
    expect(usageDeviation(dec(5), { high: dec(100), low: dec(20) }).low?.toString()).toBe("75");
    expect(usageDeviation(dec(50), { high: dec(100), low: dec(20) })).toEqual({ high: null, low: null });
  });
});

describe("Rio Rancho, NM winter quarter average", () => {
  it("divides the Dec, Jan and Feb consumption by their days and multiplies by 30.42", () => {
    const average = winterQuarterAverage([
      { usage: dec(6000), days: 31 },
      { usage: dec(5000), days: 31 },
      { usage: dec(4000), days: 28 },
    ]);
    if (!average.ok) throw new Error(average.problem.message);
    expect(average.value.toString()).toBe("5070");
  });
});
