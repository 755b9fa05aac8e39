/** @jest-environment jsdom */
import "../support/jsdomSetup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { UbDatabase } from "../../src/storage/db";
import { ScheduleCache } from "../../src/storage/scheduleCache";
import { ScheduleStore } from "../../src/storage/scheduleStore";
import { DecisionStore } from "../../src/storage/decisionStore";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { sampleReadsWorkbook } from "../../src/samples/sampleReads";
import type { Services } from "../../src/taskpane/services";
import { EDITS } from "../../src/engine";
import { localSerial } from "../../src/review/decisions";

let n = 0;

async function setup(sheets = sampleReadsWorkbook()) {
  const db = new UbDatabase(`review-ui-${++n}`);
  const cache = new ScheduleCache();
  cache.markReady();
  const workbook = new MemoryWorkbook(sheets);
  const services: Services = {
    db,
    cache,
    store: new ScheduleStore(db, cache),
    workbook,
    startupProblems: [],
    decisions: new DecisionStore(db),
    now: () => "2026-11-26T10:00:00.000Z",
  };
  render(<App services={services} initialView="review" />);
  return { ...services, workbook };
}

async function validate() {
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Validate" })));
  await screen.findByText(/28 reads checked on Reads/);
}

describe("Review view", () => {
  it("finds the reads sheet, validates it and counts edits by severity and code", async () => {
    await setup();
    await validate();
    expect(screen.getByLabelText("Open edits by severity").textContent).toMatch(/\d+ errors\d+ warnings\d+ info\d+ accounts held/);
    const byCode = screen.getByRole("table", { name: "Edits by code" });
    expect(within(byCode).getByText(EDITS.VERY_HIGH_USAGE.title, { exact: false })).toBeTruthy();
  });

  it("filters the list by code from the summary, and selects the read in the sheet", async () => {
    const { workbook } = await setup();
    await validate();
    const row = within(screen.getByRole("table", { name: "Edits by code" }))
      .getByText(EDITS.PROBABLE_ROLLOVER.title, { exact: false })
      .closest("tr")!;
    fireEvent.keyDown(row, { key: "Enter" });
    const list = screen.getByRole("table", { name: "Flagged reads" });
    await waitFor(() => expect(within(list).getAllByRole("row")).toHaveLength(2));
    const item = within(list).getAllByRole("row")[1];
    await act(async () => fireEvent.keyDown(item, { key: " " }));
    expect(workbook.selection).toEqual({ sheet: "Reads", row: 13, column: 8 });
    expect(screen.getByRole("region", { name: "Decide on this edit" }).textContent).toContain("as a rollover of the 6-dial register");
  });

  it("approves an edit only with a reason, and shows it in the sheet, the audit log and the Review Log", async () => {
    const { workbook, db } = await setup();
    await validate();
    fireEvent.keyDown(
      within(screen.getByRole("table", { name: "Edits by code" }))
        .getByText(EDITS.HIGH_USAGE.title)
        .closest("tr")!,
      { key: "Enter" },
    );
    fireEvent.click(within(screen.getByRole("table", { name: "Flagged reads" })).getAllByRole("row")[1]);
    const approve = screen.getByRole("button", { name: "Approve" }) as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    fireEvent.change(screen.getByRole("textbox", { name: /Reason/ }), { target: { value: "pool filled" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Approve" })));
    await screen.findByText("100102: approved.");
    const sheet = workbook.sheet("Reads")!;
    const row = sheet.values.findIndex((r) => r[2] === "100102");
    expect(sheet.values[row][17]).toBe("HIGH_USAGE(approved)");
    const logged = workbook.sheet("Review Log")!.values[1];
    expect([...logged.slice(0, 7), logged[9]]).toEqual([
      localSerial("2026-11-26T10:00:00.000Z"),
      "100102",
      "M100102",
      "21500",
      "HIGH_USAGE",
      "approved",
      "pool filled",
      "2026-11-26T10:00:00.000Z",
    ]);
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(["edit.approved"]);
  });

  it("requests a re-read as a work order", async () => {
    const { workbook } = await setup();
    await validate();
    fireEvent.keyDown(
      within(screen.getByRole("table", { name: "Edits by code" }))
        .getByText(EDITS.NEGATIVE_USAGE.title, { exact: false })
        .closest("tr")!,
      { key: "Enter" },
    );
    fireEvent.click(within(screen.getByRole("table", { name: "Flagged reads" })).getAllByRole("row")[1]);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Request re-read" })));
    await screen.findByText("100109: re-read requested.");
    expect(workbook.sheet("Work Orders")!.values[1].slice(0, 3)).toEqual(["WO-000001", "Re-read", "100109"]);
  });

  it("recounts held and estimated accounts after a re-read, in Generate's words, without validating again", async () => {
    await setup();
    await validate();
    const badges = () => screen.getByLabelText("Open edits by severity").textContent!;
    expect(badges()).toMatch(/9 accounts held2 bills on an estimate2 rows that could not be matched to an account/);
    fireEvent.keyDown(
      within(screen.getByRole("table", { name: "Edits by code" }))
        .getByText(EDITS.NEGATIVE_USAGE.title, { exact: false })
        .closest("tr")!,
      { key: "Enter" },
    );
    fireEvent.click(within(screen.getByRole("table", { name: "Flagged reads" })).getAllByRole("row")[1]);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Request re-read" })));
    await screen.findByText("100109: re-read requested.");
    // 100109 is no longer held: billing estimates it until the meter is read again.
    expect(badges()).toMatch(/8 accounts held3 bills on an estimate2 rows that could not be matched to an account/);
  });

  it("records a meter exchange with the old meter from the account and the new meter's size and dials", async () => {
    const { workbook } = await setup();
    await validate();
    fireEvent.keyDown(
      within(screen.getByRole("table", { name: "Edits by code" }))
        .getByText(EDITS.METER_MISMATCH.title, { exact: false })
        .closest("tr")!,
      { key: "Enter" },
    );
    const rows = within(screen.getByRole("table", { name: "Flagged reads" })).getAllByRole("row");
    fireEvent.click(rows.find((r) => r.textContent!.includes("100118"))!);
    const form = screen.getByRole("region", { name: "Decide on this edit" });
    const field = (name: RegExp) => within(form).getByRole("textbox", { name }) as HTMLInputElement;
    expect([
      field(/^Old meter$/).value,
      field(/^New meter number/).value,
      field(/New meter size/).value,
      field(/New meter dials/).value,
    ]).toEqual(["M100118", "M900118", "3/4", "6"]);
    fireEvent.change(field(/final read/), { target: { value: "12000" } });
    fireEvent.change(field(/set read/), { target: { value: "11000" } });
    // An exchange that does not explain this row's read, or dated before its previous read, is refused.
    const record = within(form).getByRole("button", { name: "Record exchange" }) as HTMLButtonElement;
    fireEvent.change(field(/^New meter number/), { target: { value: "M700118" } });
    expect(within(form).getByText("This row reads meter M900118: it must be the old or the new meter")).toBeTruthy();
    expect(record.disabled).toBe(true);
    fireEvent.change(field(/^New meter number/), { target: { value: "M900118" } });
    fireEvent.change(field(/Exchange date/), { target: { value: "2026-09-15" } });
    expect(within(form).getByText("After the previous read (2026-09-30)")).toBeTruthy();
    expect(record.disabled).toBe(true);
    fireEvent.change(field(/Exchange date/), { target: { value: "2026-10-15" } });
    expect(record.disabled).toBe(false);
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Record exchange" })));
    await screen.findByText(/100118: meter exchange recorded/);
    expect(workbook.sheet("Meter Exchanges")!.values[1].slice(0, 7)).toEqual(["100118", "M100118", 12000, "M900118", 11000, "3/4", 6]);
    expect(workbook.sheet("Work Orders")!.values[1].slice(1, 5)).toEqual(["Meter exchange", "100118", "M100118", "218 N Hayes Ave"]);
    expect(workbook.sheet("Work Orders")!.values[1][7]).toBe("Completed 2026-10-15");
  });

  it("says which edits are off when a context sheet is missing", async () => {
    const sheets = sampleReadsWorkbook();
    delete sheets.Accounts;
    await setup(sheets);
    await validate();
    expect(screen.getByText(/Some edits are off: no Accounts sheet/)).toBeTruthy();
  });

  it("explains what a reads sheet needs when there is none", async () => {
    await setup({ Notes: [["nothing here"]] });
    expect(await screen.findByText(/needs the columns Account, Meter, Previous Read and Current Read/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Validate" })));
    expect(await screen.findByText(/No sheet has a reads header/)).toBeTruthy();
  });
});
