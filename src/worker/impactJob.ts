import { dec, isDecimalText, moneyText, scaleSchedule, validateSchedule } from "../engine";
import type { RateSchedule } from "../engine";
import { computeImpact, targetGrowthText } from "../impact/runImpact";
import type { WorkbookPort } from "../workbook/port";
import type { JobHooks } from "./cycleJob";

/** A rate impact the pane asks for: schedules travel as JSON and are validated again here; numbers as text. */
export interface ImpactJob {
  readonly currentJson: unknown;
  /** The proposed schedule, or undefined to raise the current one by `increase` percent. */
  readonly proposedJson?: unknown;
  readonly increase?: string;
  /** Only this charge moves (the increase, and the solver). */
  readonly chargeId?: string;
  readonly months: number;
  /** A revenue to solve for, in dollars. */
  readonly target?: string;
}

export type ImpactJobResult =
  | {
      readonly ok: true;
      /** Label and value, in order, for the view. */
      readonly summary: readonly (readonly [string, string])[];
      readonly written: readonly string[];
      readonly problems: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

const n = (v: number) => v.toLocaleString("en-US");

/**
 * Prices the workbook's Usage History under the current and the proposed schedule (computeImpact)
 * and replaces the four impact sheets, each with its charts. Runs in the engine's worker: a city's
 * year is about 240,000 bills, seconds of work the pane's thread must not do.
 */
export async function runImpactJob(port: WorkbookPort, job: ImpactJob, hooks: JobHooks = {}): Promise<ImpactJobResult> {
  const current = validateSchedule(job.currentJson);
  if (!current.ok) return { ok: false, message: current.problem.message };
  // With a revenue target and no proposed schedule, the solver moves the current one's prices.
  let proposed: RateSchedule | undefined;
  if (job.proposedJson !== undefined) {
    const p = validateSchedule(job.proposedJson);
    if (!p.ok) return { ok: false, message: p.problem.message };
    proposed = p.value;
  } else if (job.target === undefined) {
    if (!job.increase || !isDecimalText(job.increase))
      return { ok: false, message: "give the proposed schedule, or the percentage to raise the current one by" };
    proposed = scaleSchedule(current.value, dec(job.increase), job.chargeId);
  }
  // A target in dollars, or as growth over the current revenue ("4%").
  const growth = targetGrowthText(job.target);
  const targetOk =
    job.target === undefined ||
    (growth !== undefined
      ? isDecimalText(growth) && dec(growth).greaterThan(-100)
      : isDecimalText(job.target) && dec(job.target).greaterThan(0));
  if (!targetOk)
    return {
      ok: false,
      message: `the revenue target must be dollars, such as 31000000, or a change in percent, such as 4%; got "${job.target}"`,
    };
  hooks.progress?.("Pricing every bill under both schedules", 0, 1);
  const run = await computeImpact(port, {
    schedules: proposed ? [current.value, proposed] : [current.value],
    months: job.months,
    target: job.target === undefined || growth !== undefined ? undefined : dec(job.target),
    targetGrowth: growth === undefined ? undefined : dec(growth),
    chargeId: job.target === undefined ? undefined : job.chargeId,
  });
  if (!run.ok) return run;
  const sheets = run.value.sheets;
  for (const [i, sheet] of sheets.entries()) {
    if (hooks.cancelled?.()) break;
    hooks.progress?.(`Writing ${sheet.name}`, i, sheets.length);
    await port.replaceSheet(sheet.name, sheet.rows, sheet.options);
  }
  const r = run.value.result;
  const [now, then] = r.totals;
  const diff = then.minus(now);
  const median = r.distribution.percentiles.find((p) => p.percentile === 50)?.change;
  const summary: [string, string][] = [
    [
      "Bills priced",
      `${n(r.billsPriced)} of ${r.months[0] ?? "-"} to ${r.months.at(-1) ?? "-"}${r.skipped.length ? ` (${n(r.skipped.length)} left out)` : ""}`,
    ],
    [`Revenue, ${current.value.id}`, moneyText(now)],
    [`Revenue, ${run.value.schedules[1].id}`, moneyText(then)],
    ["Difference", `${diff.isNegative() ? "" : "+"}${moneyText(diff)}${now.isZero() ? "" : ` (${diff.div(now).times(100).toFixed(2)}%)`}`],
    ["Accounts paying more, same, less", `${n(r.distribution.increased)}, ${n(r.distribution.unchanged)}, ${n(r.distribution.decreased)}`],
    ["Median change a month", median ? moneyText(median) : "-"],
  ];
  const solved = run.value.solved;
  if (solved)
    summary.push([
      `Change to bring in ${moneyText(solved.target)}`,
      `${solved.percent.isNegative() ? "" : "+"}${solved.percent.toString()}%${solved.chargeId ? ` on ${solved.chargeId}` : ""} of ${solved.base.id}: ${moneyText(solved.revenue)}`,
    ]);
  return { ok: true, summary, written: sheets.map((s) => s.name), problems: run.value.problems };
}
