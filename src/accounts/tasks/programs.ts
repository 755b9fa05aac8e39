import { emailProblem, isIsoDate, levelPayEnrolment, maskedAccount, moneyText, quantityText, unitLabel } from "../../engine";
import type { AccountChange, CycleAccount, IsoDate, LevelPayQuote, Result } from "../../engine";
import { fail, ZERO } from "../../engine";
import { bankDetailsProblem } from "../../storage/autopayVault";
import type { BankDetails } from "../../storage/autopayVault";
import { appendAccountChanges } from "../accountChanges";
import type { AccountLetter } from "../accountLetters";
import { appendAdjustments } from "./closeService";
import { addressee, change, money, refuse, rowsText, TaskContext, TaskOutcome, Written, finish, yesNo } from "./context";

export const AUTOPAY_TASK = "Autopay";
export const E_BILL_TASK = "E-bill";
export const LEVEL_PAY_TASK = "Level pay";

const MONTH_NAMES = "January February March April May June July August September October November December".split(" ");

/** The account a program task works on, or why it cannot: on the Accounts sheet and in service. */
function inService(ctx: TaskContext, account: string, effective: IsoDate): { ok: true; a: CycleAccount } | { ok: false; message: string } {
  const a = ctx.data.accounts.get(account.trim());
  if (!a) return refuse(`account ${account.trim()} is not on the Accounts sheet`);
  if (a.status === "final" || a.status === "inactive" || a.finalBilledThrough)
    return refuse(
      `account ${a.account} is ${a.finalBilledThrough ? "closed and final billed" : a.status}: programs are for accounts in service`,
    );
  if (!isIsoDate(effective)) return refuse(`the effective date must be a date, YYYY-MM-DD; got "${effective}"`);
  return { ok: true, a };
}

/** Writes the changes and the letter, and says what was done: the ending every program task shares. */
async function record<T>(
  ctx: TaskContext,
  changes: readonly AccountChange[],
  letter: AccountLetter,
  summary: string,
  action: string,
  result: T,
  before: readonly Written[] = [],
): Promise<TaskOutcome<T>> {
  const written: Written[] = [...before, rowsText(await appendAccountChanges(ctx.port, changes))];
  return finish(ctx, written, letter, summary, action, result);
}

/**
 * Enrols an account in autopay (ADR 0010): the routing number is checked by its check digit and the
 * bank account number by its length before anything is kept; the full bank details go only to the
 * vault; the Account Changes hold Autopay = Yes, the routing number and the account masked to its
 * last four digits. The letter shows the masked account and says a zero-dollar prenote goes to the
 * bank first, so drafts start with the cycle after it.
 */
export async function enrolAutopay(
  ctx: TaskContext,
  req: { account: string; routing: string; bankAccount: string; accountType: "checking" | "savings"; effective: IsoDate },
  vault: { keep(details: BankDetails): Promise<void> },
): Promise<TaskOutcome<{ masked: string }>> {
  const found = inService(ctx, req.account, req.effective);
  if (!found.ok) return found;
  const { a } = found;
  const routing = req.routing.trim();
  const bankAccount = req.bankAccount.replace(/[\s-]/g, "");
  const problem = bankDetailsProblem({ routing, bankAccount });
  if (problem) return refuse(problem);
  if (req.accountType !== "checking" && req.accountType !== "savings") return refuse("the bank account must be checking or savings");
  const masked = maskedAccount(bankAccount);
  await vault.keep({ account: a.account, routing, bankAccount, accountType: req.accountType, enrolled: ctx.today });
  const why = a.autopay ? `Bank account changed to ${masked}` : `Enrolled in autopay from ${masked}`;
  const changes = [
    change(ctx, a.account, "Autopay", yesNo(true), yesNo(a.autopay), req.effective, AUTOPAY_TASK, why),
    change(ctx, a.account, "Autopay Routing", routing, a.autopayRouting ?? "", req.effective, AUTOPAY_TASK, why),
    change(ctx, a.account, "Autopay Account", masked, a.autopayAccount ?? "", req.effective, AUTOPAY_TASK, why),
  ];
  const letter: AccountLetter = {
    kind: "Autopay",
    date: ctx.today,
    ...addressee(a),
    subject: `Autopay for account ${a.account}`,
    paragraphs: [
      `Your utility bills for ${a.serviceAddress} will be paid by autopay from your ${req.accountType} account ${masked} (routing number ${routing}), from ${req.effective}.`,
      "First we send your bank a zero-dollar test entry (a prenote) to confirm the account. Drafts start with the billing cycle after it: each bill is drafted on its due date, and the bill shows the amount and the date.",
      "Until your bill says it will be drafted, please pay it as usual. To stop autopay or change the bank account, call or write to us before the due date.",
    ],
    task: AUTOPAY_TASK,
  };
  const summary = `${a.autopay ? "Changed autopay" : "Enrolled in autopay"} for account ${a.account} from ${req.effective}: ${req.accountType} ${masked}, routing ${routing}; a prenote goes first, drafts start the cycle after.`;
  return record(ctx, changes, letter, summary, "account.autopay-enrolled", { masked });
}

/** Ends autopay: Autopay = No, the bank routing and masked account cleared, the vault's entry dropped, and a letter saying bills are no longer drafted. */
export async function withdrawAutopay(
  ctx: TaskContext,
  req: { account: string; effective: IsoDate; reason: string },
  vault?: { drop(account: string): Promise<void> },
): Promise<TaskOutcome> {
  const found = inService(ctx, req.account, req.effective);
  if (!found.ok) return found;
  const { a } = found;
  if (!a.autopay) return refuse(`account ${a.account} is not on autopay`);
  const reason = req.reason.trim() || "Customer asked to end autopay";
  const from = a.autopayAccount ? ` from ${a.autopayAccount}` : "";
  const changes = [change(ctx, a.account, "Autopay", yesNo(false), yesNo(true), req.effective, AUTOPAY_TASK, reason)];
  if (a.autopayRouting) changes.push(change(ctx, a.account, "Autopay Routing", "", a.autopayRouting, req.effective, AUTOPAY_TASK, reason));
  if (a.autopayAccount) changes.push(change(ctx, a.account, "Autopay Account", "", a.autopayAccount, req.effective, AUTOPAY_TASK, reason));
  await vault?.drop(a.account);
  const letter: AccountLetter = {
    kind: "Autopay",
    date: ctx.today,
    ...addressee(a),
    subject: `Autopay ended for account ${a.account}`,
    paragraphs: [
      `Autopay for ${a.serviceAddress} ends on ${req.effective} (${reason}). Bills dated from then on are not drafted${from}.`,
      "Please pay each bill by its due date, by mail, in person, at the drop box, by phone or online. You can enrol in autopay again at any time.",
    ],
    task: AUTOPAY_TASK,
  };
  const summary = `Ended autopay for account ${a.account} from ${req.effective}: ${reason}.`;
  return record(ctx, changes, letter, summary, "account.autopay-withdrawn", undefined);
}

/** Turns paperless billing on (with a checked email address) or off, and confirms it by letter to the mailing address. */
export async function setEBill(
  ctx: TaskContext,
  req: { account: string; on: boolean; email?: string; effective: IsoDate },
): Promise<TaskOutcome> {
  const found = inService(ctx, req.account, req.effective);
  if (!found.ok) return found;
  const { a } = found;
  const email = (req.email ?? a.email ?? "").trim();
  if (req.on) {
    const problem = emailProblem(email);
    if (problem) return refuse(problem);
    if (a.eBill && email.toLowerCase() === (a.email ?? "").toLowerCase())
      return refuse(`account ${a.account} already gets its bills by email at ${email}`);
  } else if (!a.eBill) return refuse(`account ${a.account} already gets paper bills`);
  const why = req.on ? (a.eBill ? "E-bill address changed" : "Customer chose paperless billing") : "Customer chose paper bills";
  const changes: AccountChange[] = [];
  if (req.on !== a.eBill) changes.push(change(ctx, a.account, "E-Bill", yesNo(req.on), yesNo(a.eBill), req.effective, E_BILL_TASK, why));
  if (req.on && email !== (a.email ?? ""))
    changes.push(change(ctx, a.account, "Email", email, a.email ?? "", req.effective, E_BILL_TASK, why));
  const letter: AccountLetter = {
    kind: "E-Bill",
    date: ctx.today,
    ...addressee(a),
    subject: req.on ? `Paperless billing for account ${a.account}` : `Paper bills again for account ${a.account}`,
    paragraphs: req.on
      ? [
          `From ${req.effective}, your bills for ${a.serviceAddress} are sent by email to ${email} instead of by mail.`,
          "The email comes on the bill date with the amount due and the due date. If it does not arrive, call us: the amount is still due. Notices about a past-due balance or a shutoff still come by mail.",
        ]
      : [
          `From ${req.effective}, your bills for ${a.serviceAddress} come by mail to ${addressee(a).mailTo} instead of by email.`,
          "You can choose paperless billing again at any time.",
        ],
    task: E_BILL_TASK,
  };
  const summary = req.on
    ? `Paperless billing for account ${a.account} from ${req.effective}: bills to ${email}.`
    : `Paper bills again for account ${a.account} from ${req.effective}.`;
  return record(ctx, changes, letter, summary, req.on ? "account.ebill-on" : "account.ebill-off", undefined);
}

const addressKey = (address: string) => address.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * The account's level pay amount (levelPayEnrolment): its last 12 months of usage priced at the
 * rates in effect each month, or, for a customer new to the address, the Usage History of the
 * address's other accounts (the same service address, without regard to case or spacing).
 */
export function quoteLevelPay(ctx: TaskContext, account: string): Result<LevelPayQuote> {
  const a = ctx.data.accounts.get(account.trim());
  if (!a) return fail("INVALID_INPUT", `account ${account.trim()} is not on the Accounts sheet`);
  const key = addressKey(a.serviceAddress);
  const premise = key
    ? [...ctx.data.accounts.values()]
        .filter((o) => o.account !== a.account && addressKey(o.serviceAddress) === key)
        .flatMap((o) => ctx.data.history.get(o.account) ?? [])
    : [];
  return levelPayEnrolment(a, ctx.data.history.get(a.account) ?? [], premise, ctx.schedule);
}

/**
 * Enrols an account in level pay: the amount from its own year (or the premise's), Level Pay = Yes,
 * the amount and a deferred balance starting at 0; the letter shows how the amount was found, month
 * by month, and that the true-up month (the policy's, November in Pocatello) settles the difference.
 */
export async function enrolLevelPay(ctx: TaskContext, req: { account: string; effective: IsoDate }): Promise<TaskOutcome<LevelPayQuote>> {
  const found = inService(ctx, req.account, req.effective);
  if (!found.ok) return found;
  const { a } = found;
  if (a.levelPay)
    return refuse(`account ${a.account} is already on level pay${a.levelPayAmount ? ` at ${money(a.levelPayAmount)} a month` : ""}`);
  const quote = quoteLevelPay(ctx, a.account);
  if (!quote.ok) return refuse(quote.problem.message);
  const q = quote.value;
  const amount = q.amount.toFixed(2);
  const why = `Level pay: ${q.reason}`;
  const changes = [
    change(ctx, a.account, "Level Pay", yesNo(true), yesNo(false), req.effective, LEVEL_PAY_TASK, why),
    change(ctx, a.account, "Level Pay Amount", amount, a.levelPayAmount?.toFixed(2) ?? "", req.effective, LEVEL_PAY_TASK, why),
    change(
      ctx,
      a.account,
      "Level Pay Deferred",
      "0",
      a.levelPayDeferred.toFixed(2),
      req.effective,
      LEVEL_PAY_TASK,
      "Level pay starts with nothing deferred",
    ),
  ];
  const trueUp = MONTH_NAMES[ctx.policy.levelPayTrueUpMonth - 1];
  const unit = unitLabel(ctx.schedule.usageUnit);
  const months = `${q.months.length} month${q.months.length === 1 ? "" : "s"}`;
  const letter: AccountLetter = {
    kind: "Level Pay",
    date: ctx.today,
    ...addressee(a),
    subject: `Level pay for account ${a.account}: ${money(q.amount)} a month`,
    paragraphs: [
      `From ${req.effective}, your bill for ${a.serviceAddress} asks for the same amount each month: ${money(q.amount)}.`,
      `How we found it: the average of ${q.source === "premise" ? `the last ${months} of bills at this address (your account is new, so the bills before you moved in count)` : `your last ${months} of bills`}, ${money(q.months.reduce((t, m) => t.plus(m.charges), ZERO))} in all, at the rates in effect each month: ${q.months
        .map(
          (m) =>
            `${MONTH_NAMES[Number(m.periodEnd.slice(5, 7)) - 1].slice(0, 3)} ${m.periodEnd.slice(0, 4)} ${quantityText(m.usage)} ${unit} ${moneyText(m.charges)}`,
        )
        .join("; ")}.`,
      `Each bill still shows your actual charges; the difference from the level amount is carried as a deferred balance. Every ${trueUp} the deferred balance is settled on that bill (billed if you used more, credited if less) and a new level amount is set from your last 12 months. If you leave level pay or close the account, the deferred balance is settled on your next bill.`,
    ],
    task: LEVEL_PAY_TASK,
  };
  const summary = `Enrolled account ${a.account} in level pay from ${req.effective} at ${money(q.amount)} a month (${q.source === "account" ? "its own" : "the premise's"} ${q.months.length} months); trued up every ${trueUp}.`;
  return record(ctx, changes, letter, summary, "account.levelpay-enrolled", q);
}

/**
 * Ends level pay: Level Pay = No and its amount cleared. The cycle bills a level-pay account's
 * deferred balance only on a final bill (statement.ts), so the deferred balance is posted here as an
 * Adjustments charge (or credit) dated the later of today and the effective date: the next bill
 * carries it, and Level Pay Deferred is set to 0.
 */
export async function withdrawLevelPay(ctx: TaskContext, req: { account: string; effective: IsoDate }): Promise<TaskOutcome> {
  const found = inService(ctx, req.account, req.effective);
  if (!found.ok) return found;
  const { a } = found;
  if (!a.levelPay) return refuse(`account ${a.account} is not on level pay`);
  const deferred = a.levelPayDeferred;
  const why = "Customer left level pay";
  const changes = [change(ctx, a.account, "Level Pay", yesNo(false), yesNo(true), req.effective, LEVEL_PAY_TASK, why)];
  if (a.levelPayAmount)
    changes.push(change(ctx, a.account, "Level Pay Amount", "", a.levelPayAmount.toFixed(2), req.effective, LEVEL_PAY_TASK, why));
  const written: Written[] = [];
  if (!deferred.isZero()) {
    const date = req.effective < ctx.today ? ctx.today : req.effective;
    written.push(
      rowsText(
        await appendAdjustments(ctx, [
          {
            account: a.account,
            date,
            kind: deferred.isNegative() ? "credit" : "charge",
            service: "level pay",
            amount: deferred,
            corrects: "",
            description: `Level pay ended ${req.effective}: the deferred balance of ${money(deferred)} ${deferred.isNegative() ? "credited" : "billed"}`,
          },
        ]),
      ),
    );
    changes.push(
      change(
        ctx,
        a.account,
        "Level Pay Deferred",
        "0",
        deferred.toFixed(2),
        date,
        LEVEL_PAY_TASK,
        `Settled on the Adjustments sheet, ${date}`,
      ),
    );
  }
  const settle = deferred.isZero()
    ? "Nothing is deferred, so there is nothing to settle."
    : deferred.isNegative()
      ? `The ${money(deferred.negated())} your level payments ran ahead of your actual charges is credited on your next bill.`
      : `The deferred balance of ${money(deferred)} (actual charges above the level amounts billed since the last true-up) is billed on your next bill.`;
  const letter: AccountLetter = {
    kind: "Level Pay",
    date: ctx.today,
    ...addressee(a),
    subject: `Level pay ended for account ${a.account}`,
    paragraphs: [
      `From ${req.effective}, your bills for ${a.serviceAddress} show your actual charges each month instead of a level amount.`,
      settle,
    ],
    task: LEVEL_PAY_TASK,
  };
  const summary = `Ended level pay for account ${a.account} from ${req.effective}${deferred.isZero() ? ", nothing deferred" : `: deferred ${money(deferred)} ${deferred.isNegative() ? "credited" : "billed"} on the next bill`}.`;
  return record(ctx, changes, letter, summary, "account.levelpay-withdrawn", undefined, written);
}
