import { billInputsOf, computeBill, Dec, DEFAULT_READ_EDIT_SETTINGS, toExcelSerial } from "../../src/engine";
import type { AccountChange } from "../../src/engine";
import { ACCOUNT_CHANGES_SHEET, accountsAsOf, appendAccountChanges, readAccountChanges } from "../../src/accounts/accountChanges";
import { ACCOUNT_LETTERS_SHEET, LETTER_LOG_SHEET } from "../../src/accounts/accountLetters";
import { closeService, FINAL_BILLS_SHEET } from "../../src/accounts/tasks/closeService";
import { accountOn, TaskContext } from "../../src/accounts/tasks/context";
import { nextAccountNumber, openService } from "../../src/accounts/tasks/openService";
import { transferService } from "../../src/accounts/tasks/transferService";
import { previewCycle } from "../../src/cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { accountBalance, loadCounterData } from "../../src/payments/counterData";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { CYCLE_ACCOUNT_COLUMNS, parseCycleAccounts } from "../../src/workbook/cycleSheets";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { loadSchedule } from "../support/samples";

const schedule = loadSchedule("chubbuck");
const policy = DEFAULT_CYCLE_SETTINGS.policy;
const TODAY = "2026-11-10";

async function contextFor(port: MemoryWorkbook, today = TODAY): Promise<TaskContext> {
  const data = await loadCounterData(port, today);
  if (!data.ok) throw new Error(data.message);
  return { port, data: data.value, today, now: `${today}T17:00:00.000Z`, schedule, policy };
}

const sheet = async (port: MemoryWorkbook, name: string) => (await port.readSheet(name))?.values ?? [];

describe("an account's history (Account Changes)", () => {
  const accounts = {
    sheet: "Accounts",
    top: 0,
    left: 0,
    values: [
      ["Account", "Status", "Name"],
      ["1", "Active", "Ana"],
    ] as CellValue[][],
  };
  const change = (field: string, value: string, effective: string, recorded = "2026-11-01T00:00:00Z"): AccountChange => ({
    account: "1",
    field,
    value,
    was: "",
    effective,
    task: "test",
    reason: "",
    recorded,
  });

  it("shows each account as it was on a date: a change applies from its effective date, the latest wins", () => {
    const changes = [
      change("Status", "Final", "2026-11-10"),
      change("Autopay", "Yes", "2026-10-01"),
      change("Autopay", "No", "2026-10-15", "2026-10-15T00:00:00Z"),
      change("Autopay", "Yes", "2026-10-15", "2026-10-16T00:00:00Z"),
    ];
    const read = (asOf: string) => {
      const parsed = parseCycleAccounts(accountsAsOf(accounts, changes, asOf));
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.value.records[0];
    };
    expect(read("2026-09-30")).toMatchObject({ status: "active", autopay: false });
    expect(read("2026-10-01")).toMatchObject({ status: "active", autopay: true });
    expect(read("2026-10-31")).toMatchObject({ status: "active", autopay: true });
    expect(read("2026-11-10")).toMatchObject({ status: "final", autopay: true });
    // The sheet itself is never written: the copy has the added column, the input does not.
    expect(accounts.values[0]).toEqual(["Account", "Status", "Name"]);
  });

  it("names a change it cannot read, and leaves it out", async () => {
    const port = new MemoryWorkbook({
      [ACCOUNT_CHANGES_SHEET]: [
        ["Account", "Effective", "Field", "Value"],
        ["1", "someday", "Status", "Final"],
        ["1", "2026-11-01", "Favourite colour", "blue"],
        ["1", "2026-11-01", "Status", "Final"],
      ],
    });
    const read = await readAccountChanges(port);
    expect(read.changes).toHaveLength(1);
    expect(read.problems).toEqual([
      "'Account Changes'!B2: Effective must be a date; got \"someday\"",
      "'Account Changes'!C3: Field must be a column of the Accounts sheet (Status, Close Date, Autopay, ...); got \"Favourite colour\"",
    ]);
  });
});

describe("open service", () => {
  it("adds the Accounts row, bills the deposit, orders carts and writes the welcome letter", async () => {
    const port = new MemoryWorkbook(sampleCycleWorkbook());
    const ctx = await contextFor(port);
    const expected = nextAccountNumber(ctx.data.accounts.keys());
    const done = await openService(ctx, {
      name: "Nguyen, Linh",
      serviceAddress: "900 S 5th Ave",
      mailingAddress: "900 S 5th Ave, Sampleton, ID 83200",
      owner: false,
      openDate: "2026-11-12",
      rateClass: "residential",
      meter: "M900",
      meterSize: "3/4",
      cartCount: 1,
    });
    if (!done.ok) throw new Error(done.message);
    expect(done.result).toEqual({ account: expected, deposit: new Dec(150) });
    const accounts = await sheet(port, "Accounts");
    const row = accounts.at(-1)!;
    expect(row[0]).toBe(expected);
    expect(row[accounts[0].indexOf("Status")]).toBe("Active");
    expect(row[accounts[0].indexOf("Open Date")]).toBe(toExcelSerial("2026-11-12"));
    const adjustments = await sheet(port, "Adjustments");
    expect(adjustments.at(-1)).toEqual(expect.arrayContaining([expected, 150, "deposit"]));
    const orders = await sheet(port, "Work Orders");
    expect(orders.at(-1)).toEqual(expect.arrayContaining(["Cart delivery", expected, "900 S 5th Ave"]));
    const log = await sheet(port, LETTER_LOG_SHEET);
    expect(log).toHaveLength(2);
    expect(log[1]).toEqual(expect.arrayContaining([expected, "Nguyen, Linh", "Service Started"]));
    const pages = (await sheet(port, ACCOUNT_LETTERS_SHEET)).flat().join("\n");
    expect(pages).toContain("Dear Linh Nguyen,");
    expect(pages).toContain("A deposit of $150.00 is due with your first bill");
    expect(done.audit).toMatchObject({ action: "account.opened", subject: expected });
    // The new account is found by the counter as it reads the workbook again.
    const again = await contextFor(port);
    expect(again.data.accounts.get(expected!)).toMatchObject({ status: "active", openDate: "2026-11-12", deposit: new Dec(150) });
  });

  it("waives the deposit with a letter of credit, and refuses an address still in service", async () => {
    const port = new MemoryWorkbook(sampleCycleWorkbook());
    const ctx = await contextFor(port);
    const waived = await openService(ctx, {
      name: "Lee, Sam",
      serviceAddress: "1 Pine St",
      mailingAddress: "1 Pine St, Sampleton, ID 83200",
      owner: false,
      openDate: "2026-11-12",
      depositWaiver: "letter of credit",
    });
    expect(waived.ok && waived.result.deposit.isZero()).toBe(true);
    const busy = await openService(ctx, { name: "Lee, Sam", serviceAddress: "201 N GARFIELD  Ave", owner: false, openDate: "2026-11-12" });
    expect(busy).toEqual({
      ok: false,
      message: "account 100101 (Alvarez, Maria) is still active at 201 N GARFIELD  Ave: close it (or transfer it) first",
    });
    expect(
      await openService(ctx, { name: "X", serviceAddress: "2 Pine St", owner: true, openDate: "2026-11-12", email: "x@" }),
    ).toMatchObject({
      ok: false,
    });
  });

  it("refuses a mailing address a letter cannot reach, and a cart size the schedule does not price", async () => {
    const port = new MemoryWorkbook(sampleCycleWorkbook());
    const ctx = await contextFor(port);
    const base = { name: "Lee, Sam", serviceAddress: "3 Pine St", owner: false, openDate: "2026-11-12" };
    expect(await openService(ctx, base)).toEqual({
      ok: false,
      message:
        'the mailing address needs its city, state and ZIP code, such as "3 Pine St, Pocatello, ID 83201": letters and bills go to it',
    });
    const mailed = { ...base, mailingAddress: "3 Pine St, Sampleton, ID 83200" };
    expect(await openService(ctx, { ...mailed, cartCount: 1, cartSize: "96 gal" })).toEqual({
      ok: false,
      message: 'the schedule has no "96 gal" cart; its sizes: standard',
    });
    const done = await openService(ctx, { ...mailed, cartCount: 2, cartSize: "Standard" });
    expect(done.ok).toBe(true);
    expect(await port.readSheet(ACCOUNT_CHANGES_SHEET)).toBeUndefined();
  });

  it("ends the Vacant account at the address the day before, takes its meter, and orders the move-in read", async () => {
    const port = new MemoryWorkbook(sampleCycleWorkbook());
    const ctx = await contextFor(port);
    const vacant = ctx.data.accounts.get("100107")!;
    expect(vacant.status).toBe("vacant");
    const done = await openService(ctx, {
      name: "Ortiz, Ana",
      serviceAddress: vacant.serviceAddress,
      mailingAddress: `${vacant.serviceAddress}, Sampleton, ID 83200`,
      owner: false,
      openDate: "2026-11-12",
    });
    if (!done.ok) throw new Error(done.message);
    expect(done.summary).toContain(`; vacant account 100107 there ends 2026-11-11.`);
    const changes = await readAccountChanges(port);
    expect(changes.changes.map((c) => `${c.account} ${c.field}=${c.value}@${c.effective}`)).toEqual([
      "100107 Status=Final@2026-11-11",
      "100107 Close Date=2026-11-11@2026-11-11",
    ]);
    const accounts = await sheet(port, "Accounts");
    expect(accounts.at(-1)![accounts[0].indexOf("Meter")]).toBe(vacant.meter);
    const order = (await sheet(port, "Work Orders")).at(-1)!;
    expect(order).toEqual(expect.arrayContaining(["Move-in read", done.result.account, vacant.meter]));
    const after = await contextFor(port, "2026-11-12");
    expect(after.data.accounts.get("100107")).toMatchObject({ status: "final", closeDate: "2026-11-11" });
  });
});

describe("close service: the final bill now, off-cycle", () => {
  it("bills the final read, applies the deposit, orders the cart pickup, and the next cycle does not bill those days again", async () => {
    const port = new MemoryWorkbook(sampleCycleWorkbook());
    const ctx = await contextFor(port);
    const before = accountBalance(ctx.data, "100101").now;
    const reads = await sheet(port, "Reads");
    const header = reads.find((r) => r.includes("Current Read"))!;
    const row = reads.find((r) => r[header.indexOf("Account")] === "100101")!;
    const previous = Number(row[header.indexOf("Previous Read")]);
    const done = await closeService(ctx, {
      account: "100101",
      closeDate: "2026-11-08",
      usage: { kind: "read", reading: new Dec(previous + 9) },
    });
    if (!done.ok) throw new Error(done.message);
    const bill = done.result;
    expect(bill).toMatchObject({ bill: "FB-100101-20261108", from: "2026-10-01", closeDate: "2026-11-08", usage: new Dec(9) });
    expect(bill.usageBasis).toContain(`read ${previous.toLocaleString("en-US")} on 2026-09-30 at the last bill`);
    expect(bill.charges.greaterThan(0)).toBe(true);
    expect(bill.balanceBefore).toEqual(before);
    expect(bill.depositApplied).toEqual(Dec.min(new Dec(75), Dec.max(before.plus(bill.charges), 0)));
    // due - refund = owed - deposit, exactly.
    expect(bill.due.minus(bill.refund)).toEqual(before.plus(bill.charges).minus(75));
    const finals = await sheet(port, FINAL_BILLS_SHEET);
    expect(finals[1]).toEqual(expect.arrayContaining(["FB-100101-20261108", "100101", bill.due.toNumber()]));
    const changes = await readAccountChanges(port);
    expect(changes.changes.map((c) => `${c.field}=${c.value}@${c.effective}`)).toEqual([
      "Status=Final@2026-11-08",
      "Close Date=2026-11-08@2026-11-08",
      "Final Billed Through=2026-11-08@2026-10-01",
      "Deposit=0@2026-11-08",
    ]);
    expect((await sheet(port, "Work Orders")).at(-1)).toEqual(expect.arrayContaining(["Cart pickup", "100101"]));
    expect((await sheet(port, LETTER_LOG_SHEET))[1]).toEqual(expect.arrayContaining(["100101", "Service Ended"]));
    // The counter now shows the account Final with the final bill's balance (the one balance rule).
    const after = await contextFor(port);
    expect(after.data.accounts.get("100101")).toMatchObject({ status: "final", closeDate: "2026-11-08", finalBilledThrough: "2026-11-08" });
    expect(accountBalance(after.data, "100101").now).toEqual(bill.due.minus(bill.refund));
    // A second close is refused.
    expect(await closeService(after, { account: "100101", closeDate: "2026-11-09", usage: { kind: "estimate" } })).toMatchObject({
      ok: false,
    });

    // October's cycle, run after the close: a statement of the balance for 100101, no second bill of October.
    const out = await previewCycle(port, { schedule, settings: DEFAULT_CYCLE_SETTINGS, readEdits: DEFAULT_READ_EDIT_SETTINGS });
    if (!out.ok) throw new Error(out.message);
    const s = out.result.statements.find((x) => x.account.account === "100101")!;
    expect(s.decision.code).toBe("BALANCE_ONLY");
    expect(s.currentCharges.amount.isZero()).toBe(true);
    expect(out.result.reconciliation.difference.amount.isZero()).toBe(true);
  });

  it("bills the base charges for the days served: a close 5 days after the last bill is 5 of 30 days, not a month", async () => {
    const port = new MemoryWorkbook(sampleCycleWorkbook());
    const ctx = await contextFor(port);
    const reads = await sheet(port, "Reads");
    const header = reads.find((r) => r.includes("Current Read"))!;
    const row = reads.find((r) => r[header.indexOf("Account")] === "100101")!;
    const previous = Number(row[header.indexOf("Previous Read")]);
    const a = ctx.data.accounts.get("100101")!;
    const priced = (days?: number) => {
      const b = computeBill(schedule, { ...billInputsOf(a), usage: new Dec(9), asOf: "2026-10-05", days });
      if (!b.ok) throw new Error(b.problem.message);
      return b.value.total.amount;
    };
    const done = await closeService(ctx, {
      account: "100101",
      closeDate: "2026-10-05",
      usage: { kind: "read", reading: new Dec(previous + 9) },
    });
    if (!done.ok) throw new Error(done.message);
    expect(done.result).toMatchObject({ serviceDays: 5, cycleDays: schedule.cycleDays });
    expect(done.result.charges).toEqual(priced(5));
    expect(done.result.charges.lessThan(priced())).toBe(true);
    const posted = (await sheet(port, "Adjustments")).map((r) => r.join(" ")).filter((r) => r.includes("FB-100101-20261005"));
    expect(posted.filter((r) => r.includes("2026-10-01 to 2026-10-05, 5 of 30 days")).length).toBeGreaterThan(0);
    expect((await sheet(port, LETTER_LOG_SHEET))[1].join(" ")).toContain(
      "base charges prorated for 5 days of service (a full month is 30 days)",
    );
  });

  it("refuses a final bill longer than two cycles: the cycle is billed first", async () => {
    const port = new MemoryWorkbook(sampleCycleWorkbook());
    const ctx = await contextFor(port, "2026-12-05");
    expect(await closeService(ctx, { account: "100101", closeDate: "2026-12-04", usage: { kind: "estimate" } })).toEqual({
      ok: false,
      message: "the last bill ran to 2026-09-30, 65 days before the close; a final bill covers at most 60 days: bill the cycle first",
    });
  });

  it("turns a credit balance and the deposit into a refund request", async () => {
    const wb = sampleCycleWorkbook();
    wb.Payments.push([toExcelSerial("2026-10-20"), "100101", 400, "counter", "check 77", "No"]);
    const port = new MemoryWorkbook(wb);
    const ctx = await contextFor(port);
    const done = await closeService(ctx, { account: "100101", closeDate: "2026-11-08", usage: { kind: "estimate" } });
    if (!done.ok) throw new Error(done.message);
    const b = done.result;
    const owed = b.balanceBefore.plus(b.charges);
    expect(owed.isNegative()).toBe(true);
    expect(b).toMatchObject({ depositApplied: new Dec(0), due: new Dec(0), refund: owed.negated().plus(75) });
    expect(b.usageBasis).toMatch(/^estimated from the daily average/);
    const adjustments = (await sheet(port, "Adjustments")).slice(-3).map((r) => r.join(" "));
    expect(adjustments[1]).toContain("Deposit of $75.00 applied to final bill FB-100101-20261108");
    expect(adjustments[2]).toContain(`Refund of $${b.refund.toFixed(2)} requested`);
    const after = await contextFor(port);
    expect(accountBalance(after.data, "100101").now.isZero()).toBe(true);
    const letter = (await sheet(port, LETTER_LOG_SHEET))[1].join(" ");
    expect(letter).toContain(`We owe you $${b.refund.toFixed(2)}`);
  });

  it("refuses a close before the last bill, after today, or with a read below the last", async () => {
    const port = new MemoryWorkbook(sampleCycleWorkbook());
    const ctx = await contextFor(port);
    expect(await closeService(ctx, { account: "100101", closeDate: "2026-09-15", usage: { kind: "estimate" } })).toEqual({
      ok: false,
      message: "the last bill ran to 2026-09-30; a close on or before it is a correction of that bill (a back-bill), not a final bill",
    });
    expect(await closeService(ctx, { account: "100101", closeDate: "2026-11-20", usage: { kind: "estimate" } })).toMatchObject({
      ok: false,
    });
    expect(
      await closeService(ctx, { account: "100101", closeDate: "2026-11-08", usage: { kind: "read", reading: new Dec(0) } }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining("cannot be billed"),
    });
    expect(await port.readSheet(ACCOUNT_CHANGES_SHEET)).toBeUndefined();
  });
});

describe("transfer of service", () => {
  it("closes the old account, opens the new one, and carries the balance with its past-due part named", async () => {
    const wb = sampleCycleWorkbook();
    const port = new MemoryWorkbook(wb);
    const ctx = await contextFor(port);
    const old = ctx.data.accounts.get("100101")!;
    const balance = accountBalance(ctx.data, "100101");
    const done = await transferService(ctx, {
      from: "100101",
      closeDate: "2026-11-08",
      usage: { kind: "estimate" },
      to: {
        serviceAddress: "950 S 9th Ave",
        mailingAddress: "950 S 9th Ave, Sampleton, ID 83200",
        openDate: "2026-11-09",
        rateClass: "residential",
        meter: "M950",
        meterSize: "3/4",
      },
    });
    if (!done.ok) throw new Error(done.message);
    // Nothing is due on the old account: the Final Bills row says where its balance went, as the letter does.
    const finals = await sheet(port, FINAL_BILLS_SHEET);
    const row = finals[1];
    const carriedText = `$${done.result.finalBill.carried.toFixed(2)}`;
    expect(row[finals[0].indexOf("Amount Due")]).toBe(0);
    expect(row[finals[0].indexOf("Due Date")]).toBeNull();
    expect(row[finals[0].indexOf("Carried To")]).toBe(`${done.result.account} (${carriedText})`);
    expect(done.letter!.paragraphs.join(" ")).toContain(`Your balance of ${carriedText} moves to your new account ${done.result.account}`);
    // The carts move with the customer: a delivery at the new address.
    expect((await sheet(port, "Work Orders")).some((o) => o.includes("Cart delivery") && o.includes(done.result.account))).toBe(true);
    // The new account's trail starts with the transfer.
    expect(done.moreAudit).toEqual([expect.objectContaining({ action: "account.transferred-in", subject: done.result.account })]);
    const after = await contextFor(port);
    const moved = after.data.accounts.get(done.result.account)!;
    expect(moved).toMatchObject({ name: old.name, deposit: new Dec(75), status: "active" });
    expect(accountBalance(after.data, "100101").now.isZero()).toBe(true);
    const carried = accountBalance(after.data, done.result.account).now;
    expect(carried.greaterThan(balance.now)).toBe(true);
    const adjustments = (await sheet(port, "Adjustments")).map((r) => r.join(" "));
    expect(adjustments.some((r) => r.includes(`transferred from account 100101`))).toBe(true);
    expect(done.audit.action).toBe("account.transferred");
  });
});

it("finds an account as it was on a date, for pricing a past period", async () => {
  const port = new MemoryWorkbook(sampleCycleWorkbook());
  await appendAccountChanges(port, [
    {
      account: "100101",
      field: "Rate Class",
      value: "commercial",
      was: "residential",
      effective: "2026-10-15",
      task: "t",
      reason: "",
      recorded: "x",
    },
  ]);
  const ctx = await contextFor(port);
  expect(accountOn(ctx, "100101", "2026-10-14")?.rateClass).toBe("residential");
  expect(accountOn(ctx, "100101", "2026-10-15")?.rateClass).toBe("commercial");
  expect(accountOn(ctx, "999", "2026-10-15")).toBeUndefined();
});

it("the Accounts columns the tasks write are columns the cycle reads", () => {
  const labels = CYCLE_ACCOUNT_COLUMNS.map((c) => c.label);
  for (const f of [
    "Status",
    "Close Date",
    "Final Billed Through",
    "Deposit",
    "Autopay",
    "Autopay Routing",
    "Autopay Account",
    "Mailing Address",
  ])
    expect(labels).toContain(f);
});
