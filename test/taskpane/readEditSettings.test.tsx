/** @jest-environment jsdom */
import "../support/jsdomSetup";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { UbDatabase } from "../../src/storage/db";
import { ScheduleCache } from "../../src/storage/scheduleCache";
import { ScheduleStore } from "../../src/storage/scheduleStore";
import { DecisionStore } from "../../src/storage/decisionStore";
import { loadSettings } from "../../src/storage/settings";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { Services } from "../../src/taskpane/services";

it("reads the usage limits as a percent of the baseline when chosen, converting them so each flags the same usage", async () => {
  const db = new UbDatabase("read-edit-settings-ui");
  const cache = new ScheduleCache();
  const services: Services = {
    db,
    cache,
    store: new ScheduleStore(db, cache),
    workbook: new MemoryWorkbook(),
    startupProblems: [],
    decisions: new DecisionStore(db),
    now: () => "2026-11-01T09:00:00.000Z",
  };
  render(<App services={services} initialView="settings" />);
  const mode = await screen.findByRole("combobox", { name: "Usage limits read as" });
  await act(async () => fireEvent.click(mode));
  await act(async () => fireEvent.click(await screen.findByRole("option", { name: "Percent of the baseline (Infor: 175% of it)" })));
  const d = DEFAULT_READ_EDIT_SETTINGS;
  await waitFor(async () =>
    expect((await loadSettings(db)).readEdits).toMatchObject({
      thresholdMode: "percentOf",
      highPercent: 100 + d.highPercent,
      veryHighPercent: 100 + d.veryHighPercent,
      lowPercent: 100 - d.lowPercent,
      veryLowPercent: 100 - d.veryLowPercent,
    }),
  );
  expect(screen.getByText(/^High usage: percent of baseline \(above 100\)$/)).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("checkbox", { name: /Flag usage exactly at a limit too/ })));
  await waitFor(async () => expect((await loadSettings(db)).readEdits.thresholdInclusive).toBe(true));
});
