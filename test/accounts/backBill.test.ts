import { readAccountChanges } from "../../src/accounts/accountChanges";
import { readFileSync } from "fs";
import { join } from "path";
import { dec, runCycle, toExcelSerial, validateSchedule } from "../../src/engine";
import type { CycleInput, RateSchedule } from "../../src/engine";
import { LETTER_LOG_SHEET } from "../../src/accounts/accountLetters";
import { BackBillTaskRequest, postBackBill, previewBackBill } from "../../src/accounts/tasks/backBill";
import type { TaskContext } from "../../src/accounts/tasks/context";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { accountBalance, loadCounterData } from "../../src/payments/counterData";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { loadSchedule, reading } from "../support/samples";

const policy = DEFAULT_CYCLE_SETTINGS.policy;
const TODAY = "2026-11-10";

/** Chubbuck's published rates, and the same with water usage raised from $1.15 to $1.30 a thousand from 2026-07-01 (two versions). */
function raisedInJuly(): RateSchedule {
  const json = JSON.parse(readFileSync(join(__dirname, "..", "..", "samples", "rates", "chubbuck.json"), "utf8"));
  const raised = JSON.parse(JSON.stringify(json.versions[0]));
  raised.effective = "2026-07-01";
  raised.charges.find((c: { id: string }) => c.id === "water-usage").blocks[0].price = "1.30";
  const schedule = validateSchedule({ ...json, versions: [json.versions[0], raised] });
  if (!schedule.ok) throw new Error(schedule.problem.message);
  return schedule.value;
}

/** 200101 billed 2,000 gal a month from May to October 2026 on a meter set up without its x10 multiplier. */
function city(): Record<string, CellValue[][]> {
  const ends = ["2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31"];
  return {
    Accounts: [
      ["Account", "Name", "Service Address", "Mailing Address", "Status", "Rate Class", "Meter", "Cart Count"],
      ["200101", "Baker, Tom", "1204 N Main St", "PO Box 9, Sampleton, ID 83200", "Active", "residential", "M200101", 1],
    ],
    Balances: [
      ["Account", "Balance", "Current", "30 Days", "60 Days", "90+ Days"],
      ["200101", 0, 0, 0, 0, 0],
    ],
    Payments: [["Date", "Account", "Amount", "Method", "Reference", "Returned"]],
    Adjustments: [["Account", "Date", "Type", "Service", "Amount", "Corrects", "Description"]],
    "Usage History": [["Account", "Period", "Usage"], ...ends.map((end): CellValue[] => ["200101", end, 2000])],
  };
}

async function contextFor(port: MemoryWorkbook, schedule: RateSchedule = raisedInJuly(), today = TODAY): Promise<TaskContext> {
  const data = await loadCounterData(port, today);
  if (!data.ok) throw new Error(data.message);
  return { port, data: data.value, today, now: `${today}T17:00:00.000Z`, schedule, policy };
}

const sheet = async (port: MemoryWorkbook, name: string) => (await port.readSheet(name))?.values ?? [];
const multiplier: BackBillTaskRequest = {
  account: "200101",
  periods: ["2026-05-31", "2026-06-30", "2026-07-31"],
  correction: { kind: "multiplier", billed: dec(1), corrected: dec(10) },
  instalments: 1,
  reason: "the meter was set up without its x10 multiplier",
};

describe("previewBackBill", () => {
  it("prices each period with the rates in effect then: May and June at $1.15 a thousand, July at $1.30", async () => {
    const bb = previewBackBill(await contextFor(new MemoryWorkbook(city())), multiplier);
    if (!bb.ok) throw new Error(bb.problem.message);
    // 18,000 gal unbilled a month.
    expect(bb.value.periods.map((p) => [p.asOf, p.billedUsage.toString(), p.correctedUsage.toString(), p.difference.toCents()])).toEqual([
      ["2026-05-31", "2000", "20000", "20.70"],
      ["2026-06-30", "2000", "20000", "20.70"],
      ["2026-07-31", "2000", "20000", "23.40"],
    ]);
    expect(bb.value.amount.toCents()).toBe("64.80");
  });

  it("takes corrected usage per period, and lists but does not bill periods before the look-back", async () => {
    const ctx = await contextFor(new MemoryWorkbook(city()));
    const bb = previewBackBill(ctx, {
      ...multiplier,
      correction: {
        kind: "usage",
        usage: new Map([
          ["2026-05-31", dec(12000)],
          ["2026-06-30", dec(12000)],
          ["2026-07-31", dec(12000)],
        ]),
      },
      lookbackMonths: 4,
    });
    if (!bb.ok) throw new Error(bb.problem.message);
    expect(bb.value.periods.map((p) => [p.included, p.reason ?? ""])).toEqual([
      [false, "ends before the 4-month look-back (2026-07-10)"],
      [false, "ends before the 4-month look-back (2026-07-10)"],
      [true, ""],
    ]);
    expect(bb.value.amount.toCents()).toBe("13.00");
  });

  it("bills a slow meter's share of the undercharge, on the usage its tested accuracy says it missed", async () => {
    const ctx = await contextFor(new MemoryWorkbook(city()), loadSchedule("chubbuck"));
    const bb = previewBackBill(ctx, { ...multiplier, correction: { kind: "slow meter", share: dec("0.5"), accuracy: dec("0.8") } });
    if (!bb.ok) throw new Error(bb.problem.message);
    // 2,000 gal registered is 2,500 used: water 2.88 (2.875 rounded on the bill line) instead of 2.30, 0.58 a month; half of 1.74 billed.
    expect(bb.value.periods.map((p) => p.correctedUsage.toString())).toEqual(["2500", "2500", "2500"]);
    expect([bb.value.difference.toCents(), bb.value.amount.toCents()]).toEqual(["1.74", "0.87"]);
  });

  it("refuses a period not on the Usage History, a slow meter without its accuracy, and a missing corrected usage", async () => {
    const ctx = await contextFor(new MemoryWorkbook(city()));
    const notBilled = previewBackBill(ctx, { ...multiplier, periods: ["2026-04-30"] });
    expect(!notBilled.ok && notBilled.problem.message).toBe(
      "account 200101 has no bill for the period ending 2026-04-30 on its Usage History",
    );
    const slow = previewBackBill(ctx, { ...multiplier, correction: { kind: "slow meter", share: dec("0.5") } });
    expect(!slow.ok && slow.problem.message).toBe(
      "a slow-meter back-bill needs the meter test's accuracy: the share of the water it registered, such as 0.85",
    );
    const gap = previewBackBill(ctx, { ...multiplier, correction: { kind: "usage", usage: new Map([["2026-05-31", dec(1)]]) } });
    expect(!gap.ok && gap.problem.message).toBe("give the corrected usage for the period ending 2026-06-30");
  });
});

describe("postBackBill", () => {
  it("posts one back-bill row naming the periods it corrects, and a letter with the periods, usage, rates and amount", async () => {
    const port = new MemoryWorkbook(city());
    const done = await postBackBill(await contextFor(port), multiplier);
    if (!done.ok) throw new Error(done.message);
    expect((await sheet(port, "Adjustments")).slice(1)).toEqual([
      [
        "200101",
        toExcelSerial(TODAY),
        "Back-Bill",
        "water",
        64.8,
        "periods ending 2026-05-31, 2026-06-30, 2026-07-31",
        "Back-bill: water, the meter was set up without its x10 multiplier",
      ],
    ]);
    const letter = done.letter!;
    expect(letter.kind).toBe("Back-Bill");
    expect(letter.paragraphs).toEqual(
      expect.arrayContaining([
        "Period ending 2026-06-30: billed 2,000 gal for $99.50; corrected 20,000 gal for $120.20 (rates in effect then); difference $20.70.",
        "Period ending 2026-07-31: billed 2,000 gal for $99.80; corrected 20,000 gal for $123.20 (rates in effect from 2026-07-01); difference $23.40.",
        "Amount billed: $64.80.",
        "It appears on your next bill.",
      ]),
    );
    expect(letter.paragraphs[0]).toContain("The meter's multiplier was 1 on the bills and should have been 10");
    expect(letter.paragraphs[0]).toContain(
      "Our records now carry the right multiplier, so your bills from Nov 1, 2026 are read correctly.",
    );
    // The meter is corrected too, from the first day the next bill covers: the next cycle reads x10.
    const changes = await readAccountChanges(port);
    expect(changes.changes.map((c) => [c.account, c.field, c.value, c.was, c.effective, c.task])).toEqual([
      ["200101", "Multiplier", "10", "1", "2026-11-01", "Back-bill"],
    ]);
    const after = await contextFor(port);
    expect(after.data.accounts.get("200101")!.multiplier).toEqual(dec(10));
    expect((await sheet(port, LETTER_LOG_SHEET))[1]).toEqual(expect.arrayContaining(["200101", "Back-Bill"]));
    expect(done.audit).toMatchObject({ action: "account.back-billed", subject: "200101" });
    expect(done.summary).toBe(
      "Back-billed account 200101 $64.80 for periods ending 2026-05-31, 2026-06-30, 2026-07-31 on 2026-11-10: the meter was set up without its x10 multiplier.",
    );
  });

  it("splits the amount into exact monthly instalments, each dated a month apart from today, so each later cycle bills one", async () => {
    const port = new MemoryWorkbook(city());
    const done = await postBackBill(await contextFor(port), { ...multiplier, instalments: 7 });
    if (!done.ok) throw new Error(done.message);
    const rows = (await sheet(port, "Adjustments")).slice(1);
    expect(rows.map((r) => [r[1], r[4]])).toEqual([
      [toExcelSerial("2026-11-10"), 9.26],
      [toExcelSerial("2026-12-10"), 9.26],
      [toExcelSerial("2027-01-10"), 9.26],
      [toExcelSerial("2027-02-10"), 9.26],
      [toExcelSerial("2027-03-10"), 9.26],
      [toExcelSerial("2027-04-10"), 9.25],
      [toExcelSerial("2027-05-10"), 9.25],
    ]);
    expect(rows[1][6]).toBe("Back-bill, instalment 2 of 7: water, the meter was set up without its x10 multiplier");
    expect(done.letter!.paragraphs).toContain(
      "It is spread over 7 monthly instalments, one on each of your next 7 bills: $9.26 (next bill), $9.26 (the first bill after 2026-12-10), $9.26 (the first bill after 2027-01-10), $9.26 (the first bill after 2027-02-10), $9.26 (the first bill after 2027-03-10), $9.25 (the first bill after 2027-04-10), $9.25 (the first bill after 2027-05-10).",
    );

    // November's and December's cycles each bill one instalment (the cycle bills adjustments dated in its period).
    const after = await contextFor(port);
    const cycle = (previousBillDate: string, billDate: string) => {
      const input: CycleInput = {
        billDate,
        periodStart: previousBillDate,
        periodEnd: billDate,
        previousBillDate,
        accounts: [...after.data.accounts.values()],
        balances: after.data.balances,
        payments: [],
        adjustments: [...after.data.adjustments.values()].flat(),
        readings: new Map([["200101", reading("200101", 2000)]]),
        history: after.data.history,
        held: new Map(),
      };
      const s = runCycle(input, after.schedule, policy).statements[0];
      return s.otherLines.filter((l) => l.kind === "adjustment").map((l) => `${l.amount.toCents()} ${l.description}`);
    };
    const corrects = "(corrects periods ending 2026-05-31, 2026-06-30, 2026-07-31)";
    expect(cycle("2026-10-31", "2026-11-30")).toEqual([
      `9.26 Back-bill, instalment 1 of 7: water, the meter was set up without its x10 multiplier ${corrects}`,
    ]);
    expect(cycle("2026-11-30", "2026-12-31")).toEqual([
      `9.26 Back-bill, instalment 2 of 7: water, the meter was set up without its x10 multiplier ${corrects}`,
    ]);
    // The counter's balance now counts what is dated by today: the first instalment.
    // (the Account view's balance: the later instalments are not owed yet)
    expect(accountBalance(after.data, "200101").now.toFixed(2)).toBe("9.26");
  });

  it("splits each instalment across the services whose charges the correction changes", async () => {
    // A synthetic schedule with sewer on usage too: the 18,000 gal a month is water 1.15 and sewer 2.00 a thousand.
    const s = validateSchedule({
      id: "usage-sewer",
      name: "Water and sewer on usage (synthetic)",
      frequency: "monthly",
      cycleDays: 30,
      usageUnit: "gal",
      classes: ["residential"],
      versions: [
        {
          effective: null,
          charges: [
            { id: "w", service: "water", description: "Water", kind: "blocks", unit: "kgal", blocks: [{ upTo: null, price: "1.15" }] },
            { id: "s", service: "sewer", description: "Sewer", kind: "blocks", unit: "kgal", blocks: [{ upTo: null, price: "2.00" }] },
          ],
        },
      ],
    });
    if (!s.ok) throw new Error(s.problem.message);
    const port = new MemoryWorkbook(city());
    const done = await postBackBill(await contextFor(port, s.value), { ...multiplier, periods: ["2026-05-31"], instalments: 2 });
    if (!done.ok) throw new Error(done.message);
    // 20.70 water and 36.00 sewer: 56.70 in two instalments of 28.35, each split 10.35 / 18.00.
    expect((await sheet(port, "Adjustments")).slice(1).map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      [toExcelSerial("2026-11-10"), "water", 10.35, "period ending 2026-05-31"],
      [toExcelSerial("2026-11-10"), "sewer", 18, "period ending 2026-05-31"],
      [toExcelSerial("2026-12-10"), "water", 10.35, "period ending 2026-05-31"],
      [toExcelSerial("2026-12-10"), "sewer", 18, "period ending 2026-05-31"],
    ]);
  });

  it("credits an overcharge in full", async () => {
    const port = new MemoryWorkbook(city());
    const done = await postBackBill(await contextFor(port), {
      ...multiplier,
      periods: ["2026-08-31"],
      correction: { kind: "usage", usage: new Map([["2026-08-31", dec(1000)]]) },
      reason: "a misread: 1,000 gal, not 2,000",
    });
    if (!done.ok) throw new Error(done.message);
    expect((await sheet(port, "Adjustments"))[1][4]).toBe(-1.3);
    expect(done.letter!.subject).toBe("A credit for your past bills, account 200101");
    expect(done.letter!.paragraphs).toContain("Credit: $1.30.");
  });

  it("refuses without a reason, or when the correction changes nothing", async () => {
    const port = new MemoryWorkbook(city());
    const ctx = await contextFor(port);
    expect(await postBackBill(ctx, { ...multiplier, reason: "" })).toEqual({
      ok: false,
      message: "a back-bill needs the reason, for the letter and the record",
    });
    expect(await postBackBill(ctx, { ...multiplier, correction: { kind: "multiplier", billed: dec(10), corrected: dec(10) } })).toEqual({
      ok: false,
      message: "the corrected bills come to what was billed: there is nothing to back-bill",
    });
    expect(await postBackBill(ctx, { ...multiplier, instalments: 0 })).toEqual({
      ok: false,
      message: "a back-bill is billed in 1 to 36 monthly instalments; asked for 0",
    });
    expect(await sheet(port, "Adjustments")).toHaveLength(1);
  });
});
