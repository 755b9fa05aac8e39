import type { CycleAccount, Instalment, IsoDate, Payment, PaymentPlan } from "../engine";
import { Dec, moneyText, netPaid, planStatus, toExcelSerial, ZERO } from "../engine";
import { cellDate, cellDecimal, idText, shown } from "../workbook/cells";
import { rowsOf } from "../workbook/contextSheets";
import type { SheetValues, WorkbookPort } from "../workbook/port";
import { locateTable } from "../workbook/table";
import { appendTable, AppendedRows, ownColumns } from "./appendTable";
import { PAYMENT_PLANS_SHEET } from "./sheets";

type PlanField = "plan" | "account" | "agreed" | "balance" | "line" | "due" | "amount";

/** The Payment Plans sheet: one row per line of each plan (its down payment, then every instalment), never edited. */
export const PLAN_COLUMNS = ownColumns<PlanField>(
  [
    ["plan", "Plan"],
    ["account", "Account"],
    ["agreed", "Agreed"],
    ["balance", "Balance"],
    ["line", "Line"],
    ["due", "Due"],
    ["amount", "Amount"],
  ],
  7,
);

export const DOWN_PAYMENT_LINE = "Down payment";
const instalmentLine = (i: Instalment, n: number) => `Instalment ${i.number} of ${n}`;
const INSTALMENT = /^instalment (\d+) of (\d+)$/i;

/** A plan as the sheet keeps it: the plan with its id. */
export interface RecordedPlan extends PaymentPlan {
  readonly id: string;
}

/** The plan's id: "PP-100102-20261102", with "-2", "-3" when the account has another plan that day. */
export function planId(plan: PaymentPlan, taken: ReadonlySet<string>): string {
  const base = `PP-${plan.account}-${plan.agreed.replace(/-/g, "")}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Adds a plan's lines to the Payment Plans sheet (creating it): the down payment due the day it is agreed, then each instalment. */
export function appendPlan(port: WorkbookPort, id: string, plan: PaymentPlan): Promise<AppendedRows> {
  const n = plan.instalments.length;
  const line = (label: string, due: IsoDate, amount: Dec) => ({
    plan: id,
    account: plan.account,
    agreed: toExcelSerial(plan.agreed),
    balance: plan.balance.toNumber(),
    line: label,
    due: toExcelSerial(due),
    amount: amount.toNumber(),
  });
  return appendTable(
    port,
    PAYMENT_PLANS_SHEET,
    PLAN_COLUMNS,
    [line(DOWN_PAYMENT_LINE, plan.agreed, plan.downPayment), ...plan.instalments.map((i) => line(instalmentLine(i, n), i.due, i.amount))],
    {
      formats: { agreed: "yyyy-mm-dd", due: "yyyy-mm-dd", balance: "#,##0.00", amount: "#,##0.00" },
      widths: { plan: 22, line: 18 },
    },
  );
}

export interface PlansRead {
  /** Each account's latest plan (by the day it was agreed, then by its place on the sheet). */
  readonly plans: Map<string, RecordedPlan>;
  /** Every plan id on the sheet, for the next id. */
  readonly ids: Set<string>;
  readonly problems: string[];
}

/**
 * Reads the Payment Plans sheet back into plans: a plan's lines share its id; its down payment and
 * instalments must add up to its balance, or the plan is named as a problem and left out (the
 * cycle would otherwise judge the account against a plan nobody agreed to).
 */
export function parsePlans(data: SheetValues | undefined): PlansRead {
  const plans = new Map<string, RecordedPlan>();
  const ids = new Set<string>();
  if (!data) return { plans, ids, problems: [] };
  const found = locateTable(data, PLAN_COLUMNS);
  if (!found.ok) return { plans, ids, problems: [`${PAYMENT_PLANS_SHEET}: ${found.message}`] };
  const problems: string[] = [];
  const lines = new Map<string, { account: string; agreed: IsoDate; balance: Dec; down: Dec; instalments: Instalment[]; of: number }>();
  for (const { get, where } of rowsOf(data, found.table, PLAN_COLUMNS)) {
    const id = idText(get("plan"));
    const account = idText(get("account"));
    const agreed = cellDate(get("agreed"));
    const balance = cellDecimal(get("balance"), data.culture);
    const due = cellDate(get("due"));
    const amount = cellDecimal(get("amount"), data.culture);
    const label = idText(get("line"));
    const bad = !id
      ? `${where("plan")}: a plan line needs its plan id`
      : !account
        ? `${where("account")}: a plan line needs an account`
        : !agreed
          ? `${where("agreed")}: Agreed must be a date; got ${shown(get("agreed"))}`
          : !balance
            ? `${where("balance")}: Balance must be an amount; got ${shown(get("balance"))}`
            : !due
              ? `${where("due")}: Due must be a date; got ${shown(get("due"))}`
              : !amount
                ? `${where("amount")}: Amount must be an amount; got ${shown(get("amount"))}`
                : undefined;
    if (id) ids.add(id);
    if (bad) {
      problems.push(bad);
      continue;
    }
    let entry = lines.get(id);
    if (!entry) lines.set(id, (entry = { account, agreed: agreed!, balance: balance!, down: ZERO, instalments: [], of: 0 }));
    const m = INSTALMENT.exec(label);
    if (label.toLowerCase() === DOWN_PAYMENT_LINE.toLowerCase()) entry.down = amount!;
    else if (m) {
      entry.instalments.push({ number: Number(m[1]), due: due!, amount: amount! });
      entry.of = Number(m[2]);
    } else problems.push(`${where("line")}: Line must be "${DOWN_PAYMENT_LINE}" or "Instalment 1 of 3"; got ${shown(get("line"))}`);
  }
  for (const [id, e] of lines) {
    const instalments = [...e.instalments].sort((a, b) => a.number - b.number);
    const total = instalments.reduce((s, i) => s.plus(i.amount), e.down);
    if (instalments.length === 0 || instalments.length !== e.of || !total.equals(e.balance)) {
      problems.push(
        `${PAYMENT_PLANS_SHEET}: plan ${id} is left out: its down payment and ${instalments.length} of ${e.of} instalments add up to ${moneyText(total)}, not its balance of ${moneyText(e.balance)}`,
      );
      continue;
    }
    const plan: RecordedPlan = {
      id,
      account: e.account,
      balance: e.balance,
      downPayment: e.down,
      agreed: e.agreed,
      instalments,
      until: instalments[instalments.length - 1].due,
    };
    const before = plans.get(e.account);
    if (!before || before.agreed <= plan.agreed) plans.set(e.account, plan);
  }
  return { plans, ids, problems };
}

/** Each account's latest payment plan on the Payment Plans sheet. */
export async function readPlans(port: WorkbookPort): Promise<ReadonlyMap<string, PaymentPlan>> {
  return parsePlans(await port.readSheet(PAYMENT_PLANS_SHEET)).plans;
}

/** What a plan's customer has paid since it was agreed, each payment net of any return (netPaid). */
export function paidSince(plan: PaymentPlan, payments: readonly Payment[]): { date: IsoDate; amount: Dec }[] {
  return payments.filter((p) => p.account === plan.account && p.date >= plan.agreed).map((p) => ({ date: p.date, amount: netPaid(p) }));
}

/**
 * The accounts a cycle bills, each with its payment plan judged at the bill date (planStatus) from
 * the payments since the plan was agreed: a kept plan keeps the account off the notice ladder; a
 * missed plan, or one paid off, ends the arrangement for this cycle (the ladder applies again).
 * Only a plan whose arrangement the account still carries (its Arrangement Until is the plan's last
 * instalment) is judged; one agreed after the bill date is not yet in force. Each planned account in
 * `accounts` is replaced by a copy carrying the plan's state and reason, for the Delinquency List.
 */
export function applyPlans(
  accounts: CycleAccount[],
  plans: ReadonlyMap<string, PaymentPlan>,
  payments: readonly Payment[],
  billDate: IsoDate,
): void {
  if (plans.size === 0) return;
  const byAccount = new Map<string, Payment[]>();
  for (const p of payments)
    if (plans.has(p.account)) {
      const list = byAccount.get(p.account);
      if (list) list.push(p);
      else byAccount.set(p.account, [p]);
    }
  accounts.forEach((a, i) => {
    const plan = plans.get(a.account);
    if (!plan || plan.agreed > billDate || a.arrangementUntil !== plan.until) return;
    const status = planStatus(plan, paidSince(plan, byAccount.get(a.account) ?? []), billDate);
    const reason =
      status.state === "kept"
        ? `${moneyText(status.remaining)} left, until ${plan.until}`
        : status.state === "paid off"
          ? `the plan's ${moneyText(plan.balance)} agreed ${plan.agreed} is paid`
          : status.reason;
    const note = { state: status.state, reason };
    accounts[i] =
      status.state === "kept" ? { ...a, plan: note } : { ...a, arrangementUntil: undefined, arrangementAmount: undefined, plan: note };
  });
}
