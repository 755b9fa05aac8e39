import { moneyText, validateSchedule } from "../engine";
import { generateCycle, previewCycle } from "../cycle/generateCycle";
import type { LoadedCycle } from "../cycle/inputs";
import type { CycleResult } from "../engine";
import { COUNT_WORDS, cycleCounts, decisionText, noticeText } from "../cycle/summary";
import type { WorkbookPort } from "../workbook/port";
import type { CycleJob, CycleJobResult, RunSummary } from "./protocol";

export interface JobHooks {
  /** A phase's progress; `rows` marks the workbook's own rows read or written within a sheet. */
  readonly progress?: (phase: string, done: number, total: number, rows?: boolean) => void;
  readonly cancelled?: () => boolean;
}

/**
 * Previews or generates a cycle and answers in plain data. The worker runs it against a port
 * that forwards to the pane; tests and the CLI run it in their own thread against any port.
 */
export async function runCycleJob(port: WorkbookPort, job: CycleJob, hooks: JobHooks = {}): Promise<CycleJobResult> {
  const schedule = validateSchedule(job.scheduleJson);
  if (!schedule.ok) return { ok: false, message: schedule.problem.message };
  const base = {
    schedule: schedule.value,
    settings: job.settings,
    readEdits: job.readEdits,
    decisions: job.decisions,
    dates: job.dates,
    progress: hooks.progress,
    cancelled: hooks.cancelled,
  };
  if (job.kind === "preview") {
    const p = await previewCycle(port, base);
    if (!p.ok) return p;
    return {
      ok: true,
      preview: previewRows(p.loaded, p.result),
      written: [],
      problems: p.loaded.problems,
      run: summary(job, p.loaded, p.result),
    };
  }
  const g = await generateCycle(port, { ...base, outputs: job.outputs, now: job.now });
  if (!g.ok) return g;
  const { loaded, result } = g.run;
  return {
    ok: true,
    preview: previewRows(loaded, result),
    written: g.run.written,
    problems: g.run.problems,
    run: summary(job, loaded, result),
  };
}

function summary(job: CycleJob, loaded: LoadedCycle, result: CycleResult): RunSummary {
  const schedule = job.scheduleJson as { id?: string };
  return {
    billDate: loaded.input.billDate,
    period: `${loaded.input.periodStart} to ${loaded.input.periodEnd}`,
    schedule: String(schedule.id ?? ""),
    bills: result.register.billed,
    held: result.held.length,
    currentCharges: result.register.currentCharges.toCents(),
    totalDue: result.register.totalDue.toCents(),
    difference: result.reconciliation.difference.toCents(),
    fingerprints: loaded.fingerprints,
  };
}

const n = (v: number) => v.toLocaleString("en-US");
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What the cycle will bill: counts (in the Review view's words) and totals, as the Generate view shows them. */
export function previewRows(loaded: LoadedCycle, result: CycleResult): [string, string][] {
  const r = result.register;
  const counts = cycleCounts(loaded, result);
  return [
    ["Period", `${loaded.input.periodStart} to ${loaded.input.periodEnd}`],
    ["Bill date", loaded.input.billDate],
    ["Reads matched to an account", n(r.readsReceived)],
    ["Bills", `${n(r.billed)} (${decisionText(counts, "billed") || "none"})`],
    [capital(COUNT_WORDS.estimated), n(r.estimated)],
    ["Final bills", n(r.final)],
    [capital(COUNT_WORDS.held), `${n(result.held.length)}${result.held.length ? ` (${decisionText(counts, "held")})` : ""}`],
    [capital(COUNT_WORDS.unmatched), n(counts.unmatchedRows)],
    [capital(COUNT_WORDS.notBilled), n(result.notBilled)],
    ...[...r.charges].map(([service, amount]): [string, string] => [`Charges: ${service}`, moneyText(amount)]),
    ["Current charges", moneyText(r.currentCharges)],
    ["Adjustments", moneyText(r.adjustments)],
    ["Fees", moneyText(r.fees)],
    ["Payments", moneyText(r.payments)],
    ["Total due on the bills", moneyText(r.totalDue)],
    ["Reconciliation difference", moneyText(result.reconciliation.difference)],
    ["Notices", noticeText(counts)],
    ["Kept off letters and the shutoff list", n(counts.keptOff)],
    ["Door hangers", n(result.doorHangers.length)],
  ];
}
