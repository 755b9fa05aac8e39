import { BillingDecision, dec, decideBilling, DecisionInput, DecisionPolicy, POCATELLO_POLICY, UsageRecord } from "../../../src/engine";
import { reading } from "../../support/samples";

// Three prior periods of 5,800, 6,100 and 6,000 gallons over 31, 31 and 30 days: 194.57 a day.
const history: UsageRecord[] = [
  { account: "1", periodEnd: "2026-07-31", usage: dec(5800), days: 31 },
  { account: "1", periodEnd: "2026-08-31", usage: dec(6100), days: 31 },
  { account: "1", periodEnd: "2026-09-30", usage: dec(6000), days: 30 },
];
const base: DecisionInput = {
  subject: { account: "1", status: "active", meter: "M1" },
  reading: reading("1", 6000),
  history,
  periodStart: "2026-09-30",
  periodEnd: "2026-10-30",
  owesOrActivity: false,
};
const estimate: DecisionPolicy = POCATELLO_POLICY;
const hold: DecisionPolicy = { ...POCATELLO_POLICY, noUsableRead: "hold" };
const noBase: DecisionPolicy = { ...POCATELLO_POLICY, vacantBaseCharges: false };

type Case = [string, Partial<DecisionInput>, DecisionPolicy, Omit<Partial<BillingDecision>, "usage"> & { usage?: string }];

// Every decision the cycle can make, one row each (docs/outputs.md, "Who is billed").
const CASES: Case[] = [
  ["an actual read is billed as read", {}, estimate, { code: "ACTUAL_READ", outcome: "billed", usage: "6000", final: false }],
  ["a read of 0 is billed at 0", { reading: reading("1", 0) }, estimate, { code: "ACTUAL_READ", usage: "0" }],
  [
    "an open error edit holds the account",
    { openErrors: ["NEGATIVE_USAGE"] },
    estimate,
    { code: "HELD_OPEN_EDIT", outcome: "held", reason: "open read edit: NEGATIVE_USAGE" },
  ],
  [
    "a re-read pending is estimated from history and flagged",
    { reading: reading("1", 6000, { rereadRequested: true }) },
    estimate,
    { code: "ESTIMATED_REREAD", outcome: "billed", usage: "5837", rereadRequested: true },
  ],
  [
    "a re-read pending is held when the policy holds",
    { reading: reading("1", 6000, { rereadRequested: true }) },
    hold,
    { code: "HELD_REREAD", outcome: "held", rereadRequested: true },
  ],
  [
    "a missing read (no row matched) is estimated",
    { reading: undefined },
    estimate,
    {
      code: "ESTIMATED_NO_READ",
      usage: "5837",
      reason:
        "no read for meter M1 matched to this account; estimated 5,837 from the daily average of 3 prior periods (194.57 a day) x 30 days",
    },
  ],
  [
    "a read that cannot be used (its edit approved) is estimated",
    { reading: reading("1", null) },
    estimate,
    { code: "ESTIMATED_NO_READ", usage: "5837" },
  ],
  ["a missing read is held when the policy holds", { reading: undefined }, hold, { code: "HELD_NO_READ", outcome: "held" }],
  ["a missing read without history is held", { reading: undefined, history: [] }, estimate, { code: "HELD_NO_HISTORY", outcome: "held" }],
  [
    "the reader's estimate is billed and marked estimated",
    { reading: reading("1", 6000, { source: "reader's estimate" }) },
    estimate,
    { code: "ESTIMATED_READ", usage: "6000" },
  ],
  [
    "the specialist's estimate is billed and marked estimated",
    { reading: reading("1", 5870, { source: "specialist's estimate" }) },
    estimate,
    { code: "ESTIMATED_READ", usage: "5870", reason: "the specialist's estimate" },
  ],
  [
    "an account without a meter pays its fixed charges",
    { subject: { account: "1", status: "active" }, reading: undefined },
    estimate,
    { code: "UNMETERED", usage: undefined },
  ],
  [
    "an account closed in the period gets a final bill on its final read, prorated",
    { subject: { account: "1", status: "final", meter: "M1", closeDate: "2026-10-15" } },
    estimate,
    { code: "ACTUAL_READ", final: true, serviceDays: 15 },
  ],
  [
    "an account closed in the period without a final read is estimated for its days",
    { subject: { account: "1", status: "final", meter: "M1", closeDate: "2026-10-15" }, reading: undefined },
    estimate,
    { code: "ESTIMATED_NO_READ", final: true, serviceDays: 15, usage: "2918" },
  ],
  [
    "an account opened in the period is billed from the day it opened",
    { subject: { account: "1", status: "active", meter: "M1", openDate: "2026-10-10" } },
    estimate,
    { code: "ACTUAL_READ", serviceDays: 21, final: false },
  ],
  [
    "an account closed before the period that still owes gets a statement of its balance",
    { subject: { account: "1", status: "final", meter: "M1", closeDate: "2026-07-15" }, reading: undefined, owesOrActivity: true },
    estimate,
    { code: "BALANCE_ONLY", outcome: "billed", final: false, usage: undefined },
  ],
  [
    "an inactive account owing nothing is not billed",
    { subject: { account: "1", status: "inactive", meter: "M1" }, reading: undefined },
    estimate,
    { code: "NOT_BILLED_NO_SERVICE", outcome: "not billed" },
  ],
  [
    "a read on an inactive account, its edit approved, is billed as read",
    { subject: { account: "1", status: "inactive", meter: "M1" } },
    estimate,
    { code: "ACTUAL_READ", usage: "6000", final: false },
  ],
  [
    "a vacant account read pays its base charges and usage",
    { subject: { account: "1", status: "vacant", meter: "M1" } },
    estimate,
    { code: "ACTUAL_READ" },
  ],
  [
    "a vacant account not read is held, never estimated from a former occupant's use",
    { subject: { account: "1", status: "vacant", meter: "M1" }, reading: undefined },
    estimate,
    { code: "HELD_VACANT_NO_READ", outcome: "held" },
  ],
  [
    "a vacant account is not billed when the policy bills vacant accounts no base charges",
    { subject: { account: "1", status: "vacant", meter: "M1" } },
    noBase,
    { code: "NOT_BILLED_VACANT", outcome: "not billed" },
  ],
];

describe("decideBilling", () => {
  it.each(CASES)("%s", (_name, over, policy, expected) => {
    const d = decideBilling({ ...base, ...over }, policy);
    const { usage, ...rest } = expected;
    expect(d).toMatchObject(rest);
    if ("usage" in expected) expect(d.usage?.toString()).toBe(usage);
  });

  it("sums the meters of an account read on two meters", () => {
    const two = { account: "1", meters: [...reading("1", 6000).meters, { ...reading("1", 500).meters[0], meter: "M1B" }] };
    expect(decideBilling({ ...base, reading: two }, estimate)).toMatchObject({ code: "ACTUAL_READ", reason: "2 meters read" });
    expect(decideBilling({ ...base, reading: two }, estimate).usage!.toString()).toBe("6500");
  });

  it("estimates the whole account when one of its two meters is unread", () => {
    const two = { account: "1", meters: [...reading("1", 6000).meters, { ...reading("1", null).meters[0], meter: "M1B" }] };
    const d = decideBilling({ ...base, reading: two }, estimate);
    expect([d.code, d.usage!.toString(), d.reason.slice(0, 30)]).toEqual(["ESTIMATED_NO_READ", "5837", "no usable read for meter M1B; "]);
  });
});
