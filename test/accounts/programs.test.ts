import { Dec } from "../../src/engine";
import { ACCOUNT_CHANGES_SHEET, readAccountChanges } from "../../src/accounts/accountChanges";
import { ACCOUNT_LETTERS_SHEET, LETTER_LOG_SHEET } from "../../src/accounts/accountLetters";
import type { TaskContext } from "../../src/accounts/tasks/context";
import { enrolAutopay, enrolLevelPay, quoteLevelPay, setEBill, withdrawAutopay, withdrawLevelPay } from "../../src/accounts/tasks/programs";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { loadCounterData } from "../../src/payments/counterData";
import type { BankDetails } from "../../src/storage/autopayVault";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { loadSchedule } from "../support/samples";

const schedule = loadSchedule("chubbuck");
const policy = DEFAULT_CYCLE_SETTINGS.policy;
const TODAY = "2026-11-10";
const months = (from: number, n: number) =>
  Array.from({ length: n }, (_, k) => {
    const m = from + k; // months since 2025-01
    const year = 2025 + Math.floor((m - 1) / 12);
    const month = ((m - 1) % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${year}-${String(month).padStart(2, "0")}-${last}`;
  });

/**
 * A small city: 200101 with a year of usage alternating 4,000 and 8,000 gal; 200102 new at 12 N Main
 * St, whose earlier occupant (200099, closed) has 12 months there; 200103 on level pay with 12.50
 * deferred and on autopay.
 */
function city(): Record<string, CellValue[][]> {
  const history: CellValue[][] = [["Account", "Period", "Usage"]];
  months(11, 12).forEach((end, k) => history.push(["200101", end, k % 2 ? 8000 : 4000]));
  months(11, 12).forEach((end) => history.push(["200099", end, 5000]));
  history.push(["200102", months(22, 1)[0], 7000]);
  return {
    Accounts: [
      [
        "Account",
        "Name",
        "Service Address",
        "Mailing Address",
        "Status",
        "Rate Class",
        "Meter",
        "Cart Count",
        "Level Pay",
        "Level Pay Amount",
        "Level Pay Deferred",
        "Autopay",
        "E-Bill",
        "Email",
      ],
      [
        "200101",
        "Baker, Tom",
        "1204 N Main St",
        "PO Box 9, Sampleton, ID 83200",
        "Active",
        "residential",
        "M1",
        1,
        "No",
        null,
        null,
        "No",
        "No",
        null,
      ],
      ["200099", "Old, Occupant", "12 n  main ST", null, "Final", "residential", "M2", 1, "No", null, null, "No", "No", null],
      ["200102", "Ortiz, Ana", "12 N Main St", null, "Active", "residential", "M2", 1, "No", null, null, "No", "No", null],
      ["200103", "Chen, Wu", "5 S Oak Ave", null, "Active", "residential", "M3", 1, "Yes", 95, 12.5, "Yes", "Yes", "wu@example.org"],
    ],
    Balances: [["Account", "Balance", "Current", "30 Days", "60 Days", "90+ Days"]],
    Payments: [["Date", "Account", "Amount", "Method", "Reference", "Returned"]],
    Adjustments: [["Account", "Date", "Type", "Service", "Amount", "Corrects", "Description"]],
    "Usage History": history,
  };
}

async function contextFor(port: MemoryWorkbook, today = TODAY): Promise<TaskContext> {
  const data = await loadCounterData(port, today);
  if (!data.ok) throw new Error(data.message);
  return { port, data: data.value, today, now: `${today}T17:00:00.000Z`, schedule, policy };
}

const sheet = async (port: MemoryWorkbook, name: string) => (await port.readSheet(name))?.values ?? [];
const changesOf = async (port: MemoryWorkbook) =>
  (await readAccountChanges(port)).changes.map((c) => `${c.account} ${c.field}=${c.value}@${c.effective}`);

/** Every cell of every sheet, as text: where a bank account number must never be. */
function everyCell(port: MemoryWorkbook): string {
  return [...port.sheets.entries()]
    .map(([name, s]) => `${name}\n${s.values.map((r) => r.map((v) => String(v ?? "")).join("\t")).join("\n")}`)
    .join("\n");
}

function fakeVault() {
  const kept: BankDetails[] = [];
  const dropped: string[] = [];
  return {
    kept,
    dropped,
    keep: async (d: BankDetails) => void kept.push(d),
    drop: async (account: string) => void dropped.push(account),
  };
}

describe("enrolAutopay", () => {
  const BANK = "123456789012";

  it("keeps the full bank details only in the vault; the workbook, letter and outcome show ****9012", async () => {
    const port = new MemoryWorkbook(city());
    const vault = fakeVault();
    const done = await enrolAutopay(
      await contextFor(port),
      { account: "200101", routing: "021000021", bankAccount: BANK, accountType: "checking", effective: "2026-11-15" },
      vault,
    );
    if (!done.ok) throw new Error(done.message);
    expect(done.result).toEqual({ masked: "****9012" });
    expect(vault.kept).toEqual([{ account: "200101", routing: "021000021", bankAccount: BANK, accountType: "checking", enrolled: TODAY }]);
    expect(await changesOf(port)).toEqual([
      "200101 Autopay=Yes@2026-11-15",
      "200101 Autopay Routing=021000021@2026-11-15",
      "200101 Autopay Account=****9012@2026-11-15",
    ]);
    const letter = done.letter!;
    expect(letter.kind).toBe("Autopay");
    expect(letter.paragraphs.join(" ")).toContain("checking account ****9012");
    expect(letter.paragraphs.join(" ")).toContain("zero-dollar test entry (a prenote)");
    expect(letter.paragraphs.join(" ")).toContain("Drafts start with the billing cycle after it");
    expect((await sheet(port, LETTER_LOG_SHEET))[1]).toEqual(expect.arrayContaining(["200101", "Autopay"]));
    expect(done.audit).toMatchObject({ action: "account.autopay-enrolled", subject: "200101" });
    // Nowhere in the workbook, the letter, the summary or the audit entry: not the number, not its first eight digits.
    for (const text of [everyCell(port), JSON.stringify(done)]) {
      expect(text).not.toContain(BANK);
      expect(text).not.toContain(BANK.slice(0, 8));
    }
  });

  it("is in effect from its effective date, as the counter and the cycle read the account", async () => {
    const port = new MemoryWorkbook(city());
    await enrolAutopay(
      await contextFor(port),
      { account: "200101", routing: "021000021", bankAccount: BANK, accountType: "savings", effective: "2026-11-15" },
      fakeVault(),
    );
    const before = await contextFor(port, "2026-11-14");
    const after = await contextFor(port, "2026-11-15");
    expect(before.data.accounts.get("200101")).toMatchObject({ autopay: false });
    expect(after.data.accounts.get("200101")).toMatchObject({ autopay: true, autopayRouting: "021000021", autopayAccount: "****9012" });
  });

  it("refuses a routing number that fails its check digit before anything is kept or written", async () => {
    const port = new MemoryWorkbook(city());
    const vault = fakeVault();
    const done = await enrolAutopay(
      await contextFor(port),
      { account: "200101", routing: "021000022", bankAccount: BANK, accountType: "checking", effective: "2026-11-15" },
      vault,
    );
    expect(done).toEqual({
      ok: false,
      message: "routing number 021000022 fails its check digit: the ninth digit would be 1, not 2 (3, 7, 1 weights)",
    });
    expect(vault.kept).toEqual([]);
    expect(await port.readSheet(ACCOUNT_CHANGES_SHEET)).toBeUndefined();
    expect(await port.readSheet(LETTER_LOG_SHEET)).toBeUndefined();
  });

  it("refuses a bank account number that is not 4 to 17 digits, naming it masked", async () => {
    const port = new MemoryWorkbook(city());
    const done = await enrolAutopay(
      await contextFor(port),
      { account: "200101", routing: "021000021", bankAccount: "12345678901234567890", accountType: "checking", effective: "2026-11-15" },
      fakeVault(),
    );
    expect(done).toEqual({ ok: false, message: "a bank account number is 4 to 17 digits; got ****7890" });
  });
});

describe("withdrawAutopay", () => {
  it("ends autopay, clears the bank fields, drops the vault entry and writes the letter", async () => {
    const port = new MemoryWorkbook(city());
    const ctx = await contextFor(port);
    const vault = fakeVault();
    await enrolAutopay(
      ctx,
      { account: "200101", routing: "021000021", bankAccount: "55554444", accountType: "checking", effective: "2026-11-01" },
      vault,
    );
    const done = await withdrawAutopay(
      await contextFor(port),
      { account: "200101", effective: "2026-12-01", reason: "Moving banks" },
      vault,
    );
    if (!done.ok) throw new Error(done.message);
    expect(vault.dropped).toEqual(["200101"]);
    expect((await changesOf(port)).slice(3)).toEqual([
      "200101 Autopay=No@2026-12-01",
      "200101 Autopay Routing=@2026-12-01",
      "200101 Autopay Account=@2026-12-01",
    ]);
    expect(done.letter!.paragraphs[0]).toBe(
      "Autopay for 1204 N Main St ends on 2026-12-01 (Moving banks). Bills dated from then on are not drafted from ****4444.",
    );
    expect((await contextFor(port, "2026-12-01")).data.accounts.get("200101")).toMatchObject({ autopay: false, autopayAccount: undefined });
  });

  it("refuses an account that is not on autopay", async () => {
    const port = new MemoryWorkbook(city());
    expect(await withdrawAutopay(await contextFor(port), { account: "200101", effective: TODAY, reason: "" })).toEqual({
      ok: false,
      message: "account 200101 is not on autopay",
    });
  });
});

describe("setEBill", () => {
  it("turns paperless billing on with a checked address, and confirms it by letter to the mailing address", async () => {
    const port = new MemoryWorkbook(city());
    const done = await setEBill(await contextFor(port), {
      account: "200101",
      on: true,
      email: " tom@example.org ",
      effective: "2026-11-15",
    });
    if (!done.ok) throw new Error(done.message);
    expect(await changesOf(port)).toEqual(["200101 E-Bill=Yes@2026-11-15", "200101 Email=tom@example.org@2026-11-15"]);
    expect(done.letter).toMatchObject({ kind: "E-Bill", mailTo: "PO Box 9, Sampleton, ID 83200" });
    expect(done.letter!.paragraphs[0]).toBe(
      "From 2026-11-15, your bills for 1204 N Main St are sent by email to tom@example.org instead of by mail.",
    );
    const pages = (await sheet(port, ACCOUNT_LETTERS_SHEET)).flat().join("\n");
    expect(pages).toContain("Paperless billing for account 200101");
    expect((await contextFor(port, "2026-11-15")).data.accounts.get("200101")).toMatchObject({ eBill: true, email: "tom@example.org" });
  });

  it("refuses an address that is not one address, with the reason", async () => {
    const port = new MemoryWorkbook(city());
    const ctx = await contextFor(port);
    expect(await setEBill(ctx, { account: "200101", on: true, email: "tom@example", effective: TODAY })).toEqual({
      ok: false,
      message: 'the domain after @ must be like example.org; got "example"',
    });
    expect(await setEBill(ctx, { account: "200101", on: true, effective: TODAY })).toEqual({
      ok: false,
      message: "an e-bill needs an email address",
    });
    expect(await port.readSheet(ACCOUNT_CHANGES_SHEET)).toBeUndefined();
  });

  it("ends paperless billing, keeping the address on file", async () => {
    const port = new MemoryWorkbook(city());
    const done = await setEBill(await contextFor(port), { account: "200103", on: false, effective: "2026-12-01" });
    if (!done.ok) throw new Error(done.message);
    expect(await changesOf(port)).toEqual(["200103 E-Bill=No@2026-12-01"]);
    expect(done.letter!.subject).toBe("Paper bills again for account 200103");
    expect(await setEBill(await contextFor(port, "2026-12-01"), { account: "200103", on: false, effective: "2026-12-02" })).toEqual({
      ok: false,
      message: "account 200103 already gets paper bills",
    });
  });
});

describe("level pay", () => {
  it("quotes the average of the account's 12 months priced at the rates in effect each month", async () => {
    const ctx = await contextFor(new MemoryWorkbook(city()));
    const q = quoteLevelPay(ctx, "200101");
    if (!q.ok) throw new Error(q.problem.message);
    // 4,000 gal: 24.00 + 4.60 water, 55.40 sewer, 17.80 garbage = 101.80; 8,000 gal: 106.40. Average 104.10.
    expect(q.value.amount.toFixed(2)).toBe("104.10");
    expect(q.value.source).toBe("account");
    expect(q.value.months.map((m) => m.charges.toFixed(2)).slice(0, 2)).toEqual(["101.80", "106.40"]);
  });

  it("takes a new customer's amount from the address's earlier account, however the address is typed", async () => {
    const ctx = await contextFor(new MemoryWorkbook(city()));
    const q = quoteLevelPay(ctx, "200102");
    if (!q.ok) throw new Error(q.problem.message);
    // 5,000 gal: 24.00 + 5.75 + 55.40 + 17.80.
    expect([q.value.source, q.value.months.length, q.value.amount.toFixed(2)]).toEqual(["premise", 12, "102.95"]);
  });

  it("enrols: Level Pay Yes, the amount, nothing deferred; the letter explains the amount and the November true-up", async () => {
    const port = new MemoryWorkbook(city());
    const done = await enrolLevelPay(await contextFor(port), { account: "200101", effective: "2026-12-01" });
    if (!done.ok) throw new Error(done.message);
    expect(await changesOf(port)).toEqual([
      "200101 Level Pay=Yes@2026-12-01",
      "200101 Level Pay Amount=104.10@2026-12-01",
      "200101 Level Pay Deferred=0@2026-12-01",
    ]);
    const text = done.letter!.paragraphs.join("\n");
    expect(done.letter!.kind).toBe("Level Pay");
    expect(text).toContain(
      "How we found it: the average of your last 12 months of bills, $1,249.20 in all, at the rates in effect each month",
    );
    expect(text).toContain("each month: Nov 2025 4,000 gal $101.80; Dec 2025 8,000 gal $106.40;");
    expect(text).toContain("Every November the deferred balance is settled");
    expect((await contextFor(port, "2026-12-01")).data.accounts.get("200101")).toMatchObject({
      levelPay: true,
      levelPayAmount: new Dec("104.1"),
    });
  });

  it("names the policy's true-up month", async () => {
    const port = new MemoryWorkbook(city());
    const ctx = { ...(await contextFor(port)), policy: { ...policy, levelPayTrueUpMonth: 6 } };
    const done = await enrolLevelPay(ctx, { account: "200101", effective: "2026-12-01" });
    expect(done.ok && done.letter!.paragraphs.join(" ")).toContain("Every June");
  });

  it("refuses an account already on level pay, or one with no history anywhere", async () => {
    const wb = city();
    wb.Accounts.push(["200104", "New, Nia", "99 Nowhere Rd", null, "Active", "residential", "M4", 1, "No", null, null, "No", "No", null]);
    const ctx = await contextFor(new MemoryWorkbook(wb));
    expect(await enrolLevelPay(ctx, { account: "200103", effective: TODAY })).toEqual({
      ok: false,
      message: "account 200103 is already on level pay at $95.00 a month",
    });
    expect(await enrolLevelPay(ctx, { account: "200104", effective: TODAY })).toEqual({
      ok: false,
      message: "account 200104 has no usage history, nor has its service address: level pay needs a year to average",
    });
  });

  it("withdraws: Level Pay No, and the deferred balance is posted as a charge the next bill carries", async () => {
    const port = new MemoryWorkbook(city());
    const done = await withdrawLevelPay(await contextFor(port), { account: "200103", effective: "2026-12-01" });
    if (!done.ok) throw new Error(done.message);
    expect(await changesOf(port)).toEqual([
      "200103 Level Pay=No@2026-12-01",
      "200103 Level Pay Amount=@2026-12-01",
      "200103 Level Pay Deferred=0@2026-12-01",
    ]);
    const after = await contextFor(port, "2026-12-01");
    expect(after.data.accounts.get("200103")).toMatchObject({ levelPay: false, levelPayDeferred: new Dec(0) });
    expect(after.data.adjustments.get("200103")).toEqual([
      {
        account: "200103",
        date: "2026-12-01",
        kind: "charge",
        service: "level pay",
        amount: new Dec("12.5"),
        corrects: "",
        description: "Level pay ended 2026-12-01: the deferred balance of $12.50 billed",
      },
    ]);
    expect(done.letter!.paragraphs[1]).toBe(
      "The deferred balance of $12.50 (actual charges above the level amounts billed since the last true-up) is billed on your next bill.",
    );
    expect(done.written.map((w) => w.sheet)).toEqual(["Adjustments", ACCOUNT_CHANGES_SHEET, LETTER_LOG_SHEET]);
  });
});
