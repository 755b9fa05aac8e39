import { computeBill, dec, validateSchedule, RateSchedule, BillInput } from "../../../src/engine";
import { loadSchedule } from "../../support/samples";

const ASOF = "2026-10-31";

function schedule(charges: unknown[], extra: Record<string, unknown> = {}): RateSchedule {
  const r = validateSchedule({
    id: "t",
    name: "Test",
    usageUnit: "gal",
    classes: ["residential", "commercial"],
    ...extra,
    versions: [{ effective: "2025-01-01", charges }],
  });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

function bill(s: RateSchedule, input: Partial<BillInput>) {
  const r = computeBill(s, { usage: dec(0), asOf: ASOF, ...input });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

describe("computeBill", () => {
  it("prices Chubbuck at 8,000 gallons line by line: 24.00 + 9.20 + 44.95 + 10.45 + 17.80 = 106.40", () => {
    const b = bill(loadSchedule("chubbuck"), { usage: dec(8000) });
    expect(b.lines.map((l) => [l.chargeId, l.amount.toCents()])).toEqual([
      ["water-base", "24.00"],
      ["water-usage", "9.20"],
      ["sewer", "44.95"],
      ["sewer-interceptor", "10.45"],
      ["sanitation", "17.80"],
    ]);
    expect(b.total.toCents()).toBe("106.40");
    expect(b.services.map((s) => [s.service, s.amount.toCents()])).toEqual([
      ["water", "33.20"],
      ["sewer", "55.40"],
      ["garbage", "17.80"],
    ]);
  });

  it("gives a line per block with its range", () => {
    const b = bill(loadSchedule("harlingen"), { usage: dec(15000) });
    expect(b.lines.filter((l) => l.block).map((l) => l.description)).toEqual([
      "Water usage, 0-3 thousand gal",
      "Water usage, 3-10 thousand gal",
      "Water usage, 10-20 thousand gal",
    ]);
    expect(b.total.toCents()).toBe("39.16");
  });

  it("prices usage above a minimum's allowance from the block it falls in (Sheffield 5/8\" at 1,000 cu ft)", () => {
    const b = bill(loadSchedule("sheffield"), { usage: dec(1000), meterSize: '5/8"' });
    expect(b.lines.map((l) => l.amount.toCents())).toEqual(["27.00", "0.00", "25.55"]);
    expect(b.total.toCents()).toBe("52.55");
  });

  it("switches between summer and winter blocks by the period's end date (SUEZ Idaho)", () => {
    const s = loadSchedule("suez-idaho");
    expect(bill(s, { usage: dec(10), asOf: "2026-07-31" }).total.toCents()).toBe("39.92");
    expect(bill(s, { usage: dec(10), asOf: "2026-01-31" }).total.toCents()).toBe("37.09");
  });

  it("prorates fixed charges by days of service and says so", () => {
    const b = bill(loadSchedule("chubbuck"), { usage: dec(0), days: 12 });
    expect(b.lines[0].description).toBe("Water base charge (12 of 30 days)");
    expect(b.lines[0].amount.toCents()).toBe("9.60");
    expect(b.total.toCents()).toBe("38.88");
  });

  it("scales per-dwelling-unit charges, allowances and blocks", () => {
    const s = schedule([
      { id: "min", service: "water", description: "Minimum", kind: "fixed", amount: "10.00", per: "dwellingUnit" },
      {
        id: "use",
        service: "water",
        description: "Usage",
        kind: "blocks",
        unit: "kgal",
        allowance: "2",
        allowancePerDwellingUnit: true,
        blocksPerDwellingUnit: true,
        blocks: [
          { upTo: "5", price: "1.00" },
          { upTo: null, price: "2.00" },
        ],
      },
    ]);
    const b = bill(s, { usage: dec(12000), dwellingUnits: 2 });
    expect(b.lines.map((l) => [l.quantity.toString(), l.amount.toCents()])).toEqual([
      ["2", "20.00"],
      ["4", "0.00"],
      ["6", "6.00"],
      ["2", "4.00"],
    ]);
  });

  it("bills sewer on a percentage of water and capped at the winter average", () => {
    const s = schedule([
      {
        id: "pct",
        service: "sewer",
        description: "Sewer",
        kind: "blocks",
        unit: "kgal",
        basis: { percentOfUsage: "90" },
        blocks: [{ upTo: null, price: "5.00" }],
      },
      {
        id: "cap",
        service: "storm",
        description: "Capped",
        kind: "blocks",
        unit: "kgal",
        basis: { cap: "winterAverage", capDefault: "4" },
        blocks: [{ upTo: null, price: "1.00" }],
      },
    ]);
    expect(bill(s, { usage: dec(10000), winterAverage: dec(6000) }).lines.map((l) => l.amount.toCents())).toEqual(["45.00", "6.00"]);
    expect(bill(s, { usage: dec(10000) }).lines.map((l) => l.amount.toCents())).toEqual(["45.00", "4.00"]);
  });

  it("taxes named lines at a percentage rounded once", () => {
    const s = schedule([
      { id: "base", service: "water", description: "Base", kind: "fixed", amount: "10.05" },
      { id: "tax", service: "tax", description: "State tax", kind: "percentOfLines", percent: "6", of: ["base"] },
    ]);
    const b = bill(s, {});
    expect(b.lines[1].amount.toCents()).toBe("0.60");
    expect(b.lines[1].description).toBe("State tax (6% of 10.05)");
  });

  it("bills only the charges of the account's class", () => {
    const s = schedule([
      { id: "r", service: "water", description: "Residential base", kind: "fixed", amount: "10.00", classes: ["residential"] },
      { id: "c", service: "water", description: "Commercial base", kind: "fixed", amount: "30.00", classes: ["commercial"] },
    ]);
    expect(bill(s, { rateClass: "commercial" }).total.toCents()).toBe("30.00");
    expect(bill(s, {}).total.toCents()).toBe("10.00");
  });

  it("uses the rates in effect on the period's end date", () => {
    const r = validateSchedule({
      id: "v",
      name: "V",
      usageUnit: "gal",
      versions: [
        { effective: "2025-01-01", charges: [{ id: "b", service: "water", description: "Base", kind: "fixed", amount: "10.00" }] },
        { effective: "2026-01-01", charges: [{ id: "b", service: "water", description: "Base", kind: "fixed", amount: "12.00" }] },
      ],
    });
    if (!r.ok) throw new Error(r.problem.message);
    expect(bill(r.value, { asOf: "2025-12-31" }).total.toCents()).toBe("10.00");
    expect(bill(r.value, { asOf: "2026-01-01" }).total.toCents()).toBe("12.00");
    const early = computeBill(r.value, { usage: dec(0), asOf: "2024-06-30" });
    expect(!early.ok && early.problem).toEqual({
      code: "NO_RATE_IN_EFFECT",
      message: "schedule v has no rates in effect on 2024-06-30; its first version starts 2025-01-01",
    });
  });

  const problems: [string, Partial<BillInput>, string, RegExp][] = [
    ["an unpriced meter size", { meterSize: "2" }, "UNKNOWN_METER_SIZE", /no price for a 2" meter.*"5\/8", "8"/],
    ["an unknown class", { rateClass: "industrial" }, "UNKNOWN_CLASS", /"industrial" is not in schedule harlingen/],
    ["negative usage", { usage: dec(-5) }, "INVALID_INPUT", /usage must be zero or more/],
    ["fractional dwelling units", { dwellingUnits: 1.5 }, "INVALID_INPUT", /dwelling units/],
    ["zero days", { days: 0 }, "INVALID_INPUT", /days of service/],
  ];
  it.each(problems)("reports %s", (_n, input, code, message) => {
    const r = computeBill(loadSchedule("harlingen"), { usage: dec(0), asOf: ASOF, ...input });
    expect(!r.ok && r.problem.code).toBe(code);
    expect(!r.ok && r.problem.message).toMatch(message);
  });

  it("reports an unpriced cart size with the sizes it has", () => {
    const r = computeBill(loadSchedule("pocatello-sanitation"), { usage: dec(0), asOf: ASOF, carts: { count: 1, size: "32" } });
    expect(!r.ok && r.problem.message).toMatch(/no price for a "32" cart; sizes priced: "64", "96"/);
  });

  it("leaves garbage off a bill with no carts", () => {
    expect(bill(loadSchedule("chubbuck"), { carts: { count: 0 } }).total.toCents()).toBe("79.40");
  });

  it("bills the switching base above the threshold (Cibolo)", () => {
    expect(bill(loadSchedule("cibolo"), { usage: dec(5000) }).lines[0].description).toBe("Water base (above 1200 gal)");
  });
});
