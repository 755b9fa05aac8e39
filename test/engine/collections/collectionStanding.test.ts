import {
  businessCalendar,
  collectionStanding,
  CollectionStanding,
  dec,
  LadderPolicy,
  Money,
  POCATELLO_POLICY,
  StandingInput,
  US_FEDERAL_HOLIDAYS,
} from "../../../src/engine";

const calendar = businessCalendar(US_FEDERAL_HOLIDAYS);
const m = (v: number) => Money.of(dec(v));
const aging = (current: number, d30 = 0, d60 = 0, d90 = 0) => ({ current: m(current), days30: m(d30), days60: m(d60), days90: m(d90) });
const base: StandingInput = {
  account: { status: "active", deposit: dec(75) },
  final: false,
  noService: false,
  aging: aging(100),
  totalDue: m(100),
  billDate: "2026-10-30",
  previousBillDate: "2026-09-30",
  dueDate: "2026-11-16",
};
const input = (over: Partial<StandingInput>): StandingInput => {
  const a = over.aging ?? base.aging;
  const total = a.current.plus(a.days30).plus(a.days60).plus(a.days90);
  return { ...base, totalDue: total, ...over };
};
const aggressive: LadderPolicy = { ...POCATELLO_POLICY, noticeLadder: ["late notice", "final notice", "final notice"] };
const quiet: LadderPolicy = { ...POCATELLO_POLICY, noticeLadder: ["none", "late notice", "final notice"] };

type Expect = {
  rung?: string;
  amount?: string;
  payBy?: string;
  keptOff?: string;
  broken?: boolean;
  shutoff?: [string, string, string, string];
};
const summary = (s: CollectionStanding): Expect => ({
  rung: s.notice?.rung,
  amount: s.notice?.amount.toCents(),
  payBy: s.notice?.payBy,
  keptOff: s.keptOff?.reason,
  broken: s.notice?.arrangementBroken,
  shutoff: s.notice?.shutoff && [
    s.notice.shutoff.hangOn,
    s.notice.shutoff.shutoffDate,
    s.notice.shutoff.restoreAmount.toCents(),
    s.notice.shutoff.depositRequired.toCents(),
  ],
});

// One row per rung and per reason an account is kept off (docs/outputs.md, "Who gets which notice").
const CASES: [string, Partial<StandingInput>, LadderPolicy, Expect][] = [
  ["nothing past due: no notice", {}, POCATELLO_POLICY, {}],
  [
    "one bill past due: a reminder on the bill",
    { aging: aging(100, 80) },
    POCATELLO_POLICY,
    { rung: "reminder", amount: "80.00", payBy: "2026-11-16", broken: false },
  ],
  [
    "two bills past due: a late notice",
    { aging: aging(100, 80, 60) },
    POCATELLO_POLICY,
    { rung: "late notice", amount: "140.00", payBy: "2026-11-16", broken: false },
  ],
  [
    // Mailed Friday 2026-10-30; ten business days skip Veterans Day (Wednesday 11-11): pay by Monday 11-16.
    "three bills past due: a final notice, door hanger and shutoff ten business days after mailing",
    { aging: aging(100, 80, 60, 40) },
    POCATELLO_POLICY,
    { rung: "final notice", amount: "180.00", payBy: "2026-11-16", broken: false, shutoff: ["2026-11-13", "2026-11-17", "180.00", "0.00"] },
  ],
  [
    "a final notice asks for the deposit when none is on file",
    { aging: aging(100, 80, 60, 40), account: { status: "active", deposit: dec(0) } },
    POCATELLO_POLICY,
    {
      rung: "final notice",
      amount: "180.00",
      payBy: "2026-11-16",
      broken: false,
      shutoff: ["2026-11-13", "2026-11-17", "330.00", "150.00"],
    },
  ],
  [
    "a bill dated on a Saturday mails its notice the next business day",
    { aging: aging(100, 80, 60, 40), billDate: "2026-10-31" },
    POCATELLO_POLICY,
    { rung: "final notice", amount: "180.00", payBy: "2026-11-17", broken: false, shutoff: ["2026-11-16", "2026-11-18", "180.00", "0.00"] },
  ],
  [
    "a past due under the minimum gets a reminder only",
    { aging: aging(100, 10, 5, 5) },
    POCATELLO_POLICY,
    { rung: "reminder", amount: "20.00", payBy: "2026-11-16", keptOff: "under the minimum balance", broken: false },
  ],
  [
    "a kept payment arrangement: no notice",
    { aging: aging(100, 80, 60, 40), arrangement: { kept: true, detail: "30.00 a cycle" } },
    POCATELLO_POLICY,
    { keptOff: "kept payment arrangement" },
  ],
  [
    "a broken payment arrangement: the ladder applies and says so",
    { aging: aging(100, 80, 60), arrangement: { kept: false, detail: "30.00 a cycle" } },
    POCATELLO_POLICY,
    { rung: "late notice", amount: "140.00", payBy: "2026-11-16", broken: true },
  ],
  [
    "level pay paid up: no notice",
    { aging: aging(100, 80), levelPayCurrent: "paid 95.00" },
    POCATELLO_POLICY,
    { keptOff: "level pay current" },
  ],
  [
    "a crew out for shutoff this cycle: no new letter, a reminder on the bill",
    { aging: aging(100, 80, 60, 40), account: { status: "active", deposit: dec(0), outForShutoff: "2026-10-20" } },
    POCATELLO_POLICY,
    { rung: "reminder", amount: "180.00", payBy: "2026-11-16", keptOff: "out for shutoff", broken: false },
  ],
  [
    "a payment returned this cycle: a reminder for it and its fee, within 7 days",
    { aging: aging(100, 80), returned: m(100) },
    POCATELLO_POLICY,
    { rung: "reminder", amount: "100.00", payBy: "2026-11-06", broken: false },
  ],
  [
    "a payment returned with a larger past due: the late notice's amount, by the returned payment's earlier date",
    { aging: aging(100, 80, 60), returned: m(100) },
    POCATELLO_POLICY,
    { rung: "late notice", amount: "140.00", payBy: "2026-11-06", broken: false },
  ],
  [
    "a payment returned with a final notice: the shutoff terms stand",
    { aging: aging(100, 80, 60, 40), returned: m(100) },
    POCATELLO_POLICY,
    { rung: "final notice", amount: "180.00", payBy: "2026-11-16", broken: false, shutoff: ["2026-11-13", "2026-11-17", "180.00", "0.00"] },
  ],
  [
    "a final notice never asks to pay before the bill's own due date",
    { aging: aging(100, 80, 60, 40), dueDate: "2026-11-20" },
    POCATELLO_POLICY,
    { rung: "final notice", amount: "180.00", payBy: "2026-11-20", broken: false, shutoff: ["2026-11-19", "2026-11-23", "180.00", "0.00"] },
  ],
  [
    "a final bill gets a final-bill letter for its total, never a shutoff notice",
    { aging: aging(55.51, 95, 60, 40), final: true, account: { status: "final", deposit: dec(150), closeDate: "2026-10-15" } },
    POCATELLO_POLICY,
    { rung: "final bill", amount: "250.51", payBy: "2026-11-16", broken: false },
  ],
  [
    "a closed account still owing 60 days after closing goes to collections",
    { aging: aging(1.87, 0, 0, 62.4), noService: true, account: { status: "final", deposit: dec(0), closeDate: "2026-07-15" } },
    POCATELLO_POLICY,
    { rung: "collections", amount: "64.27", payBy: "2026-11-16", broken: false },
  ],
  [
    "a closed account owing less than 60 days after closing gets a reminder",
    { aging: aging(0, 95), noService: true, account: { status: "final", deposit: dec(0), closeDate: "2026-10-01" } },
    POCATELLO_POLICY,
    { rung: "reminder", amount: "95.00", payBy: "2026-11-16", broken: false },
  ],
  [
    "an inactive account without a close date goes to collections at two bills past due",
    { aging: aging(0, 30, 20), noService: true, account: { status: "inactive", deposit: dec(0) } },
    POCATELLO_POLICY,
    { rung: "collections", amount: "50.00", payBy: "2026-11-16", broken: false },
  ],
  [
    "a city's ladder may start with the late notice",
    { aging: aging(100, 80) },
    aggressive,
    { rung: "late notice", amount: "80.00", payBy: "2026-11-16", broken: false },
  ],
  ["a city's ladder may send nothing for one bill past due", { aging: aging(100, 80) }, quiet, {}],
  ["a credit balance gets no notice even with an old amount", { aging: aging(-200, 80) }, POCATELLO_POLICY, {}],
];

describe("collectionStanding", () => {
  it.each(CASES)("%s", (_name, over, policy, expected) => {
    const clean = (e: Expect) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined));
    expect(clean(summary(collectionStanding(input(over), policy, calendar)))).toEqual(expected);
  });

  it("never moves an account more than one rung a cycle: the rung follows the oldest unpaid bill", () => {
    const rungs = [aging(100), aging(100, 80), aging(100, 80, 60), aging(100, 80, 60, 40)].map(
      (a) => collectionStanding(input({ aging: a }), POCATELLO_POLICY, calendar).notice?.rung ?? "none",
    );
    expect(rungs).toEqual(["none", "reminder", "late notice", "final notice"]);
  });
});
