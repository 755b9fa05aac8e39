import { dec, maskedAccount, nachaDebitFile, routingProblem } from "../../../src/engine";
import type { AutopayDebit, Originator } from "../../../src/engine";

// Routing numbers that pass the ABA check digit (3, 7, 1 weights): 091000019 (Wells Fargo MN),
// 124000054 (Zions, the NACHA sample's), 071000013 (JPMorgan Chase IL), 021000021 (JPMorgan Chase NY).
const ORIGIN: Originator = {
  destinationRouting: "124000054",
  destinationName: "Zions First National Bank",
  companyId: "1826000123",
  companyName: "City of Pocatello",
  originatingRouting: "124000054",
  entryDescription: "UTILITY",
};
const debit = (account: string, routing: string, amount: string, more: Partial<AutopayDebit> = {}): AutopayDebit => ({
  account,
  name: `Customer ${account}`,
  routing,
  bankAccount: `0001234${account}`,
  accountType: "checking",
  amount: dec(amount),
  prenote: false,
  ...more,
});
const OPTIONS = { created: "2026-10-30", createdTime: "0815", effective: "2026-11-16", fileIdModifier: "A" };

describe("routing numbers", () => {
  it.each(["091000019", "124000054", "071000013", "021000021"])("accepts %s by its check digit", (r) =>
    expect(routingProblem(r)).toBeUndefined(),
  );

  it("refuses a wrong check digit, saying which digit it should be", () => {
    expect(routingProblem("091000018")).toBe(
      "routing number 091000018 fails its check digit: the ninth digit would be 9, not 8 (3, 7, 1 weights)",
    );
    expect(routingProblem("12345")).toBe('a routing number is 9 digits; got "12345"');
  });

  it("shows a bank account as its last four digits only", () => {
    expect(maskedAccount("000123456789")).toBe("****6789");
    expect(maskedAccount("12")).toBe("****");
  });
});

describe("the autopay NACHA file", () => {
  const debits = [
    debit("100101", "091000019", "104.10"),
    debit("100104", "071000013", "95.00", { accountType: "savings" }),
    debit("100120", "021000021", "0", { prenote: true }),
  ];
  const made = nachaDebitFile(ORIGIN, debits, OPTIONS);
  if (!made.ok) throw new Error(made.problem.message);
  const { lines } = made.value;

  it("writes 94-character records in blocks of ten, padded with 9s", () => {
    expect(lines.every((l) => l.length === 94)).toBe(true);
    expect(lines.length % 10).toBe(0);
    expect(lines.map((l) => l[0]).join("")).toBe("1566689999");
    expect(lines.slice(7)).toEqual(Array(3).fill("9".repeat(94)));
  });

  it("lays out each entry as the rules do: transaction code, receiving bank and check digit, account, amount in cents, ids, trace", () => {
    const e = lines[2];
    expect([
      e.slice(1, 3),
      e.slice(3, 11),
      e[11],
      e.slice(12, 29).trim(),
      e.slice(29, 39),
      e.slice(39, 54).trim(),
      e.slice(54, 76).trim(),
    ]).toEqual(["27", "09100001", "9", "0001234100101", "0000010410", "100101", "CUSTOMER 100101"]);
    expect(lines[3].slice(1, 3)).toBe("37");
    expect([lines[4].slice(1, 3), lines[4].slice(29, 39)]).toEqual(["28", "0000000000"]);
    expect(lines.slice(2, 5).map((l) => l.slice(79, 94))).toEqual(["124000050000001", "124000050000002", "124000050000003"]);
  });

  it("balances: batch and file controls carry the count, the entry hash and the debit total", () => {
    // 09100001 + 07100001 + 02100002 = 18300004
    const batch = lines[5];
    const file = lines[6];
    expect([batch.slice(1, 4), batch.slice(4, 10), batch.slice(10, 20), batch.slice(20, 32), batch.slice(32, 44)]).toEqual([
      "225",
      "000003",
      "0018300004",
      "000000019910",
      "000000000000",
    ]);
    expect([file.slice(1, 7), file.slice(7, 13), file.slice(13, 21), file.slice(21, 31), file.slice(31, 43)]).toEqual([
      "000001",
      "000001",
      "00000003",
      "0018300004",
      "000000019910",
    ]);
    expect([made.value.entries, made.value.prenotes, made.value.totalDebit.toFixed(2)]).toEqual([3, 1, "199.10"]);
  });

  it("refuses a routing number that fails its check digit, naming the account", () => {
    const bad = nachaDebitFile(ORIGIN, [debit("100101", "091000018", "10.00")], OPTIONS);
    expect(bad.ok ? "" : bad.problem.message).toBe(
      "account 100101: routing number 091000018 fails its check digit: the ninth digit would be 9, not 8 (3, 7, 1 weights)",
    );
  });
});
