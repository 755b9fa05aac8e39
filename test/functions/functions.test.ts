import * as UB from "../../src/functions/functions";
import { scheduleCache } from "../../src/storage/scheduleCache";
import { FunctionError } from "../../src/functions/errors";
import { loadSchedule, sampleScheduleIds } from "../support/samples";

/** What Excel passes for an omitted optional argument. */
const NIL = null as never;

beforeAll(() => {
  scheduleCache.replaceAll(sampleScheduleIds().map(loadSchedule));
  scheduleCache.markReady();
});

/** The Excel error and message a call produces. */
async function errorOf(call: () => unknown): Promise<[string, string]> {
  try {
    await call();
  } catch (e) {
    if (e instanceof FunctionError) return [e.errorCode, e.message];
    throw e;
  }
  throw new Error("expected an error");
}

describe("UB.CONSUMPTION", () => {
  it("returns usage with rollover, multiplier and truncation", () => {
    expect(UB.consumption(9950, 30, 4)).toBe(80);
    expect(UB.consumption(100, 125, NIL, 10)).toBe(250);
    expect(UB.consumption(5000, 9530, NIL, NIL, 1000)).toBe(4);
  });

  it("shows #VALUE! with the reads when current is below previous and dials are unknown", async () => {
    expect(await errorOf(() => UB.consumption(500, 400))).toEqual([
      "#VALUE!",
      "UB.CONSUMPTION: current read 400 is below the previous read 500; give the dial count to treat it as a rollover",
    ]);
  });

  it("names the argument and what it expects", async () => {
    expect(await errorOf(() => UB.consumption("abc" as never, 5))).toEqual([
      "#VALUE!",
      'UB.CONSUMPTION: previous must be a number of 0 or more (register units); got "abc"',
    ]);
    expect(await errorOf(() => UB.consumption(1, 5, 2.5))).toEqual([
      "#VALUE!",
      "UB.CONSUMPTION: dials must be a whole number from 1 to 12; got 2.5",
    ]);
  });
});

describe("UB.TIERED", () => {
  const harlingen = [
    ["Up to", "Price"],
    [3000, 1.3],
    [10000, 1.8],
    [20000, 2.55],
    ["", 3.05],
  ];

  it("prices usage through an inline block range with a header row and a blank last limit", () => {
    expect(UB.tiered(15000, harlingen, 9.91, 1000)).toBe(39.16);
    expect(UB.tiered(25500, harlingen, NIL, 1000)).toBe(58.78);
  });

  it("prices a range Excel passes afresh on every call by its values, not by the array it arrives in", () => {
    const copy = () => harlingen.map((row) => [...row]);
    expect(UB.tiered(15000, copy(), 9.91, 1000)).toBe(39.16);
    expect(UB.tiered(15000, copy(), 9.91, 1000)).toBe(39.16);
    // The same shape with one price changed is a different range (2.55 -> 2.65 on 5,000 gal: +0.50).
    const changed = copy();
    changed[3][1] = 2.65;
    expect(UB.tiered(15000, changed, 9.91, 1000)).toBe(39.66);
    // A range changed in place after a call is read again.
    changed[3][1] = 2.55;
    expect(UB.tiered(15000, changed, 9.91, 1000)).toBe(39.16);
    // Twenty other ranges in between do not lose the first one's answer.
    for (let i = 1; i <= 20; i++) expect(UB.tiered(1000, [["", i]], NIL, 1000)).toBe(i);
    expect(UB.tiered(15000, copy(), 9.91, 1000)).toBe(39.16);
  });

  it("avoids floating-point error: 3 x 1.1 at 0.1 per unit is 0.33", () => {
    expect(UB.tiered(3.3, [["", 0.1]])).toBe(0.33);
  });

  it("names the block row that is wrong", async () => {
    expect(
      await errorOf(() =>
        UB.tiered(5, [
          [10, 1],
          [5, 2],
        ]),
      ),
    ).toEqual(["#VALUE!", "UB.TIERED: blocks row 2: upper limits must rise (5 is not above 10)"]);
    expect(
      await errorOf(() =>
        UB.tiered(5, [
          ["", 1],
          [5, 2],
        ]),
      ),
    ).toEqual(["#VALUE!", "UB.TIERED: blocks row 1: only the last block may have a blank upper limit"]);
    expect(await errorOf(() => UB.tiered(5, [[10, "x"]]))).toEqual([
      "#VALUE!",
      "UB.TIERED: blocks row 1: the price must be a number of 0 or more",
    ]);
  });
});

describe("UB.CHARGE and UB.BILL", () => {
  it("prices Chubbuck at 0 gallons at $97.20 and 8,000 gallons at $106.40 with one cart, and without garbage when carts is blank", async () => {
    expect(await UB.bill("chubbuck", 0, NIL, 1, NIL, "2026-10-31")).toBe(97.2);
    expect(await UB.bill("chubbuck", 8000, NIL, 1, NIL, 46326)).toBe(106.4);
    expect(await UB.bill("chubbuck", 0, NIL, NIL, NIL, "2026-10-31")).toBe(79.4);
  });

  it("prices one service", async () => {
    expect(await UB.charge("chubbuck", "water", 8000)).toBe(33.2);
    expect(await UB.charge("CHUBBUCK", "Sewer", 8000)).toBe(55.4);
  });

  it("takes meter size, carts and days", async () => {
    expect(await UB.bill("harlingen", 0, '8"')).toBe(746.45);
    expect(await UB.bill("pocatello-sanitation", 0, NIL, 0)).toBe(0);
    expect(await UB.bill("chubbuck", 0, NIL, 2, 15)).toBe(54.21);
  });

  it("shows #N/A for an unknown schedule, service or meter size, with what is available", async () => {
    expect(await errorOf(() => UB.bill("nowhere", 0))).toEqual([
      "#N/A",
      expect.stringMatching(/^UB.BILL: no rate schedule "nowhere" is loaded; loaded: chubbuck, cibolo/),
    ]);
    expect(await errorOf(() => UB.charge("chubbuck", "electric", 0))).toEqual([
      "#N/A",
      'UB.CHARGE: schedule chubbuck has no "electric" service; services: water, sewer, garbage',
    ]);
    expect((await errorOf(() => UB.bill("harlingen", 0, "3")))[0]).toBe("#N/A");
  });

  it("spills a bill's lines with a total row", async () => {
    const rows = await UB.billLines("harlingen", 15000, "5/8", NIL, NIL, "2026-10-31");
    expect(rows[0]).toEqual(["Service", "Description", "Quantity", "Unit", "Price", "Amount"]);
    expect(rows.at(-1)).toEqual(["", "Total", "", "", "", 39.16]);
    expect(rows).toHaveLength(6);
  });
});

describe("UB.ESTIMATE and UB.WINTERAVG", () => {
  it("estimates 37 from the Tyler Munis example, skipping blank cells", () => {
    expect(UB.estimate([[40], [35], [""], [35]], [[31], [29], [""], [30]], 30)).toBe(37);
  });

  it("needs matching counts", async () => {
    expect(await errorOf(() => UB.estimate([[40, 35]], [[31]], 30))).toEqual([
      "#VALUE!",
      "UB.ESTIMATE: usages and days must be ranges of the same size (2 and 1 cells)",
    ]);
  });

  it("averages the winter quarter", () => {
    expect(UB.winterAvg([[6000, 5000, 4000]], [[31, 31, 28]])).toBe(5070);
  });
});

describe("UB.LEAKADJ, UB.BACKBILL and UB.PRORATE", () => {
  it("credits half the excess at the block prices", async () => {
    expect(await UB.leakAdj("harlingen", 30000, [[6000]], NIL, NIL, 1000, NIL, "2026-07-31")).toBe(35.6);
    expect(await UB.leakAdj("harlingen", 30000, [[5000, 7000]], 0.5, "lowest", 1000, NIL, "2026-07-31")).toBe(20);
  });

  it("back-bills corrected usage period by period", async () => {
    const ends = [["2026-05-31"], ["2026-06-30"], ["2026-07-31"]];
    expect(await UB.backBill("harlingen", ends, [[2000], [2000], [2000]], [[12000], [12000], [12000]], NIL, NIL, "2026-08-15")).toBe(57);
    expect(await UB.backBill("harlingen", ends, [[2000], [2000], [2000]], [[12000], [12000], [12000]], NIL, 0.5, "2026-08-15")).toBe(28.5);
  });

  it("prorates to the cent", () => {
    expect(UB.prorate(24, 12, 30)).toBe(9.6);
    expect(UB.prorate(17.97, 7, 31)).toBe(4.06);
  });
});
