/**
 * A cycle's dates, checked once in the engine (issue 13): a bill dated before its reads, or years
 * after them, would age every balance and drop the period's payments, and was accepted silently.
 */
import { cycleDatesProblem } from "../../../src/engine";

describe("cycleDatesProblem", () => {
  const period = { periodStart: "2026-09-30", periodEnd: "2026-10-30" };
  it.each([
    ["the period's end", "2026-10-30"],
    ["60 days after it, the latest", "2026-12-29"],
  ])("bills a bill dated on %s", (_what, billDate) => {
    expect(cycleDatesProblem({ ...period, billDate })).toBeUndefined();
  });

  it.each([
    [
      "2026-10-29",
      /^The bill date 2026-10-29 is before the end of the period it bills \(2026-10-30\); date the bill on or after 2026-10-30\.$/,
    ],
    ["1900-01-01", /is before the end of the period it bills/],
    [
      "2026-12-30",
      /^The bill date 2026-12-30 is more than 60 days after the end of the period it bills \(2026-10-30\); date it from 2026-10-30 to 2026-12-29\.$/,
    ],
    ["2199-12-31", /more than 60 days after/],
  ])("refuses a bill dated %s", (billDate, message) => {
    expect(cycleDatesProblem({ ...period, billDate })).toMatch(message);
  });

  it.each([
    ["2026-10-30", "2026-10-30", 0],
    ["2026-11-01", "2026-10-30", -2],
    ["2026-07-21", "2026-10-30", 101],
  ])("refuses a period from %s to %s (%i days)", (periodStart, periodEnd, days) => {
    expect(cycleDatesProblem({ periodStart, periodEnd, billDate: periodEnd })).toMatch(
      new RegExp(`is ${days} days; a bill covers 1 to 100 days`),
    );
  });

  it("bills a period of 100 days", () => {
    expect(cycleDatesProblem({ periodStart: "2026-07-22", periodEnd: "2026-10-30", billDate: "2026-10-30" })).toBeUndefined();
  });
});
