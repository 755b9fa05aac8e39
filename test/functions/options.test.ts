/**
 * The optional arguments what-if rate users asked for: UB.BILL's monthly usage, UB.LEAKADJ's
 * credited volume, UB.WINTERAVG's mean of the bills.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { validateSchedule } from "../../src/engine";
import { FunctionError } from "../../src/functions/errors";
import * as UB from "../../src/functions/functions";
import { scheduleCache } from "../../src/storage/scheduleCache";
import { loadSchedule, RATES_DIR, sampleScheduleIds } from "../support/samples";

const NIL = null as never;

beforeAll(() => {
  // Harlingen's published monthly blocks billed quarterly, the blocks applying to each month (a what-if copy).
  const json = JSON.parse(readFileSync(join(RATES_DIR, "harlingen.json"), "utf8")) as Record<string, unknown>;
  const quarterly = validateSchedule({ ...json, id: "harlingen-quarterly", frequency: "quarterly", cycleDays: 91, blocksPerMonth: true });
  if (!quarterly.ok) throw new Error(quarterly.problem.message);
  scheduleCache.replaceAll([...sampleScheduleIds().map(loadSchedule), quarterly.value]);
  scheduleCache.markReady();
});

async function errorOf(call: () => unknown): Promise<[string, string]> {
  try {
    await call();
  } catch (e) {
    if (e instanceof FunctionError) return [e.errorCode, e.message];
    throw e;
  }
  throw new Error("expected an error");
}

describe("UB.BILL and UB.BILLLINES with monthly usage", () => {
  // First principles on Harlingen's published blocks (0-3,000 $1.30, to 10,000 $1.80, to 20,000
  // $2.55, over $3.05 per 1,000 gallons; 5/8" minimum $9.91): no published bill prices a quarter
  // month by month. The fallback follows Troy, IL's rule for quarterly bills (three times the
  // monthly quantities; https://codelibrary.amlegal.com/codes/troy/latest/troy_il/0-0-0-2574).
  it("prices each month through the blocks, and the quarter through three months of limits without them", async () => {
    expect(await UB.bill("harlingen-quarterly", 39000, NIL, NIL, NIL, "2026-09-30", [[2000], [12000], [25000]])).toBe(91.36);
    expect(await UB.bill("harlingen-quarterly", 39000, NIL, NIL, NIL, "2026-09-30")).toBe(82.36);
  });

  it("reads blank and 0 months as no month (a blank cell arrives as 0 on some desktop builds)", async () => {
    expect(await UB.bill("harlingen-quarterly", 39000, NIL, NIL, NIL, "2026-09-30", [[2000], [null], [12000], [25000]])).toBe(91.36);
    expect(await UB.bill("harlingen-quarterly", 39000, NIL, NIL, NIL, "2026-09-30", [[2000, 0, 12000, 25000]])).toBe(91.36);
    expect(await UB.bill("harlingen-quarterly", 39000, NIL, NIL, NIL, "2026-09-30", [[0], [0], [0]])).toBe(82.36);
  });

  it("spills one line per block with the months summed", async () => {
    const rows = await UB.billLines("harlingen-quarterly", 39000, NIL, NIL, NIL, "2026-09-30", [[2000], [12000], [25000]]);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[5]])).toEqual([
      ['Water minimum (5/8" meter)', 1, 9.91],
      ["Water usage, 0-3 thousand gal a month", 8, 10.4],
      ["Water usage, 3-10 thousand gal a month", 14, 25.2],
      ["Water usage, 10-20 thousand gal a month", 12, 30.6],
      ["Water usage, over 20 thousand gal a month", 5, 15.25],
      ["Total", "", 91.36],
    ]);
  });

  it("shows #VALUE! when the months do not add up, or the schedule prices the period whole", async () => {
    expect(await errorOf(() => UB.bill("harlingen-quarterly", 40000, NIL, NIL, NIL, "2026-09-30", [[2000], [12000], [25000]]))).toEqual([
      "#VALUE!",
      "UB.BILL: the monthly usages 2,000 + 12,000 + 25,000 = 39,000 do not add up to the period's usage of 40,000",
    ]);
    expect(await errorOf(() => UB.bill("harlingen", 4000, NIL, NIL, NIL, "2026-09-30", [[2000], [2000]]))).toEqual([
      "#VALUE!",
      "UB.BILL: monthly usage was given, but schedule harlingen prices each period's usage as a whole (it does not set blocksPerMonth)",
    ]);
  });
});

describe("UB.LEAKADJ's returns", () => {
  it('gives the credited volume with "volume": Wildwood, NJ credits 60,000 gallons', async () => {
    // Wildwood, NJ (wildwoodnj.org, page 90; ../shared/domain/README.md): a 125,000-gallon
    // quarter against a 6,000-gallon average, half the 119,000-gallon excess, rounded up to the
    // 1,000-gallon billing unit: 60,000 gallons.
    expect(await UB.leakAdj("chubbuck", 125000, [[6000]], NIL, NIL, 1000, NIL, "2026-10-31", NIL, "volume")).toBe(60000);
  });

  it('gives the dollars by default and with "credit"', async () => {
    const byDefault = await UB.leakAdj("harlingen", 30000, [[6000]], NIL, NIL, 1000, NIL, "2026-07-31");
    expect([byDefault, await UB.leakAdj("harlingen", 30000, [[6000]], NIL, NIL, 1000, NIL, "2026-07-31", NIL, "Credit")]).toEqual([
      35.6, 35.6,
    ]);
    expect(await UB.leakAdj("harlingen", 30000, [[6000]], NIL, NIL, 1000, NIL, "2026-07-31", NIL, "volume")).toBe(12000);
  });

  it("names what it accepts", async () => {
    expect(await errorOf(() => UB.leakAdj("harlingen", 30000, [[6000]], NIL, NIL, NIL, NIL, NIL, NIL, "both"))).toEqual([
      "#VALUE!",
      'UB.LEAKADJ: returns must be "credit" or "volume", got "both"',
    ]);
  });
});

describe("UB.WINTERAVG's method", () => {
  it("averages the bills as billed without days (Box Elder Sanitation: 4,000, 5,000 and 3,000 gallons give 4,000)", () => {
    // https://www.boxeldersanitation.org/winter-averaging
    expect(UB.winterAvg([[4000, 5000, 3000]])).toBe(4000);
  });

  it('averages the bills with "bills" even beside days (Gig Harbor, WA: bi-monthly bills of 20 and 10 CCF give 15)', () => {
    // http://www.cityofgigharbor.net/Faq.aspx?QID=122; the days (61 and 59) are ours, and do not count.
    expect(UB.winterAvg([[20], [10]], NIL, "bills")).toBe(15);
    expect(UB.winterAvg([[20], [10]], [[61], [59]], "bills")).toBe(15);
  });

  it("keeps the per-day rule with days (Rio Rancho, NM)", () => {
    expect(UB.winterAvg([[6000, 5000, 4000]], [[31, 31, 28]])).toBe(5070);
    expect(UB.winterAvg([[6000, 5000, 4000]], [[31, 31, 28]], "days")).toBe(5070);
  });

  it("leaves out blank and 0 bills without days, and reads a range of blank days as none", () => {
    expect(UB.winterAvg([[4000], [null], [5000], [0], [3000]])).toBe(4000);
    expect(UB.winterAvg([[4000], [5000], [3000]], [[null], [null], [null]])).toBe(4000);
    expect(UB.winterAvg([[4000], [5000], [3000]], [[0], [0], [0]])).toBe(4000);
  });

  it("asks for days for the per-day rule, and names the methods", async () => {
    expect(await errorOf(() => UB.winterAvg([[4000, 5000]], NIL, "days"))).toEqual([
      "#VALUE!",
      'UB.WINTERAVG: days must be given to average per day of service; method "bills" averages the bills\' usage without them',
    ]);
    expect(await errorOf(() => UB.winterAvg([[4000, 5000]], NIL, "mean"))).toEqual([
      "#VALUE!",
      'UB.WINTERAVG: method must be "days" or "bills", got "mean"',
    ]);
  });
});
