/**
 * Golden tests on the committed sample cycle (src/samples/sampleCycle.ts, written to
 * samples/cycle.xlsx): exact totals, a register and reconciliation that tie to the cent, the
 * letters, door hangers and work orders it calls for, and a rerun that changes nothing.
 */
import { DEFAULT_READ_EDIT_SETTINGS, Money, sumMoney } from "../../src/engine";
import { generateCycle, OUTPUTS } from "../../src/cycle/generateCycle";
import { RUN_LOG_HEADER } from "../../src/cycle/sheets/runLog";
import { BILL_PAGE_ROWS } from "../../src/cycle/sheets/bills";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { loadSchedule } from "../support/samples";
import { isAddInSheet } from "../../src/workbook/ownSheets";
import { runReview } from "../../src/review/runReview";

const schedule = loadSchedule("chubbuck");

async function run(workbook = new MemoryWorkbook(sampleCycleWorkbook()), now = "2026-11-01T09:00:00Z") {
  const out = await generateCycle(workbook, { schedule, settings: DEFAULT_CYCLE_SETTINGS, readEdits: DEFAULT_READ_EDIT_SETTINGS, now });
  if (!out.ok) throw new Error(out.message);
  return { workbook, ...out.run };
}

describe("the sample cycle", () => {
  let sample: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    sample = await run();
  });
  const statement = (account: string) => sample.result.statements.find((s) => s.account.account === account)!;

  it("dates the cycle from the reads: 2026-09-30 to 2026-10-30, billed 2026-10-30, due 16 days later on the next business day", () => {
    const i = sample.loaded.input;
    expect([i.periodStart, i.periodEnd, i.billDate, i.previousBillDate, statement("100101").dueDate]).toEqual([
      "2026-09-30",
      "2026-10-30",
      "2026-10-30",
      "2026-09-30",
      // 16 days after the bill is Sunday 2026-11-15.
      "2026-11-16",
    ]);
  });

  it.each([
    ["100101", "104.10", "91.60", "paid in full, a 12.50 leak credit linked to bill 20260930-100101"],
    ["100102", "108.13", "262.63", "9,500 gal; 150.00 unpaid after the grace: 3% late fee 4.50"],
    ["100104", "100.08", "95.00", "level pay: billed 95.00 for 100.08 of actual charges"],
    ["100106", "97.20", "199.60", "a returned 80.00 check reversed with a 20.00 fee, and a 2.40 late fee"],
    ["100108", "103.91", "103.91", "the reader skipped the meter: estimated at 5,837 gal"],
    ["100109", "103.91", "103.91", "a re-read requested: estimated at 5,837 gal from its daily average"],
    ["100113", "104.22", "277.12", "customer read; a back-bill of 18.40 and a late fee on 150.00"],
    ["100116", "104.10", "350.10", "late fee on 200.00 and the 40.00 out-for-shutoff fee"],
    ["100118", "104.10", "64.10", "overpaid by 40.00"],
    ["100125", "55.51", "153.36", "final bill for 15 days (closed 2026-10-15)"],
    ["100126", "74.95", "74.95", "opened 2026-10-10: 21 of 30 days"],
    ["100127", "0.00", "64.27", "closed in July: its balance and a late fee, no charges"],
    ["100128", "104.03", "104.03", "no read came in: estimated at 5,909 gal"],
  ])("bills %s current charges %s and total due %s (%s)", (account, current, due) => {
    expect([statement(account).currentCharges.toCents(), statement(account).totalDue.toCents()]).toEqual([current, due]);
  });

  it("links every correction to what it corrects, as a new line", () => {
    const leak = statement("100101").otherLines.find((l) => l.kind === "adjustment")!;
    expect([leak.amount.toCents(), leak.corrects, leak.service]).toEqual(["-12.50", "20260930-100101", "water"]);
  });

  it("holds the accounts with open error edits, each with its reason, and estimates those sent for a re-read", () => {
    expect(sample.result.held.map((h) => h.account)).toEqual(["100103", "100107", "100115", "100117", "100119", "100120", "100124"]);
    expect(sample.result.held[0].reason).toBe("open read edit: VERY_HIGH_USAGE");
    expect(["100108", "100109", "100111", "100112", "100128"].map((a) => statement(a).decision.code)).toEqual([
      "ESTIMATED_NO_READ",
      "ESTIMATED_REREAD",
      "ESTIMATED_REREAD",
      "ESTIMATED_READ",
      "ESTIMATED_NO_READ",
    ]);
    expect(sample.loaded.unmatchedRows).toBe(2);
  });

  it("holds the same accounts the Review view counts as held", async () => {
    const review = await runReview(new MemoryWorkbook(sampleCycleWorkbook()), { settings: DEFAULT_READ_EDIT_SETTINGS, write: false });
    if (!review.ok) throw new Error(review.message);
    expect(review.result.standing!.held.map((h) => h.account)).toEqual(sample.result.held.map((h) => h.account));
  });

  it("ties the register to the bills to the cent", () => {
    const r = sample.result.register;
    expect([r.billed, r.held, r.estimated, r.currentCharges.toCents(), r.totalDue.toCents()]).toEqual([20, 7, 5, "1884.02", "3155.43"]);
    const sheet = sample.workbook.sheet("Bill Register")!.values;
    const rows = sheet.slice(1, 1 + r.billed);
    const col = (name: string) => sheet[0].indexOf(name);
    const sum = (name: string) => sumMoney(rows.map((row) => Money.of(String(row[col(name)])))).toCents();
    expect([sum("Water"), sum("Sewer"), sum("Garbage"), sum("Current Charges"), sum("Total Due")]).toEqual([
      "551.76",
      "1008.30",
      "323.96",
      "1884.02",
      "3155.43",
    ]);
    const totals = sheet[2 + r.billed];
    expect([totals[0], totals[col("Total Due")]]).toEqual(["Totals", 3155.43]);
    expect(rows.find((row) => row[1] === "100109")![col("Read")]).toBe("ESTIMATED: re-read requested");
  });

  it("rolls AR forward per service with no difference, and reports unposted payments", () => {
    const rec = sample.result.reconciliation;
    expect([rec.total.ending.toCents(), rec.endingPerBills.toCents(), rec.difference.toCents(), rec.unpostedPayments.toCents()]).toEqual([
      "3215.43",
      "3215.43",
      "0.00",
      "60.00",
    ]);
    const sheet = sample.workbook.sheet("Reconciliation")!.values;
    expect(sheet.find((r) => r[0] === "Difference")).toEqual(["Difference", 0]);
    for (const row of rec.rows)
      expect(row.beginning.plus(row.billed).plus(row.fees).minus(row.payments).plus(row.adjustments).equals(row.ending)).toBe(true);
  });

  it("gives each delinquent account one notice, and says why some are kept off", () => {
    const d = sample.result.delinquency;
    const rung = (account: string) => d.find((x) => x.statement.account.account === account);
    expect(
      d.map((x) => [x.statement.account.account, x.notice?.rung ?? "none", x.notice?.amount.toCents() ?? "", x.keptOff?.reason ?? ""]),
    ).toEqual([
      ["100102", "late notice", "150.00", ""],
      ["100105", "late notice", "120.00", ""],
      ["100106", "reminder", "100.00", ""],
      ["100110", "final notice", "175.00", ""],
      ["100113", "late notice", "150.00", ""],
      ["100114", "none", "", "kept payment arrangement"],
      ["100116", "reminder", "200.00", "out for shutoff"],
      ["100121", "reminder", "64.10", ""],
      ["100125", "final bill", "153.36", ""],
      ["100127", "collections", "64.27", ""],
    ]);
    expect(rung("100105")!.notice!.arrangementBroken).toBe(true);
    // The returned 80.00 check and its 20.00 fee, due in 7 days: the bill, the letter and the list say the same.
    expect([rung("100106")!.notice!.payBy, rung("100106")!.notice!.returnedPayment]).toEqual(["2026-11-06", true]);
    expect(sample.result.doorHangers.map((h) => h.account.account)).toEqual(["100110"]);
    const hanger = sample.result.doorHangers[0];
    expect([
      hanger.amountToAvoidShutoff.toCents(),
      hanger.payBy,
      hanger.hangOn,
      hanger.shutoffDate,
      hanger.depositRequired.toCents(),
    ]).toEqual(["175.00", "2026-11-16", "2026-11-13", "2026-11-17", "0.00"]);
    const shutoff = sample.workbook.sheet("Shutoff List")!.values;
    expect(shutoff[1].slice(0, 8)).toEqual([
      "100110",
      "Customer 100110",
      "210 N Hayes Ave",
      "M100110",
      175,
      "2026-11-16",
      "2026-11-13",
      "2026-11-17",
    ]);
    expect(sample.workbook.sheet("Collections List")!.values[1].slice(0, 8)).toEqual([
      "100127",
      "Customer 100127",
      "88 Elm St, Boise, ID 83702",
      "127 N Hayes Ave",
      "2026-07-15",
      107,
      0,
      64.27,
    ]);
  });

  it("writes the letters the notices call for, one envelope per customer, in mailing order", () => {
    const lines = sample.workbook.sheet("Letters")!.values.map((r) => String(r[0] ?? ""));
    expect(lines.filter((t) => t.startsWith("Envelope "))).toEqual([
      "Envelope 1, letter 1 of 2: account 100102",
      "Envelope 1, letter 2 of 2: account 100113",
      "Envelope 2, letter 1 of 1: account 100105",
      "Envelope 3, letter 1 of 1: account 100106",
      "Envelope 4, letter 1 of 1: account 100110",
      "Envelope 5, letter 1 of 1: account 100114",
      "Envelope 6, letter 1 of 1: account 100125",
    ]);
    const count = (subject: RegExp) => lines.filter((t) => subject.test(t)).length;
    expect(count(/^Late notice for account/)).toBe(3);
    expect(count(/^Final notice before shutoff: account 100110/)).toBe(1);
    expect(count(/^Returned payment on account 100106/)).toBe(1);
    expect(count(/^Final bill for account 100125/)).toBe(1);
    expect(count(/^Your payment arrangement, account 100114/)).toBe(1);
    expect(lines.some((t) => t.includes("After this returned payment the account may pay only by cash"))).toBe(true);
    expect(lines.some((t) => t.includes("Your written payment arrangement was not kept this cycle and has ended."))).toBe(true);
  });

  it("prints each paper bill on its own page of the same length, the e-bill on E-Bills, and door hangers two to a page", () => {
    // 20 bills: 19 on paper (100105 takes its bill by email).
    const breaks = sample.workbook.sheet("Bills")!.options!.print!.pageBreaks!;
    expect(breaks).toHaveLength(18);
    expect(breaks.every((b, i) => b === (i + 1) * BILL_PAGE_ROWS)).toBe(true);
    expect(sample.workbook.sheet("Bills")!.values).toHaveLength(19 * BILL_PAGE_ROWS);
    expect(
      sample.workbook
        .sheet("E-Bills")!
        .values.slice(1)
        .map((r) => [r[0], r[2], r[3]]),
    ).toEqual([["100105", "customer100105@example.com", 221.15]]);
    expect(sample.workbook.sheet("Door Hangers")!.options?.print?.pageBreaks).toHaveLength(
      Math.ceil(sample.result.doorHangers.length / 2) - 1,
    );
    expect(sample.workbook.sheet("Bill Register")!.options?.print).toEqual({ orientation: "landscape", repeatRows: 1, fitToWidth: true });
  });

  it("orders cart deliveries and pickups", () => {
    const orders = sample.workbook
      .sheet("Work Orders")!
      .values.slice(1)
      .map((r) => [r[0], r[1], r[2], r[7]]);
    expect(orders).toEqual([
      ["WO-000001", "Re-read", "100109", "Open"],
      ["WO-000002", "Re-read", "100111", "Open"],
      ["WO-000003", "Cart pickup", "100107", "Open"],
      ["WO-000004", "Cart pickup", "100125", "Open"],
      ["WO-000005", "Cart delivery", "100126", "Open"],
    ]);
  });

  it("writes every output and the run log, and never an input sheet", () => {
    expect(sample.written).toEqual([...OUTPUTS, "Run Log"]);
    const inputs = sampleCycleWorkbook();
    for (const [name, values] of Object.entries(inputs))
      if (!isAddInSheet(name)) expect([name, sample.workbook.sheet(name)!.values]).toEqual([name, values]);
    const log = sample.workbook.sheet("Run Log")!.values;
    expect(log[1].slice(0, 9)).toEqual([
      "2026-11-01T09:00:00Z",
      "2026-10-30",
      "2026-09-30 to 2026-10-30",
      "chubbuck",
      26,
      20,
      7,
      1884.02,
      3155.43,
    ]);
    expect(String(log[1][10])).toMatch(
      /^Reads:[0-9a-f]{8}; Accounts:[0-9a-f]{8}; Balances:[0-9a-f]{8}; Payments:[0-9a-f]{8}; Adjustments:[0-9a-f]{8}$/,
    );
  });
});

describe("generateCycle reruns", () => {
  it("gives identical sheets on a rerun, keeps work-order statuses, and appends to the run log", async () => {
    const first = await run();
    const snapshot = (wb: MemoryWorkbook) =>
      Object.fromEntries(
        [...wb.sheets].filter(([n]) => n !== "Run Log").map(([n, s]) => [n, JSON.stringify([s.values, [...s.numberFormats], s.options])]),
      );
    const before = snapshot(first.workbook);
    first.workbook.sheet("Work Orders")!.values[1][7] = "Done";
    const again = await run(first.workbook, "2026-11-01T10:00:00Z");
    const after = snapshot(again.workbook);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) if (name !== "Work Orders") expect([name, after[name]]).toEqual([name, before[name]]);
    expect(again.workbook.sheet("Work Orders")!.values[1][7]).toBe("Done");
    expect(again.workbook.sheet("Work Orders")!.values).toHaveLength(6);
    expect(again.workbook.sheet("Run Log")!.values).toHaveLength(3);
  });

  it("removes the parts an earlier, bigger cycle wrote, and never a user's sheet that only looks like one", async () => {
    const sheets = sampleCycleWorkbook();
    sheets["Bills 2"] = [["an earlier run's second part"]];
    sheets["Bills 2024"] = [["the user's own notes"]];
    sheets["Letters 3"] = [["not listed as written: the user's"]];
    sheets["Run Log"] = [
      [...RUN_LOG_HEADER],
      ["2026-10-01T09:00:00Z", "2026-09-30", "", "chubbuck", 1, 1, 0, 1, 1, 0, "", "Bills, Bills 2, Bill Register, Run Log"],
    ];
    const out = await run(new MemoryWorkbook(sheets));
    const names = await out.workbook.sheetNames();
    expect(names).not.toContain("Bills 2");
    expect(names).toEqual(expect.arrayContaining(["Bills", "Bills 2024", "Letters 3"]));
    expect(out.workbook.sheet("Bills 2024")!.values).toEqual([["the user's own notes"]]);
    expect(out.workbook.sheet("Run Log")!.values).toHaveLength(3);
  });

  it("keeps a Letter Templates sheet someone edited, and uses it", async () => {
    const sheets = sampleCycleWorkbook();
    sheets["Letter Templates"] = [
      ["Letter", "Subject", "Body"],
      ["Late Notice", "Please pay, {{Name}}", "You owe {{AmountDue}}. {{Mystery}}"],
    ];
    const out = await run(new MemoryWorkbook(sheets));
    expect(out.workbook.sheet("Letter Templates")!.values[1][1]).toBe("Please pay, {{Name}}");
    expect(out.workbook.sheet("Letters")!.values.some((r) => r[0] === "Please pay, Baker, Tom")).toBe(true);
    expect(out.problems).toContain("Letter Templates: unknown merge field(s) left as written: {{Mystery}}");
  });
});
