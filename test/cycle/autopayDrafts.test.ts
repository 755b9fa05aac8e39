import fc from "fast-check";
import { businessCalendar, Dec, nachaDebitFile, US_FEDERAL_HOLIDAYS } from "../../src/engine";
import { planAutopayDrafts } from "../../src/cycle/autopayDrafts";
import type { AutopayBill } from "../../src/cycle/registerAutopay";
import type { BankDetails } from "../../src/storage/autopayVault";

const banking = businessCalendar(US_FEDERAL_HOLIDAYS);
const EFFECTIVE = "2026-11-16";
const bill = (account: string, due: string): AutopayBill => ({
  account,
  name: `Customer ${account}`,
  totalDue: new Dec(due),
  dueDate: EFFECTIVE,
  row: 2,
});
const bank = (account: string, extra: Partial<BankDetails> = {}): BankDetails => ({
  account,
  routing: "091000019",
  bankAccount: "000123456789",
  accountType: "checking",
  enrolled: "2026-01-02",
  prenoteSent: "2026-01-06",
  ...extra,
});

describe("planAutopayDrafts", () => {
  it("drafts an account whose prenote went before, prenotes a new enrolment instead of drafting it, and leaves out the rest with the reason", () => {
    const plan = planAutopayDrafts(
      [bill("1", "10.00"), bill("2", "20.00"), bill("3", "30.00"), bill("4", "40.00"), bill("5", "50.00")],
      new Map([
        ["1", bank("1")],
        ["2", bank("2", { prenoteSent: undefined, accountType: "savings" })],
        ["3", bank("3", { bankAccount: "12" })],
        ["4", bank("4", { prenoteSent: "2026-11-12" })],
      ]),
      EFFECTIVE,
      banking,
    );
    expect(plan.debits.map((d) => [d.account, d.amount.toFixed(2), d.prenote, d.accountType])).toEqual([
      ["1", "10.00", false, "checking"],
      ["2", "0.00", true, "savings"],
    ]);
    expect(plan.outcomes.filter((o) => o.kind === "leftOut").map((o) => [o.bill.account, o.kind === "leftOut" && o.reason])).toEqual([
      ["3", "a bank account number is 4 to 17 digits; got ****"],
      // Thursday 2026-11-12: three banking days later is Tuesday the 17th (Veterans Day was the 11th).
      ["4", "its prenote of 2026-11-12: its first draft may settle from 2026-11-17, 3 banking days later"],
      ["5", "not in the autopay vault"],
    ]);
    expect(plan.prenoted).toEqual(["2"]);
  });

  it("drafts, prenotes and leaves out exactly the register's autopay bills: counts and cents add up, and the file's debit total is the drafts'", () => {
    const state = fc.constantFrom("draft", "new", "missing", "miskeyed", "recent");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 9_999_999 }), state), { maxLength: 40 }), (rows) => {
        const bills = rows.map(([cents], i) => bill(String(100000 + i), new Dec(cents).div(100).toFixed(2)));
        const vault = new Map<string, BankDetails>();
        rows.forEach(([, s], i) => {
          const account = String(100000 + i);
          if (s === "draft") vault.set(account, bank(account));
          if (s === "new") vault.set(account, bank(account, { prenoteSent: undefined }));
          if (s === "miskeyed") vault.set(account, bank(account, { routing: "091000018" }));
          if (s === "recent") vault.set(account, bank(account, { prenoteSent: "2026-11-13" }));
        });
        const plan = planAutopayDrafts(bills, vault, EFFECTIVE, banking);
        const t = plan.totals;
        expect(t.draft.count + t.prenote.count + t.leftOut.count).toBe(bills.length);
        expect(t.draft.amount.plus(t.prenote.amount).plus(t.leftOut.amount).toFixed(2)).toBe(t.register.amount.toFixed(2));
        expect(t.draft.count).toBe(rows.filter(([, s]) => s === "draft").length);
        expect(t.prenote.count).toBe(rows.filter(([, s]) => s === "new").length);
        if (plan.debits.length === 0) return;
        const file = nachaDebitFile(
          {
            destinationRouting: "124000054",
            destinationName: "Bank",
            companyId: "1846000123",
            companyName: "Util",
            originatingRouting: "124000054",
            entryDescription: "UTILITY",
          },
          plan.debits,
          { created: "2026-11-02", createdTime: "0800", effective: EFFECTIVE, fileIdModifier: "A" },
        );
        expect(file.ok && [file.value.entries, file.value.prenotes, file.value.totalDebit.toFixed(2)]).toEqual([
          t.draft.count + t.prenote.count,
          t.prenote.count,
          t.draft.amount.toFixed(2),
        ]);
      }),
    );
  });
});
