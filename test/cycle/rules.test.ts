import { CycleAccount, CycleInput, dec, POCATELLO_POLICY, runCycle, ZERO } from "../../src/engine";
import { parseLedger } from "../../src/workbook/cycleSheets";
import { loadSchedule, reading } from "../support/samples";

const chubbuck = loadSchedule("chubbuck");
const account = (over: Partial<CycleAccount> = {}): CycleAccount => ({
  account: "1",
  name: "A",
  serviceAddress: "1 Main",
  mailingAddress: "1 Main",
  status: "active",
  deposit: ZERO,
  levelPay: false,
  levelPayDeferred: ZERO,
  autopay: false,
  eBill: false,
  nsfCount: 0,
  cartCount: 1,
  ...over,
});
const input = (over: Partial<CycleInput> = {}): CycleInput => ({
  billDate: "2026-11-30",
  periodStart: "2026-10-31",
  periodEnd: "2026-11-30",
  previousBillDate: "2026-10-31",
  accounts: [account()],
  balances: new Map(),
  payments: [],
  adjustments: [],
  readings: new Map([["1", reading("1", 6000)]]),
  history: new Map(),
  held: new Map(),
  ...over,
});

describe("level pay", () => {
  it("defers the difference between the level amount and actual charges", () => {
    const [s] = runCycle(
      input({ billDate: "2026-10-30", accounts: [account({ levelPay: true, levelPayAmount: dec(95), levelPayDeferred: dec("12.50") })] }),
      chubbuck,
      POCATELLO_POLICY,
    ).statements;
    expect([s.currentCharges.toCents(), s.totalDue.toCents(), s.levelPay!.deferredAfter.toCents(), s.levelPay!.trueUp]).toEqual([
      "104.10",
      "95.00",
      "21.60",
      undefined,
    ]);
  });

  it("trues up in November: bills the deferred balance and resets the amount to the 12-month average", () => {
    const ends = [
      "2025-12-31",
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
      "2026-07-31",
      "2026-08-31",
      "2026-09-30",
      "2026-10-31",
    ];
    const history = new Map([["1", ends.map((periodEnd) => ({ account: "1", periodEnd, usage: dec(8000) }))]]);
    const [s] = runCycle(
      input({ history, accounts: [account({ levelPay: true, levelPayAmount: dec(95), levelPayDeferred: dec("12.50") })] }),
      chubbuck,
      POCATELLO_POLICY,
    ).statements;
    expect(s.levelPay!.trueUp!.toCents()).toBe("21.60");
    expect(s.levelPay!.newAmount!.toCents()).toBe("106.21");
    expect(s.totalDue.toCents()).toBe("116.60");
    expect(s.levelPay!.deferredAfter.toCents()).toBe("0.00");
  });
});

describe("opening balances from a ledger of open items", () => {
  it("ages each item by its date at the last bill and splits by service", () => {
    const read = parseLedger(
      {
        sheet: "Ledger",
        top: 0,
        left: 0,
        values: [
          ["Account", "Date", "Open Amount", "Service"],
          ["1", "2026-09-30", 40, "water"],
          ["1", "2026-08-31", 30, "sewer"],
          ["1", "2026-06-30", 20, ""],
          ["2", "oops", 5, ""],
        ],
      },
      "2026-10-31",
    );
    if (!read.ok) throw new Error(read.message);
    const b = read.value.records[0];
    expect([...b.byService].map(([k, v]) => [k, v.toString()])).toEqual([
      ["water", "40"],
      ["sewer", "30"],
      ["unallocated", "20"],
    ]);
    expect([b.aging.current, b.aging.days30, b.aging.days60, b.aging.days90].map((d) => d.toString())).toEqual(["0", "40", "30", "20"]);
    expect(read.value.problems).toEqual(['Ledger!B5: expected a date; got "oops"']);
  });
});

describe("accounts that cannot be priced", () => {
  it("are held with the schedule's reason, never skipped", () => {
    const result = runCycle(input({ accounts: [account({ meterSize: "3" })] }), loadSchedule("harlingen"), POCATELLO_POLICY);
    expect(result.statements).toHaveLength(0);
    expect(result.held[0].reason).toMatch(/^account 1: Water minimum has no price for a 3" meter/);
  });
});
