import { dec, priceTieredUsage } from "../../../src/engine";

const harlingen = [
  { upTo: dec(3), price: dec("1.30") },
  { upTo: dec(10), price: dec("1.80") },
  { upTo: dec(20), price: dec("2.55") },
  { upTo: null, price: dec("3.05") },
];

describe("priceTieredUsage", () => {
  it("bills the first 3 thousand gallons at the first block price", () => {
    const rows = priceTieredUsage(dec(2), harlingen);
    expect(rows.map((r) => [r.quantity.toString(), r.amount.toCents()])).toEqual([["2", "2.60"]]);
  });

  it("gives a row per block crossed, each rounded to the cent", () => {
    const rows = priceTieredUsage(dec("25.5"), harlingen);
    expect(rows.map((r) => [r.index, r.quantity.toString(), r.amount.toCents()])).toEqual([
      [0, "3", "3.90"],
      [1, "7", "12.60"],
      [2, "10", "25.50"],
      [3, "5.5", "16.78"],
    ]);
  });

  it("still shows the first block at zero usage", () => {
    const rows = priceTieredUsage(dec(0), harlingen);
    expect(rows).toHaveLength(1);
    expect(rows[0].amount.toCents()).toBe("0.00");
  });

  it("takes an allowance off the bottom as an included row", () => {
    const rows = priceTieredUsage(
      dec(10),
      [
        { upTo: dec(3), price: dec(6) },
        { upTo: dec(20), price: dec("3.65") },
      ],
      { allowance: dec(3) },
    );
    expect(rows.map((r) => [r.included, r.quantity.toString(), r.amount.toCents()])).toEqual([
      [true, "3", "0.00"],
      [false, "7", "25.55"],
    ]);
  });

  it("prices per unit size of usage (per 1,000 with usage in gallons)", () => {
    const rows = priceTieredUsage(
      dec(15000),
      harlingen.map((b) => ({ ...b, upTo: b.upTo && b.upTo.times(1000) })),
      { unitSize: dec(1000) },
    );
    expect(rows.map((r) => r.amount.toCents())).toEqual(["3.90", "12.60", "12.75"]);
  });

  it("scales block limits (two dwelling units double each block)", () => {
    const rows = priceTieredUsage(dec(6), harlingen, { scale: dec(2) });
    expect(rows.map((r) => r.amount.toCents())).toEqual(["7.80"]);
  });

  it("rounds half-up unless told otherwise", () => {
    const block = [{ upTo: null, price: dec("0.005") }];
    expect(priceTieredUsage(dec(1), block)[0].amount.toCents()).toBe("0.01");
    expect(priceTieredUsage(dec(1), block, { rounding: "halfEven" })[0].amount.toCents()).toBe("0.00");
  });
});
