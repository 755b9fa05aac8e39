import { computeLeakCredit, dec, LeakPolicy, LeakRequest } from "../../../src/engine";
import { loadSchedule } from "../../support/samples";

const policy: LeakPolicy = {
  creditShare: dec("0.5"),
  pricing: "blocks",
  creditStep: dec(1000),
  creditRounding: "up",
  adjustSewer: false,
  waterServices: ["water"],
  sewerServices: ["sewer"],
};

function request(over: Partial<LeakRequest> = {}): LeakRequest {
  return {
    schedule: loadSchedule("harlingen"),
    account: {},
    periods: [{ asOf: "2026-07-31", usage: dec(30000) }],
    baseline: dec(6000),
    policy,
    previousAdjustments: [],
    asOf: "2026-08-15",
    ...over,
  };
}

describe("computeLeakCredit", () => {
  it("credits half the excess at the block prices it was billed at", () => {
    const r = computeLeakCredit(request());
    if (!r.ok) throw new Error(r.problem.message);
    // 24,000 excess, 12,000 credited: the top 12,000 gallons were billed 10 at 3.05 and 2 at 2.55.
    expect(r.value.creditedVolume.toString()).toBe("12000");
    expect(r.value.total.toCents()).toBe("35.60");
  });

  it("re-bills the credited volume at the lowest block with lowestBlock pricing", () => {
    const r = computeLeakCredit(request({ policy: { ...policy, pricing: "lowestBlock" } }));
    expect(r.ok && r.value.total.toCents()).toBe("20.00");
  });

  it("bills sewer on the baseline when the water did not enter the sewer", () => {
    const r = computeLeakCredit(
      request({
        schedule: loadSchedule("clintonville-sewer"),
        baseline: dec(6),
        periods: [{ asOf: "2026-07-31", usage: dec(20) }],
        policy: { ...policy, creditStep: dec(1), waterServices: [], adjustSewer: true },
      }),
    );
    expect(r.ok && r.value.periods[0].sewerCredit.toCents()).toBe("101.50");
  });

  it("credits nothing when usage is at or below the baseline", () => {
    const r = computeLeakCredit(request({ periods: [{ asOf: "2026-07-31", usage: dec(5000) }] }));
    expect(r.ok && r.value.total.toCents()).toBe("0.00");
  });

  it("refuses a second adjustment inside the frequency limit and names the next date", () => {
    const r = computeLeakCredit(request({ policy: { ...policy, frequency: 12 }, previousAdjustments: ["2026-01-10"] }));
    expect(!r.ok && r.problem.code).toBe("LEAK_TOO_SOON");
    expect(!r.ok && r.problem.message).toMatch(/next may be granted from 2027-01-10/);
    expect(computeLeakCredit(request({ policy: { ...policy, frequency: 12 }, previousAdjustments: ["2025-08-01"] })).ok).toBe(true);
  });

  it("refuses any second adjustment under a once-per-account policy", () => {
    const r = computeLeakCredit(request({ policy: { ...policy, frequency: "once" }, previousAdjustments: ["2019-03-01"] }));
    expect(!r.ok && r.problem.code).toBe("LEAK_TOO_SOON");
  });

  it("refuses more leak bills than the policy allows", () => {
    const periods = ["2026-05-31", "2026-06-30", "2026-07-31"].map((asOf) => ({ asOf, usage: dec(20000) }));
    const r = computeLeakCredit(request({ periods, policy: { ...policy, maxPeriods: 2 } }));
    expect(!r.ok && r.problem.code).toBe("LEAK_TOO_MANY_PERIODS");
  });
});
