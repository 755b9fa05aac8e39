import { Dec, ZERO } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import { computeBill } from "../bills/computeBill";
import { selectVersion } from "../rates/selectVersion";
import { fail, ok, Result } from "../problems";
import { distributionOf } from "./distribution";
import { BlockTally, UsageBrackets } from "./frequency";
import { typicalBills } from "./typicalBills";
import type { RateSchedule } from "../rates/types";
import type { AccountImpact, ImpactAccountInputs, ImpactRequest, ImpactResult, RevenueRow } from "./types";

/** A distinct bill's price under each schedule: the total and each service's amount, in whole cents. */
interface Priced {
  readonly totals: number[];
  /** [service index, cents] pairs, per schedule. */
  readonly services: [number, number][][];
}

/** Every input a bill is priced on, as one key: bills with the same key price the same. */
export function billKey(inputs: ImpactAccountInputs, periodEnd: IsoDate, usage: Dec): string {
  const c = inputs.carts;
  const k = inputs.containers;
  const addOns = inputs.addOns
    ? Object.keys(inputs.addOns)
        .sort()
        .map((a) => `${a}=${inputs.addOns![a]}`)
        .join(",")
    : "";
  return [
    periodEnd,
    inputs.rateClass ?? "",
    inputs.meterSize ?? "",
    inputs.dwellingUnits ?? 1,
    c ? `${c.count}:${c.size ?? ""}` : "-",
    k ? `${k.count}:${k.size ?? ""}:${k.pickupsPerWeek}` : "-",
    addOns,
    inputs.days ?? "",
    inputs.winterAverage?.toString() ?? "",
    inputs.services?.join(",") ?? "",
    usage.toString(),
  ].join("|");
}

const cents = (d: Dec) => d.times(100).toNumber();
const dollars = (c: number) => new Dec(c).div(100);

/**
 * A proposed rate against real usage (AWWA Manual M1's bill-frequency method, done exactly): every
 * past bill priced again under each schedule, with the account's class, meter size, units and carts
 * as they were at the bill's period end, rounded line by line as a bill is. Revenue by month, class
 * and service; each account's change from the current schedule (the first) to the first proposed
 * one; the bill tabulation of the current schedule's blocks; the typical residential bill at 3 to
 * 15 thousand gallons. A bill one schedule cannot price is left out of every schedule, with why, so
 * the comparison is of the same bills. Bills with the same inputs are priced once: a city's months
 * hold far fewer distinct bills than bills.
 */
export function rateImpact(request: ImpactRequest): Result<ImpactResult> {
  const { schedules } = request;
  if (schedules.length < 2) return fail("INVALID_INPUT", "a rate impact compares the current schedule with at least one proposed schedule");
  const n = schedules.length;
  const serviceIndex = new Map<string, number>();
  const serviceNames: string[] = [];
  const serviceOf = (name: string) => {
    let i = serviceIndex.get(name);
    if (i === undefined) {
      i = serviceNames.length;
      serviceIndex.set(name, i);
      serviceNames.push(name);
    }
    return i;
  };
  const memo = new Map<string, Priced | string>();
  const price = (inputs: ImpactAccountInputs, periodEnd: IsoDate, usage: Dec): Priced | string => {
    const key = billKey(inputs, periodEnd, usage);
    const known = memo.get(key);
    if (known !== undefined) return known;
    const totals: number[] = [];
    const services: [number, number][][] = [];
    let found: Priced | string = { totals, services };
    for (const schedule of schedules) {
      const bill = computeBill(schedule, { ...inputs, usage, asOf: periodEnd });
      if (!bill.ok) {
        found = `schedule ${schedule.id}: ${bill.problem.message}`;
        break;
      }
      totals.push(cents(bill.value.total.amount));
      services.push(bill.value.services.map((s) => [serviceOf(s.service), cents(s.amount.amount)]));
    }
    memo.set(key, found);
    return found;
  };

  const revenue = new Map<string, number[]>();
  const byAccount = new Map<string, { rateClass: string; bills: number; usage: Dec; totals: number[] }>();
  const skipped: { account: string; periodEnd: IsoDate; reason: string }[] = [];
  const tally = new BlockTally(schedules[0], request.bills);
  // The proposed schedule's own blocks when they are not the current one's (a new tier structure).
  const proposedTally = sameBlocks(schedules[0], schedules[1], request.bills) ? undefined : new BlockTally(schedules[1], request.bills);
  const brackets = new UsageBrackets(schedules[0].usageUnit);
  const months = new Set<string>();
  const modal = new Map<string, { inputs: ImpactAccountInputs; count: number }>();
  let priced = 0;
  for (const b of request.bills) {
    const inputs = request.inputsOf(b.account, b.periodEnd);
    if (!inputs) {
      skipped.push({ account: b.account, periodEnd: b.periodEnd, reason: `account ${b.account} is not on the Accounts sheet` });
      continue;
    }
    const p = price(inputs, b.periodEnd, b.usage);
    if (typeof p === "string") {
      skipped.push({ account: b.account, periodEnd: b.periodEnd, reason: p });
      continue;
    }
    priced++;
    const rateClass = inputs.rateClass ?? schedules[0].classes[0];
    const month = b.periodEnd.slice(0, 7);
    months.add(month);
    for (let s = 0; s < n; s++)
      for (const [service, amount] of p.services[s]) {
        const key = `${month}\u0000${rateClass}\u0000${service}`;
        let row = revenue.get(key);
        if (!row) revenue.set(key, (row = new Array<number>(n).fill(0)));
        row[s] += amount;
      }
    let a = byAccount.get(b.account);
    if (!a) byAccount.set(b.account, (a = { rateClass, bills: 0, usage: ZERO, totals: new Array<number>(n).fill(0) }));
    a.rateClass = rateClass;
    a.bills++;
    a.usage = a.usage.plus(b.usage);
    for (let s = 0; s < n; s++) a.totals[s] += p.totals[s];
    tally.add(b.account, b.usage);
    proposedTally?.add(b.account, b.usage);
    brackets.add(b.usage);
    const shape = billKey({ ...inputs }, "", ZERO);
    const m = modal.get(shape);
    if (m) m.count++;
    else modal.set(shape, { inputs, count: 1 });
  }

  const rows: RevenueRow[] = [...revenue]
    .map(([key, amounts]) => {
      const [month, rateClass, service] = key.split("\u0000");
      return { month, rateClass, service: serviceNames[Number(service)], order: Number(service), amounts };
    })
    .sort((x, y) =>
      x.month < y.month ? -1 : x.month > y.month ? 1 : x.rateClass < y.rateClass ? -1 : x.rateClass > y.rateClass ? 1 : x.order - y.order,
    )
    .map(({ month, rateClass, service, amounts }) => ({ month, rateClass, service, amounts: amounts.map(dollars) }));
  const totals = new Array<number>(n).fill(0);
  for (const row of revenue.values()) for (let s = 0; s < n; s++) totals[s] += row[s];

  const accounts: AccountImpact[] = [...byAccount].map(([account, a]) => {
    const diff = a.totals[1] - a.totals[0];
    const monthlyChange = new Dec(diff).div(a.bills).toDecimalPlaces(0, Dec.ROUND_HALF_UP).div(100);
    return {
      account,
      rateClass: a.rateClass,
      bills: a.bills,
      usage: a.usage,
      totals: a.totals.map(dollars),
      monthlyChange,
      percentChange: a.totals[0] === 0 ? null : new Dec(diff).times(100).div(a.totals[0]).toDecimalPlaces(2, Dec.ROUND_HALF_UP),
    };
  });
  const typicalClass = schedules[0].classes.includes("residential") ? "residential" : schedules[0].classes[0];
  const shapes = [...modal.values()].filter((m) => (m.inputs.rateClass ?? schedules[0].classes[0]) === typicalClass);
  const commonest = shapes.reduce<(typeof shapes)[number] | undefined>((best, m) => (!best || m.count > best.count ? m : best), undefined);
  const lastMonthEnd = request.bills.reduce<IsoDate | undefined>((d, b) => (!d || b.periodEnd > d ? b.periodEnd : d), undefined);
  return ok({
    scheduleIds: schedules.map((s) => s.id),
    months: [...months].sort(),
    revenue: rows,
    totals: totals.map(dollars),
    accounts,
    distribution: distributionOf(accounts),
    frequency: [...tally.result(), ...(proposedTally?.result() ?? [])],
    brackets: brackets.result(),
    byClass: [...new Set(accounts.map((a) => a.rateClass))]
      .sort()
      .map((rateClass) => ({ rateClass, distribution: distributionOf(accounts.filter((a) => a.rateClass === rateClass)) })),
    typical: {
      rateClass: typicalClass,
      inputs: { ...(commonest?.inputs ?? {}), rateClass: typicalClass },
      bills: lastMonthEnd ? typicalBills(schedules, { ...(commonest?.inputs ?? {}), rateClass: typicalClass }, lastMonthEnd) : [],
    },
    billsPriced: priced,
    distinctBills: memo.size,
    skipped,
  });
}

/** True when two schedules' block charges (ids, limits and units) are the same at the latest bill: one tabulation serves both. */
function sameBlocks(a: RateSchedule, b: RateSchedule, bills: ImpactRequest["bills"]): boolean {
  const latest = bills.reduce<IsoDate | undefined>((d, x) => (!d || x.periodEnd > d ? x.periodEnd : d), undefined);
  if (!latest) return true;
  const shape = (s: RateSchedule) => {
    const v = selectVersion(s, latest);
    return v.ok
      ? v.value.charges
          .filter((c) => c.kind === "blocks")
          .map((c) => (c.kind === "blocks" ? `${c.id}:${c.unit}:${c.blocks.map((x) => x.upTo?.toString() ?? "-").join(",")}` : ""))
          .join(";")
      : "";
  };
  return shape(a) === shape(b);
}

/** The accounts whose average bill changes most, by dollars (largest first; ties by account). */
export function mostAffected(accounts: readonly AccountImpact[], count = 25): AccountImpact[] {
  return [...accounts]
    .sort((a, b) => b.monthlyChange.abs().comparedTo(a.monthlyChange.abs()) || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0))
    .slice(0, count);
}

/** Bills with the same inputs, counted once: the bill-frequency table a solver prices again and again. */
export interface TabulatedBill {
  readonly inputs: ImpactAccountInputs;
  readonly periodEnd: IsoDate;
  readonly usage: Dec;
  readonly count: number;
}

/** The bills grouped by what they are priced on (billKey); bills of unknown accounts are left out. */
export function tabulateBills(bills: ImpactRequest["bills"], inputsOf: ImpactRequest["inputsOf"]): TabulatedBill[] {
  const table = new Map<string, { inputs: ImpactAccountInputs; periodEnd: IsoDate; usage: Dec; count: number }>();
  for (const b of bills) {
    const inputs = inputsOf(b.account, b.periodEnd);
    if (!inputs) continue;
    const key = billKey(inputs, b.periodEnd, b.usage);
    const row = table.get(key);
    if (row) row.count++;
    else table.set(key, { inputs, periodEnd: b.periodEnd, usage: b.usage, count: 1 });
  }
  return [...table.values()];
}

/** The tabulated bills' revenue under a schedule: each distinct bill priced once, times its count, exact to the cent. */
export function revenueUnder(table: readonly TabulatedBill[], schedule: RateSchedule): Result<Dec> {
  let total = 0;
  for (const t of table) {
    const bill = computeBill(schedule, { ...t.inputs, usage: t.usage, asOf: t.periodEnd });
    if (!bill.ok) return fail(bill.problem.code, `schedule ${schedule.id}, ${t.periodEnd}: ${bill.problem.message}`);
    total += cents(bill.value.total.amount) * t.count;
  }
  return ok(dollars(total));
}
