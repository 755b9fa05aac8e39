import { dec, DEFAULT_READ_EDIT_SETTINGS, makePlan, runCycle, toExcelSerial } from "../../src/engine";
import type { CycleAccount, CycleInput, Payment, PaymentPlan } from "../../src/engine";
import { readAccountChanges } from "../../src/accounts/accountChanges";
import { LETTER_LOG_SHEET } from "../../src/accounts/accountLetters";
import { applyPlans, parsePlans, readPlans } from "../../src/accounts/plans";
import { PAYMENT_PLANS_SHEET } from "../../src/accounts/sheets";
import type { TaskContext } from "../../src/accounts/tasks/context";
import { previewPlan, setUpPlan } from "../../src/accounts/tasks/paymentPlan";
import { previewCycle } from "../../src/cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { delinquencySheet } from "../../src/cycle/sheets/delinquency";
import { loadCounterData } from "../../src/payments/counterData";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { loadSchedule, reading } from "../support/samples";

const schedule = loadSchedule("chubbuck");
const policy = DEFAULT_CYCLE_SETTINGS.policy;
const TODAY = "2026-11-02";

/** 200101 owes 317.45 at the 2026-10-31 bill; 200102 owes 300.00 and paid 40.00 since. */
function city(): Record<string, CellValue[][]> {
  return {
    Accounts: [
      ["Account", "Name", "Service Address", "Mailing Address", "Status", "Arrangement Until", "Arrangement Amount"],
      ["200101", "Baker, Tom", "1204 N Main St", "PO Box 9, Sampleton, ID 83200", "Active", null, null],
      ["200102", "Ortiz, Ana", "77 W Elm St", null, "Active", null, null],
      ["200103", "Chen, Wu", "5 S Oak Ave", null, "Active", null, null],
    ],
    Balances: [
      ["Account", "Balance", "Water", "Sewer", "Current", "30 Days", "60 Days", "90+ Days"],
      ["200101", 317.45, 117.45, 200, 100, 217.45, 0, 0],
      ["200102", 300, 100, 200, 100, 200, 0, 0],
    ],
    Payments: [
      ["Date", "Account", "Amount", "Method", "Reference", "Returned"],
      ["2026-11-01", "200102", 40, "mail", "check 1", "No"],
      // Dated today: a payment from today on counts toward the plan, not against its balance.
      ["2026-11-02", "200102", 10, "mail", "check 2", "No"],
    ],
    Adjustments: [["Account", "Date", "Type", "Service", "Amount", "Corrects", "Description"]],
    "Usage History": [
      ["Account", "Period", "Usage"],
      ["200101", "2026-10-31", 6000],
    ],
  };
}

async function contextFor(port: MemoryWorkbook, today = TODAY): Promise<TaskContext> {
  const data = await loadCounterData(port, today);
  if (!data.ok) throw new Error(data.message);
  return { port, data: data.value, today, now: `${today}T17:00:00.000Z`, schedule, policy };
}

const sheet = async (port: MemoryWorkbook, name: string) => (await port.readSheet(name))?.values ?? [];
const request = { account: "200101", downPayment: dec("80.00"), instalments: 4, firstDue: "2026-12-01" };

describe("previewPlan", () => {
  it("spreads the balance now, less the down payment, over monthly instalments: the odd cent on the first", async () => {
    const plan = previewPlan(await contextFor(new MemoryWorkbook(city())), request);
    if (!plan.ok) throw new Error(plan.problem.message);
    expect(plan.value.balance.toFixed(2)).toBe("317.45");
    expect(plan.value.agreed).toBe(TODAY);
    expect(plan.value.instalments.map((i) => `${i.due} ${i.amount.toFixed(2)}`)).toEqual([
      "2026-12-01 59.37",
      // New Year's Day is a holiday, then a weekend: due the next business day, as a bill is.
      "2027-01-04 59.36",
      "2027-02-01 59.36",
      "2027-03-01 59.36",
    ]);
  });

  it("takes the balance by the one balance rule as today began: payments since the last bill, none dated today", async () => {
    const plan = previewPlan(await contextFor(new MemoryWorkbook(city())), { ...request, account: "200102", downPayment: dec(65) });
    expect(plan.ok && plan.value.balance.toFixed(2)).toBe("260.00");
  });

  it("refuses a down payment below the policy's minimum, too many instalments, or an account that owes nothing", async () => {
    const ctx = await contextFor(new MemoryWorkbook(city()));
    const low = previewPlan(ctx, { ...request, downPayment: dec(50) });
    expect(!low.ok && low.problem.message).toBe("the down payment must be at least 25% of $317.45, $79.37; offered $50.00");
    const long = previewPlan(ctx, { ...request, instalments: 7 });
    expect(!long.ok && long.problem.message).toBe("a plan has 1 to 6 monthly instalments; asked for 7");
    const none = previewPlan(ctx, { ...request, account: "200103" });
    expect(!none.ok && none.problem.message).toBe("account 200103 owes nothing: a plan needs a balance");
  });
});

describe("setUpPlan", () => {
  it("writes the plan's lines, the arrangement on the account's history, and the agreement letter", async () => {
    const port = new MemoryWorkbook(city());
    const done = await setUpPlan(await contextFor(port), request);
    if (!done.ok) throw new Error(done.message);
    const rows = await sheet(port, PAYMENT_PLANS_SHEET);
    expect(rows[0]).toEqual(["Plan", "Account", "Agreed", "Balance", "Line", "Due", "Amount"]);
    expect(rows.slice(1).map((r) => [r[0], r[4], r[5], r[6]])).toEqual([
      ["PP-200101-20261102", "Down payment", toExcelSerial("2026-11-02"), 80],
      ["PP-200101-20261102", "Instalment 1 of 4", toExcelSerial("2026-12-01"), 59.37],
      ["PP-200101-20261102", "Instalment 2 of 4", toExcelSerial("2027-01-04"), 59.36],
      ["PP-200101-20261102", "Instalment 3 of 4", toExcelSerial("2027-02-01"), 59.36],
      ["PP-200101-20261102", "Instalment 4 of 4", toExcelSerial("2027-03-01"), 59.36],
    ]);
    expect((await readAccountChanges(port)).changes.map((c) => `${c.field}=${c.value}@${c.effective}`)).toEqual([
      "Arrangement Until=2027-03-01@2026-11-02",
      "Arrangement Amount=59.36@2026-11-02",
    ]);
    expect((await contextFor(port)).data.accounts.get("200101")).toMatchObject({
      arrangementUntil: "2027-03-01",
      arrangementAmount: dec("59.36"),
    });
    const letter = done.letter!;
    expect(letter).toMatchObject({ kind: "Payment Plan", mailTo: "PO Box 9, Sampleton, ID 83200" });
    expect(letter.paragraphs[1]).toBe(
      "Down payment $80.00, due 2026-11-02; then $59.37 due 2026-12-01; $59.36 due 2027-01-04; $59.36 due 2027-02-01; $59.36 due 2027-03-01 (4 instalments). Please keep paying your new bills by their due dates as well.",
    );
    // As mailed (the Letter Log and the page): dates as the bills print them.
    const logged = (await sheet(port, LETTER_LOG_SHEET))[1].join(" ");
    expect(logged).toContain("Down payment $80.00, due Nov 2, 2026; then $59.37 due Dec 1, 2026;");
    expect(letter.paragraphs.join(" ")).toContain("for the $317.45 owed");
    expect(letter.paragraphs.join(" ")).toContain(
      "If a payment is missed, the plan ends and the past-due balance gets the usual late and shutoff notices",
    );
    expect(letter.paragraphs.join(" ")).not.toContain("ladder");
    expect((await sheet(port, LETTER_LOG_SHEET))[1]).toEqual(expect.arrayContaining(["200101", "Payment Plan"]));
    expect(done.audit).toMatchObject({ action: "account.plan-agreed", subject: "200101" });
    expect(done.written.map((w) => `${w.sheet} ${w.rows}`)).toEqual([
      "Payment Plans rows 2-6",
      "Account Changes rows 2-3",
      "Letter Log row 2",
    ]);
  });

  it("reads the plan back as agreed, the latest per account, and numbers a second plan the same day", async () => {
    const port = new MemoryWorkbook(city());
    const first = await setUpPlan(await contextFor(port), request);
    const second = await setUpPlan(await contextFor(port), { ...request, instalments: 2 });
    if (!first.ok || !second.ok) throw new Error("a plan was refused");
    const plans = await readPlans(port);
    expect(plans.get("200101")).toEqual({ ...second.result, id: "PP-200101-20261102-2" });
    expect(parsePlans(await port.readSheet(PAYMENT_PLANS_SHEET)).problems).toEqual([]);
  });

  it("refuses with the plan rule's reason and writes nothing", async () => {
    const port = new MemoryWorkbook(city());
    expect(await setUpPlan(await contextFor(port), { ...request, downPayment: dec(50) })).toEqual({
      ok: false,
      message: "the down payment must be at least 25% of $317.45, $79.37; offered $50.00",
    });
    expect(await port.readSheet(PAYMENT_PLANS_SHEET)).toBeUndefined();
  });

  it("names a plan whose lines do not add up to its balance, and leaves it out", () => {
    const read = parsePlans({
      sheet: PAYMENT_PLANS_SHEET,
      top: 0,
      left: 0,
      values: [
        ["Plan", "Account", "Agreed", "Balance", "Line", "Due", "Amount"],
        ["PP-1", "1", "2026-11-02", 100, "Down payment", "2026-11-02", 25],
        ["PP-1", "1", "2026-11-02", 100, "Instalment 1 of 2", "2026-12-01", 40],
      ],
    });
    expect(read.plans.size).toBe(0);
    expect(read.problems).toEqual([
      "Payment Plans: plan PP-1 is left out: its down payment and 1 of 2 instalments add up to $65.00, not its balance of $100.00",
    ]);
  });
});

describe("a payment plan in the cycle", () => {
  // Billed 2026-11-30: 200.00 owed at the 2026-10-31 bill, half of it a bill past due.
  const plan = makePlan({
    account: "A",
    balance: dec(200),
    downPayment: dec(50),
    instalments: 3,
    agreed: "2026-10-05",
    firstDue: "2026-11-01",
  });
  if (!plan.ok) throw new Error(plan.problem.message);
  const account: CycleAccount = {
    account: "A",
    name: "Planned, Pat",
    serviceAddress: "1 Plan St",
    mailingAddress: "1 Plan St",
    status: "active",
    rateClass: "residential",
    meter: "MA",
    cartCount: 1,
    deposit: dec(75),
    levelPay: false,
    levelPayDeferred: dec(0),
    autopay: false,
    eBill: false,
    nsfCount: 0,
    arrangementUntil: plan.value.until,
    arrangementAmount: dec(50),
  };
  const pay = (date: string, amount: number): Payment => ({
    account: "A",
    date,
    amount: dec(amount),
    method: "mail",
    reference: "",
    returned: false,
  });
  const cycle = (payments: Payment[], plans: ReadonlyMap<string, PaymentPlan>) => {
    const accounts = [account];
    applyPlans(accounts, plans, payments, "2026-11-30");
    const input: CycleInput = {
      billDate: "2026-11-30",
      periodStart: "2026-10-31",
      periodEnd: "2026-11-30",
      previousBillDate: "2026-10-31",
      accounts,
      balances: new Map([
        [
          "A",
          {
            account: "A",
            byService: new Map([["water", dec(200)]]),
            aging: { current: dec(100), days30: dec(100), days60: dec(0), days90: dec(0) },
          },
        ],
      ]),
      payments,
      adjustments: [],
      readings: new Map([["A", reading("A", 5000)]]),
      history: new Map(),
      held: new Map(),
    };
    return runCycle(input, schedule, policy).statements[0];
  };

  it("keeps the account off the ladder while the instalments are paid by their dates, even with nothing paid this cycle", () => {
    // The down payment, and instalment 1 paid early, both before this cycle.
    const s = cycle([pay("2026-10-05", 50), pay("2026-10-28", 50)], new Map([["A", plan.value]]));
    expect(s.collection.notice).toBeUndefined();
    expect(s.collection.keptOff).toEqual({
      reason: "kept payment arrangement",
      detail: "payment plan kept: $100.00 left, until 2027-01-01",
    });
    expect(s.account.plan).toEqual({ state: "kept", reason: "$100.00 left, until 2027-01-01" });
    expect(s.otherLines.some((l) => l.description.startsWith("Late fee"))).toBe(false);
  });

  it("returns the account to the notice ladder when an instalment is missed: the late notice it did not get while kept", () => {
    const s = cycle([pay("2026-10-05", 50)], new Map([["A", plan.value]]));
    expect(s.collection.notice?.rung).toBe("late notice");
    expect(s.collection.keptOff).toBeUndefined();
    expect(s.account).toMatchObject({ arrangementUntil: undefined, arrangementAmount: undefined });
    expect(s.account.plan).toEqual({
      state: "missed",
      reason: "instalment 1 of $50.00 due 2026-11-01 was not paid; the plan is broken and the account returns to the notice ladder",
    });
    expect(s.otherLines.find((l) => l.description.startsWith("Late fee"))?.amount.toCents()).toBe("6.00");
  });

  it("judges an arrangement without a plan by this cycle's payments, as before", () => {
    const s = cycle([pay("2026-10-05", 50), pay("2026-10-28", 50)], new Map());
    expect(s.collection.notice?.rung).toBe("late notice");
    expect(s.account.plan).toBeUndefined();
  });
});

describe("loadCycle with the Payment Plans sheet", () => {
  // The sample cycle (billed 2026-10-30): 100114 owes 150.00 at the 2026-09-30 bill and pays 30.00 on 2026-10-16.
  async function runWith(payments: CellValue[][]) {
    const wb = sampleCycleWorkbook();
    wb.Payments.push(...payments);
    const port = new MemoryWorkbook(wb);
    const ctx = await contextFor(port, "2026-10-01");
    const done = await setUpPlan(ctx, { account: "100114", downPayment: dec(50), instalments: 2, firstDue: "2026-10-15" });
    if (!done.ok) throw new Error(done.message);
    const out = await previewCycle(port, { schedule, settings: DEFAULT_CYCLE_SETTINGS, readEdits: DEFAULT_READ_EDIT_SETTINGS });
    if (!out.ok) throw new Error(out.message);
    const sheetRows = delinquencySheet(out.result).rows;
    const header = sheetRows[0];
    const row = sheetRows.find((r) => r[0] === "100114")!;
    return { statement: out.result.statements.find((s) => s.account.account === "100114")!, plan: row[header.indexOf("Plan")], done };
  }
  const d = (iso: string) => toExcelSerial(iso);

  it("shows a kept plan on the Delinquency List and keeps the account off the ladder", async () => {
    const { statement, plan, done } = await runWith([
      [d("2026-10-01"), "100114", 50, "counter", "down payment", "No"],
      [d("2026-10-14"), "100114", 50, "counter", "instalment 1", "No"],
    ]);
    expect(done.result.balance.toFixed(2)).toBe("150.00");
    expect(statement.collection.keptOff?.reason).toBe("kept payment arrangement");
    expect(statement.collection.notice).toBeUndefined();
    // 2026-11-15 is a Sunday: the last instalment is due Monday.
    expect(plan).toBe("kept: $20.00 left, until 2026-11-16");
  });

  it("puts an account whose instalment was missed back on the ladder, with the reason in the Plan column", async () => {
    // The down payment only: the 30.00 on 2026-10-16 came after instalment 1 was due (it would have met the old arrangement).
    const { statement, plan } = await runWith([[d("2026-10-01"), "100114", 50, "counter", "down payment", "No"]]);
    expect(statement.collection.keptOff).toBeUndefined();
    // Two bills past due after the 80.00 paid this cycle: the late notice.
    expect(statement.collection.notice?.rung).toBe("late notice");
    expect(plan).toBe(
      "missed: instalment 1 of $50.00 due 2026-10-15 was not paid; the plan is broken and the account returns to the notice ladder",
    );
  });
});
