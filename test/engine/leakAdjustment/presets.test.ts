import { computeLeakCredit, dec, LEAK_PRESETS, leakBaseline } from "../../../src/engine";
import { loadSchedule } from "../../support/samples";

const preset = (id: string) => LEAK_PRESETS.find((p) => p.id === id)!;

describe("leak policy presets", () => {
  it("Wildwood, NJ reproduces its published credit: 60,000 gallons of a 125,000-gallon quarter over a 6,000 average", () => {
    const p = preset("wildwood-nj");
    const history = [4000, 6000, 7000, 7000].map((usage, i) => ({ periodEnd: `2026-0${i + 1}-28`, usage: dec(usage) }));
    const baseline = leakBaseline(history, "2026-09-30", p.baseline);
    expect(baseline.ok && baseline.value.toString()).toBe("6000");
    const credit = computeLeakCredit({
      schedule: loadSchedule("chubbuck"),
      account: {},
      periods: [{ asOf: "2026-09-30", usage: dec(125000) }],
      baseline: dec(6000),
      policy: p.policy,
      previousAdjustments: [],
      asOf: "2026-10-15",
    });
    expect(credit.ok && credit.value.creditedVolume.toString()).toBe("60000");
  });

  it("refuses a second request inside Pocatello's (our) 12 months, saying when the next may be granted", () => {
    const credit = computeLeakCredit({
      schedule: loadSchedule("chubbuck"),
      account: {},
      periods: [{ asOf: "2026-09-30", usage: dec(30000) }],
      baseline: dec(6000),
      policy: preset("pocatello").policy,
      previousAdjustments: ["2026-03-10"],
      asOf: "2026-10-15",
    });
    expect(credit.ok ? "" : [credit.problem.code, credit.problem.message]).toEqual([
      "LEAK_TOO_SOON",
      "the policy allows one leak adjustment every 12 months; the last was 2026-03-10, the next may be granted from 2027-03-10",
    ]);
  });

  it("every preset names its source and credits no more than the excess", () => {
    for (const p of LEAK_PRESETS) {
      expect(p.source.length).toBeGreaterThan(10);
      expect(p.policy.creditShare.lessThanOrEqualTo(1)).toBe(true);
    }
  });
});
