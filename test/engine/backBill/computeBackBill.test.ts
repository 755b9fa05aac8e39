import { readFileSync } from "fs";
import { join } from "path";
import { computeBackBill, dec, BackBillPolicy, validateSchedule } from "../../../src/engine";
import { loadSchedule } from "../../support/samples";

const months = ["2026-05-31", "2026-06-30", "2026-07-31"];
const whole: BackBillPolicy = { undercharge: dec(1) };

describe("computeBackBill", () => {
  it("reprices each period on the corrected usage and bills the difference", () => {
    const periods = months.map((asOf) => ({ asOf, billedUsage: dec(2000), correctedUsage: dec(12000) }));
    const r = computeBackBill(loadSchedule("harlingen"), {}, periods, whole, "2026-08-15");
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.value.periods.map((p) => p.difference.toCents())).toEqual(["19.00", "19.00", "19.00"]);
    expect(r.value.amount.toCents()).toBe("57.00");
  });

  it("derives corrected usage from a missing x10 multiplier (the Arden Hills case)", () => {
    const periods = months.map((asOf) => ({ asOf, billedUsage: dec(1000) }));
    const r = computeBackBill(
      loadSchedule("harlingen"),
      {},
      periods,
      { ...whole, multiplier: { billed: dec(1), corrected: dec(10) } },
      "2026-08-15",
    );
    expect(r.ok && r.value.periods[0].correctedUsage.toString()).toBe("10000");
    expect(r.ok && r.value.amount.toCents()).toBe("45.60");
  });

  it("lists but does not bill periods before the look-back", () => {
    const periods = ["2024-12-31", ...months].map((asOf) => ({ asOf, billedUsage: dec(2000), correctedUsage: dec(12000) }));
    const r = computeBackBill(loadSchedule("harlingen"), {}, periods, { ...whole, lookbackMonths: 12 }, "2026-08-15");
    expect(r.ok && r.value.periods[0].included).toBe(false);
    expect(r.ok && r.value.periods[0].reason).toBe("ends before the 12-month look-back (2025-08-15)");
    expect(r.ok && r.value.amount.toCents()).toBe("57.00");
  });

  it("bills a slow meter's undercharge at the policy's share", () => {
    const periods = months.map((asOf) => ({ asOf, billedUsage: dec(2000), correctedUsage: dec(12000) }));
    const r = computeBackBill(loadSchedule("harlingen"), {}, periods, { undercharge: dec("0.5") }, "2026-08-15");
    expect(r.ok && r.value.amount.toCents()).toBe("28.50");
  });

  it("credits an overcharge in full, as a negative amount", () => {
    const periods = months.map((asOf) => ({ asOf, billedUsage: dec(12000), correctedUsage: dec(2000) }));
    const r = computeBackBill(loadSchedule("harlingen"), {}, periods, { undercharge: dec("0.5") }, "2026-08-15");
    expect(r.ok && r.value.amount.toCents()).toBe("-57.00");
  });

  it("does not bill an undercharge below the minimum", () => {
    const periods = [{ asOf: "2026-07-31", billedUsage: dec(2000), correctedUsage: dec(3000) }];
    const r = computeBackBill(loadSchedule("harlingen"), {}, periods, { ...whole, minimumAmount: dec(10) }, "2026-08-15");
    expect(r.ok && [r.value.difference.toCents(), r.value.amount.toCents(), r.value.belowMinimum]).toEqual(["1.30", "0.00", true]);
  });

  it("splits the amount into equal instalments that sum exactly", () => {
    const periods = months.map((asOf) => ({ asOf, billedUsage: dec(2000), correctedUsage: dec(12000) }));
    const r = computeBackBill(loadSchedule("harlingen"), {}, periods, { ...whole, instalments: 7 }, "2026-08-15");
    expect(r.ok && r.value.instalments.map((m) => m.toCents())).toEqual(["8.15", "8.15", "8.14", "8.14", "8.14", "8.14", "8.14"]);
  });

  it("reports a period with neither corrected usage nor a multiplier", () => {
    const r = computeBackBill(loadSchedule("harlingen"), {}, [{ asOf: "2026-07-31", billedUsage: dec(1) }], whole, "2026-08-15");
    expect(!r.ok && r.problem.message).toMatch(/period ending 2026-07-31 needs corrected usage/);
  });
});

describe("a back-bill across a rate change", () => {
  it("prices each period with the rates in effect then: May and June at $1.15 a thousand, July at $1.30", () => {
    const json = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "samples", "rates", "chubbuck.json"), "utf8"));
    const raised = JSON.parse(JSON.stringify(json.versions[0]));
    raised.effective = "2026-07-01";
    raised.charges.find((c: { id: string }) => c.id === "water-usage").blocks[0].price = "1.30";
    const schedule = validateSchedule({ ...json, versions: [json.versions[0], raised] });
    if (!schedule.ok) throw new Error(schedule.problem.message);
    const periods = months.map((asOf) => ({ asOf, billedUsage: dec(2000), correctedUsage: dec(12000) }));
    const r = computeBackBill(schedule.value, {}, periods, whole, "2026-08-15");
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.value.periods.map((p) => p.difference.toCents())).toEqual(["11.50", "11.50", "13.00"]);
    expect(r.value.amount.toCents()).toBe("36.00");
  });
});

describe("computeBackBill with the account's history", () => {
  it("prices each period with the account as it was then (a second cart from July)", () => {
    const schedule = loadSchedule("chubbuck");
    const oneCart = { carts: { count: 1 } };
    const twoCarts = { carts: { count: 2 } };
    const periods = months.map((asOf) => ({ asOf, billedUsage: dec(2000), correctedUsage: dec(12000) }));
    const seen: string[] = [];
    const r = computeBackBill(
      schedule,
      (asOf) => {
        seen.push(asOf);
        return asOf < "2026-07-01" ? oneCart : twoCarts;
      },
      periods,
      whole,
      "2026-08-15",
    );
    const before = computeBackBill(schedule, oneCart, periods.slice(0, 2), whole, "2026-08-15");
    const after = computeBackBill(schedule, twoCarts, periods.slice(2), whole, "2026-08-15");
    if (!r.ok || !before.ok || !after.ok) throw new Error("priced");
    expect(seen).toEqual(months);
    expect(r.value.periods).toEqual([...before.value.periods, ...after.value.periods]);
    // The second cart is on July's bills, billed and corrected alike, so the difference is usage alone.
    expect(r.value.periods[2].billed.minus(r.value.periods[1].billed).isZero()).toBe(false);
    expect(r.value.periods[2].difference).toEqual(r.value.periods[1].difference);
  });
});
