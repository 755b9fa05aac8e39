/**
 * High and low thresholds read as "percent of" the comparison (Infor Public Sector) as well as
 * "percent above/below" it (Oracle CC&B, the default), and inclusive or exclusive at the limit.
 */
import {
  checkReadEditThresholds,
  dec,
  DEFAULT_READ_EDIT_SETTINGS,
  detectReadEdits,
  MeterRead,
  ReadEditSettings,
  UsageRecord,
} from "../../../src/engine";

/** One read whose usage is `usage`, on an account whose prior period used `prior`. */
function edits(usage: number, prior: number, settings: Partial<ReadEditSettings>): string[] {
  const read: MeterRead = {
    row: 0,
    account: "1001",
    meter: "M1",
    previous: dec(0),
    current: dec(usage),
    previousDate: "2026-09-30",
    currentDate: "2026-10-30",
    readCode: "A",
  };
  const history: UsageRecord[] = [{ account: "1001", periodEnd: "2026-09-30", usage: dec(prior) }];
  // The prior period as the comparison, as Infor's "Current Cycle with Prior Cycle"; no minimum
  // baseline, so the published small numbers are judged.
  const all: Record<string, unknown> = {
    ...DEFAULT_READ_EDIT_SETTINGS,
    baseline: "prior",
    minimumBaseline: 0,
    repeatPeriods: 0,
    ...settings,
  };
  // A setting given as undefined is left out altogether: settings stored before it existed.
  for (const [key, value] of Object.entries(settings)) if (value === undefined) delete all[key];
  const [reviewed] = detectReadEdits([read], { history: new Map([["1001", history]]) }, all as unknown as ReadEditSettings);
  return reviewed.edits.map((e) => `${e.code}: ${e.message}`);
}

describe("percent-of thresholds (Infor Public Sector)", () => {
  // https://docs.infor.com/pub/2024.x/en-us/useradminlib_cloud/meter_user/cmo1441041122683.html:
  // "if the current usage is 105 and the compare usage is 60, the value will be 175%", and High
  // Usage is "greater than or equal to the High percentage". The high limit is set at 175 to put
  // the published reading exactly on it.
  const infor: Partial<ReadEditSettings> = {
    thresholdMode: "percentOf",
    highPercent: 175,
    veryHighPercent: 300,
    lowPercent: 50,
    veryLowPercent: 10,
  };

  it("flags usage of 105 against 60 (175%) at an inclusive 175% limit", () => {
    expect(edits(105, 60, { ...infor, thresholdInclusive: true })).toEqual([
      "HIGH_USAGE: usage 105 is 175% of the prior period of 60 (high limit: at or above 175% of it)",
    ]);
  });

  it("lets the same reading pass an exclusive 175% limit", () => {
    expect(edits(105, 60, { ...infor, thresholdInclusive: false })).toEqual([]);
  });

  it("puts a reading at 130% of the comparison in the high range when High is 125% and the next is 150%", () => {
    // https://docs.infor.com/pub/2023.x/en-us/useradminlib_on-premises/meter_user/cmo1441041155674.html:
    // "if the High Usage is 125% and the Higher Usage is 150%, then a reading that is 130% of the
    // one it has being compared to will fall in the High Usage range" (Higher is our very high).
    expect(edits(130, 100, { ...infor, highPercent: 125, veryHighPercent: 150, thresholdInclusive: true })).toEqual([
      "HIGH_USAGE: usage 130 is 130% of the prior period of 100 (high limit: at or above 125% of it)",
    ]);
  });

  it("reads low limits as percents of the comparison too: less than or equal to the Low percentage (first principles)", () => {
    expect(edits(30, 60, { ...infor, thresholdInclusive: true })).toEqual([
      "LOW_USAGE: usage 30 is 50% of the prior period of 60 (low limit: at or below 50% of it)",
    ]);
    expect(edits(30, 60, { ...infor })).toEqual([]);
    expect(edits(5, 60, { ...infor })).toEqual([
      "VERY_LOW_USAGE: usage 5 is 8% of the prior period of 60 (very-low limit: below 10% of it)",
    ]);
  });
});

describe("percent-change thresholds (Oracle CC&B), inclusive or exclusive", () => {
  // ../shared/domain/README.md, Oracle CC&B high/low edit: high% = (consumption - high limit) /
  // high limit x 100, so 150 against a limit of 100 is 50% high. Oracle's very-high cut-off is
  // "greater than or equal to" (https://docs.oracle.com/en/industries/energy-water/ccb/254/
  // ccb-user-guides/Topics/C1_BP03MeterRead_High_Very_High.html); the 300-against-100 reading
  // that sits on it is ours.
  it("lets 50% above a 50% limit pass by default, as before", () => {
    expect(edits(150, 100, {})).toEqual([]);
  });

  it("flags it when the limit is inclusive, and says so", () => {
    expect(edits(150, 100, { thresholdInclusive: true })).toEqual([
      "HIGH_USAGE: usage 150 is 50% above the prior period of 100 (high limit 50% or more)",
    ]);
  });

  it("makes 200% above a 200% very-high cut-off very high when inclusive, high when not", () => {
    expect(edits(300, 100, { thresholdInclusive: true })).toEqual([
      "VERY_HIGH_USAGE: usage 300 is 200% above the prior period of 100 (very-high limit 200% or more)",
    ]);
    expect(edits(300, 100, {})).toEqual(["HIGH_USAGE: usage 300 is 200% above the prior period of 100 (high limit 50%)"]);
  });

  it("treats absent mode and inclusivity as today's rule", () => {
    const older = { thresholdMode: undefined, thresholdInclusive: undefined };
    expect(edits(150, 100, older)).toEqual([]);
    expect(edits(151, 100, older)).toEqual(["HIGH_USAGE: usage 151 is 51% above the prior period of 100 (high limit 50%)"]);
  });
});

describe("checkReadEditThresholds", () => {
  it("accepts the defaults and Infor-style percent-of limits", () => {
    expect(checkReadEditThresholds(DEFAULT_READ_EDIT_SETTINGS).ok).toBe(true);
    const infor = {
      ...DEFAULT_READ_EDIT_SETTINGS,
      thresholdMode: "percentOf",
      highPercent: 175,
      veryHighPercent: 300,
      lowPercent: 25,
      veryLowPercent: 10,
    } as const;
    expect(checkReadEditThresholds(infor).ok).toBe(true);
  });

  const refused: [string, Partial<ReadEditSettings> | Record<string, unknown>, string][] = [
    [
      "percent-of with the percent-change defaults left in place",
      { thresholdMode: "percentOf" },
      'with thresholdMode "percentOf", highPercent is usage as a percent of the baseline and must be above 100 (175 flags 175% of it); got 50',
    ],
    [
      "a percent-of low limit at 100",
      { thresholdMode: "percentOf", highPercent: 175, veryHighPercent: 300, lowPercent: 100 },
      'with thresholdMode "percentOf", lowPercent is usage as a percent of the baseline and must be below 100 (25 flags 25% of it); got 100',
    ],
    ["an unknown mode", { thresholdMode: "ratio" }, 'thresholdMode must be "percentChange" or "percentOf", got "ratio"'],
    ["an inclusivity that is not true or false", { thresholdInclusive: "yes" }, 'thresholdInclusive must be true or false, got "yes"'],
  ];
  it.each(refused)("refuses %s", (_what, change, message) => {
    const r = checkReadEditThresholds({ ...DEFAULT_READ_EDIT_SETTINGS, ...change } as ReadEditSettings);
    expect(r.ok ? "accepted" : [r.problem.code, r.problem.message]).toEqual(["INVALID_INPUT", message]);
  });
});
