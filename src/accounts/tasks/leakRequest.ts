import {
  billInputsOf,
  Dec,
  fail,
  isIsoDate,
  leakBaseline,
  LEAK_PRESETS,
  computeLeakCredit,
  ok,
  quantityText,
  toExcelSerial,
  unitLabel,
} from "../../engine";
import type { Adjustment, CycleAccount, IsoDate, LeakCredit, LeakPeriod, LeakPreset, Result } from "../../engine";
import { cellDate, idText } from "../../workbook/cells";
import { rowsOf } from "../../workbook/contextSheets";
import type { CellValue, SheetValues } from "../../workbook/port";
import { locateTable } from "../../workbook/table";
import type { AccountLetter } from "../accountLetters";
import { appendTable, ownColumns } from "../appendTable";
import { LEAK_ADJUSTMENTS_SHEET } from "../sheets";
import { appendAdjustments } from "./closeService";
import { addressee, day, money, refuse, rowsText, TaskContext, TaskOutcome, Written, finish } from "./context";

export const LEAK_TASK = "Leak adjustment";
export const DEFAULT_LEAK_PRESET = "pocatello";

export interface LeakTaskRequest {
  readonly account: string;
  /** The leak bills' period ends, from the account's Usage History. */
  readonly periods: IsoDate[];
  readonly repairDate: IsoDate;
  /** The proof of repair: "plumber's invoice 4411", "receipt for a toilet flapper". */
  readonly proof: string;
  /** A LEAK_PRESETS id; blank is Pocatello's. */
  readonly preset: string;
}

type LeakField =
  | "request"
  | "account"
  | "received"
  | "periods"
  | "repair"
  | "proof"
  | "preset"
  | "baseline"
  | "volume"
  | "credit"
  | "decision"
  | "reason"
  | "adjustment";
const LEAK_COLUMNS = ownColumns<LeakField>(
  [
    ["request", "Request"],
    ["account", "Account"],
    ["received", "Received"],
    ["periods", "Leak Periods"],
    ["repair", "Repair Date"],
    ["proof", "Proof"],
    ["preset", "Preset"],
    ["baseline", "Baseline"],
    ["volume", "Credited Volume"],
    ["credit", "Credit"],
    ["decision", "Decision"],
    ["reason", "Reason"],
    ["adjustment", "Adjustment"],
  ],
  3,
);

/** Proof is a document named: blank, "none", "n/a", "-" or "no" is no proof. */
function proofGiven(proof: string): boolean {
  const p = proof
    .trim()
    .toLowerCase()
    .replace(/[.\s]+$/, "");
  return p.length > 0 && !/^(none|no|n\/?a|-+|nil|not yet|pending)$/.test(p);
}

interface LeakInputs {
  readonly a: CycleAccount;
  readonly preset: LeakPreset;
  readonly periods: readonly LeakPeriod[];
}

/** The request checked against the workbook: the account, its policy, and each leak bill's usage from its Usage History. */
function leakInputs(ctx: TaskContext, req: LeakTaskRequest): Result<LeakInputs> {
  const a = ctx.data.accounts.get(req.account.trim());
  if (!a) return fail("INVALID_INPUT", `account ${req.account.trim()} is not on the Accounts sheet`);
  const id = req.preset.trim() || DEFAULT_LEAK_PRESET;
  const preset = LEAK_PRESETS.find((p) => p.id === id);
  if (!preset) return fail("INVALID_INPUT", `there is no leak policy "${id}"; choose ${LEAK_PRESETS.map((p) => p.id).join(", ")}`);
  if (req.periods.length === 0) return fail("INVALID_INPUT", "choose the leak bills: at least one period from the account's Usage History");
  if (!isIsoDate(req.repairDate)) return fail("INVALID_INPUT", `the repair date must be a date, YYYY-MM-DD; got "${req.repairDate}"`);
  if (req.repairDate > ctx.today)
    return fail("INVALID_INPUT", `the repair date ${req.repairDate} is after today: a leak is adjusted once it is repaired`);
  const history = ctx.data.history.get(a.account) ?? [];
  const periods: LeakPeriod[] = [];
  for (const end of [...new Set(req.periods)].sort()) {
    const bill = history.find((h) => h.periodEnd === end);
    if (!bill) return fail("INVALID_INPUT", `account ${a.account} has no bill for the period ending ${end} on its Usage History`);
    periods.push({ asOf: end, usage: bill.usage });
  }
  return ok({ a, preset, periods });
}

/** The leak credit by the preset's policy, each figure explained in the words a letter uses. */
function leakCredit(
  ctx: TaskContext,
  { a, preset, periods }: LeakInputs,
  granted: readonly IsoDate[],
): Result<{ credit: LeakCredit; baseline: Dec; explanation: string[]; letter: string[] }> {
  const first = periods[0].asOf;
  const history = (ctx.data.history.get(a.account) ?? []).map((h) => ({ periodEnd: h.periodEnd, usage: h.usage }));
  const baseline = leakBaseline(history, first, preset.baseline);
  if (!baseline.ok) return baseline;
  const earlier = (ctx.data.adjustments.get(a.account) ?? []).filter((x) => x.kind === "leak credit").map((x) => x.date);
  const computed = computeLeakCredit({
    schedule: ctx.schedule,
    account: billInputsOf(a),
    periods,
    baseline: baseline.value,
    policy: preset.policy,
    previousAdjustments: [...granted, ...earlier],
    asOf: ctx.today,
  });
  if (!computed.ok) return computed;
  const credit = computed.value;
  const unit = unitLabel(ctx.schedule.usageUnit);
  const q = (d: Dec) => `${quantityText(d.toDecimalPlaces(1))} ${unit}`;
  const p = preset.policy;
  const share = p.creditShare.times(100).toString();
  const basis =
    preset.baseline.kind === "priorAverage"
      ? `the average of the ${preset.baseline.periods} bills before ${first}`
      : `the bill a year before ${first}`;
  // Sewer is named only where it was billed on the water and so is credited: a flat sewer charge has nothing to adjust.
  const sewer = p.adjustSewer && credit.periods.some((c) => c.sewerCredit.amount.greaterThan(0));
  const explanation = [
    `Policy: ${preset.name}. ${share}% of the usage above normal is credited${p.pricing === "lowestBlock" ? ", less the same usage at the lowest block price" : " at the prices it was billed at"}${sewer ? "; sewer is billed on normal usage, as the leaked water did not reach the sewer" : ""}.`,
    `Normal usage (the baseline): ${q(baseline.value)}, ${basis}.`,
    ...credit.periods.map(
      (c) =>
        `Bill for the period ending ${c.asOf}: usage ${q(c.usage)}, baseline ${q(c.baseline)}, excess ${q(c.excess)}, credited ${q(c.creditedVolume)}: water credit ${money(c.waterCredit)}${sewer ? `, sewer credit ${money(c.sewerCredit)}` : ""}, credit ${money(c.credit)}.`,
    ),
    `Total credit: ${money(credit.total)} for ${q(credit.creditedVolume)} over ${credit.periods.length} bill${credit.periods.length === 1 ? "" : "s"}.`,
  ];
  // The same figures in the customer's words: whole gallons, no policy names.
  const whole = (d: Dec) => `${quantityText(d.toDecimalPlaces(0, Dec.ROUND_HALF_UP))} ${unit}`;
  const normal =
    preset.baseline.kind === "priorAverage"
      ? `the average of your ${preset.baseline.periods} bills before the leak`
      : "your use in the same month a year earlier";
  const letter = [
    `Your normal use is about ${whole(baseline.value)} a bill: ${normal}. We credit ${share === "100" ? "all" : `${share}%`} of the water used above that${p.pricing === "lowestBlock" ? ", at our lowest water price" : ", at the prices you were billed"}${sewer ? ", and the sewer charges on it, as leaked water does not go down the drain" : ""}.`,
    ...credit.periods.map(
      (c) =>
        `Bill for the period ending ${day(c.asOf)}: you used ${whole(c.usage)}, ${whole(c.excess)} above normal; credit ${money(c.credit)}${sewer && c.sewerCredit.amount.greaterThan(0) ? ` (water ${money(c.waterCredit)}, sewer ${money(c.sewerCredit)})` : ""}.`,
    ),
  ];
  return ok({ credit, baseline: baseline.value, explanation, letter });
}

/**
 * What a leak adjustment would credit, before it is decided: normal usage from the account's Usage
 * History by the preset's baseline (Pocatello's by default), the credit per leak bill
 * (computeLeakCredit) with the rates in effect then, explained line by line. Earlier leak credits on
 * the Adjustments sheet count toward the policy's frequency limit.
 */
export function previewLeak(ctx: TaskContext, req: LeakTaskRequest): Result<{ credit: LeakCredit; baseline: Dec; explanation: string[] }> {
  const inputs = leakInputs(ctx, req);
  return inputs.ok ? leakCredit(ctx, inputs.value, []) : inputs;
}

/** The Leak Adjustments sheet's request ids, and the dates of the requests approved for `account`. */
function parseLeakRequests(data: SheetValues | undefined, account: string): { ids: Set<string>; approved: IsoDate[] } {
  const ids = new Set<string>();
  const approved: IsoDate[] = [];
  if (!data) return { ids, approved };
  const found = locateTable(data, LEAK_COLUMNS);
  if (!found.ok) throw new Error(`${LEAK_ADJUSTMENTS_SHEET}: ${found.message}`);
  for (const { get } of rowsOf(data, found.table, LEAK_COLUMNS)) {
    ids.add(idText(get("request")));
    const received = cellDate(get("received"));
    if (idText(get("account")) === account && idText(get("decision")).toLowerCase() === "approved" && received) approved.push(received);
  }
  return { ids, approved };
}

/**
 * Decides a leak adjustment request and records it on the Leak Adjustments sheet, one row per
 * request. Approved: the credit goes on the Adjustments sheet as "leak credit" rows, one per leak
 * bill and service (water, and sewer when the policy bills sewer on the baseline), each pointing at
 * the bill it corrects ("period ending 2026-10-16"); the letter explains it line by line. Denied: no
 * adjustment, and the letter gives the reason; a request the policy refuses (too soon after the
 * last credit, too many bills) can be recorded as denied with the policy's reason.
 */
export async function decideLeak(
  ctx: TaskContext,
  req: LeakTaskRequest & { decision: "approve" | "deny"; reason: string },
): Promise<TaskOutcome<LeakCredit | undefined>> {
  const inputs = leakInputs(ctx, req);
  if (!inputs.ok) return refuse(inputs.problem.message);
  const { a, preset, periods } = inputs.value;
  const earlier = parseLeakRequests(await ctx.port.readSheet(LEAK_ADJUSTMENTS_SHEET), a.account);
  const computed = leakCredit(ctx, inputs.value, earlier.approved);
  const approve = req.decision === "approve";
  let reason = req.reason.trim().replace(/[.\s]+$/, "");
  if (approve) {
    if (!computed.ok)
      return refuse(
        `${computed.problem.message}${computed.problem.code.startsWith("LEAK_") ? "; the request can be recorded as denied" : ""}`,
      );
    if (!proofGiven(req.proof))
      return refuse("approving a leak adjustment needs the proof of repair: what it is (a plumber's invoice and its number, a receipt)");
    if (!computed.value.credit.total.amount.greaterThan(0))
      return refuse("the policy credits nothing for these bills: their usage is not above normal; record the request as denied");
  } else if (!reason) {
    if (computed.ok) return refuse("a denied leak adjustment needs the reason, for the letter");
    reason = computed.problem.message.replace(/[.\s]+$/, "");
  }
  const base = `LA-${a.account}-${ctx.today.replace(/-/g, "")}`;
  let id = base;
  for (let n = 2; earlier.ids.has(id); n++) id = `${base}-${n}`;
  const ends = periods.map((p) => p.asOf);
  const written: Written[] = [];
  let adjustment = "";
  // Only an approved request has a credit: a denied one records the baseline it was judged on.
  const credit = approve && computed.ok ? computed.value.credit : undefined;
  if (credit) {
    const unit = unitLabel(ctx.schedule.usageUnit);
    const rows: Adjustment[] = [];
    for (const c of credit.periods) {
      const corrects = `period ending ${c.asOf}`;
      if (c.waterCredit.amount.greaterThan(0))
        rows.push({
          account: a.account,
          date: ctx.today,
          kind: "leak credit",
          service: preset.policy.waterServices[0] ?? "water",
          amount: c.waterCredit.amount.negated(),
          corrects,
          description: `Leak credit ${id}: ${quantityText(c.creditedVolume)} ${unit} of the ${quantityText(c.excess.toDecimalPlaces(1))} ${unit} above normal (repaired ${req.repairDate})`,
        });
      if (c.sewerCredit.amount.greaterThan(0))
        rows.push({
          account: a.account,
          date: ctx.today,
          kind: "leak credit",
          service: preset.policy.sewerServices[0] ?? "sewer",
          amount: c.sewerCredit.amount.negated(),
          corrects,
          description: `Leak credit ${id}: sewer billed on normal usage of ${quantityText(c.baseline.toDecimalPlaces(1))} ${unit} (repaired ${req.repairDate})`,
        });
    }
    const posted = rowsText(await appendAdjustments(ctx, rows));
    written.push(posted);
    adjustment = `${posted.sheet} ${posted.rows}`;
  }
  const row: Partial<Record<LeakField, CellValue>> = {
    request: id,
    account: a.account,
    received: toExcelSerial(ctx.today),
    periods: ends.join(", "),
    repair: toExcelSerial(req.repairDate),
    proof: req.proof.trim() || null,
    preset: preset.id,
    baseline: computed.ok ? computed.value.baseline.toDecimalPlaces(2).toNumber() : null,
    volume: credit ? credit.creditedVolume.toNumber() : null,
    credit: credit ? credit.total.amount.toNumber() : null,
    decision: approve ? "Approved" : "Denied",
    reason: reason || null,
    adjustment: adjustment || null,
  };
  written.push(
    rowsText(
      await appendTable(ctx.port, LEAK_ADJUSTMENTS_SHEET, LEAK_COLUMNS, [row], {
        formats: { received: "yyyy-mm-dd", repair: "yyyy-mm-dd", baseline: "#,##0.00", volume: "#,##0", credit: "#,##0.00" },
        widths: { request: 22, periods: 26, proof: 30, reason: 48, adjustment: 22 },
      }),
    ),
  );
  const bills = `the bill${ends.length === 1 ? "" : "s"} for the period${ends.length === 1 ? "" : "s"} ending ${ends.join(" and ")}`;
  const letter: AccountLetter = approve
    ? {
        kind: "Leak Adjustment Approved",
        date: ctx.today,
        ...addressee(a),
        subject: `Leak adjustment approved for account ${a.account}: ${money(credit!.total)}`,
        paragraphs: [
          `Thank you for repairing the leak at ${a.serviceAddress} on ${day(req.repairDate)} (${req.proof.trim()}). We have approved a leak adjustment of ${money(credit!.total)} on ${bills}.`,
          ...(computed.ok ? computed.value.letter : []),
          `The credit of ${money(credit!.total)} appears on your next bill.${reason ? ` ${reason}.` : ""}`,
        ],
        task: LEAK_TASK,
      }
    : {
        kind: "Leak Adjustment Denied",
        date: ctx.today,
        ...addressee(a),
        subject: `Leak adjustment request for account ${a.account}`,
        paragraphs: [
          `We have reviewed your request for a leak adjustment on ${bills} at ${a.serviceAddress}, and we cannot approve it: ${reason}.`,
          "The bills stand as issued. If you have questions, or can show something we did not see, please call or write to us.",
        ],
        task: LEAK_TASK,
      };
  const summary = approve
    ? `Approved leak adjustment ${id} for account ${a.account}: ${money(credit!.total)} credited on ${ends.join(", ")} (${preset.id} policy).`
    : `Denied leak adjustment ${id} for account ${a.account} (${ends.join(", ")}): ${reason}.`;
  return finish(ctx, written, letter, summary, approve ? "account.leak-approved" : "account.leak-denied", approve ? credit : undefined);
}
