import { balanceBatch, dec } from "../../src/engine";
import type { AccountForPayment } from "../../src/engine";
import {
  balanceText,
  BatchDraft,
  batchOf,
  channelCode,
  checkLines,
  confirmedLines,
  localDate,
  nextBatchId,
  parseAmount,
  parseCount,
} from "../../src/taskpane/payments/batchForm";

const draft = (lines: [string, string, string, boolean?][], controlCount = 2, controlTotal = "100.00"): BatchDraft => ({
  id: "B-2026-10-31-MAIL-1",
  date: "2026-10-31",
  channel: "mail",
  controlCount,
  controlTotal: dec(controlTotal),
  lines: lines.map(([account, amount, reference, confirmed], i) => ({
    key: i + 1,
    account,
    amount: dec(amount),
    reference,
    confirmed: !!confirmed,
  })),
});

describe("parseAmount", () => {
  it.each([
    ["45", "45"],
    ["45.5", "45.5"],
    ["$1,045.50", "1045.5"],
    [" 0.99 ", "0.99"],
  ])("reads %j as %s", (text, amount) => {
    expect((parseAmount(text) as ReturnType<typeof dec>).toString()).toBe(amount);
  });

  it.each(["", "abc", "12,34", "1e5", "4 5", "99999999999999999"])("refuses %j with a reason", (text) => {
    expect(typeof parseAmount(text)).toBe("string");
  });
});

describe("parseCount", () => {
  it("reads a whole number of payments and refuses 0, fractions and words", () => {
    expect(parseCount("20")).toBe(20);
    for (const bad of ["0", "2.5", "twenty", ""]) expect(typeof parseCount(bad)).toBe("string");
  });
});

describe("nextBatchId", () => {
  it("names a batch B-<date>-<CHANNEL>-<n> with the first n not already on the Payments sheet", () => {
    expect(nextBatchId("2026-10-31", "mail", new Set())).toBe("B-2026-10-31-MAIL-1");
    expect(nextBatchId("2026-10-31", "card by phone", new Set(["B-2026-10-31-CARD-BY-PHONE-1", "B-2026-10-31-CARD-BY-PHONE-2"]))).toBe(
      "B-2026-10-31-CARD-BY-PHONE-3",
    );
    expect(channelCode("drop box")).toBe("DROP-BOX");
  });
});

describe("localDate", () => {
  it("is today's date in this computer's time zone", () => {
    const now = new Date(2026, 10, 2, 23, 30);
    expect(localDate(now.toISOString())).toBe("2026-11-02");
  });
});

describe("checkLines", () => {
  const accounts = new Map<string, AccountForPayment>([["100101", { name: "Baker, Tom", balance: dec("60.00") }]]);

  it("asks about an account not on the Accounts sheet and a second payment of the same amount and reference", () => {
    const checks = checkLines(
      draft([
        ["100101", "50.00", "check 7"],
        ["100101", "50.00", "check 7"],
        ["999999", "10.00", ""],
      ]),
      accounts,
      [],
    );
    expect(checks.map((c) => c.questions.length)).toEqual([0, 1, 1]);
    expect(checks[2].questions[0]).toBe("account 999999 is not on the Accounts sheet");
  });

  it("applies the batch's earlier payments before telling what becomes a credit", () => {
    const checks = checkLines(
      draft([
        ["100101", "50.00", "check 7"],
        ["100101", "50.00", "check 8"],
      ]),
      accounts,
      [],
    );
    expect(checks.map((c) => c.credit.toFixed(2))).toEqual(["0.00", "40.00"]);
  });

  it("refuses a card number in the reference, saying why", () => {
    const [check] = checkLines(draft([["100101", "50.00", "4111 1111 1111 1111"]]), accounts, []);
    expect(check.problems[0]).toMatch(/card number \(ending 1111\); a card number is never stored \(PCI DSS\)/);
  });
});

describe("confirmedLines and batchOf", () => {
  it("numbers the lines answered yes as the batch lists them", () => {
    const d = draft([
      ["100101", "50.00", "", false],
      ["999999", "50.00", "", true],
    ]);
    expect([...confirmedLines(d)]).toEqual([2]);
    expect(batchOf(d).lines[1]).toEqual({ account: "999999", amount: dec("50.00"), reference: "" });
  });
});

describe("balanceText", () => {
  it.each([
    [[["1", "60.00", ""]], "1 of 2 payments, $60.00 of $100.00: 1 payment to key, $40.00 short"],
    [
      [
        ["1", "60.00", ""],
        ["2", "40.00", ""],
      ],
      "2 of 2 payments, $100.00 of $100.00: balanced",
    ],
    [
      [
        ["1", "60.00", ""],
        ["2", "45.00", ""],
      ],
      "2 of 2 payments, $105.00 of $100.00: $5.00 over",
    ],
  ] as [[string, string, string][], string][])("says how the keyed lines stand against the slip", (lines, text) => {
    const d = draft(lines);
    expect(balanceText(balanceBatch(batchOf(d)), d.controlCount, d.controlTotal)).toBe(text);
  });
});
