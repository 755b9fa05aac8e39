/** The front counter's jsdom tests' small city and pane: two accounts, a payment, a bill's balances. */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App, ViewName } from "../../src/taskpane/App";
import { UbDatabase } from "../../src/storage/db";
import { ScheduleCache } from "../../src/storage/scheduleCache";
import { ScheduleStore } from "../../src/storage/scheduleStore";
import { DecisionStore } from "../../src/storage/decisionStore";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { Services } from "../../src/taskpane/services";
import type { CellValue } from "../../src/workbook/port";

let n = 0;

export function city(): Record<string, CellValue[][]> {
  return {
    Accounts: [
      ["Account", "Name", "Service Address", "Mailing Address", "Status", "Meter", "Deposit"],
      ["100101", "Baker, Tom", "1204 N Main St", "PO Box 9", "Active", "M-1", 75],
      ["100102", "Ortiz, Ana", "77 W Elm St", null, "Active", "M-2", 0],
    ],
    Balances: [
      ["Account", "Balance", "Water", "Sewer", "Current", "30 Days", "60 Days", "90+ Days"],
      ["100101", 100, 60, 40, 40, 60, 0, 0],
      ["100102", 50, 50, 0, 50, 0, 0, 0],
    ],
    Payments: [
      ["Date", "Account", "Amount", "Method", "Reference", "Returned"],
      ["2026-10-05", "100101", 70, "mail", "check 2", "No"],
    ],
  };
}

export async function setup(view: ViewName, sheets: Record<string, CellValue[][]> = city()) {
  const db = new UbDatabase(`counter-day-${++n}`);
  const cache = new ScheduleCache();
  const workbook = new MemoryWorkbook(sheets);
  const services: Services = {
    db,
    cache,
    store: new ScheduleStore(db, cache),
    workbook,
    startupProblems: [],
    decisions: new DecisionStore(db),
    now: () => "2026-10-31T10:00:00.000Z",
  };
  render(<App services={services} initialView={view} />);
  return { db, workbook };
}

export const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
export const click = async (name: string | RegExp) => act(async () => void fireEvent.click(screen.getByRole("button", { name })));

/** Chooses a file in the Payments view's import, as the specialist would from the file dialog. */
export async function importFile(name: string, text: string) {
  const input = await screen.findByLabelText("Import a file: lockbox, card settlement or batch CSV");
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([text], name, { type: "text/csv" })] } });
    // jsdom reads the file (FileReader) on a later task: let it finish before looking.
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
}

/** Opens the account from the Account view's search. */
export async function showAccount(account: string) {
  const search = screen.getByRole("searchbox", { name: /Find an account/ });
  await waitFor(() => expect((search as HTMLInputElement).disabled).toBe(false));
  fireEvent.change(search, { target: { value: account } });
  await act(async () => void fireEvent.keyDown(search, { key: "Enter" }));
}

export async function openBatch(count: string, total: string, id = "B-2026-10-31-MAIL-1") {
  await waitFor(() => expect(screen.getByLabelText("Slip count")).toBeTruthy());
  type("Slip count", count);
  type("Slip total", total);
  await click("Open batch");
  await screen.findByText(`Batch ${id}`);
}
