/**
 * The cycle's decisions end to end through runCycle and the letters: one decision per account,
 * one notice per account, the same amount and date wherever they show, business days.
 */
import {
  CycleAccount,
  CycleInput,
  CyclePolicy,
  dec,
  OpeningBalance,
  parseHolidayRule,
  POCATELLO_POLICY,
  runCycle,
  US_FEDERAL_HOLIDAYS,
  ZERO,
} from "../../src/engine";
import { cycleLetters, DEFAULT_TEMPLATES } from "../../src/cycle/letters";
import { billMessages } from "../../src/cycle/notices";
import { loadSchedule, reading } from "../support/samples";

const chubbuck = loadSchedule("chubbuck");
const account = (id: string, over: Partial<CycleAccount> = {}): CycleAccount => ({
  account: id,
  name: `Customer ${id}`,
  serviceAddress: `${id} Main St`,
  mailingAddress: `${id} Main St`,
  status: "active",
  meter: `M${id}`,
  deposit: dec(75),
  levelPay: false,
  levelPayDeferred: ZERO,
  autopay: false,
  eBill: false,
  nsfCount: 0,
  cartCount: 1,
  ...over,
});
/** An opening balance aged at the last bill; this bill moves each amount one bucket older. */
const balance = (id: string, current: number, d30 = 0, d60 = 0, d90 = 0): [string, OpeningBalance] => [
  id,
  {
    account: id,
    byService: new Map([["water", dec(current + d30 + d60 + d90)]]),
    aging: { current: dec(current), days30: dec(d30), days60: dec(d60), days90: dec(d90) },
  },
];
const history = (id: string) => [
  { account: id, periodEnd: "2026-07-31", usage: dec(5800), days: 31 },
  { account: id, periodEnd: "2026-08-31", usage: dec(6100), days: 31 },
  { account: id, periodEnd: "2026-09-30", usage: dec(6000), days: 30 },
];
const cycle = (accounts: CycleAccount[], over: Partial<CycleInput> = {}): CycleInput => ({
  billDate: "2026-10-30",
  periodStart: "2026-09-30",
  periodEnd: "2026-10-30",
  previousBillDate: "2026-09-30",
  accounts,
  balances: new Map(),
  payments: [],
  adjustments: [],
  readings: new Map(accounts.map((a) => [a.account, reading(a.account, 6000)])),
  history: new Map(accounts.map((a) => [a.account, history(a.account)])),
  held: new Map(),
  ...over,
});
const only = (input: CycleInput, policy: CyclePolicy = POCATELLO_POLICY) => {
  const result = runCycle(input, chubbuck, policy);
  return { result, s: result.statements[0], letters: cycleLetters(result, DEFAULT_TEMPLATES, policy).letters };
};

describe("who is billed", () => {
  it("estimates an account whose re-read is pending, flags the re-read on its bill and never bills it 0", () => {
    const input = cycle([account("1")], { readings: new Map([["1", reading("1", 0, { rereadRequested: true })]]) });
    const { s, result } = only(input);
    expect([s.decision.code, s.decision.usage!.toString(), s.decision.rereadRequested]).toEqual(["ESTIMATED_REREAD", "5837", true]);
    expect(billMessages(s, "gal")[0]).toMatch(
      /^ESTIMATED: 5,837 gal from your daily average of 3 prior periods .* your meter will be read again/,
    );
    expect([result.register.estimated, result.register.consumption.toString()]).toEqual([1, "5837"]);
  });

  it("holds an account whose re-read is pending when the policy holds", () => {
    const input = cycle([account("1")], { readings: new Map([["1", reading("1", 0, { rereadRequested: true })]]) });
    const { result } = only(input, { ...POCATELLO_POLICY, noUsableRead: "hold" });
    expect(result.held).toEqual([
      { account: "1", name: "Customer 1", code: "HELD_REREAD", reason: "re-read requested for meter M1; held by policy until it is read" },
    ]);
    expect(result.register.held).toBe(1);
  });

  it("estimates an active metered account with no read at all", () => {
    const { s } = only(cycle([account("1")], { readings: new Map() }));
    expect([s.decision.code, s.decision.usage!.toString(), s.reading]).toEqual(["ESTIMATED_NO_READ", "5837", undefined]);
  });
});

describe("who gets which notice", () => {
  it("sends an account closed mid-cycle with a balance its final bill and a final-bill letter only", () => {
    const closed = account("1", { status: "final", closeDate: "2026-10-15" });
    const { s, result, letters } = only(cycle([closed], { balances: new Map([balance("1", 95, 60, 40, 20)]) }));
    expect([s.final, s.collection.notice!.rung, s.collection.notice!.amount.toCents()]).toEqual([true, "final bill", s.totalDue.toCents()]);
    expect(result.doorHangers).toEqual([]);
    expect(letters.map((l) => l.kind)).toEqual(["Final Bill"]);
  });

  it("keeps a kept arrangement off letters and the shutoff list, and sends a broken one its notice", () => {
    const arrangement = { arrangementUntil: "2027-03-31", arrangementAmount: dec(30) };
    const input = cycle([account("1", arrangement), account("2", arrangement)], {
      balances: new Map([balance("1", 50, 50, 50, 20), balance("2", 50, 50, 50, 20)]),
      payments: [{ account: "1", date: "2026-10-16", amount: dec(30), method: "counter", reference: "", returned: false }],
    });
    const { result, letters } = only(input);
    const [kept, broken] = result.statements;
    expect([kept.collection.keptOff?.reason, kept.collection.notice]).toEqual(["kept payment arrangement", undefined]);
    expect([broken.collection.notice?.rung, broken.collection.notice?.arrangementBroken]).toEqual(["final notice", true]);
    expect(result.doorHangers.map((h) => h.account.account)).toEqual(["2"]);
    expect(letters.map((l) => [l.account.account, l.kind])).toEqual([
      ["1", "Account Status"],
      ["2", "Final Notice"],
    ]);
    expect(letters[1].paragraphs[0]).toContain("Your written payment arrangement was not kept this cycle and has ended.");
  });

  it("puts a customer's two accounts' letters in one envelope, each with its own one notice", () => {
    const tom = { name: "Baker, Tom", mailingAddress: "PO Box 12, Pocatello ID 83204" };
    const input = cycle([account("1", tom), account("2", { ...tom, name: "BAKER,  TOM" }), account("3")], {
      balances: new Map([balance("1", 90, 60), balance("2", 100, 50, 50, 20), balance("3", 100, 50)]),
    });
    const { letters } = only(input);
    expect(letters.map((l) => [l.account.account, l.kind, l.envelope, l.inEnvelope, l.envelopeSize])).toEqual([
      ["3", "Late Notice", 1, 1, 1],
      ["1", "Late Notice", 2, 1, 2],
      ["2", "Final Notice", 2, 2, 2],
    ]);
  });

  it("shows one amount and one deadline on the bill, the letter, the door hanger and the delinquency list", () => {
    // Unpaid at the last bill: 100 current, 40 at 30 days, 40 at 60: three bills past due after this one.
    const { s, result, letters } = only(cycle([account("1")], { balances: new Map([balance("1", 100, 40, 40)]) }));
    const n = s.collection.notice!;
    const hanger = result.doorHangers[0];
    expect([n.amount.toCents(), n.payBy, n.shutoff!.shutoffDate]).toEqual(["180.00", "2026-11-16", "2026-11-17"]);
    expect([hanger.amountToAvoidShutoff.toCents(), hanger.payBy, hanger.shutoffDate]).toEqual(["180.00", "2026-11-16", "2026-11-17"]);
    expect(result.delinquency[0].notice).toBe(n);
    expect(billMessages(s, "gal")).toContain(
      "FINAL NOTICE: pay $180.00 by Nov 16, 2026 or service will be shut off on or after Nov 17, 2026.",
    );
    expect(letters[0].paragraphs[0]).toBe(
      "Your account for 1 Main St is $180.00 past due. Unless we receive $180.00 by Nov 16, 2026, service will be shut off on or after Nov 17, 2026 and a $40.00 out-for-shutoff fee will be added to your next bill.",
    );
  });
});

describe("business days", () => {
  const dayAfter = parseHolidayRule("Day after Thanksgiving: day after fourth Thursday of November");
  if (!dayAfter.ok) throw new Error(dayAfter.problem.message);
  const city: CyclePolicy = { ...POCATELLO_POLICY, holidays: [...US_FEDERAL_HOLIDAYS, dayAfter.value] };

  it("moves a due date that falls on a Sunday to Monday", () => {
    // 2026-10-30 + 16 days = Sunday 2026-11-15.
    expect(only(cycle([account("1")])).s.dueDate).toBe("2026-11-16");
  });

  it("moves a due date on the day after Thanksgiving to Monday when the city closes that day", () => {
    const input = cycle([account("1")], { billDate: "2026-11-11", periodEnd: "2026-11-11", periodStart: "2026-10-11" });
    // 2026-11-11 + 16 days = Friday 2026-11-27.
    expect(only(input).s.dueDate).toBe("2026-11-27");
    expect(only(input, city).s.dueDate).toBe("2026-11-30");
  });

  it("sets the shutoff at least ten business days after the final notice is mailed", () => {
    const input = cycle([account("1")], { billDate: "2026-11-13", balances: new Map([balance("1", 100, 80, 60, 40)]) });
    const n = only(input, city).s.collection.notice!;
    // Mailed Friday 11-13; Thanksgiving and the Friday after are closed: ten business days end Tuesday 12-01.
    expect([n.mailed, n.payBy, n.shutoff!.hangOn, n.shutoff!.shutoffDate]).toEqual([
      "2026-11-13",
      "2026-12-01",
      "2026-11-30",
      "2026-12-02",
    ]);
  });
});
