import { Dec, ZERO } from "../decimal";
import { addMonths, daysBetween, IsoDate } from "../dates/civilDate";
import type { BaselineKind } from "./settings";
import type { UsageRecord } from "./types";

export interface Baseline {
  readonly volume: Dec;
  /** How the message names it: "the 3-period average", "last year's usage". */
  readonly label: string;
}

/**
 * Normal usage for a read, from the account's history before the read date (oldest first):
 * the average of the last `periods` periods, the same period a year earlier (within 15 days),
 * or the prior period. Null when the history cannot give one.
 */
export function usageBaseline(history: readonly UsageRecord[], kind: BaselineKind, periods: number, readDate?: IsoDate): Baseline | null {
  const prior = readDate ? history.filter((h) => h.periodEnd < readDate) : history;
  if (prior.length === 0) return null;
  if (kind === "prior") return { volume: prior[prior.length - 1].usage, label: "the prior period" };
  if (kind === "lastYear") {
    if (!readDate) return null;
    const target = addMonths(readDate, -12);
    const match = prior.find((h) => Math.abs(daysBetween(target, h.periodEnd)) <= 15);
    return match ? { volume: match.usage, label: "the same period last year" } : null;
  }
  const used = prior.slice(-periods);
  const total = used.reduce((sum, h) => sum.plus(h.usage), ZERO);
  return { volume: total.div(used.length), label: `the ${used.length}-period average` };
}
