import { Dec } from "../decimal";
import type { BaselineMethod } from "./leakBaseline";
import type { LeakPolicy } from "./types";

/** A leak-adjustment policy as a city publishes it: how normal usage is found, and how the credit is given. */
export interface LeakPreset {
  readonly id: string;
  readonly name: string;
  /** Where it comes from; "ours" when the city publishes none and the figure is our choice. */
  readonly source: string;
  readonly baseline: BaselineMethod;
  readonly policy: LeakPolicy;
}

const WATER = ["water"];
const SEWER = ["sewer"];

/**
 * The presets the Leak Adjustments task offers (../shared/domain/README.md). Pocatello publishes no
 * written leak policy, so its default is ours, built from the common practice the domain notes
 * list (half the excess over the average of the prior 12 bills, sewer on the baseline, one per 12
 * months, at most two bills); every figure is editable in the task.
 */
export const LEAK_PRESETS: readonly LeakPreset[] = [
  {
    id: "pocatello",
    name: "Pocatello (ours: no written policy is published)",
    source: "ours, from the common policies in ../shared/domain/README.md",
    baseline: { kind: "priorAverage", periods: 12 },
    policy: {
      creditShare: new Dec("0.5"),
      pricing: "blocks",
      creditStep: new Dec(1),
      creditRounding: "up",
      adjustSewer: true,
      waterServices: WATER,
      sewerServices: SEWER,
      maxPeriods: 2,
      frequency: 12,
    },
  },
  {
    id: "wildwood-nj",
    name: "Wildwood, NJ",
    source:
      "wildwoodnj.org, page 90: half the excess over the average of the previous 4 quarters, rounded up to the 1,000-gallon unit, once per account",
    baseline: { kind: "priorAverage", periods: 4 },
    policy: {
      creditShare: new Dec("0.5"),
      pricing: "blocks",
      creditStep: new Dec(1000),
      creditRounding: "up",
      adjustSewer: false,
      waterServices: WATER,
      sewerServices: SEWER,
      frequency: "once",
    },
  },
  {
    id: "lowest-block",
    name: "Excess at the lowest block price (common)",
    source:
      "common practice (../shared/domain/README.md): the excess re-billed at the lowest block, sewer on the baseline, one per 12 months",
    baseline: { kind: "priorAverage", periods: 6 },
    policy: {
      creditShare: new Dec(1),
      pricing: "lowestBlock",
      creditStep: new Dec(1),
      creditRounding: "up",
      adjustSewer: true,
      waterServices: WATER,
      sewerServices: SEWER,
      maxPeriods: 3,
      frequency: 12,
    },
  },
];
