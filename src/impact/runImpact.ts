import { rateImpact, revenueUnder, solveRevenue, tabulateBills } from "../engine";
import type { Dec, ImpactResult, RateSchedule, Solved } from "../engine";
import type { OutputSheet } from "../cycle/sheets/output";
import type { WorkbookPort } from "../workbook/port";
import { loadImpactData } from "./impactData";
import { impactSheets } from "./impactSheets";

export interface ImpactOptions {
  /** The current schedule first, then each proposed one. */
  readonly schedules: readonly RateSchedule[];
  readonly months?: number;
  /** Solve for the change of the first proposed schedule (or of one charge) that brings in this revenue. */
  readonly target?: Dec;
  readonly chargeId?: string;
}

export interface ImpactRun {
  readonly result: ImpactResult;
  readonly schedules: readonly RateSchedule[];
  readonly solved?: Solved & { readonly target: Dec; readonly chargeId?: string };
  readonly sheets: readonly OutputSheet[];
  readonly billsRead: number;
  readonly problems: readonly string[];
}

/**
 * A rate impact from a workbook: its Usage History's last months priced under each schedule with
 * each account as it was (loadImpactData, rateImpact), a revenue target solved when one is given,
 * and the four output sheets. Nothing is written: the caller writes the sheets (the pane through
 * Office.js, the CLI to a new file).
 */
export async function computeImpact(
  port: WorkbookPort,
  options: ImpactOptions,
): Promise<{ ok: true; value: ImpactRun } | { ok: false; message: string }> {
  const data = await loadImpactData(port, options.months ?? 12);
  if (!data.ok) return data;
  const { bills, inputsOf } = data.value;
  if (bills.length === 0) return { ok: false, message: "the Usage History has no bills to price" };
  const impact = rateImpact({ bills, inputsOf, schedules: options.schedules });
  if (!impact.ok) return { ok: false, message: impact.problem.message };
  let solved: ImpactRun["solved"];
  if (options.target !== undefined) {
    const table = tabulateBills(bills, inputsOf);
    const found = solveRevenue({
      base: options.schedules[1],
      target: options.target,
      chargeId: options.chargeId,
      revenueOf: (s) => revenueUnder(table, s),
    });
    if (!found.ok) return { ok: false, message: `the revenue target: ${found.problem.message}` };
    solved = { ...found.value, target: options.target, chargeId: options.chargeId };
  }
  const context = { billsRead: bills.length, solved };
  return {
    ok: true,
    value: {
      result: impact.value,
      schedules: options.schedules,
      solved,
      sheets: impactSheets(impact.value, options.schedules, context),
      billsRead: bills.length,
      problems: data.value.problems,
    },
  };
}
