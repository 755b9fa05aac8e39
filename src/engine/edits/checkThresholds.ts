import { fail, ok, Result } from "../problems";
import { THRESHOLD_MODES } from "./settings";
import type { ReadEditSettings } from "./settings";

/**
 * Checks that the high and low thresholds mean what their mode says: thresholdMode is one of
 * THRESHOLD_MODES and thresholdInclusive true or false (or absent); with "percentOf" the high and
 * very-high limits are above 100 (usage above the baseline) and the low and very-low limits
 * below 100. "percentChange" limits are any positive percentages, as they always were. Returns
 * the settings, or an INVALID_INPUT problem naming the first setting that is wrong.
 */
export function checkReadEditThresholds(settings: ReadEditSettings): Result<ReadEditSettings> {
  const mode: unknown = settings.thresholdMode;
  if (mode !== undefined && !THRESHOLD_MODES.includes(mode as never)) {
    return fail("INVALID_INPUT", `thresholdMode must be ${THRESHOLD_MODES.map((m) => `"${m}"`).join(" or ")}, got ${JSON.stringify(mode)}`);
  }
  const inclusive: unknown = settings.thresholdInclusive;
  if (inclusive !== undefined && typeof inclusive !== "boolean") {
    return fail("INVALID_INPUT", `thresholdInclusive must be true or false, got ${JSON.stringify(inclusive)}`);
  }
  if (mode !== "percentOf") return ok(settings);
  for (const key of ["highPercent", "veryHighPercent"] as const) {
    if (!(settings[key] > 100))
      return fail(
        "INVALID_INPUT",
        `with thresholdMode "percentOf", ${key} is usage as a percent of the baseline and must be above 100 (175 flags 175% of it); got ${settings[key]}`,
      );
  }
  for (const key of ["lowPercent", "veryLowPercent"] as const) {
    if (!(settings[key] < 100))
      return fail(
        "INVALID_INPUT",
        `with thresholdMode "percentOf", ${key} is usage as a percent of the baseline and must be below 100 (25 flags 25% of it); got ${settings[key]}`,
      );
  }
  return ok(settings);
}
