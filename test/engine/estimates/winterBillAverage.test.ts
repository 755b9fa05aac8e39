import { dec, winterBillAverage, winterQuarterAverage } from "../../../src/engine";

describe("winterBillAverage", () => {
  const published: { source: string; usages: number[]; expected: string }[] = [
    {
      // https://www.boxeldersanitation.org/winter-averaging: "December 4,000 Gallons, January 5,000
      // Gallons, February 3,000 Gallons, Winter Average 4,000 Gallons".
      source: "Box Elder Sanitation: December, January and February bills",
      usages: [4000, 5000, 3000],
      expected: "4000",
    },
    {
      // http://www.cityofgigharbor.net/Faq.aspx?QID=122: a December/January bill of 20 CCF and a
      // February/March bill of 10 CCF total 30, divided by two: a winter average of 15 CCF.
      source: "Gig Harbor, WA: two bi-monthly winter bills",
      usages: [20, 10],
      expected: "15",
    },
  ];
  it.each(published)("averages the bills' usage as billed ($source)", ({ usages, expected }) => {
    const r = winterBillAverage(usages.map((u) => dec(u)));
    expect(r.ok && r.value.toString()).toBe(expected);
  });

  it("ignores the bills' lengths, which the per-day rule weighs (Rio Rancho's 31, 31, 28 days)", () => {
    const bills = [6000, 5000, 4000].map((u) => dec(u));
    const perBill = winterBillAverage(bills);
    const perDay = winterQuarterAverage(bills.map((usage, i) => ({ usage, days: [31, 31, 28][i] })));
    expect([perBill.ok && perBill.value.toString(), perDay.ok && perDay.value.toString()]).toEqual(["5000", "5070"]);
  });

  it("keeps the exact mean for the caller to round", () => {
    const r = winterBillAverage([dec(10), dec(10), dec(11)]);
    expect(r.ok && r.value.toFixed(4)).toBe("10.3333");
  });

  it("needs at least one bill, and no negative usage", () => {
    const none = winterBillAverage([]);
    expect(!none.ok && none.problem.code).toBe("INSUFFICIENT_HISTORY");
    const negative = winterBillAverage([dec(5), dec(-1)]);
    expect(!negative.ok && negative.problem.message).toBe("winter bill 2 needs usage of 0 or more (got -1)");
  });
});
