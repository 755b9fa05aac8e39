import { dec, estimateUsage, prorate } from "../../../src/engine";

const history = [40, 35, 35, 90, 10].map((u, i) => ({ usage: dec(u), days: [31, 29, 30, 31, 30][i] }));

describe("estimateUsage", () => {
  it("drops the highest and the lowest period when asked", () => {
    const r = estimateUsage(history, 30, { excludeHighLow: true });
    expect(r.ok && [r.value.periodsUsed, r.value.estimate.toString()]).toEqual([3, "37"]);
  });

  it("needs three periods to drop the highest and lowest", () => {
    const r = estimateUsage(history.slice(0, 2), 30, { excludeHighLow: true });
    expect(!r.ok && r.problem.code).toBe("INSUFFICIENT_HISTORY");
  });

  it("needs some history", () => {
    expect(estimateUsage([], 30).ok).toBe(false);
  });

  it("rejects a period with no days", () => {
    const r = estimateUsage([{ usage: dec(5), days: 0 }], 30);
    expect(!r.ok && r.problem.message).toMatch(/history period 1/);
  });
});

describe("prorate", () => {
  it("prorates an amount by days and rounds once", () => {
    const r = prorate(dec("24.00"), 12, 30);
    expect(r.ok && r.value.toCents()).toBe("9.60");
    const odd = prorate(dec("17.97"), 7, 31);
    expect(odd.ok && odd.value.toCents()).toBe("4.06");
  });
});
