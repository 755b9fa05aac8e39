import {
  cashOnlyReason,
  endsAutopay,
  referenceKey,
  sameReference,
  balanceBatch,
  checkBatchLine,
  dec,
  findCardNumber,
  luhnDigit,
  parseAchReturns,
  postBatch,
  returnPayment,
} from "../../../src/engine";
import type { AccountForPayment, PaymentBatch, PostedPayment } from "../../../src/engine";

const batch = (lines: [string, string, string?][], controlCount: number, controlTotal: string): PaymentBatch => ({
  id: "B-2026-11-02-MAIL",
  date: "2026-11-02",
  channel: "mail",
  controlCount,
  controlTotal: dec(controlTotal),
  lines: lines.map(([account, amount, reference]) => ({ account, amount: dec(amount), reference: reference ?? "" })),
});

const accounts = new Map<string, AccountForPayment>([
  ["100101", { balance: dec("91.60"), name: "Ana Lopez" }],
  ["100102", { balance: dec("150.00"), name: "Tom Baker" }],
  ["100103", { balance: dec("-5.00"), name: "Lee Chen" }],
]);

describe("findCardNumber", () => {
  // Test card numbers the card networks' processors publish for testing (Visa, Mastercard, Amex, Discover).
  it.each([
    ["4111 1111 1111 1111", "1111"],
    ["5555-5555-5555-4444", "4444"],
    ["378282246310005", "0005"],
    ["paid by 6011111111111117 on the phone", "1117"],
  ])("finds the card number in %p and keeps only its last four digits", (text, lastFour) => {
    expect(findCardNumber(text)).toEqual({ lastFour });
  });

  it.each(["4111 1111 1111 1112", "1042", "123456789012", "12345678901234567890", "check 4471, money order 18802"])(
    "finds none in %p",
    (text) => expect(findCardNumber(text)).toBeUndefined(),
  );

  it("computes the Luhn check digit as ISO/IEC 7812 does (7992739871 -> 3)", () => {
    expect(luhnDigit("7992739871")).toBe(3);
  });
});

describe("balanceBatch", () => {
  it("balances a batch whose count and total agree with the deposit slip", () => {
    expect(
      balanceBatch(
        batch(
          [
            ["100101", "91.60"],
            ["100102", "150.00"],
            ["100103", "24.00"],
          ],
          3,
          "265.60",
        ),
      ),
    ).toMatchObject({
      count: 3,
      countDifference: 0,
      balanced: true,
    });
  });

  it("says by how much a batch is out: a payment missing, $24.00 short", () => {
    const b = balanceBatch(
      batch(
        [
          ["100101", "91.60"],
          ["100102", "150.00"],
        ],
        3,
        "265.60",
      ),
    );
    expect([b.balanced, b.countDifference, b.totalDifference.toFixed(2)]).toEqual([false, -1, "-24.00"]);
  });
});

describe("checkBatchLine", () => {
  const posted: PostedPayment[] = [{ account: "100101", date: "2026-10-05", amount: dec("91.60"), reference: "4471" }];

  it("asks before taking the same account, amount and reference again within 30 days", () => {
    expect(
      checkBatchLine({ account: "100101", amount: dec("91.60"), reference: "4471" }, "2026-11-02", accounts.get("100101"), posted)
        .questions,
    ).toEqual(["account 100101 paid $91.60 with reference 4471 on 2026-10-05 already: is this a second payment?"]);
    // 31 days later it is a new month's payment.
    expect(
      checkBatchLine({ account: "100101", amount: dec("91.60"), reference: "4471" }, "2026-11-05", accounts.get("100101"), posted)
        .questions,
    ).toEqual([]);
  });

  it("asks before paying an account that does not exist", () => {
    expect(checkBatchLine({ account: "999999", amount: dec("10"), reference: "" }, "2026-11-02", undefined, []).questions).toEqual([
      "account 999999 is not on the Accounts sheet",
    ]);
  });

  it("keeps an overpayment as a credit, and all of a payment to an account already in credit", () => {
    expect(
      checkBatchLine({ account: "100101", amount: dec("100.00"), reference: "" }, "2026-11-02", accounts.get("100101"), []).credit.toFixed(
        2,
      ),
    ).toBe("8.40");
    expect(
      checkBatchLine({ account: "100103", amount: dec("20.00"), reference: "" }, "2026-11-02", accounts.get("100103"), []).credit.toFixed(
        2,
      ),
    ).toBe("20.00");
    expect(
      checkBatchLine({ account: "100102", amount: dec("50.00"), reference: "" }, "2026-11-02", accounts.get("100102"), []).credit.toFixed(
        2,
      ),
    ).toBe("0.00");
  });

  it("refuses a card number in the reference, a zero amount and fractions of a cent", () => {
    const check = (amount: string, reference: string) =>
      checkBatchLine({ account: "100101", amount: dec(amount), reference }, "2026-11-02", accounts.get("100101"), []).problems;
    expect(check("91.60", "4111111111111111")).toEqual([
      "the reference holds what looks like a card number (ending 1111); a card number is never stored (PCI DSS): keep the processor's confirmation number and the last four digits",
    ]);
    expect(check("0", "")).toEqual(["the amount must be above $0.00 (a refund or correction is a reversal)"]);
    expect(check("10.005", "")).toEqual(["the amount 10.005 is not whole cents"]);
  });
});

describe("postBatch", () => {
  it("posts only when the batch balances, and says by how much it does not", () => {
    const short = postBatch(
      batch(
        [
          ["100101", "91.60"],
          ["100102", "150.00"],
        ],
        3,
        "265.60",
      ),
      accounts,
      [],
      new Set(),
    );
    expect(!short.ok && short.problem.message).toBe(
      "Batch B-2026-11-02-MAIL does not balance: 2 payments keyed where the slip says 3; $241.60 keyed where the slip says $265.60 ($24.00 short)",
    );
    const posted = postBatch(
      batch(
        [
          ["100101", "91.60"],
          ["100102", "150.00"],
          ["100103", "24.00"],
        ],
        3,
        "265.60",
      ),
      accounts,
      [],
      new Set(),
    );
    expect(posted.ok && posted.value.lines.map((l) => [l.line, l.account, l.amount.toFixed(2), l.credit.toFixed(2)])).toEqual([
      [1, "100101", "91.60", "0.00"],
      [2, "100102", "150.00", "0.00"],
      [3, "100103", "24.00", "24.00"],
    ]);
  });

  it("waits for a yes on a likely duplicate, then posts it", () => {
    const b = batch(
      [
        ["100101", "91.60", "4471"],
        ["100101", "91.60", "4471"],
      ],
      2,
      "183.20",
    );
    const asked = postBatch(b, accounts, [], new Set());
    expect(!asked.ok && [asked.problem.code, asked.problem.message]).toEqual([
      "BATCH_NEEDS_ANSWER",
      "Batch B-2026-11-02-MAIL line 2: account 100101 paid $91.60 with reference 4471 on 2026-11-02 already: is this a second payment?; answer before posting",
    ]);
    const yes = postBatch(b, accounts, [], new Set([2]));
    // The second payment finds the bill paid by the first: all of it is a credit.
    expect(yes.ok && yes.value.lines.map((l) => l.credit.toFixed(2))).toEqual(["0.00", "91.60"]);
  });
});

/** A record of the ACH file layout: fields placed at their 1-based positions, padded to 94 characters. */
function record(fields: [number, string][]): string {
  const chars = Array.from({ length: 94 }, () => " ");
  for (const [at, text] of fields) for (let i = 0; i < text.length; i++) chars[at - 1 + i] = text[i];
  return chars.join("");
}

describe("parseAchReturns", () => {
  // NACHA Operating Rules, Appendix Three: the entry detail record of a returned PPD debit (transaction
  // code 26, a checking debit returned) and its addenda record type 99 with the return reason code.
  const entry = (account: string, cents: string, name: string, trace: string) =>
    record([
      [1, "6"],
      [2, "26"],
      [4, "09100001"],
      [12, "9"],
      [13, "000123456789".padEnd(17)],
      [30, cents],
      [40, account.padEnd(15)],
      [55, name.padEnd(22)],
      [79, "1"],
      [80, trace],
    ]);
  const addenda = (reason: string, original: string) =>
    record([
      [1, "799"],
      [4, reason],
      [7, original],
      [28, "09100001"],
      [80, "091000010000001"],
    ]);
  const file = [
    record([[1, "101"]]),
    record([[1, "5"]]),
    entry("100102", "0000015000", "TOM BAKER", "091000010000001"),
    addenda("R01", "071000300000123"),
    entry("100117", "0000009160", "ANA LOPEZ", "091000010000002"),
    addenda("R02", "071000300000124"),
    record([[1, "8"]]),
    record([[1, "9"]]),
    "9".repeat(94),
  ].join("\r\n");

  it("reads each return's account, amount and reason, and keeps only the last four digits of the bank account", () => {
    const read = parseAchReturns(file);
    expect(
      read.ok &&
        read.value.map((r) => [
          r.line,
          r.account,
          r.name,
          r.amount.toFixed(2),
          r.reason,
          r.reasonText,
          r.endsAutopay,
          r.originalTrace,
          r.bankAccountLastFour,
        ]),
    ).toEqual([
      [3, "100102", "TOM BAKER", "150.00", "R01", "insufficient funds", false, "071000300000123", "6789"],
      [5, "100117", "ANA LOPEZ", "91.60", "R02", "account closed", true, "071000300000124", "6789"],
    ]);
    expect(JSON.stringify(read)).not.toContain("123456789");
  });

  it("names the line of a record that is not 94 characters or not a record, and a return without its addenda", () => {
    const cut = parseAchReturns(file.replace("9".repeat(94), "9".repeat(93)));
    expect(!cut.ok && cut.problem.message).toBe("line 9: a record is 94 characters, this one 93");
    const lost = parseAchReturns(
      [record([[1, "5"]]), entry("100102", "0000015000", "TOM BAKER", "091000010000001"), record([[1, "8"]])].join("\n"),
    );
    expect(!lost.ok && lost.problem.message).toBe("line 2: a return entry must be followed by its return addenda (a record starting 799)");
    const csv = parseAchReturns("account,amount\n100102,150.00");
    expect(!csv.ok && csv.problem.message).toBe("line 1: a record is 94 characters, this one 14");
  });
});

describe("returnPayment", () => {
  const policy = { fee: dec("20.00"), cashOnlyAfter: 2, windowMonths: 12 };

  it("reverses the payment, adds the $20.00 fee and puts the account on cash only at the second return in 12 months", () => {
    expect(returnPayment(dec("150.00"), "2026-11-10", ["2026-03-01"], false, policy)).toMatchObject({
      returnsInWindow: 2,
      cashOnly: true,
      startCollection: false,
      letter: "returned payment",
    });
    const first = returnPayment(dec("150.00"), "2026-11-10", ["2025-10-01"], false, policy);
    expect([first.reversal.toFixed(2), first.fee.toFixed(2), first.returnsInWindow, first.cashOnly]).toEqual(["150.00", "20.00", 1, false]);
  });

  it("starts collection on a closed account", () => {
    expect(returnPayment(dec("40.00"), "2026-11-10", [], true, policy).startCollection).toBe(true);
  });
});

describe("cash only", () => {
  const policy = { cashOnlyAfter: 2, windowMonths: 12 };
  it("starts at the policy's count of returns in the window, counting those before the workbook's rows", () => {
    expect(cashOnlyReason(["2026-03-01"], "2026-11-02", 0, policy)).toBeUndefined();
    expect(cashOnlyReason(["2026-03-01", "2026-10-29"], "2026-11-02", 0, policy)).toBe("2 returned payments in 12 months");
    expect(cashOnlyReason(["2025-10-01", "2026-10-29"], "2026-11-02", 0, policy)).toBeUndefined();
    expect(cashOnlyReason(["2026-10-29"], "2026-11-02", 1, policy)).toBe("2 returned payments in 12 months");
  });

  it("asks before taking a check from a cash-only account; cash, a money order or a card confirmation passes", () => {
    const account = { name: "Tom Baker", balance: dec("50.00"), cashOnly: "2 returned payments in 12 months" };
    const line = (reference: string) => checkBatchLine({ account: "100102", amount: dec("50.00"), reference }, "2026-11-02", account, []);
    expect(line("check 2281").questions).toEqual([
      "account 100102 pays by cash, cashier's check, money order or card only (2 returned payments in 12 months): take this check?",
    ]);
    expect(line("2281").questions).toHaveLength(1);
    for (const ok of ["cash", "money order 18802", "CNF-8Q1, card ending 4242", ""]) expect(line(ok).questions).toEqual([]);
  });
});

describe("references", () => {
  it.each([
    ["check 901", "901"],
    ["Check #0901", "901"],
    ["CK 901", "check 901"],
    ["chk: 901", "901"],
  ])("%s is the same check as %s", (a, b) => expect(sameReference(a, b)).toBe(true));

  it("keeps different checks and confirmations apart", () => {
    expect(sameReference("check 901", "check 910")).toBe(false);
    expect(sameReference("CNF-8Q1", "CNF-8Q2")).toBe(false);
    expect(referenceKey("  Check  No. 00120 ")).toBe("120");
  });
});

describe("returns that end autopay", () => {
  it("reads the reason code after the line a reversal takes back", () => {
    expect(endsAutopay({ reverses: "B-2026-11-02-BANKDRAFT-1 line 4; R03 no account" })).toBe(true);
    expect(endsAutopay({ reverses: "Payments row 3; R01 insufficient funds" })).toBe(false);
    expect(endsAutopay({ reverses: "Payments row 7; NSF" })).toBe(false);
    expect(endsAutopay({})).toBe(false);
  });
});
