import {
  AccountRecord,
  dec,
  DEFAULT_READ_EDIT_SETTINGS,
  detectReadEdits,
  EDIT_CODES,
  EditCode,
  MeterRead,
  ReadEditSettings,
  ReviewContext,
  UsageRecord,
} from "../../../src/engine";

/** A clean read: 5,000 gallons over 30 days on an active account whose last three months were 5,000 each. */
const BASE: MeterRead = {
  row: 4,
  account: "1001",
  meter: "M1",
  previous: dec(10000),
  current: dec(15000),
  previousDate: "2026-09-30",
  currentDate: "2026-10-30",
  readCode: "A",
};
const ACCOUNT: AccountRecord = { account: "1001", status: "active", meter: "M1", multiplier: dec(1), dials: 6 };
const history = (usages: number[], codes: ("A" | "E")[] = []): UsageRecord[] =>
  usages.map((u, i) => ({
    account: "1001",
    periodEnd: ["2026-07-31", "2026-08-31", "2026-09-30"][i],
    usage: dec(u),
    readCode: codes[i] ?? "A",
  }));

function context(over: { accounts?: AccountRecord[] | null; history?: UsageRecord[] | null } = {}): ReviewContext {
  const accounts = over.accounts === null ? undefined : new Map((over.accounts ?? [ACCOUNT]).map((a) => [a.account, a]));
  const hist = over.history === null ? undefined : new Map([["1001", over.history ?? history([5000, 5000, 4000])]]);
  return { accounts, history: hist };
}

function codes(reads: Partial<MeterRead>[], ctx = context(), settings: ReadEditSettings = DEFAULT_READ_EDIT_SETTINGS): EditCode[] {
  const reviewed = detectReadEdits(
    reads.map((r, i) => ({ ...BASE, row: BASE.row + i, ...r })),
    ctx,
    settings,
  );
  return reviewed[0].edits.map((e) => e.code);
}

function messageOf(code: EditCode, reads: Partial<MeterRead>[], ctx = context()): string {
  const reviewed = detectReadEdits(
    reads.map((r, i) => ({ ...BASE, row: BASE.row + i, ...r })),
    ctx,
    DEFAULT_READ_EDIT_SETTINGS,
  );
  return reviewed[0].edits.find((e) => e.code === code)!.message;
}

describe("detectReadEdits", () => {
  it("raises nothing on a clean read", () => {
    expect(codes([{}])).toEqual([]);
  });

  const firing: [EditCode, Partial<MeterRead>[], ReviewContext | undefined, RegExp][] = [
    ["MISSING_ID", [{ account: "" }], context({ accounts: null }), /reads but no account|meter but no account/],
    ["NO_READ", [{ current: null }], undefined, /^no current read$/],
    ["NO_READ", [{ readCode: "S" }], undefined, /skipped this meter \(read code S\)/],
    [
      "NEGATIVE_USAGE",
      [{ current: dec(9000) }],
      context({ accounts: [{ ...ACCOUNT, dials: undefined }] }),
      /current 9,000 is 1,000 below previous 10,000; the dial count is unknown/,
    ],
    ["NEGATIVE_USAGE", [{ previous: dec(500000), current: dec(100), dials: 6 }], undefined, /too far to be a rollover/],
    [
      "PROBABLE_ROLLOVER",
      [{ previous: dec(999500), current: dec(4500), dials: 6 }],
      undefined,
      /as a rollover of the 6-dial register, usage is 5,000/,
    ],
    [
      "READ_EXCEEDS_REGISTER",
      [{ current: dec(1200000), dials: 6 }],
      undefined,
      /read 1,200,000 does not fit a 6-dial register \(largest 999,999\)/,
    ],
    ["ZERO_USAGE", [{ current: dec(10000) }], undefined, /no usage on active account 1001/],
    ["HIGH_USAGE", [{ current: dec(17500) }], undefined, /usage 7,500 is 61% above the 3-period average of 4,666.67 \(high limit 50%\)/],
    ["VERY_HIGH_USAGE", [{ current: dec(25000) }], undefined, /usage 15,000 is 221% above the 3-period average/],
    ["LOW_USAGE", [{ current: dec(12000) }], undefined, /usage 2,000 is 57% below/],
    ["VERY_LOW_USAGE", [{ current: dec(10400) }], undefined, /usage 400 is 91% below .* \(very-low limit 90%\)/],
    ["ESTIMATED_READ", [{ readCode: "E" }], undefined, /is an estimate/],
    [
      "CONSECUTIVE_ESTIMATES",
      [{ readCode: "E" }],
      context({ history: history([5000, 5000, 4000], ["A", "E", "E"]) }),
      /estimate 3 in a row/,
    ],
    ["CUSTOMER_READ", [{ readCode: "C" }], undefined, /customer supplied/],
    ["REPEATED_USAGE", [{}], context({ history: history([5000, 5000, 5000]) }), /usage 5,000 is the same as each of the last 3 periods/],
    ["READ_DATES_OUT_OF_ORDER", [{ currentDate: "2026-09-28" }], undefined, /2026-09-28 is before the previous read date 2026-09-30/],
    ["CYCLE_LENGTH", [{ currentDate: "2026-11-15" }], undefined, /46 days between reads; the cycle allows 25 to 35/],
    ["MULTIPLIER_MISMATCH", [{ multiplier: dec(10) }], undefined, /multiplier 10 differs from the account's 1/],
    ["METER_MISMATCH", [{ meter: "M9" }], undefined, /meter M9 was read, but account 1001 has meter M1/],
    ["DUPLICATE_METER", [{}, { account: "1002" }], context({ accounts: null }), /meter M1 is also read on row 6/],
    ["DUPLICATE_ACCOUNT", [{}, { meter: "M2" }], undefined, /account 1001 also has reads for meter M2 \(row 6\)/],
    ["UNKNOWN_ACCOUNT", [{ account: "9999" }], undefined, /account 9999 is not on the Accounts sheet/],
    ["USAGE_ON_INACTIVE", [{}], context({ accounts: [{ ...ACCOUNT, status: "vacant" }] }), /account 1001 is vacant but used 5,000/],
    [
      "METER_EXCHANGE",
      [{ current: dec(300), exchange: { oldFinal: dec(10200), newSet: dec(0), newMeter: "M1" } }],
      undefined,
      /old meter 10,000 to 10,200, new meter 0 to 300; usage 500/,
    ],
  ];

  it("covers every edit code but INVALID_VALUE (raised by the sheet reader)", () => {
    expect(new Set(firing.map(([c]) => c))).toEqual(new Set(EDIT_CODES.filter((c) => c !== "INVALID_VALUE")));
  });

  it.each(firing)("raises %s with the numbers behind it", (code, reads, ctx, message) => {
    expect(codes(reads, ctx ?? context())).toContain(code);
    expect(messageOf(code, reads, ctx ?? context())).toMatch(message);
  });

  const quiet: [EditCode, string, Partial<MeterRead>[], ReviewContext | undefined][] = [
    ["HIGH_USAGE", "exactly at the high limit", [{ current: dec(16000) }], context({ history: history([4000, 4000, 4000]) })],
    ["HIGH_USAGE", "when the baseline is under the minimum", [{ current: dec(10900) }], context({ history: history([300, 300, 300]) })],
    ["HIGH_USAGE", "without a Usage History sheet", [{ current: dec(25000) }], context({ history: null })],
    ["LOW_USAGE", "on zero usage (ZERO_USAGE says it)", [{ current: dec(10000) }], undefined],
    ["ZERO_USAGE", "on a vacant account", [{ current: dec(10000) }], context({ accounts: [{ ...ACCOUNT, status: "vacant" }] })],
    [
      "USAGE_ON_INACTIVE",
      "when a final account used nothing",
      [{ current: dec(10000) }],
      context({ accounts: [{ ...ACCOUNT, status: "final" }] }),
    ],
    ["PROBABLE_ROLLOVER", "when reads rise", [{ dials: 6 }], undefined],
    [
      "NEGATIVE_USAGE",
      "across a recorded meter exchange",
      [{ current: dec(300), exchange: { oldFinal: dec(10200), newSet: dec(0) } }],
      undefined,
    ],
    [
      "METER_MISMATCH",
      "when the exchange explains the new meter",
      [{ meter: "M9", current: dec(300), exchange: { oldFinal: dec(10200), newSet: dec(0) } }],
      undefined,
    ],
    ["CYCLE_LENGTH", "at 35 days", [{ currentDate: "2026-11-04" }], undefined],
    [
      "CONSECUTIVE_ESTIMATES",
      "after an actual read",
      [{ readCode: "E" }],
      context({ history: history([5000, 5000, 4000], ["E", "E", "A"]) }),
    ],
    ["REPEATED_USAGE", "when one of the periods differs", [{}], undefined],
    ["UNKNOWN_ACCOUNT", "without an Accounts sheet", [{ account: "9999" }], context({ accounts: null })],
    ["DUPLICATE_ACCOUNT", "for one account read once", [{}, { account: "1002", meter: "M2" }], undefined],
    ["READ_EXCEEDS_REGISTER", "when the register is big enough", [{ dials: 7, current: dec(1200000) }], undefined],
  ];
  it.each(quiet)("does not raise %s %s", (code, _why, reads, ctx) => {
    expect(codes(reads, ctx ?? context())).not.toContain(code);
  });

  it("uses last year's usage as the baseline when told to", () => {
    const hist: UsageRecord[] = [{ account: "1001", periodEnd: "2025-10-31", usage: dec(2000) }, ...history([5000, 5000, 5000])];
    expect(codes([{}], context({ history: hist }), { ...DEFAULT_READ_EDIT_SETTINGS, baseline: "lastYear", repeatPeriods: 0 })).toEqual([
      "HIGH_USAGE",
    ]);
  });

  it("lets a setting change an edit's severity", () => {
    const reviewed = detectReadEdits([{ ...BASE, readCode: "E" }], context(), {
      ...DEFAULT_READ_EDIT_SETTINGS,
      severities: { ESTIMATED_READ: "warning" },
    });
    expect(reviewed[0].edits[0].severity).toBe("warning");
  });

  it("returns the usage and baseline it judged", () => {
    const [r] = detectReadEdits([BASE], context(), DEFAULT_READ_EDIT_SETTINGS);
    expect([r.usage?.toString(), r.baseline?.toFixed(2)]).toEqual(["5000", "4666.67"]);
  });
});
