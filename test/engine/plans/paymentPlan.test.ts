import fc from "fast-check";
import {
  businessCalendar,
  dec,
  DEFAULT_PLAN_POLICY,
  makePlan,
  minimumDownPayment,
  planStatus,
  POCATELLO_POLICY,
  ZERO,
} from "../../../src/engine";

const request = {
  account: "100102",
  balance: dec("317.45"),
  downPayment: dec("80.00"),
  instalments: 4,
  agreed: "2026-11-02",
  firstDue: "2026-12-01",
};

describe("payment plans", () => {
  it("splits what is left after the down payment into monthly instalments, the odd cent on the first", () => {
    const plan = makePlan(request);
    if (!plan.ok) throw new Error(plan.problem.message);
    expect(plan.value.instalments.map((i) => [i.due, i.amount.toFixed(2)])).toEqual([
      ["2026-12-01", "59.37"],
      ["2027-01-01", "59.36"],
      ["2027-02-01", "59.36"],
      ["2027-03-01", "59.36"],
    ]);
    expect(plan.value.until).toBe("2027-03-01");
  });

  it("refuses a down payment below the policy's share, or too many instalments, with the reason", () => {
    const low = makePlan({ ...request, downPayment: dec("50.00") });
    expect(low.ok ? "" : low.problem.message).toBe("the down payment must be at least 25% of $317.45, $79.37; offered $50.00");
    const long = makePlan({ ...request, instalments: 12 });
    expect(long.ok ? "" : long.problem.message).toBe("a plan has 1 to 6 monthly instalments; asked for 12");
  });

  it("always sums exactly to the balance, the instalments within a few cents of each other (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 5_000_000 }),
        fc.integer({ min: 25, max: 90 }),
        fc.integer({ min: 1, max: 6 }),
        (cents, downPercent, n) => {
          const balance = dec(cents).div(100);
          const downPayment = balance.times(downPercent).div(100).toDecimalPlaces(2, 0);
          const plan = makePlan({ ...request, balance, downPayment, instalments: n });
          if (!plan.ok) return; // a down payment that pays it all
          const sum = plan.value.instalments.reduce((s, i) => s.plus(i.amount), downPayment);
          expect(sum.toFixed(2)).toBe(balance.toFixed(2));
          const amounts = plan.value.instalments.map((i) => i.amount);
          expect(
            amounts[0]
              .minus(amounts[n - 1])
              .times(100)
              .lessThan(n),
          ).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("is kept while each instalment is paid by its date, missed when one is not (the account returns to the ladder), paid off at the end", () => {
    const plan = makePlan(request);
    if (!plan.ok) throw new Error(plan.problem.message);
    const down = { date: "2026-11-02", amount: dec("80.00") };
    const first = { date: "2026-11-28", amount: dec("59.37") };
    expect(planStatus(plan.value, [down, first], "2026-12-15").state).toBe("kept");
    const missed = planStatus(plan.value, [down, first], "2027-01-05");
    expect([missed.state, missed.reason]).toEqual([
      "missed",
      "instalment 2 of $59.36 due 2027-01-01 was not paid; the plan is broken and the account returns to the notice ladder",
    ]);
    const all = planStatus(plan.value, [down, first, { date: "2026-12-20", amount: dec("178.08") }], "2027-01-05");
    expect([all.state, all.remaining]).toEqual(["paid off", ZERO]);
  });

  it("is pending on the day it is agreed until the down payment is paid, and missed when the day ends without it", () => {
    const plan = makePlan(request);
    if (!plan.ok) throw new Error(plan.problem.message);
    const pending = planStatus(plan.value, [], "2026-11-02");
    expect([pending.state, pending.reason]).toEqual([
      "pending",
      "not in effect until the down payment of $80.00 is paid, today (2026-11-02)",
    ]);
    expect(planStatus(plan.value, [{ date: "2026-11-02", amount: dec("80.00") }], "2026-11-02").state).toBe("kept");
    const never = planStatus(plan.value, [], "2026-11-03");
    expect([never.state, never.reason]).toEqual([
      "missed",
      "the down payment of $80.00 due 2026-11-02 was not paid; the plan never took effect and the account stays on the notice ladder",
    ]);
    expect(planStatus(plan.value, [{ date: "2026-11-10", amount: dec("80.00") }], "2026-11-12").state).toBe("missed");
  });

  it("moves an instalment that falls on a weekend or holiday to the next business day, and offers the least down payment", () => {
    const calendar = businessCalendar(POCATELLO_POLICY.holidays);
    const plan = makePlan({ ...request, firstDue: "2026-11-28" }, DEFAULT_PLAN_POLICY, calendar);
    if (!plan.ok) throw new Error(plan.problem.message);
    // Sat Nov 28 → Mon Nov 30; Mon Dec 28; Thu Jan 28; Sun Feb 28 → Mon Mar 1.
    expect(plan.value.instalments.map((i) => i.due)).toEqual(["2026-11-30", "2026-12-28", "2027-01-28", "2027-03-01"]);
    expect(minimumDownPayment(dec("317.45")).toFixed(2)).toBe("79.37");
    expect(makePlan({ ...request, downPayment: minimumDownPayment(dec("317.45")) }).ok).toBe(true);
  });
});
