/** @jest-environment jsdom */
import "../support/jsdomSetup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, ViewName } from "../../src/taskpane/App";
import { UbDatabase } from "../../src/storage/db";
import { ScheduleCache } from "../../src/storage/scheduleCache";
import { ScheduleStore } from "../../src/storage/scheduleStore";
import { loadSchedules } from "../../src/taskpane/startup";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { Services } from "../../src/taskpane/services";
import { loadSettings } from "../../src/storage/settings";
import { DecisionStore } from "../../src/storage/decisionStore";
import { loadPublishedSamples } from "../../src/taskpane/ratesActions";
import { BUNDLED_SCHEDULES } from "../../src/taskpane/bundledSchedules";
import type { HostInfo } from "../../src/taskpane/host";
import { validateSchedule } from "../../src/engine";
import { ratesSheets } from "../../src/workbook/ratesSheet";

let n = 0;

/** A pane on a computer where the user loaded the published samples earlier (unless `samples` is false). */
async function setup(
  initialView: ViewName = "rates",
  sheets: ConstructorParameters<typeof MemoryWorkbook>[0] = {},
  { samples = true, host }: { samples?: boolean; host?: HostInfo } = {},
) {
  const db = new UbDatabase(`ui-${++n}`);
  if (samples) await loadPublishedSamples(new ScheduleStore(db, new ScheduleCache()), BUNDLED_SCHEDULES);
  const cache = new ScheduleCache();
  const store = new ScheduleStore(db, cache);
  const workbook = new MemoryWorkbook(sheets);
  const startupProblems = await loadSchedules(store, cache, workbook);
  const services: Services = {
    db,
    cache,
    store,
    workbook,
    startupProblems,
    decisions: new DecisionStore(db),
    now: () => "2026-11-26T10:00:00.000Z",
    host,
  };
  render(<App services={services} initialView={initialView} />);
  return { ...services, workbook };
}

function fileInput(): HTMLInputElement {
  return screen.getByLabelText("Rate schedule JSON file") as HTMLInputElement;
}

async function upload(text: string, name = "rates.json") {
  const file = new File([text], name, { type: "application/json" });
  Object.defineProperty(file, "text", { value: async () => text });
  await act(async () => {
    fireEvent.change(fileInput(), { target: { files: [file] } });
  });
}

describe("task pane shell", () => {
  it("offers the seven views as tabs", async () => {
    await setup();
    expect(screen.getAllByRole("tab")).toHaveLength(7);
    for (const name of ["Review", "Generate", "Account", "Payments", "Rates", "Impact", "Settings"])
      expect(screen.getByRole("tab", { name })).toBeTruthy();
  });

  it.each([
    [undefined, "Review"],
    ["settings", "Settings"],
    ["no such view", "Review"],
  ])("opens on the workbook's last view (%j: %s) and keeps each view chosen", async (stored, expected) => {
    const saved: string[] = [];
    const db = new UbDatabase(`ui-${++n}`);
    const cache = new ScheduleCache();
    const workbook = new MemoryWorkbook({});
    const services: Services = {
      db,
      cache,
      store: new ScheduleStore(db, cache),
      workbook,
      startupProblems: [],
      decisions: new DecisionStore(db),
      now: () => "2026-11-26T10:00:00.000Z",
      lastView: { load: () => stored, save: (view) => void saved.push(view) },
    };
    render(<App services={services} />);
    expect(screen.getByRole("tab", { selected: true }).textContent).toBe(expected);
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Generate" })));
    expect(saved).toEqual(["generate"]);
  });
});

describe("Rates view", () => {
  it("stores no published sample on first run, and loads the seven when asked", async () => {
    const { cache, db } = await setup("rates", {}, { samples: false });
    expect(cache.ids()).toEqual([]);
    expect(await db.schedules.count()).toBe(0);
    expect(screen.getByText(/No rate schedules are loaded, so UB functions answer #N\/A/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Load published samples" })));
    const table = await screen.findByRole("table", { name: "Rate schedules" });
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(8), { timeout: 5_000 });
    expect(within(table).getByText("harlingen")).toBeTruthy();
    expect(cache.get("chubbuck")).toBeDefined();
  });

  it("keeps the workbook's own schedule over a published sample of the same id", async () => {
    const json = JSON.parse(JSON.stringify(BUNDLED_SCHEDULES[0])) as { id: string; versions: { charges: { amount?: string }[] }[] };
    json.versions[0].charges[0].amount = "99.00";
    const schedule = validateSchedule(json);
    if (!schedule.ok) throw new Error(schedule.problem.message);
    const { cache } = await setup("rates", ratesSheets([schedule.value]).sheets, { samples: false });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Load published samples" })));
    await screen.findByText("Loaded 7 schedule(s)");
    expect(String((cache.get(json.id)!.versions[0].charges[0] as { amount: unknown }).amount)).toBe("99");
  });

  it("exports JSON to the clipboard and a box where the host cannot download (Office for Mac)", async () => {
    let clipboard = "";
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async (t: string) => void (clipboard = t) } });
    const created = jest.fn();
    (URL as unknown as { createObjectURL: unknown }).createObjectURL = created;
    await setup("rates", {}, { host: { canDownload: false } });
    await screen.findByText("harlingen");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Export JSON" })));
    expect(await screen.findByText("Copied 7 schedule(s) to the clipboard")).toBeTruthy();
    expect(JSON.parse(clipboard)).toHaveLength(7);
    expect((screen.getByRole("textbox", { name: "Rate schedules as JSON" }) as HTMLTextAreaElement).value).toBe(clipboard);
    expect(created).not.toHaveBeenCalled();
  });

  it("shows a schedule's charges when its row is chosen with the keyboard", async () => {
    await setup();
    const row = (await screen.findByText("harlingen")).closest("tr")!;
    fireEvent.keyDown(row, { key: "Enter" });
    const detail = await screen.findByRole("region", { name: "Charges of harlingen" });
    expect(detail.textContent).toContain("Effective 2024-05-01");
    expect(detail.textContent).toContain("Water usage (water): 0-3,000 gal: $1.30 per 1,000 gal; 3,000-10,000 gal: $1.80 per 1,000 gal");
  });

  it("imports a JSON file and lists it", async () => {
    const { cache } = await setup();
    await upload(
      JSON.stringify({
        id: "tiny",
        name: "Tiny town",
        usageUnit: "gal",
        versions: [{ charges: [{ id: "b", service: "water", description: "Base", kind: "fixed", amount: "5" }] }],
      }),
    );
    expect(await screen.findByText("Imported 1 schedule(s)")).toBeTruthy();
    expect(cache.get("tiny")?.name).toBe("Tiny town");
    const table = screen.getByRole("table", { name: "Rate schedules" });
    expect(await within(table).findByText("tiny")).toBeTruthy();
  });

  it("names the file, item and field of a bad schedule", async () => {
    await setup();
    await upload(
      JSON.stringify([
        {
          id: "a",
          name: "A",
          usageUnit: "gallons",
          versions: [{ charges: [{ id: "b", service: "water", description: "Base", kind: "fixed", amount: "5" }] }],
        },
      ]),
      "bad.json",
    );
    expect(await screen.findByText(/Nothing imported; 1 problem/)).toBeTruthy();
    expect(
      screen.getByText('bad.json: rate schedule "a": usageUnit: expected one of gal, kgal, cf, ccf, hcf, unit748, got "gallons"'),
    ).toBeTruthy();
  });

  it("exports to a Rates sheet and asks before replacing one", async () => {
    const { workbook } = await setup();
    await screen.findByText("harlingen");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Export to Rates sheet" })));
    await screen.findByText("Exported 7 schedule(s)");
    const sheet = workbook.sheets.get("Rates")!;
    expect(sheet.values[0].slice(0, 3)).toEqual(["Schedule", "Effective", "Charge"]);
    // One row per price: Harlingen's 8-inch minimum is a row with its size and price.
    expect(sheet.values.some((r) => r[0] === "harlingen" && r[2] === "water-minimum" && r[8] === "8" && r[11] === 746.45)).toBe(true);
    expect(workbook.sheets.get("Rate Schedules")!.values.map((r) => r[0])).toContain("harlingen");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Export to Rates sheet" })));
    expect(await screen.findByText("Replace the Rates sheet?")).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Cancel" })));
    expect(screen.queryByText("Replace the Rates sheet?")).toBeNull();
  });

  it("imports a Rates sheet and reports its bad rows by cell", async () => {
    const { cache } = await setup("rates", {
      Rates: [
        ["Schedule", "Field", "Value"],
        ["mini", "id", "mini"],
        ["mini", "name", "Mini"],
        ["mini", "usageUnit", "gal"],
        ["mini", "versions[0].charges[0].id", "b"],
        ["mini", "versions[0].charges[0].service", "water"],
        ["mini", "versions[0].charges[0].description", "Base"],
        ["mini", "versions[0].charges[0].kind", "fixed"],
        ["mini", "versions[0].charges[0].amount", 7.5],
        ["broken", "id", "broken"],
        ["broken", "name", "Broken"],
      ],
    });
    expect(cache.get("mini")?.name).toBe("Mini");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Import Rates sheet" })));
    expect(await screen.findByText("Imported mini; 1 problem(s), below")).toBeTruthy();
    expect(screen.getByText('Rates!A10: rate schedule "broken": versions: expected a list, got nothing')).toBeTruthy();
  });
});

describe("Settings view", () => {
  it("keeps the default schedule and shows the audit log", async () => {
    const { db } = await setup("settings");
    expect(await screen.findByText("Rate schedule imported: chubbuck")).toBeTruthy();
    fireEvent.click(screen.getByRole("combobox", { name: "Default rate schedule" }));
    fireEvent.click(await screen.findByRole("option", { name: "harlingen" }));
    await waitFor(async () => expect((await loadSettings(db)).defaultSchedule).toBe("harlingen"));
  });
});

describe("Settings view: read edits", () => {
  it("changes an edit's severity, keeps it, and audits the change with its old and new value", async () => {
    const { db } = await setup("settings");
    const select = await screen.findByRole("combobox", { name: /^High usage/ });
    expect((select as HTMLSelectElement).value).toBe("default");
    await act(async () => fireEvent.change(select, { target: { value: "error" } }));
    await waitFor(async () => expect((await loadSettings(db)).readEdits.severities).toEqual({ HIGH_USAGE: "error" }));
    const audit = (await db.audit.toArray()).filter((a) => a.action === "setting.changed");
    expect(audit.map((a) => [a.subject, a.detail])).toEqual([["readEdits", 'severities {} → severities {"HIGH_USAGE":"error"}']]);
  });

  it("keeps a changed threshold", async () => {
    const { db } = await setup("settings");
    const field = await screen.findByRole("spinbutton", { name: /High usage: percent above baseline/ });
    fireEvent.change(field, { target: { value: "75" } });
    fireEvent.blur(field);
    await waitFor(async () => expect((await loadSettings(db)).readEdits.highPercent).toBe(75));
  });
});

describe("Settings view: billing policy", () => {
  it("keeps a changed fee, and writes the office to the workbook's Office sheet", async () => {
    const { db, workbook } = await setup("settings");
    fireEvent.change(await screen.findByRole("textbox", { name: "Out-for-shutoff fee ($)" }), { target: { value: "45.00" } });
    await waitFor(async () => expect((await loadSettings(db)).policy.shutoffFee).toBe("45.00"));
    expect(await screen.findByText("The workbook has no Office sheet yet; saving writes one.")).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "Utility name" }), { target: { value: "City of Pocatello" } });
    fireEvent.change(screen.getByRole("textbox", { name: /^Phone/ }), { target: { value: "(208) 555-0100" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Date format" }), { target: { value: "MM/dd/yyyy" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save to the Office sheet" })));
    expect(await screen.findByText("Saved to the Office sheet.")).toBeTruthy();
    const rows = workbook.sheet("Office")!.values;
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect([value("Utility name"), value("Phone"), value("Date format")]).toEqual(["City of Pocatello", "(208) 555-0100", "MM/dd/yyyy"]);
    expect((await loadSettings(db)).office.utilityName).toBe("City of Pocatello");
    // A value being typed that is not a number keeps the last saved one, never the default.
    fireEvent.change(screen.getByRole("textbox", { name: "Out-for-shutoff fee ($)" }), { target: { value: "4x" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Returned payment fee ($)" }), { target: { value: "25.00" } });
    await waitFor(async () => expect((await loadSettings(db)).policy.returnedPaymentFee).toBe("25.00"));
    expect((await loadSettings(db)).policy.shutoffFee).toBe("45.00");
    expect(screen.getByText("Not saved: a number such as 40.00. The saved value, 45.00, stays.")).toBeTruthy();
  });
});

describe("Settings view: who is billed, the notice ladder and holidays", () => {
  it("keeps the unread-meter policy and a ladder that never goes down a rung", async () => {
    const { db } = await setup("settings");
    fireEvent.change(await screen.findByRole("combobox", { name: /A meter with no usable read/ }), { target: { value: "hold" } });
    fireEvent.change(screen.getByRole("combobox", { name: "One bill past due" }), { target: { value: "late notice" } });
    await waitFor(async () => {
      const s = await loadSettings(db);
      expect([s.policy.noUsableRead, s.policy.noticeLadder]).toEqual(["hold", ["late notice", "late notice", "final notice"]]);
    });
    fireEvent.change(screen.getByRole("combobox", { name: "Three or more bills past due" }), { target: { value: "reminder" } });
    expect(await screen.findByText("Not saved: must be at least “Late notice letter”, the rung before")).toBeTruthy();
    expect((await loadSettings(db)).policy.noticeLadder).toEqual(["late notice", "late notice", "final notice"]);
  });

  it("adds the day after Thanksgiving, and names a holiday line it cannot read without saving it", async () => {
    const { db } = await setup("settings");
    const box = (await screen.findByRole("textbox", { name: /Holidays/ })) as HTMLTextAreaElement;
    expect(box.value.split("\n")).toHaveLength(11);
    fireEvent.change(box, { target: { value: `${box.value}\nDay after Thanksgiving: day after fourth Thursday of November` } });
    await waitFor(async () => expect((await loadSettings(db)).policy.holidays).toHaveLength(12));
    fireEvent.change(box, { target: { value: `${box.value}\nSomeday: Decembre 40` } });
    expect(await screen.findByText(/cannot read the holiday "Someday: Decembre 40"/)).toBeTruthy();
    expect((await loadSettings(db)).policy.holidays).toHaveLength(12);
  });
});
