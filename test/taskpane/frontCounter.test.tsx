/** @jest-environment jsdom */
import "../support/jsdomSetup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ViewName } from "../../src/taskpane/App";
import type { CellValue } from "../../src/workbook/port";
import { setup as setupCounter, type } from "./counterSetup";

function city(): Record<string, CellValue[][]> {
  return {
    Accounts: [
      [
        "Account",
        "Name",
        "Service Address",
        "Mailing Address",
        "Status",
        "Meter",
        "Deposit",
        "Level Pay",
        "Level Pay Amount",
        "Autopay",
        "E-Bill",
      ],
      ["100101", "Baker, Tom", "1204 N Main St", "PO Box 9", "Active", "M-1", 75, "Yes", 60, "No", "Yes"],
      ["100102", "Ortiz, Ana", "77 W Elm St", null, "Active", "M-2", 0, "No", null, "Yes", "No"],
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
    "Usage History": [
      ["Account", "Period", "Usage"],
      ["100101", "2026-08", 4000],
      ["100101", "2026-09", 5000],
    ],
  };
}

/** The pane over this file's city (programs and usage history as well). */
const setup = (view: ViewName) => setupCounter(view, city());

const enter = async (label: string) => act(async () => void fireEvent.keyDown(screen.getByLabelText(label), { key: "Enter" }));

async function key(account: string, amount: string, reference: string) {
  type("Account", account);
  await enter("Account");
  type("Amount", amount);
  await enter("Amount");
  type("Check or confirmation number", reference);
  await enter("Check or confirmation number");
}

async function openBatch(count: string, total: string) {
  await waitFor(() => expect(screen.getByLabelText("Slip count")).toBeTruthy());
  type("Deposit date", "2026-10-31");
  type("Slip count", count);
  type("Slip total", total);
  await act(async () => void fireEvent.click(screen.getByRole("button", { name: "Open batch" })));
  await screen.findByText("Batch B-2026-10-31-MAIL-1");
}

describe("Account view", () => {
  it("finds an account as its name is typed and shows its status, programs, deposit, balance and usage", async () => {
    await setup("account");
    const search = screen.getByRole("searchbox", { name: /Find an account/ });
    await waitFor(() => expect((search as HTMLInputElement).disabled).toBe(false));
    fireEvent.change(search, { target: { value: "bak" } });
    const results = screen.getByRole("list", { name: "Accounts found" });
    expect(
      within(results)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["100101 · Baker, Tom1204 N Main St"]);
    await act(async () => void fireEvent.keyDown(search, { key: "Enter" }));
    const detail = screen.getByRole("region", { name: "Baker, Tom · 100101" });
    expect(detail.textContent).toContain("Level pay $60.00 a month");
    expect(detail.textContent).toContain("$75.00");
    expect(within(detail).getByLabelText("Balance now $30.00")).toBeTruthy();
    expect(within(detail).getByRole("img").getAttribute("aria-label")).toBe(
      "Usage for the last 2 periods, 2026-08 to 2026-09: latest 5,000; highest 5,000 (2026-09); lowest 4,000 (2026-08)",
    );
  });

  it("selects the account's row on the Accounts sheet", async () => {
    const { workbook } = await setup("account");
    const search = screen.getByRole("searchbox", { name: /Find an account/ });
    await waitFor(() => expect((search as HTMLInputElement).disabled).toBe(false));
    fireEvent.change(search, { target: { value: "100102" } });
    await act(async () => void fireEvent.keyDown(search, { key: "Enter" }));
    await act(async () => void fireEvent.click(screen.getByRole("button", { name: "Go to rows" })));
    expect(workbook.selection).toEqual({ sheet: "Accounts", row: 2, column: 0 });
  });
});

describe("Payments view", () => {
  it("keys lines by Enter, refuses to post out of balance and writes nothing, then posts, audits and changes the balance", async () => {
    const { workbook, db } = await setup("payments");
    await openBatch("2", "80.00");
    await key("100101", "30.00", "check 11");
    expect(screen.getByText("1 of 2 payments, $30.00 of $80.00: 1 payment to key, $50.00 short")).toBeTruthy();
    expect((screen.getByLabelText("Account") as HTMLInputElement).value).toBe("");
    type("Account", "100102");
    expect(screen.getByText("Ortiz, Ana: owes $50.00")).toBeTruthy();
    await enter("Account");
    type("Amount", "40.00");
    await enter("Amount");
    await enter("Check or confirmation number");
    await act(async () => void fireEvent.click(screen.getByRole("button", { name: "Post batch" })));
    expect(screen.getByRole("alert").textContent).toBe(
      "Batch B-2026-10-31-MAIL-1 does not balance: $70.00 keyed where the slip says $80.00 ($10.00 short)",
    );
    expect(workbook.sheet("Payments")!.values).toHaveLength(2);

    await act(async () => void fireEvent.click(screen.getByRole("button", { name: "Remove line 2" })));
    await key("100102", "50.00", "");
    await act(async () => void fireEvent.click(screen.getByRole("button", { name: "Post batch" })));
    await screen.findByText(/^Posted B-2026-10-31-MAIL-1: 2 payments, \$80.00, mail, dated 2026-10-31: Payments rows 3-4\.$/);
    const rows = workbook.sheet("Payments")!.values;
    expect(rows.slice(2).map((r) => [r[1], r[2], r[6]])).toEqual([
      ["100101", 30, "B-2026-10-31-MAIL-1"],
      ["100102", 50, "B-2026-10-31-MAIL-1"],
    ]);
    const audit = await db.audit.toArray();
    expect(audit.map((a) => [a.action, a.subject])).toEqual([["payments.posted", "B-2026-10-31-MAIL-1"]]);
    expect(screen.queryByRole("button", { name: "Post batch" })).toBeNull();

    await act(async () => void fireEvent.click(screen.getByRole("tab", { name: "Account" })));
    expect(screen.getByRole("region", { name: "Ortiz, Ana · 100102" })).toBeTruthy();
    expect(screen.getByLabelText("Balance now $0.00")).toBeTruthy();
  });

  it("refuses a card number with the PCI DSS reason, adds no line and keeps nothing of it in the field", async () => {
    await setup("payments");
    await openBatch("1", "10.00");
    await key("100101", "10.00", "4111 1111 1111 1111");
    expect(screen.getByRole("alert").textContent).toMatch(
      /Not added: the reference holds what looks like a card number \(ending 1111\); a card number is never stored \(PCI DSS\)/,
    );
    expect((screen.getByLabelText("Check or confirmation number") as HTMLInputElement).value).toBe("");
    expect(screen.queryByRole("table", { name: "Payments keyed" })).toBeNull();
  });

  it("posts a payment to an account not on the sheet only after the specialist says yes", async () => {
    const { workbook } = await setup("payments");
    await openBatch("1", "10.00");
    await key("999999", "10.00", "");
    await act(async () => void fireEvent.click(screen.getByRole("button", { name: "Post batch" })));
    expect(screen.getByRole("alert").textContent).toBe(
      "Batch B-2026-10-31-MAIL-1 line 1: account 999999 is not on the Accounts sheet; answer before posting",
    );
    await act(
      async () => void fireEvent.click(screen.getByRole("checkbox", { name: "Post anyway: account 999999 is not on the Accounts sheet" })),
    );
    await act(async () => void fireEvent.click(screen.getByRole("button", { name: "Post batch" })));
    await screen.findByText(/^Posted B-2026-10-31-MAIL-1/);
    expect(workbook.sheet("Payments")!.values).toHaveLength(3);
  });
});
