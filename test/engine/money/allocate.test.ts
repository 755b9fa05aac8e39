import { allocate, dec, Money, roundToCents } from "../../../src/engine";

describe("allocate", () => {
  it("splits 10.03 in two as 5.02 and 5.01 (dinero.js)", () => {
    expect(allocate(Money.of("10.03"), [1, 1]).map((m) => m.toCents())).toEqual(["5.02", "5.01"]);
  });

  it("splits a credit symmetrically", () => {
    expect(allocate(Money.of("-10.03"), [1, 1]).map((m) => m.toCents())).toEqual(["-5.02", "-5.01"]);
  });

  it("splits by ratios, skipping zero shares for leftover cents", () => {
    expect(allocate(Money.of("100.00"), [0, 1, 2]).map((m) => m.toCents())).toEqual(["0.00", "33.34", "66.66"]);
  });

  it("refuses amounts that are not whole cents", () => {
    expect(() => allocate(Money.of("1.005"), [1])).toThrow(/whole cents/);
  });
});

describe("roundToCents", () => {
  it("rounds half-up by default and half-even when asked", () => {
    expect(roundToCents(dec("2.345")).toFixed(2)).toBe("2.35");
    expect(roundToCents(dec("2.345"), "halfEven").toFixed(2)).toBe("2.34");
    expect(roundToCents(dec("-2.345")).toFixed(2)).toBe("-2.35");
  });
});
