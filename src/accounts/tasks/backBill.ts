import {
  addDays,
  addMonths,
  allocate,
  assert,
  computeBackBill,
  computeBill,
  Dec,
  fail,
  isIsoDate,
  Money,
  ok,
  ONE,
  quantityText,
  selectVersion,
  unitLabel,
  ZERO,
  billInputsOf,
} from "../../engine";
import type { Adjustment, BackBill, BackBillPeriod, BackBillPolicy, CycleAccount, IsoDate, Result } from "../../engine";
import type { AccountLetter } from "../accountLetters";
import { appendAdjustments } from "./closeService";
import { appendAccountChanges } from "../accountChanges";
import { accountOn, addressee, change, day, money, refuse, rowsText, TaskContext, TaskOutcome, Written, finish } from "./context";

export const BACK_BILL_TASK = "Back-bill";
/** The most monthly instalments a back-bill is spread over (three years, the longest common look-back). */
export const MAX_BACK_BILL_INSTALMENTS = 36;

export interface BackBillTaskRequest {
  readonly account: string;
  /** The affected bills' period ends, from the account's Usage History (the usage they billed). */
  readonly periods: IsoDate[];
  readonly correction:
    | { readonly kind: "usage"; readonly usage: ReadonlyMap<IsoDate, Dec> }
    | { readonly kind: "multiplier"; readonly billed: Dec; readonly corrected: Dec }
    | {
        readonly kind: "slow meter";
        /** Share of an undercharge billed, 0..1. */
        readonly share: Dec;
        /** The meter test's accuracy: the share of the water the meter registered (0.85); the usage it should have billed is the billed usage divided by it. */
        readonly accuracy?: Dec;
      };
  readonly instalments: number;
  readonly lookbackMonths?: number;
  readonly reason: string;
}

/** The day a correction is posted: today, or the day after the last bill when that is later (so the next cycle bills it). */
export function postingDate(ctx: TaskContext): IsoDate {
  const last = ctx.data.lastBillDate;
  return last && ctx.today <= last ? addDays(last, 1) : ctx.today;
}

function backBillInputs(
  ctx: TaskContext,
  req: BackBillTaskRequest,
): Result<{ a: CycleAccount; periods: BackBillPeriod[]; policy: BackBillPolicy }> {
  const a = ctx.data.accounts.get(req.account.trim());
  if (!a) return fail("INVALID_INPUT", `account ${req.account.trim()} is not on the Accounts sheet`);
  if (req.periods.length === 0)
    return fail("INVALID_INPUT", "choose the bills to correct: at least one period from the account's Usage History");
  if (!Number.isInteger(req.instalments) || req.instalments < 1 || req.instalments > MAX_BACK_BILL_INSTALMENTS)
    return fail(
      "INVALID_INPUT",
      `a back-bill is billed in 1 to ${MAX_BACK_BILL_INSTALMENTS} monthly instalments; asked for ${req.instalments}`,
    );
  if (req.lookbackMonths !== undefined && (!Number.isInteger(req.lookbackMonths) || req.lookbackMonths < 1))
    return fail("INVALID_INPUT", `the look-back is a whole number of months; got ${req.lookbackMonths}`);
  const history = ctx.data.history.get(a.account) ?? [];
  const c = req.correction;
  if (c.kind === "multiplier" && !(c.billed.greaterThan(0) && c.corrected.greaterThan(0)))
    return fail("INVALID_INPUT", "the billed and the corrected multiplier must both be above zero");
  if (c.kind === "slow meter" && !c.accuracy)
    return fail(
      "INVALID_INPUT",
      "a slow-meter back-bill needs the meter test's accuracy: the share of the water it registered, such as 0.85",
    );
  if (c.kind === "slow meter" && !(c.accuracy!.greaterThan(0) && c.accuracy!.lessThanOrEqualTo(1)))
    return fail("INVALID_INPUT", `the meter's accuracy is a share above 0 and at most 1, such as 0.85; got ${c.accuracy!.toString()}`);
  const periods: BackBillPeriod[] = [];
  for (const end of [...new Set(req.periods)].sort()) {
    if (!isIsoDate(end)) return fail("INVALID_INPUT", `a period end must be a date, YYYY-MM-DD; got "${end}"`);
    const bill = history.find((h) => h.periodEnd === end);
    if (!bill) return fail("INVALID_INPUT", `account ${a.account} has no bill for the period ending ${end} on its Usage History`);
    if (c.kind === "usage") {
      const corrected = c.usage.get(end);
      if (!corrected) return fail("INVALID_INPUT", `give the corrected usage for the period ending ${end}`);
      if (corrected.isNegative()) return fail("INVALID_INPUT", `the corrected usage for the period ending ${end} must be zero or more`);
      periods.push({ asOf: end, billedUsage: bill.usage, correctedUsage: corrected });
    } else if (c.kind === "slow meter")
      // Whole units, as a meter registers them.
      periods.push({
        asOf: end,
        billedUsage: bill.usage,
        correctedUsage: bill.usage.div(c.accuracy!).toDecimalPlaces(0, Dec.ROUND_HALF_UP),
      });
    else periods.push({ asOf: end, billedUsage: bill.usage });
  }
  const policy: BackBillPolicy = {
    undercharge: c.kind === "slow meter" ? c.share : ONE,
    multiplier: c.kind === "multiplier" ? { billed: c.billed, corrected: c.corrected } : undefined,
    lookbackMonths: req.lookbackMonths,
    instalments: req.instalments,
  };
  return ok({ a, periods, policy });
}

/**
 * What a back-bill (or re-bill credit) would be: each chosen bill's usage from the account's Usage
 * History, the corrected usage (given per period, from the right multiplier, or from a slow meter's
 * tested accuracy), both priced with the rates in effect at the period's end (computeBackBill), the
 * look-back and a slow meter's share applied, and the amount split into equal monthly instalments
 * that sum exactly.
 */
export function previewBackBill(ctx: TaskContext, req: BackBillTaskRequest): Result<BackBill> {
  const inputs = backBillInputs(ctx, req);
  if (!inputs.ok) return inputs;
  const { a, periods, policy } = inputs.value;
  return computeBackBill(ctx.schedule, (asOf) => billInputsOf(accountOn(ctx, a.account, asOf) ?? a), periods, policy, ctx.today);
}

/** The included periods' difference by service (corrected less billed), summing exactly to the back-bill's difference. */
function differenceByService(ctx: TaskContext, a: CycleAccount, bb: BackBill): Map<string, Dec> {
  const byService = new Map<string, Dec>();
  for (const p of bb.periods.filter((x) => x.included))
    for (const [usage, sign] of [
      [p.correctedUsage, 1],
      [p.billedUsage, -1],
    ] as const) {
      const bill = computeBill(ctx.schedule, { ...billInputsOf(accountOn(ctx, a.account, p.asOf) ?? a), usage, asOf: p.asOf });
      assert(bill.ok, `the back-bill priced the period ending ${p.asOf}, so its bill prices too`);
      for (const s of bill.value.services) byService.set(s.service, (byService.get(s.service) ?? ZERO).plus(s.amount.amount.times(sign)));
    }
  const total = [...byService.values()].reduce((t, d) => t.plus(d), ZERO);
  assert(total.equals(bb.difference.amount), `the services' differences ${total} sum to the back-bill's ${bb.difference.toCents()}`);
  for (const [service, d] of byService) if (d.isZero()) byService.delete(service);
  return byService;
}

/** One instalment split across the services it corrects, by their share of the difference (allocate: exact to the cent). */
function byServiceShares(amount: Money, differences: Map<string, Dec>): { service: string; amount: Dec }[] {
  const entries = [...differences];
  const sameSign = entries.every(([, d]) => d.isNegative() === amount.isNegative());
  if (!sameSign || entries.length === 0) {
    // Some bills over, some under: the net goes to the service with the largest difference.
    const largest = entries.reduce<[string, Dec] | undefined>((m, e) => (!m || e[1].abs().greaterThan(m[1].abs()) ? e : m), undefined);
    return [{ service: largest?.[0] ?? "water", amount: amount.amount }];
  }
  const parts = allocate(
    amount,
    entries.map(([, d]) => d.abs().toString()),
  );
  return entries.map(([service], i) => ({ service, amount: parts[i].amount })).filter((p) => !p.amount.isZero());
}

/**
 * Posts a back-bill: each instalment (the engine's, exact to the cent) on the Adjustments sheet as
 * "back-bill" rows by service, pointing at the periods it corrects, the first dated today and each
 * next a month later, so each later cycle bills one; and a letter explaining the periods, the usage
 * billed and corrected, the rates, the amount and the instalments.
 */
export async function postBackBill(ctx: TaskContext, req: BackBillTaskRequest): Promise<TaskOutcome<BackBill>> {
  const reason = req.reason.trim().replace(/[.\s]+$/, "");
  if (!reason) return refuse("a back-bill needs the reason, for the letter and the record");
  const preview = previewBackBill(ctx, req);
  if (!preview.ok) return refuse(preview.problem.message);
  const bb = preview.value;
  const a = ctx.data.accounts.get(req.account.trim())!;
  const included = bb.periods.filter((p) => p.included);
  if (included.length === 0)
    return refuse(`every chosen bill ends before the ${req.lookbackMonths}-month look-back: nothing can be billed`);
  if (bb.amount.isZero()) return refuse("the corrected bills come to what was billed: there is nothing to back-bill");
  const differences = differenceByService(ctx, a, bb);
  const ends = included.map((p) => p.asOf);
  const corrects = `${ends.length === 1 ? "period" : "periods"} ending ${ends.join(", ")}`;
  const n = bb.instalments.length;
  const first = postingDate(ctx);
  const dates = bb.instalments.map((_, k) => addMonths(first, k));
  const rows: Adjustment[] = bb.instalments.flatMap((instalment, k) =>
    byServiceShares(instalment, differences).map((s) => ({
      account: a.account,
      date: dates[k],
      kind: "back-bill" as const,
      service: s.service,
      amount: s.amount,
      corrects,
      description: `Back-bill${n > 1 ? `, instalment ${k + 1} of ${n}` : ""}: ${s.service}, ${reason}`,
    })),
  );
  const written: Written[] = [rowsText(await appendAdjustments(ctx, rows))];
  // A wrong multiplier is corrected on the account too, from the first day the next bill covers,
  // so the bills after this one are read right (the review flags a Reads sheet still saying otherwise).
  const c = req.correction;
  const fixedFrom = ctx.data.lastBillDate ? addDays(ctx.data.lastBillDate, 1) : ctx.today;
  if (c.kind === "multiplier" && !(a.multiplier ?? ONE).equals(c.corrected))
    written.push(
      rowsText(
        await appendAccountChanges(ctx.port, [
          change(
            ctx,
            a.account,
            "Multiplier",
            c.corrected.toString(),
            (a.multiplier ?? c.billed).toString(),
            fixedFrom,
            BACK_BILL_TASK,
            reason,
          ),
        ]),
      ),
    );
  const letter = backBillLetter(ctx, a, req, bb, dates, reason, fixedFrom);
  const credit = bb.amount.isNegative();
  const summary = `${credit ? "Credited" : "Back-billed"} account ${a.account} ${money(bb.amount.amount.abs())} for ${corrects}${n > 1 ? ` in ${n} monthly instalments from ${first}` : ` on ${first}`}: ${reason}.`;
  return finish(ctx, written, letter, summary, "account.back-billed", bb);
}

function backBillLetter(
  ctx: TaskContext,
  a: CycleAccount,
  req: BackBillTaskRequest,
  bb: BackBill,
  dates: readonly IsoDate[],
  reason: string,
  fixedFrom: IsoDate,
): AccountLetter {
  const unit = unitLabel(ctx.schedule.usageUnit);
  const credit = bb.amount.isNegative();
  const n = bb.instalments.length;
  const rates = (asOf: IsoDate) => {
    const v = selectVersion(ctx.schedule, asOf);
    return v.ok && v.value.effective ? `rates in effect from ${v.value.effective}` : "rates in effect then";
  };
  const c = req.correction;
  const how =
    c.kind === "multiplier"
      ? `The meter's multiplier was ${c.billed.toString()} on the bills and should have been ${c.corrected.toString()}, so the usage billed is corrected by that ratio. Our records now carry the right multiplier, so your bills from ${day(fixedFrom)} are read correctly.`
      : c.kind === "slow meter"
        ? `The meter registered ${c.accuracy!.times(100).toString()}% of the water in its test, so the usage it should have billed is the usage billed divided by ${c.accuracy!.toString()}. ${c.share.times(100).toString()}% of the undercharge is billed.`
        : "The usage billed is corrected to the usage below.";
  return {
    kind: "Back-Bill",
    date: ctx.today,
    ...addressee(a),
    subject: `${credit ? "A credit for" : "A correction of"} your past bills, account ${a.account}`,
    paragraphs: [
      `We found that the bills for ${a.serviceAddress} listed below were ${credit ? "too high" : "too low"}: ${reason}. ${how} Each bill is priced again at the rates in effect at the end of its period, and the difference is ${credit ? "credited" : "billed"}.`,
      ...bb.periods.map(
        (p) =>
          `Period ending ${p.asOf}: billed ${quantityText(p.billedUsage)} ${unit} for ${money(p.billed)}; corrected ${quantityText(p.correctedUsage)} ${unit} for ${money(p.corrected)} (${rates(p.asOf)}); difference ${money(p.difference)}${p.included ? "" : `, not billed: it ${p.reason}`}.`,
      ),
      `${credit ? "Credit" : "Amount billed"}: ${money(bb.amount.amount.abs())}${bb.amount.equals(bb.difference) ? "" : ` of the ${money(bb.difference)} difference`}.`,
      n === 1
        ? `It appears on your next bill.`
        : `It is spread over ${n} monthly instalments, one on each of your next ${n} bills: ${bb.instalments.map((m, k) => `${money(m)} (${k === 0 ? "next bill" : `the first bill after ${dates[k]}`})`).join(", ")}.`,
      "If you have questions about this correction, please call or write to us.",
    ],
    task: BACK_BILL_TASK,
  };
}
