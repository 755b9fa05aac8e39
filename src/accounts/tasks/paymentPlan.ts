import { calendarFor, DEFAULT_PLAN_POLICY, fail, isIsoDate, makePlan, minimumDownPayment } from "../../engine";
import type { Dec, IsoDate, PaymentPlan, Result } from "../../engine";
import { accountBalance, CounterData } from "../../payments/counterData";
import { appendAccountChanges } from "../accountChanges";
import type { AccountLetter } from "../accountLetters";
import { appendPlan, parsePlans, planId } from "../plans";
import { PAYMENT_PLANS_SHEET } from "../sheets";
import { addressee, change, money, refuse, rowsText, TaskContext, TaskOutcome, Written, finish } from "./context";

export const PLAN_TASK = "Payment plan";

export interface PlanTaskRequest {
  readonly account: string;
  readonly downPayment: Dec;
  readonly instalments: number;
  /** The first instalment's due date; the rest fall a month apart. */
  readonly firstDue: IsoDate;
}

/** What the form offers before any preview: the balance a plan would cover, the least down payment and the most instalments. */
export function planTerms(
  data: CounterData,
  account: string,
  today: IsoDate,
): { balance: Dec; minimumDown: Dec; maximumInstalments: number } {
  const balance = accountBalance(data, account, today).now;
  return {
    balance,
    minimumDown: minimumDownPayment(balance, DEFAULT_PLAN_POLICY),
    maximumInstalments: DEFAULT_PLAN_POLICY.maximumInstalments,
  };
}

/**
 * The plan the customer would sign: the balance the account owes now (the one balance rule, as
 * today began: the plan judges every payment from today on, the down payment first), less the down
 * payment due today, in monthly instalments (makePlan: the odd cents on the first). Refused, with
 * the reason, by the plan policy.
 */
export function previewPlan(ctx: TaskContext, req: PlanTaskRequest): Result<PaymentPlan> {
  const a = ctx.data.accounts.get(req.account.trim());
  if (!a) return fail("INVALID_INPUT", `account ${req.account.trim()} is not on the Accounts sheet`);
  if (!isIsoDate(req.firstDue))
    return fail("INVALID_INPUT", `the first instalment's due date must be a date, YYYY-MM-DD; got "${req.firstDue}"`);
  // Owed as today began: a payment today (the down payment, taken as the plan is signed) counts toward the plan.
  const balance = accountBalance(ctx.data, a.account, ctx.today).now;
  return makePlan(
    { account: a.account, balance, downPayment: req.downPayment, instalments: req.instalments, agreed: ctx.today, firstDue: req.firstDue },
    DEFAULT_PLAN_POLICY,
    // An instalment falling on a weekend or holiday is due the next business day, as bills are.
    calendarFor(ctx.policy),
  );
}

/**
 * Sets up a payment plan: its lines on the Payment Plans sheet (the down payment, then each
 * instalment with its date and amount), the account's arrangement (Arrangement Until = the last
 * instalment's date, Arrangement Amount = the regular instalment) from today, and the agreement by
 * letter. Each cycle judges the plan by its instalments (applyPlans): a missed one returns the
 * account to the notice ladder.
 */
export async function setUpPlan(ctx: TaskContext, req: PlanTaskRequest): Promise<TaskOutcome<PaymentPlan>> {
  const preview = previewPlan(ctx, req);
  if (!preview.ok) return refuse(preview.problem.message);
  const plan = preview.value;
  const a = ctx.data.accounts.get(plan.account)!;
  const id = planId(plan, parsePlans(await ctx.port.readSheet(PAYMENT_PLANS_SHEET)).ids);
  const n = plan.instalments.length;
  const regular = plan.instalments[n - 1].amount;
  const written: Written[] = [rowsText(await appendPlan(ctx.port, id, plan))];
  const why = `Payment plan ${id}: ${money(plan.balance)}, ${money(plan.downPayment)} down and ${n} instalment${n === 1 ? "" : "s"}`;
  written.push(
    rowsText(
      await appendAccountChanges(ctx.port, [
        change(ctx, a.account, "Arrangement Until", plan.until, a.arrangementUntil ?? "", ctx.today, PLAN_TASK, why),
        change(ctx, a.account, "Arrangement Amount", regular.toFixed(2), a.arrangementAmount?.toFixed(2) ?? "", ctx.today, PLAN_TASK, why),
      ]),
    ),
  );
  const letter = planLetter(ctx, plan, id);
  const summary = `Payment plan ${id} for account ${a.account}: ${money(plan.balance)}, ${money(plan.downPayment)} down today, then ${n} monthly instalment${n === 1 ? "" : "s"} (${plan.instalments.map((i) => `${money(i.amount)} on ${i.due}`).join(", ")}) until ${plan.until}.`;
  return finish(ctx, written, letter, summary, "account.plan-agreed", plan);
}

/** The written agreement: what is owed, when each payment is due, and what a missed one means. */
function planLetter(ctx: TaskContext, plan: PaymentPlan, id: string): AccountLetter {
  const a = ctx.data.accounts.get(plan.account)!;
  const n = plan.instalments.length;
  return {
    kind: "Payment Plan",
    date: ctx.today,
    ...addressee(a),
    subject: `Your payment plan for account ${a.account}`,
    paragraphs: [
      `This letter confirms the written payment plan (${id}) agreed on ${plan.agreed} for the ${money(plan.balance)} owed on your account for ${a.serviceAddress}.`,
      `Down payment ${money(plan.downPayment)}, due ${plan.agreed}; then ${plan.instalments.map((i) => `${money(i.amount)} due ${i.due}`).join("; ")} (${n} instalment${n === 1 ? "" : "s"}). Please keep paying your new bills by their due dates as well.`,
      "While each payment is made by its date, your service stays on and you get no late or shutoff notice for the balance in the plan. The plan starts when the down payment is paid. If a payment is missed, the plan ends and the past-due balance gets the usual late and shutoff notices.",
    ],
    task: PLAN_TASK,
  };
}
