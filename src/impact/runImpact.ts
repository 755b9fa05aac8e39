import { rateImpact, revenueUnder, solveRevenue, tabulateBills } from "../engine";
import { Dec } from "../engine";
import type { ImpactResult, RateSchedule, Solved } from "../engine";
import type { OutputSheet } from "../cycle/sheets/output";
import type { WorkbookPort } from "../workbook/port";
import { loadImpactData } from "./impactData";
import { impactSheets } from "./impactSheets";

export interface ImpactOptions {
  /** The current schedule first, then each proposed one (none when a target is solved from the current one). */
  readonly schedules: readonly RateSchedule[];
  readonly months?: number;
  /**
   * Solve for the change of the first proposed schedule (the current one when none is given), or of
   * one charge, that brings in this revenue: the solved schedule is then the proposed one priced.
   */
  readonly target?: Dec;
  /** Or the target as revenue growth over the current schedule's, in percent ("+4%": 4). */
  readonly targetGrowth?: Dec;
  readonly chargeId?: string;
}

export interface ImpactRun {
  readonly result: ImpactResult;
  /** The schedules priced: the current one, then each proposed (the solved one in first place). */
  readonly schedules: readonly RateSchedule[];
  readonly solved?: Solved & { readonly target: Dec; readonly chargeId?: string; readonly base: RateSchedule };
  readonly sheets: readonly OutputSheet[];
  readonly billsRead: number;
  /** Months asked for, and the months the Usage History had of them. */
  readonly monthsAsked: number;
  readonly problems: readonly string[];
}

const n = (v: number) => v.toLocaleString("en-US");

/** A revenue target typed as growth ("4%", "+4%", "-2.5%"): the number of percent as text; undefined for dollars. */
export function targetGrowthText(target: string | undefined): string | undefined {
  return target !== undefined && /%\s*$/.test(target) ? target.replace(/[%+\s]/g, "") : undefined;
}

/**
 * A rate impact from a workbook: its Usage History's last months priced under each schedule with
 * each account as it was (loadImpactData, rateImpact), a revenue target solved first when one is
 * given (the solved schedule is the proposed one priced), and the four output sheets. Bills a
 * schedule cannot price (a class or size it lacks) are refused, not left out: leaving them out of
 * both schedules would compare a smaller city. Nothing is written: the caller writes the sheets
 * (the pane through Office.js, the CLI to a new file).
 */
export async function computeImpact(
  port: WorkbookPort,
  options: ImpactOptions,
): Promise<{ ok: true; value: ImpactRun } | { ok: false; message: string }> {
  const monthsAsked = options.months ?? 12;
  const data = await loadImpactData(port, monthsAsked);
  if (!data.ok) return data;
  const { bills, inputsOf } = data.value;
  if (bills.length === 0) return { ok: false, message: "the Usage History has no bills to price" };
  let schedules = options.schedules;
  let solved: ImpactRun["solved"];
  let target = options.target;
  if (target !== undefined || options.targetGrowth !== undefined) {
    const base = schedules[1] ?? schedules[0];
    const table = tabulateBills(bills, inputsOf);
    if (target === undefined) {
      const now = revenueUnder(table, schedules[0]);
      if (!now.ok) return { ok: false, message: now.problem.message };
      target = now.value.times(options.targetGrowth!.div(100).plus(1)).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
    }
    const found = solveRevenue({ base, target, chargeId: options.chargeId, revenueOf: (s) => revenueUnder(table, s) });
    if (!found.ok) return { ok: false, message: `the revenue target: ${found.problem.message}` };
    solved = { ...found.value, target, chargeId: options.chargeId, base };
    schedules = [schedules[0], found.value.schedule, ...schedules.slice(2)];
  }
  if (schedules.length < 2) return { ok: false, message: "give a proposed schedule, an increase, or a revenue target" };
  const impact = rateImpact({ bills, inputsOf, schedules });
  if (!impact.ok) return { ok: false, message: impact.problem.message };
  const unpriced = impact.value.skipped.filter((x) => x.reason.startsWith("schedule "));
  if (unpriced.length > 0) {
    const first = unpriced[0];
    return {
      ok: false,
      message: `${n(unpriced.length)} bills cannot be priced under every schedule, and leaving them out of both would compare a smaller city; the first: account ${first.account}, ${first.periodEnd}: ${first.reason}`,
    };
  }
  const context = { billsRead: bills.length, solved, monthsAsked };
  return {
    ok: true,
    value: {
      result: impact.value,
      schedules,
      solved,
      sheets: impactSheets(impact.value, schedules, context),
      billsRead: bills.length,
      monthsAsked,
      problems: data.value.problems,
    },
  };
}
