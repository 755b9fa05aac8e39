import { dec, findAccounts, postBatch } from "../../src/engine";
import {
  accountBalance,
  accountsForBatch,
  CounterData,
  loadCounterData,
  postedPayments,
  withPostedBatch,
} from "../../src/payments/counterData";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";

/** A small city: three accounts, balances at the 2026-09-30 bill, October's payments and adjustments. */
function city(): Record<string, CellValue[][]> {
  return {
    Reads: [["Account", "Meter", "Previous Read", "Current Read"]],
    Accounts: [
      [
        "Account",
        "Name",
        "Service Address",
        "Mailing Address",
        "Status",
        "Meter",
        "Deposit",
        "Level Pay",
        "Level Pay Amount",
        "Autopay",
        "E-Bill",
      ],
      ["100101", "Baker, Tom", "1204 N Main St", "PO Box 9", "Active", "M-1", 75, "Yes", 60, "No", "Yes"],
      ["100102", "Ortiz, Ana", "77 W Elm St", null, "Active", "M-2", 0, "No", null, "Yes", "No"],
      ["100103", "Bakery Cafe", "5 S Oak Ave", null, "Final", "M-3", 0, "No", null, "No", "No"],
    ],
    Balances: [
      ["Account", "Balance", "Water", "Sewer", "Current", "30 Days", "60 Days", "90+ Days"],
      ["100101", 100, 60, 40, 40, 60, 0, 0],
      ["100102", 50, 50, 0, 50, 0, 0, 0],
    ],
    Payments: [
      ["Date", "Account", "Amount", "Method", "Reference", "Returned", "Batch"],
      ["2026-09-30", "100101", 25, "mail", "check 1", "No", null],
      ["2026-10-05", "100101", 70, "mail", "check 2", "No", "B-2026-10-05-MAIL-1"],
      ["2026-10-06", "100102", 50, "mail", "check 3", "Yes", "B-2026-10-06-MAIL-1"],
    ],
    Adjustments: [
      ["Account", "Date", "Type", "Service", "Amount", "Corrects", "Description"],
      ["100101", "2026-10-10", "charge", "water", 10, "", "Meter test fee"],
      ["100102", "2026-09-15", "credit", "water", -5, "", "Before the bill"],
    ],
    "Usage History": [
      ["Account", "Period", "Usage"],
      // 14 months, 2025-08 to 2026-09: 1,000 to 14,000.
      ...Array.from({ length: 14 }, (_, k): CellValue[] => [
        "100101",
        `${2025 + Math.floor((7 + k) / 12)}-${String(((7 + k) % 12) + 1).padStart(2, "0")}`,
        1000 * (k + 1),
      ]),
    ],
  };
}

async function load(sheets = city()): Promise<CounterData> {
  const outcome = await loadCounterData(new MemoryWorkbook(sheets));
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

describe("loadCounterData", () => {
  it("finds the counter's sheets by their headers and indexes every account for type-ahead", async () => {
    const data = await load();
    expect(data.sheets).toEqual({
      accounts: "Accounts",
      balances: "Balances",
      payments: "Payments",
      adjustments: "Adjustments",
      history: "Usage History",
    });
    expect(findAccounts(data.index, "bak").map((e) => e.account)).toEqual(["100101", "100103"]);
    expect(findAccounts(data.index, "elm").map((e) => e.account)).toEqual(["100102"]);
    expect(findAccounts(data.index, "m-3").map((e) => e.account)).toEqual(["100103"]);
  });

  it("knows each account's row on the Accounts sheet, for Go to rows", async () => {
    const data = await load();
    expect(data.rows.get("100102")).toEqual({ row: 2, column: 0 });
  });

  it("takes the last bill's date from the Usage History sheet and sorts each account's history oldest first", async () => {
    const data = await load();
    expect(data.lastBillDate).toBe("2026-09-30");
    const history = data.history.get("100101")!;
    expect(history).toHaveLength(14);
    expect(history[0].periodEnd).toBe("2025-08-31");
    expect(history[13].usage.toString()).toBe("14000");
  });

  it("reads the batch ids already posted from the Payments sheet's Batch column", async () => {
    const data = await load();
    expect([...data.batchIds]).toEqual(["B-2026-10-05-MAIL-1", "B-2026-10-06-MAIL-1"]);
  });

  it("says so when the workbook has no Accounts sheet", async () => {
    const { Payments } = city();
    expect(await loadCounterData(new MemoryWorkbook({ Payments }))).toEqual({
      ok: false,
      message: "The front counter needs an Accounts sheet (columns Account and Status).",
    });
  });

  it("leaves out a row it cannot read and names the cell", async () => {
    const sheets = city();
    sheets.Accounts.push(["100104", "Lee, Kim", "1 A St", null, "Sleeping", "M-4", 0, "No", null, "No", "No"]);
    const data = await load(sheets);
    expect(data.accounts.has("100104")).toBe(false);
    expect(data.problems.join(" ")).toMatch(/Status must be Active, Inactive, Vacant or Final; got "?Sleeping/);
  });
});

describe("accountBalance", () => {
  it("is the balance at the last bill, less payments since, plus adjustments since, by service and exact", async () => {
    const balance = accountBalance(await load(), "100101");
    expect(balance.atLastBill.toFixed(2)).toBe("100.00");
    // The payment dated on the bill date belongs to the previous cycle.
    expect(balance.paidSince.toFixed(2)).toBe("70.00");
    expect(balance.adjustedSince.toFixed(2)).toBe("10.00");
    expect(balance.now.toFixed(2)).toBe("40.00");
    expect(balance.byService.map((s) => [s.service, s.paid.toFixed(2), s.since.toFixed(2), s.now.toFixed(2)])).toEqual([
      ["water", "42.00", "-32.00", "28.00"],
      ["sewer", "28.00", "-28.00", "12.00"],
    ]);
  });

  it("ages the balance with payments taking the oldest first and charges current", async () => {
    const { aging } = accountBalance(await load(), "100101");
    expect([aging.current, aging.days30, aging.days60, aging.days90].map((a) => a.toFixed(2))).toEqual(["40.00", "0.00", "0.00", "0.00"]);
  });

  it("does not count a returned payment, nor an adjustment dated before the last bill", async () => {
    const balance = accountBalance(await load(), "100102");
    expect(balance.paidSince.toFixed(2)).toBe("0.00");
    expect(balance.adjustedSince.toFixed(2)).toBe("0.00");
    expect(balance.now.toFixed(2)).toBe("50.00");
  });

  it("leaves what is paid beyond the balance as a credit, unapplied and current", async () => {
    const sheets = city();
    sheets.Payments.push(["2026-10-20", "100102", 80, "counter", "", "No", null]);
    const balance = accountBalance(await load(sheets), "100102");
    expect(balance.now.toFixed(2)).toBe("-30.00");
    expect(balance.byService.find((s) => s.service === "unapplied")?.now.toFixed(2)).toBe("-30.00");
    expect(balance.aging.current.toFixed(2)).toBe("-30.00");
  });

  it("is zero for an account without a balance row or activity", async () => {
    const balance = accountBalance(await load(), "100103");
    expect(balance.now.toFixed(2)).toBe("0.00");
    expect(balance.byService).toEqual([]);
  });
});

describe("accountsForBatch", () => {
  it("gives each known account's name and what it owes now, and leaves out accounts not on the sheet", async () => {
    const accounts = accountsForBatch(await load(), ["100101", "999999", "100101"]);
    expect([...accounts].map(([a, v]) => [a, v.name, v.balance.toFixed(2)])).toEqual([["100101", "Baker, Tom", "40.00"]]);
  });
});

describe("withPostedBatch", () => {
  it("adds a posted batch's payments and id without reading the workbook again", async () => {
    const data = await load();
    const result = postBatch(
      {
        id: "B-2026-10-31-COUNTER-1",
        date: "2026-10-31",
        channel: "counter",
        controlCount: 1,
        controlTotal: dec("15.00"),
        lines: [{ account: "100101", amount: dec("15.00"), reference: "" }],
      },
      accountsForBatch(data, ["100101"]),
      postedPayments(data),
      new Set(),
    );
    if (!result.ok) throw new Error(result.problem.message);
    const after = withPostedBatch(data, result.value);
    expect(accountBalance(after, "100101").now.toFixed(2)).toBe("25.00");
    expect(accountBalance(data, "100101").now.toFixed(2)).toBe("40.00");
    expect(after.batchIds.has("B-2026-10-31-COUNTER-1")).toBe(true);
    expect(postedPayments(after)).toHaveLength(4);
  });
});
