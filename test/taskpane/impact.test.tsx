/** @jest-environment jsdom */
import "../support/jsdomSetup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { UbDatabase } from "../../src/storage/db";
import { ScheduleCache } from "../../src/storage/scheduleCache";
import { ScheduleStore } from "../../src/storage/scheduleStore";
import { DecisionStore } from "../../src/storage/decisionStore";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { demoCity } from "../../src/samples/demoCity";
import { readWorkbookRates } from "../../src/workbook/ratesSheet";
import type { Services } from "../../src/taskpane/services";
import { loadSchedule } from "../support/samples";

let n = 0;
const demo = loadSchedule("demo-city");

async function setup() {
  const db = new UbDatabase(`impact-ui-${++n}`);
  const cache = new ScheduleCache();
  cache.replaceAll([demo]);
  const workbook = new MemoryWorkbook(demoCity(demo, { accounts: 200, seed: 5, historyMonths: 13 }));
  const services: Services = {
    db,
    cache,
    store: new ScheduleStore(db, cache),
    workbook,
    startupProblems: [],
    decisions: new DecisionStore(db),
    now: () => "2026-11-01T09:00:00.000Z",
  };
  render(<App services={services} initialView="impact" />);
  await screen.findByRole("heading", { name: "Rate impact" });
  // The loaded schedules arrive from storage a moment later: then the current one is chosen.
  await waitFor(() => expect((screen.getByRole("button", { name: "Run rate impact" }) as HTMLButtonElement).disabled).toBe(false));
  return { ...services, workbook };
}

describe("Impact view", () => {
  it("prices the year under the current schedule and one raised 10%, writes the four sheets, and says what they hold", async () => {
    const { workbook } = await setup();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Run rate impact" })));
    const said = await screen.findByText(
      /^Wrote Rate Impact, Impact Revenue, Bill Frequency, Impact by Account\.$/,
      {},
      { timeout: 10_000 },
    );
    expect(said).toBeTruthy();
    const summary = within(screen.getByRole("table", { name: "Rate impact summary" }));
    expect(summary.getByText("Revenue, demo-city")).toBeTruthy();
    expect(summary.getByText("Revenue, demo-city+10%")).toBeTruthy();
    expect(workbook.sheet("Rate Impact")!.options!.charts!.map((c) => c.type)).toEqual(["line", "column"]);
    expect(workbook.sheet("Impact by Account")!.values.length).toBeGreaterThan(150);
  });

  it("refuses a percentage it cannot read, writing nothing", async () => {
    const { workbook } = await setup();
    fireEvent.change(screen.getByLabelText("Increase, percent"), { target: { value: "ten" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Run rate impact" })));
    expect(screen.getByText("a percentage such as 10 or -2.5")).toBeTruthy();
    expect(workbook.sheet("Rate Impact")).toBeUndefined();
  });

  it("copies the current schedule as a proposed one on the Rates sheet, leaving the one in use as it was", async () => {
    const { workbook, cache } = await setup();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy as proposed" })));
    await screen.findByText(/^Copied demo-city as demo-city-proposed on the Rates sheet/);
    expect(cache.get("demo-city")).toBe(demo);
    expect(cache.get("demo-city-proposed")!.name).toBe(`${demo.name} (proposed)`);
    const read = await readWorkbookRates(workbook);
    expect(read!.schedules.map((s) => s.id)).toEqual(["demo-city", "demo-city-proposed"]);
  });
});
