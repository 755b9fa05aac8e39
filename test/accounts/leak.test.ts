import { toExcelSerial, validateSchedule } from "../../src/engine";
import type { RateSchedule } from "../../src/engine";
import { LETTER_LOG_SHEET } from "../../src/accounts/accountLetters";
import { LEAK_ADJUSTMENTS_SHEET } from "../../src/accounts/sheets";
import type { TaskContext } from "../../src/accounts/tasks/context";
import { decideLeak, LeakTaskRequest, previewLeak } from "../../src/accounts/tasks/leakRequest";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { loadCounterData } from "../../src/payments/counterData";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";

/** Water $10.00 base, $2.00 a thousand gallons to 10,000 then $3.00; sewer $4.00 a thousand on all usage (synthetic). */
function schedule(): RateSchedule {
  const s = validateSchedule({
    id: "leak-test",
    name: "Leak test rates (synthetic)",
    frequency: "monthly",
    cycleDays: 30,
    usageUnit: "gal",
    classes: ["residential"],
    versions: [
      {
        effective: null,
        charges: [
          { id: "water-base", service: "water", description: "Water base", kind: "fixed", amount: "10.00" },
          {
            id: "water-usage",
            service: "water",
            description: "Water usage",
            kind: "blocks",
            unit: "kgal",
            blocks: [
              { upTo: "10", price: "2.00" },
              { upTo: null, price: "3.00" },
            ],
          },
          {
            id: "sewer-usage",
            service: "sewer",
            description: "Sewer",
            kind: "blocks",
            unit: "kgal",
            blocks: [{ upTo: null, price: "4.00" }],
          },
        ],
      },
    ],
  });
  if (!s.ok) throw new Error(s.problem.message);
  return s.value;
}

const TODAY = "2026-11-10";
const YEAR = ["2025-09-30", "2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28"].concat([
  "2026-03-31",
  "2026-04-30",
  "2026-05-31",
  "2026-06-30",
  "2026-07-31",
  "2026-08-31",
]);

/** 200101 and 200102 use 6,000 gal a month for a year, then leak: 30,000 in September, 20,000 in October. 200102 had a leak credit in March. */
function city(): Record<string, CellValue[][]> {
  const history: CellValue[][] = [["Account", "Period", "Usage"]];
  for (const account of ["200101", "200102"]) {
    for (const end of YEAR) history.push([account, end, 6000]);
    history.push([account, "2026-09-30", 30000], [account, "2026-10-31", 20000]);
  }
  history.push(["200103", "2026-08-31", 6000], ["200103", "2026-09-30", 30000]);
  return {
    Accounts: [
      ["Account", "Name", "Service Address", "Status", "Rate Class"],
      ["200101", "Baker, Tom", "1204 N Main St", "Active", "residential"],
      ["200102", "Ortiz, Ana", "77 W Elm St", "Active", "residential"],
      ["200103", "Chen, Wu", "5 S Oak Ave", "Active", "residential"],
    ],
    Adjustments: [
      ["Account", "Date", "Type", "Service", "Amount", "Corrects", "Description"],
      ["200102", "2026-03-15", "leak credit", "water", -20, "2026-02", "Leak credit, toilet"],
    ],
    "Usage History": history,
  };
}

async function contextFor(port: MemoryWorkbook, today = TODAY): Promise<TaskContext> {
  const data = await loadCounterData(port, today);
  if (!data.ok) throw new Error(data.message);
  return { port, data: data.value, today, now: `${today}T17:00:00.000Z`, schedule: schedule(), policy: DEFAULT_CYCLE_SETTINGS.policy };
}

const sheet = async (port: MemoryWorkbook, name: string) => (await port.readSheet(name))?.values ?? [];
const request: LeakTaskRequest = {
  account: "200101",
  periods: ["2026-10-31", "2026-09-30"],
  repairDate: "2026-10-20",
  proof: "plumber's invoice 4411",
  preset: "",
};

describe("previewLeak", () => {
  it("credits half the excess over the prior 12 months' average, water at its blocks and sewer on the baseline, explained bill by bill", async () => {
    const preview = previewLeak(await contextFor(new MemoryWorkbook(city())), request);
    if (!preview.ok) throw new Error(preview.problem.message);
    const { credit, baseline, explanation } = preview.value;
    expect(baseline.toString()).toBe("6000");
    // September: 12,000 of the 24,000 gal excess; water 30,000 gal is 10 x 2.00 + 20 x 3.00 = 80.00, at 18,000 gal 44.00: 36.00.
    // Sewer at 30,000 gal is 120.00, at the 6,000 gal baseline 24.00: 96.00. October: 21.00 and 56.00.
    expect(credit.periods.map((p) => [p.asOf, p.creditedVolume.toString(), p.waterCredit.toCents(), p.sewerCredit.toCents()])).toEqual([
      ["2026-09-30", "12000", "36.00", "96.00"],
      ["2026-10-31", "7000", "21.00", "56.00"],
    ]);
    expect(credit.total.toCents()).toBe("209.00");
    expect(explanation).toEqual([
      "Policy: Pocatello (ours: no written policy is published). 50% of the usage above normal is credited at the prices it was billed at; sewer is billed on normal usage, as the leaked water did not reach the sewer.",
      "Normal usage (the baseline): 6,000 gal, the average of the 12 bills before 2026-09-30.",
      "Bill for the period ending 2026-09-30: usage 30,000 gal, baseline 6,000 gal, excess 24,000 gal, credited 12,000 gal: water credit $36.00, sewer credit $96.00, credit $132.00.",
      "Bill for the period ending 2026-10-31: usage 20,000 gal, baseline 6,000 gal, excess 14,000 gal, credited 7,000 gal: water credit $21.00, sewer credit $56.00, credit $77.00.",
      "Total credit: $209.00 for 19,000 gal over 2 bills.",
    ]);
  });

  it("follows the chosen preset: Wildwood, NJ credits water only, on the average of 4 prior bills", async () => {
    const preview = previewLeak(await contextFor(new MemoryWorkbook(city())), {
      ...request,
      periods: ["2026-09-30"],
      preset: "wildwood-nj",
    });
    expect(preview.ok && preview.value.credit.periods.map((p) => [p.waterCredit.toCents(), p.sewerCredit.toCents()])).toEqual([
      ["36.00", "0.00"],
    ]);
  });

  it("refuses a bill not on the account's Usage History, an unknown policy, or too little history for the baseline", async () => {
    const ctx = await contextFor(new MemoryWorkbook(city()));
    const missing = previewLeak(ctx, { ...request, periods: ["2026-10-15"] });
    expect(!missing.ok && missing.problem.message).toBe("account 200101 has no bill for the period ending 2026-10-15 on its Usage History");
    const unknown = previewLeak(ctx, { ...request, preset: "generous" });
    expect(!unknown.ok && unknown.problem.message).toBe('there is no leak policy "generous"; choose pocatello, wildwood-nj, lowest-block');
    const short = previewLeak(ctx, { ...request, account: "200103", periods: ["2026-09-30"] });
    expect(!short.ok && short.problem.message).toBe("the baseline averages 12 prior bills; only 1 end before 2026-09-30");
  });
});

describe("decideLeak", () => {
  it("approves: a leak credit row per bill and service pointing at the bill, the request on Leak Adjustments, and the letter", async () => {
    const port = new MemoryWorkbook(city());
    const done = await decideLeak(await contextFor(port), { ...request, decision: "approve", reason: "" });
    if (!done.ok) throw new Error(done.message);
    expect(done.result?.total.toCents()).toBe("209.00");
    const adjustments = (await sheet(port, "Adjustments")).slice(2);
    expect(adjustments.map((r) => r.slice(0, 6))).toEqual([
      ["200101", toExcelSerial(TODAY), "Leak Credit", "water", -36, "period ending 2026-09-30"],
      ["200101", toExcelSerial(TODAY), "Leak Credit", "sewer", -96, "period ending 2026-09-30"],
      ["200101", toExcelSerial(TODAY), "Leak Credit", "water", -21, "period ending 2026-10-31"],
      ["200101", toExcelSerial(TODAY), "Leak Credit", "sewer", -56, "period ending 2026-10-31"],
    ]);
    expect(adjustments[0][6]).toBe("Leak credit LA-200101-20261110: 12,000 gal of the 24,000 gal above normal (repaired 2026-10-20)");
    expect(adjustments[1][6]).toBe("Leak credit LA-200101-20261110: sewer billed on normal usage of 6,000 gal (repaired 2026-10-20)");
    const leaks = await sheet(port, LEAK_ADJUSTMENTS_SHEET);
    expect(leaks).toEqual([
      [
        "Request",
        "Account",
        "Received",
        "Leak Periods",
        "Repair Date",
        "Proof",
        "Preset",
        "Baseline",
        "Credited Volume",
        "Credit",
        "Decision",
        "Reason",
        "Adjustment",
      ],
      [
        "LA-200101-20261110",
        "200101",
        toExcelSerial(TODAY),
        "2026-09-30, 2026-10-31",
        toExcelSerial("2026-10-20"),
        "plumber's invoice 4411",
        "pocatello",
        6000,
        19000,
        209,
        "Approved",
        null,
        "Adjustments rows 3-6",
      ],
    ]);
    expect(done.letter!.kind).toBe("Leak Adjustment Approved");
    // The customer's words: whole gallons, no policy's name, sewer named only where it was credited.
    expect(done.letter!.paragraphs.slice(1, 4)).toEqual([
      "Your normal use is about 6,000 gal a bill: the average of your 12 bills before the leak. We credit 50% of the water used above that, at the prices you were billed, and the sewer charges on it, as leaked water does not go down the drain.",
      "Bill for the period ending Sep 30, 2026: you used 30,000 gal, 24,000 gal above normal; credit $132.00 (water $36.00, sewer $96.00).",
      "Bill for the period ending Oct 31, 2026: you used 20,000 gal, 14,000 gal above normal; credit $77.00 (water $21.00, sewer $56.00).",
    ]);
    expect(done.letter!.paragraphs.join(" ")).not.toMatch(/Policy|Pocatello|baseline/);
    expect(done.letter!.paragraphs.at(-1)).toBe("The credit of $209.00 appears on your next bill.");
    expect((await sheet(port, LETTER_LOG_SHEET))[1]).toEqual(expect.arrayContaining(["200101", "Leak Adjustment Approved"]));
    expect(done.audit).toMatchObject({ action: "account.leak-approved", subject: "200101" });
    // The counter now owes 209.00 less, by the one balance rule.
    const after = await contextFor(port);
    expect(after.data.adjustments.get("200101")!.reduce((s, a) => s + a.amount.toNumber(), 0)).toBe(-209);
  });

  it("refuses a second approval within 12 months, from the Leak Adjustments sheet, and says it can be recorded as denied", async () => {
    const port = new MemoryWorkbook(city());
    const ctx = await contextFor(port);
    await decideLeak(ctx, { ...request, decision: "approve", reason: "" });
    // The same context: the Adjustments it read are from before the approval; the Leak Adjustments sheet knows.
    expect(await decideLeak(ctx, { ...request, periods: ["2026-10-31"], decision: "approve", reason: "" })).toEqual({
      ok: false,
      message:
        "the policy allows one leak adjustment every 12 months; the last was 2026-11-10, the next may be granted from 2027-11-10; the request can be recorded as denied",
    });
  });

  it("records a request the frequency limit refuses as denied, with the policy's reason in the letter", async () => {
    const port = new MemoryWorkbook(city());
    const ctx = await contextFor(port);
    const approve = await decideLeak(ctx, { ...request, account: "200102", decision: "approve", reason: "" });
    expect(approve).toEqual({
      ok: false,
      message:
        "the policy allows one leak adjustment every 12 months; the last was 2026-03-15, the next may be granted from 2027-03-15; the request can be recorded as denied",
    });
    const done = await decideLeak(ctx, { ...request, account: "200102", decision: "deny", reason: "" });
    if (!done.ok) throw new Error(done.message);
    expect(done.result).toBeUndefined();
    expect(done.letter!.kind).toBe("Leak Adjustment Denied");
    expect(done.letter!.paragraphs[0]).toBe(
      "We have reviewed your request for a leak adjustment on the bills for the periods ending 2026-09-30 and 2026-10-31 at 77 W Elm St, and we cannot approve it: the policy allows one leak adjustment every 12 months; the last was 2026-03-15, the next may be granted from 2027-03-15.",
    );
    const row = (await sheet(port, LEAK_ADJUSTMENTS_SHEET))[1];
    expect([row[0], row[7], row[8], row[9], row[10], row[12]]).toEqual(["LA-200102-20261110", null, null, null, "Denied", null]);
    // No credit is posted.
    expect(await sheet(port, "Adjustments")).toHaveLength(2);
  });

  it("denies with the specialist's reason, and needs one when the policy would credit", async () => {
    const port = new MemoryWorkbook(city());
    const ctx = await contextFor(port);
    expect(await decideLeak(ctx, { ...request, decision: "deny", reason: " " })).toEqual({
      ok: false,
      message: "a denied leak adjustment needs the reason, for the letter",
    });
    const done = await decideLeak(ctx, { ...request, decision: "deny", reason: "No proof of repair was received." });
    if (!done.ok) throw new Error(done.message);
    expect(done.summary).toBe(
      "Denied leak adjustment LA-200101-20261110 for account 200101 (2026-09-30, 2026-10-31): No proof of repair was received.",
    );
    const row = (await sheet(port, LEAK_ADJUSTMENTS_SHEET))[1];
    expect([row[7], row[9], row[10], row[11]]).toEqual([6000, null, "Denied", "No proof of repair was received"]);
  });

  it("refuses to approve without proof of repair, or a repair date after today", async () => {
    const ctx = await contextFor(new MemoryWorkbook(city()));
    for (const proof of ["", "none", "N/A", " - ", "no."])
      expect(await decideLeak(ctx, { ...request, proof, decision: "approve", reason: "" })).toEqual({
        ok: false,
        message: "approving a leak adjustment needs the proof of repair: what it is (a plumber's invoice and its number, a receipt)",
      });
    expect(await decideLeak(ctx, { ...request, repairDate: "2026-11-20", decision: "approve", reason: "" })).toEqual({
      ok: false,
      message: "the repair date 2026-11-20 is after today: a leak is adjusted once it is repaired",
    });
  });
});
