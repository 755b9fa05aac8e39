import { accountHistory, changesInEffect, servicePeriod } from "../../../src/engine";
import type { AccountChange } from "../../../src/engine";

const change = (field: string, value: string, effective: string, recorded: string): AccountChange => ({
  account: "7",
  field,
  value,
  was: "",
  effective,
  task: "t",
  reason: "",
  recorded,
});

describe("changesInEffect", () => {
  it("takes, per field, the latest change effective on or before the date; a same-day change by when it was recorded", () => {
    const changes = [
      change("Autopay", "Yes", "2026-10-15", "2026-10-16T00:00:00Z"),
      change("autopay", "No", "2026-10-15", "2026-10-15T00:00:00Z"),
      change("Status", "Final", "2026-12-01", "2026-10-01T00:00:00Z"),
    ];
    const on = (d: string) => [...(changesInEffect(changes, d).get("7")?.values() ?? [])].map((c) => `${c.field}=${c.value}`);
    expect(on("2026-10-14")).toEqual([]);
    expect(on("2026-10-15")).toEqual(["Autopay=Yes"]);
    expect(on("2026-12-01")).toEqual(["Autopay=Yes", "Status=Final"]);
    expect(accountHistory(changes, "7").map((c) => c.value)).toEqual(["No", "Yes", "Final"]);
  });
});

describe("a final bill made off-cycle", () => {
  const subject = { account: "7", status: "active" as const };
  it("leaves no day of its service to a later cycle", () => {
    // Closed Nov 8, final billed Oct 1 - Nov 8: October's cycle, run later, and November's have nothing to bill.
    expect(servicePeriod({ ...subject, finalBilledThrough: "2026-11-08" }, "2026-09-30", "2026-10-31").inService).toBe(false);
    expect(
      servicePeriod({ ...subject, status: "final", closeDate: "2026-11-08", finalBilledThrough: "2026-11-08" }, "2026-10-31", "2026-11-30")
        .inService,
    ).toBe(false);
    // Without it, the close is billed by the cycle as before: prorated to the close date.
    expect(servicePeriod({ ...subject, status: "final", closeDate: "2026-11-08" }, "2026-10-31", "2026-11-30")).toMatchObject({
      inService: true,
      days: 8,
      final: true,
    });
  });
});
