import type { EditCode, Severity } from "./types";

/** How normal usage is judged for the high and low edits. */
export type BaselineKind = "average" | "lastYear" | "prior";

/**
 * What the high and low percentages measure. "percentChange": how far usage lies above or below
 * the baseline, (usage - baseline) / baseline x 100 (Oracle CC&B's high%/low%). "percentOf":
 * usage as a percentage of the baseline, usage / baseline x 100 (Infor Public Sector: usage 105
 * against 60 is 175%).
 */
export type ThresholdMode = "percentChange" | "percentOf";

export const THRESHOLD_MODES: readonly ThresholdMode[] = ["percentChange", "percentOf"];

/**
 * Thresholds of the read edits. Defaults suit a monthly cycle such as Pocatello's
 * (docs/read-edits.md); every one is a setting.
 */
export interface ReadEditSettings {
  readonly baseline: BaselineKind;
  /** With "average": how many prior periods are averaged. */
  readonly baselinePeriods: number;
  /**
   * Percent above the baseline that raises HIGH_USAGE and VERY_HIGH_USAGE; with thresholdMode
   * "percentOf", usage as a percent of the baseline (above 100).
   */
  readonly highPercent: number;
  readonly veryHighPercent: number;
  /**
   * Percent below the baseline that raises LOW_USAGE and VERY_LOW_USAGE; with thresholdMode
   * "percentOf", usage as a percent of the baseline (below 100).
   */
  readonly lowPercent: number;
  readonly veryLowPercent: number;
  /** What the four percentages above measure. Absent means "percentChange". */
  readonly thresholdMode?: ThresholdMode;
  /** Usage exactly at a high or low limit raises the edit (Infor: "greater than or equal to"). Absent means false. */
  readonly thresholdInclusive?: boolean;
  /** Below this baseline (in usage units) high and low are not judged: small numbers swing. */
  readonly minimumBaseline: number;
  /** A read below the previous is a probable rollover when the rolled usage is at most this percent of the register. */
  readonly rolloverPercent: number;
  readonly minCycleDays: number;
  readonly maxCycleDays: number;
  /** REPEATED_USAGE when usage equals each of this many prior periods. */
  readonly repeatPeriods: number;
  /** CONSECUTIVE_ESTIMATES when this read is at least this many estimates in a row. */
  readonly consecutiveEstimates: number;
  /** Per-code severity changes. */
  readonly severities: Readonly<Partial<Record<EditCode, Severity>>>;
}

export const DEFAULT_READ_EDIT_SETTINGS: ReadEditSettings = {
  baseline: "average",
  baselinePeriods: 3,
  highPercent: 50,
  veryHighPercent: 200,
  lowPercent: 50,
  veryLowPercent: 90,
  thresholdMode: "percentChange",
  thresholdInclusive: false,
  minimumBaseline: 1000,
  rolloverPercent: 10,
  minCycleDays: 25,
  maxCycleDays: 35,
  repeatPeriods: 3,
  consecutiveEstimates: 2,
  severities: {},
};
