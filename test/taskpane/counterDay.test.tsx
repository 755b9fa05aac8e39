/** @jest-environment jsdom */
import "../support/jsdomSetup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { city, click, openBatch, setup, showAccount, type } from "./counterSetup";
import { Dec } from "../../src/engine";
import { paymentRows } from "../../src/taskpane/account/returnable";
import { lettersByAccount } from "../../src/taskpane/account/letterRecords";

async function keyLine(account: string, amount: string) {
  type("Account", account);
  type("Amount", amount);
  await click("Add line");
}

describe("Account view: Returned…", () => {
  it("reverses the payment with the fee, audits it, reads the workbook again, and offers no second return", async () => {
    const { workbook, db } = await setup("account");
    await showAccount("100101");
    await click("Returned… $70.00 of 2026-10-05");
    const form = screen.getByRole("form", { name: "Return the payment $70.00 of 2026-10-05, check 2" });
    expect((within(form).getByLabelText("Date returned") as HTMLInputElement).value).toBe("2026-10-31");
    expect(document.activeElement).toBe(within(form).getByLabelText("Date returned"));
    fireEvent.change(within(form).getByRole("combobox", { name: "Reason" }), { target: { value: "R01 Insufficient funds" } });
    await click("Return payment");
    await screen.findByText(
      "Returned on Payments row 3. 100101: $70.00 reverses Payments row 2 (R01 Insufficient funds); fee $20.00 and the returned-payment letter on the next bill run.",
    );
    const row = workbook.sheet("Payments")!.values[2];
    expect([row[0], row[1], row[2], row[5]]).toEqual([46326 /* 2026-10-31 */, "100101", 70, "Yes"]);
    expect((await db.audit.toArray()).map((a) => [a.action, a.subject])).toEqual([["payments.returned", "100101"]]);
    // Read again: the reversal is listed, the payment shows returned, and neither can be returned again.
    const payments = await screen.findByRole("table", { name: "Payments, newest first" });
    await waitFor(() => expect(within(payments).getAllByRole("row")).toHaveLength(3));
    expect(within(payments).getAllByRole("row")[1].textContent).toContain("mail, reversal");
    expect(within(payments).getAllByRole("row")[2].textContent).toContain("mail, returned");
    expect(within(payments).queryByRole("button", { name: /^Returned…/ })).toBeNull();
    const trail = await screen.findByRole("list", { name: "Audit trail, newest first" });
    expect(trail.textContent).toContain("payments.returned: 100101: $70.00 reverses Payments row 2");
  });

  it("asks for the reason when Other is chosen, and writes nothing without one", async () => {
    const { workbook } = await setup("account");
    await showAccount("100101");
    await click("Returned… $70.00 of 2026-10-05");
    fireEvent.change(screen.getByRole("combobox", { name: "Reason" }), { target: { value: "Other" } });
    await click("Return payment");
    expect(screen.getByText("say why the bank returned it")).toBeTruthy();
    expect(workbook.sheet("Payments")!.values).toHaveLength(2);
  });
});

describe("Account view: work orders, letters and audit trail", () => {
  it("lists the account's work orders and the letters the cycle wrote it", async () => {
    const sheets = {
      ...city(),
      "Work Orders": [
        ["Work Order", "Type", "Account", "Meter", "Service Address", "Reason", "Requested", "Status"],
        ["WO-1", "Re-read", "100101", "M-1", "1204 N Main St", "high usage", "2026-10-20", "Open"],
        ["WO-2", "Cart pickup", "100102", "", "77 W Elm St", "", "2026-10-21", "Done"],
      ],
      Letters: [
        ["City of Demo"],
        ["1 Main St"],
        [],
        ["October 30, 2026"],
        [],
        ["Baker, Tom"],
        [],
        ["Account 100101, service address 1204 N Main St"],
        [],
        ["Returned payment"],
        [],
        ["Envelope 1, letter 1 of 1: account 100101"],
      ],
    };
    await setup("account", sheets);
    await showAccount("100101");
    const orders = await screen.findByRole("table", { name: "Work orders" });
    expect(
      within(orders)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual(["RequestedTypeStatus", "2026-10-20Re-read (WO-1): high usageOpen"]);
    expect(screen.getByRole("list", { name: "Letters sent" }).textContent).toBe("October 30, 2026: Returned payment (Letters row 1)");
    expect(await screen.findByText("Nothing in the audit log about this account.")).toBeTruthy();
  });
});

describe("paymentRows", () => {
  it("marks the payment a reversal takes back, the latest of its amount and reference, as returned", () => {
    const p = (date: string, amount: string, reverses?: string) => ({
      account: "1",
      date,
      amount: new Dec(amount),
      method: "mail" as const,
      reference: "c 1",
      returned: reverses !== undefined,
      ...(reverses ? { reverses } : {}),
    });
    const rows = paymentRows([p("2026-09-01", "10"), p("2026-10-01", "10"), p("2026-10-02", "5"), p("2026-10-03", "10", "row 3; NSF")]);
    expect(rows.map((r) => [r.reversal, r.returned])).toEqual([
      [false, false],
      [false, true],
      [false, false],
      [true, false],
    ]);
  });
});

describe("lettersByAccount", () => {
  it("reads each letter's date and subject up to its envelope line", () => {
    const letters = lettersByAccount("Letters", [
      ["Utility"],
      [],
      ["2026-10-30"],
      ["Account 7, service address 1 A St"],
      ["Final notice"],
      ["Envelope 1, letter 1 of 1: account 7"],
      ["Utility"],
      [],
      ["2026-10-31"],
      ["Account 8, service address 2 A St"],
      [],
      ["Late notice"],
      ["Envelope 2, letter 1 of 1: account 8"],
    ]);
    expect([...letters]).toEqual([
      ["7", [{ sheet: "Letters", row: 1, date: "2026-10-30", subject: "Final notice" }]],
      ["8", [{ sheet: "Letters", row: 7, date: "2026-10-31", subject: "Late notice" }]],
    ]);
  });
});

describe("Payments view: Nightly update", () => {
  it("refuses to close while a batch has lines not posted, then closes the day once and shows its totals", async () => {
    const { workbook, db } = await setup("payments");
    await openBatch("2", "80.00");
    await keyLine("100101", "30.00");
    await keyLine("100102", "50.00");
    await click("Close the day");
    expect(screen.getByRole("alert").textContent).toBe(
      "The day is not closed: batch B-2026-10-31-MAIL-1 has 2 lines not posted: post it or discard it first",
    );
    expect(workbook.sheet("Daily Activity")).toBeUndefined();

    await click("Post batch");
    await screen.findByText(/^Posted B-2026-10-31-MAIL-1/);
    expect((screen.getByLabelText("Day to close") as HTMLInputElement).value).toBe("2026-10-31");
    await click("Close the day");
    await screen.findByText("Closed 2026-10-31: the Daily Activity sheet was written.");
    const totals = screen.getByRole("table", { name: "Daily activity for 2026-10-31" });
    expect(
      within(totals)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual([
      "Received by channelPaymentsAmount",
      "mail2$80.00",
      "Total received2$80.00",
      "Returned (fees $0.00)0$0.00",
      "Net to the bank$80.00",
    ]);
    expect(workbook.sheet("Daily Activity")!.values[0][0]).toBe("Daily Activity for 2026-10-31");
    expect(workbook.sheet("Days Closed")!.values).toHaveLength(2);
    expect((await db.audit.toArray()).map((a) => [a.action, a.subject])).toEqual([
      ["payments.posted", "B-2026-10-31-MAIL-1"],
      ["day.closed", "2026-10-31"],
    ]);

    await click("Close the day");
    await screen.findByText("The day 2026-10-31 was closed at 2026-10-31 10:00:00; nothing written.");
    expect(workbook.sheet("Days Closed")!.values).toHaveLength(2);

    // A closed day takes no more batches.
    await click("New batch");
    await openBatch("1", "5.00", "B-2026-10-31-MAIL-2");
    await keyLine("100101", "5.00");
    await act(async () => void fireEvent.click(screen.getByRole("button", { name: "Post batch" })));
    await waitFor(() =>
      expect(screen.getAllByRole("alert")[0].textContent).toBe(
        "The day 2026-10-31 was closed at 2026-10-31 10:00:00 UTC; no more batches post to it: post this one under the day it is posted",
      ),
    );
  });
});
