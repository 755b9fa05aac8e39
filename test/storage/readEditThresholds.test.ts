/** Stored read-edit threshold modes (docs/read-edits.md): kept when they make sense, defaulted together when not. */
import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { cleanReadEdits } from "../../src/storage/settings";

const pick = (s: ReturnType<typeof cleanReadEdits>) => [
  s.thresholdMode,
  s.thresholdInclusive,
  s.highPercent,
  s.veryHighPercent,
  s.lowPercent,
  s.veryLowPercent,
];

describe("cleanReadEdits' threshold mode", () => {
  it("defaults to percent change, exclusive, for settings stored before the fields existed", () => {
    expect(pick(cleanReadEdits({ highPercent: 80 }))).toEqual(["percentChange", false, 80, 200, 50, 90]);
  });

  it("keeps Infor-style percent-of limits and inclusivity", () => {
    const stored = {
      thresholdMode: "percentOf",
      thresholdInclusive: true,
      highPercent: 175,
      veryHighPercent: 300,
      lowPercent: 25,
      veryLowPercent: 10,
    };
    expect(pick(cleanReadEdits(stored))).toEqual(["percentOf", true, 175, 300, 25, 10]);
  });

  it("defaults the mode and the four limits together when the limits cannot be percents of the baseline", () => {
    const stored = { thresholdMode: "percentOf", highPercent: 50, veryHighPercent: 300, lowPercent: 25, veryLowPercent: 10 };
    const d = DEFAULT_READ_EDIT_SETTINGS;
    expect(pick(cleanReadEdits(stored))).toEqual([
      d.thresholdMode,
      false,
      d.highPercent,
      d.veryHighPercent,
      d.lowPercent,
      d.veryLowPercent,
    ]);
  });

  it("drops an unknown mode and an inclusivity that is not true or false", () => {
    expect(pick(cleanReadEdits({ thresholdMode: "ratio", thresholdInclusive: "yes" })).slice(0, 2)).toEqual(["percentChange", false]);
  });
});
