/** @jest-environment jsdom */
import "../support/jsdomSetup";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { UbDatabase } from "../../src/storage/db";
import { ScheduleCache } from "../../src/storage/scheduleCache";
import { ScheduleStore } from "../../src/storage/scheduleStore";
import { DecisionStore } from "../../src/storage/decisionStore";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import type { Services } from "../../src/taskpane/services";
import { loadSchedule } from "../support/samples";
import chubbuckJson from "../../samples/rates/chubbuck.json";

let n = 0;

async function setup(sheets = sampleCycleWorkbook()) {
  const db = new UbDatabase(`generate-ui-${++n}`);
  const cache = new ScheduleCache();
  cache.replaceAll([loadSchedule("chubbuck")]);
  const workbook = new MemoryWorkbook(sheets);
  const services: Services = {
    db,
    cache,
    store: new ScheduleStore(db, cache),
    workbook,
    startupProblems: [],
    decisions: new DecisionStore(db),
    now: () => "2026-11-01T09:00:00.000Z",
  };
  render(<App services={services} initialView="generate" />);
  await screen.findByText("chubbuck");
  return { ...services, workbook };
}

const value = (label: string) =>
  within(screen.getByRole("table", { name: "Cycle preview" }))
    .getByText(label)
    .closest("tr")!
    .textContent!.replace(label, "");

describe("Generate view", () => {
  it("previews the cycle's counts and totals without writing", async () => {
    const { workbook } = await setup();
    await act(async () => fireEvent.click(await screen.findByRole("button", { name: "Preview" })));
    await screen.findByRole("table", { name: "Cycle preview" });
    expect([
      value("Bills"),
      value("Accounts held"),
      value("Rows that could not be matched to an account"),
      value("Total due on the bills"),
      value("Reconciliation difference"),
    ]).toEqual([
      "20 (actual read 14, ESTIMATED: no read 2, ESTIMATED: re-read requested 2, ESTIMATED read 1, balance only (no service) 1)",
      "7 (held: open read edit 7)",
      "2",
      "$3,155.43",
      "$0.00",
    ]);
    expect(workbook.sheet("Bills")).toBeUndefined();
  });

  it("generates the chosen sheets, records the run, and opens a sheet", async () => {
    const { workbook, db } = await setup();
    fireEvent.click(screen.getByRole("checkbox", { name: "Letters" }));
    await act(async () => fireEvent.click(await screen.findByRole("button", { name: "Generate" })));
    const generated = await screen.findByRole("region", { name: "Generated sheets" });
    expect(workbook.sheet("Letters")).toBeUndefined();
    expect(workbook.sheet("Bills")!.values.length).toBeGreaterThan(100);
    await act(async () => fireEvent.click(within(generated).getByRole("button", { name: "Open Door Hangers" })));
    expect(workbook.selection).toEqual({ sheet: "Door Hangers", row: 0, column: 0 });
    const runs = await db.runs.toArray();
    expect(runs.map((r) => [r.billDate, r.bills, r.totalDue, r.difference])).toEqual([["2026-10-30", 20, "3155.43", "0.00"]]);
  });

  it("will not run with a date it cannot read", async () => {
    await setup();
    fireEvent.change(screen.getByRole("textbox", { name: /Bill date/ }), { target: { value: "10/30" } });
    expect((screen.getByRole("button", { name: "Generate" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("A date such as 2026-10-31")).toBeTruthy();
  });

  it("says what billing needs when the Accounts sheet is missing", async () => {
    const sheets = sampleCycleWorkbook();
    delete sheets.Accounts;
    await setup(sheets);
    await act(async () => fireEvent.click(await screen.findByRole("button", { name: "Preview" })));
    expect(await screen.findByText(/Billing needs an Accounts sheet/)).toBeTruthy();
  });
  it.each([
    [["demo-city"], "The one on this workbook's Rates sheet"],
    [["demo-city", "harlingen"], "The first on this workbook's Rates sheet"],
  ])("bills with the first schedule on the workbook's Rates sheet (%j), as ubill cycle does", async (onSheet, hint) => {
    const db = new UbDatabase(`generate-ui-${++n}`);
    const cache = new ScheduleCache();
    const store = new ScheduleStore(db, cache);
    await store.save(chubbuckJson, "sample");
    cache.replaceAll([loadSchedule("chubbuck"), loadSchedule("demo-city"), loadSchedule("harlingen")]);
    // The order mergeRatesSheet gives: the sheet's.
    cache.setSheetOrder(onSheet);
    const services: Services = {
      db,
      cache,
      store,
      workbook: new MemoryWorkbook(sampleCycleWorkbook()),
      startupProblems: [],
      decisions: new DecisionStore(db),
      now: () => "2026-11-01T09:00:00.000Z",
    };
    render(<App services={services} initialView="generate" />);
    const field = await screen.findByRole("combobox", { name: "Rate schedule" });
    await screen.findByText(hint);
    expect(field.textContent).toBe("demo-city");
  });
});
