import { dec, leakBaseline } from "../../../src/engine";

const history = [
  ["2025-07-31", 9000],
  ["2025-08-31", 8000],
  ["2026-03-31", 4000],
  ["2026-04-30", 5000],
  ["2026-05-31", 6000],
  ["2026-06-30", 7000],
].map(([periodEnd, usage]) => ({ periodEnd: periodEnd as string, usage: dec(usage) }));

describe("leakBaseline", () => {
  it("averages the bills before the leak (Wildwood: the previous four quarters)", () => {
    const r = leakBaseline(history, "2026-07-31", { kind: "priorAverage", periods: 4 });
    expect(r.ok && r.value.toString()).toBe("5500");
  });

  it("uses the bill that ended a year earlier", () => {
    const r = leakBaseline(history, "2026-08-03", { kind: "sameMonthLastYear" });
    expect(r.ok && r.value.toString()).toBe("9000");
  });

  it("says how much history is missing", () => {
    const r = leakBaseline(history, "2026-04-30", { kind: "priorAverage", periods: 6 });
    expect(!r.ok && r.problem.message).toBe("the baseline averages 6 prior bills; only 3 end before 2026-04-30");
    const none = leakBaseline(history, "2026-01-31", { kind: "sameMonthLastYear" });
    expect(!none.ok && none.problem.code).toBe("INSUFFICIENT_HISTORY");
  });
});
