/** Property tests for the cycle's money invariants over random accounts, balances and payments. */
import fc from "fast-check";
import {
  CycleAccount,
  CycleInput,
  dec,
  Money,
  OpeningBalance,
  Payment,
  POCATELLO_POLICY,
  runCycle,
  sumMoney,
  ZERO,
} from "../../src/engine";
import { loadSchedule, reading } from "../support/samples";

const schedules = [loadSchedule("chubbuck"), loadSchedule("harlingen")];
const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => dec(c).div(100));

const accountArb = fc.record({
  usage: fc.integer({ min: 0, max: 60_000 }),
  aging: fc.tuple(cents(30_000), cents(20_000), cents(20_000), cents(20_000)),
  water: fc.integer({ min: 0, max: 100 }),
  payments: fc.array(
    fc.record({ day: fc.integer({ min: 1, max: 40 }), amount: cents(40_000).filter((d) => d.greaterThan(0)), returned: fc.boolean() }),
    { maxLength: 3 },
  ),
  levelPay: fc.option(
    cents(20_000).filter((d) => d.greaterThan(0)),
    { nil: undefined },
  ),
  carts: fc.integer({ min: 0, max: 3 }),
  closeDay: fc.option(fc.integer({ min: 1, max: 29 }), { nil: undefined }),
});

type RandomAccount = typeof accountArb extends fc.Arbitrary<infer T> ? T : never;

function cycleInput(accounts: RandomAccount[]): CycleInput {
  const ids = accounts.map((_, i) => String(1000 + i));
  const list: CycleAccount[] = accounts.map((a, i) => ({
    account: ids[i],
    name: `A${i}`,
    serviceAddress: "x",
    mailingAddress: "x",
    status: "active",
    deposit: ZERO,
    levelPay: a.levelPay !== undefined,
    levelPayAmount: a.levelPay,
    levelPayDeferred: ZERO,
    autopay: false,
    eBill: false,
    nsfCount: 0,
    cartCount: a.carts,
    closeDate: a.closeDay ? `2026-10-${String(a.closeDay).padStart(2, "0")}` : undefined,
  }));
  const balances = new Map<string, OpeningBalance>(
    accounts.map((a, i) => {
      const total = a.aging.reduce((s, v) => s.plus(v), ZERO);
      const water = total.times(a.water).div(100).toDecimalPlaces(2);
      return [
        ids[i],
        {
          account: ids[i],
          byService: new Map([
            ["water", water],
            ["sewer", total.minus(water)],
          ]),
          aging: { current: a.aging[0], days30: a.aging[1], days60: a.aging[2], days90: a.aging[3] },
        },
      ];
    }),
  );
  const payments: Payment[] = accounts.flatMap((a, i) =>
    a.payments.map((p) => ({
      account: ids[i],
      date: p.day <= 30 ? `2026-10-${String(p.day).padStart(2, "0")}` : `2026-09-${String(p.day - 10).padStart(2, "0")}`,
      amount: p.amount,
      method: "mail" as const,
      reference: "",
      returned: p.returned,
    })),
  );
  return {
    billDate: "2026-10-30",
    periodStart: "2026-09-30",
    periodEnd: "2026-10-30",
    previousBillDate: "2026-09-30",
    accounts: list,
    balances,
    payments,
    adjustments: [],
    readings: new Map(accounts.map((a, i) => [ids[i], reading(ids[i], a.usage)])),
    history: new Map(),
    held: new Map(),
  };
}

describe("cycle invariants", () => {
  it("adds every statement up, ages it to its total, ties the register to the bills and balances the roll-forward", () => {
    fc.assert(
      fc.property(fc.array(accountArb, { minLength: 1, maxLength: 8 }), fc.constantFrom(0, 1), (accounts, which) => {
        const input = cycleInput(accounts);
        const result = runCycle(input, schedules[which], POCATELLO_POLICY);
        for (const s of result.statements) {
          const parts = s.previousBalance.plus(s.payments).plus(s.adjustments).plus(s.fees).plus(s.currentCharges);
          if (!parts.equals(s.totalDue)) return false;
          const aged = s.aging.current.plus(s.aging.days30).plus(s.aging.days60).plus(s.aging.days90);
          if (!aged.equals(s.totalDue)) return false;
          const paid = sumMoney(s.paidByService.map((p) => p.amount));
          const received = sumMoney(s.paymentsReceived.filter((p) => !p.returned).map((p) => Money.of(p.amount)));
          if (!paid.equals(received)) return false;
          if (!sumMoney(s.chargeLines.map((l) => l.amount)).equals(s.currentCharges)) return false;
        }
        const bills = sumMoney(result.statements.map((s) => s.totalDue));
        return (
          result.register.totalDue.equals(bills) &&
          result.reconciliation.difference.isZero() &&
          result.reconciliation.total.ending.equals(result.reconciliation.endingPerBills)
        );
      }),
      { numRuns: 200 },
    );
  });

  it("charges a late fee only on what stayed unpaid after the grace, and never a negative one", () => {
    fc.assert(
      fc.property(fc.array(accountArb, { minLength: 1, maxLength: 5 }), (accounts) => {
        const result = runCycle(cycleInput(accounts), schedules[0], POCATELLO_POLICY);
        return result.statements.every((s) => {
          const fee = s.otherLines.find((l) => l.description.startsWith("Late fee"));
          if (!fee) return s.delinquent.amount.lessThan(POCATELLO_POLICY.lateFeeMinimum);
          return !fee.amount.isNegative() && fee.amount.equals(Money.of(s.delinquent.amount.times(3).div(100).toDecimalPlaces(2)));
        });
      }),
      { numRuns: 200 },
    );
  });
});
