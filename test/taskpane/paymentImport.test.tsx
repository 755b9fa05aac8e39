/** @jest-environment jsdom */
import "../support/jsdomSetup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { click, importFile, openBatch, setup, type } from "./counterSetup";

const LOCKBOX = [
  "Remittance Account,Check Amount,Check Number,Deposit Date",
  "100101,30.00,1001,10/30/2026",
  "100102,$50.00,1002,10/30/2026",
].join("\r\n");

describe("Payments view: import a payment file", () => {
  it("fills a batch from a lockbox file with its date and channel, leaves the slip's count and total to the specialist, and posts it", async () => {
    const { workbook } = await setup("payments");
    await importFile("lockbox.csv", LOCKBOX);
    expect((await screen.findAllByRole("status")).map((s) => s.textContent).join(" ")).toContain(
      "2 payments from lockbox.csv (read as bank lockbox) go into the batch when it opens",
    );
    expect((screen.getByLabelText("Deposit date") as HTMLInputElement).value).toBe("2026-10-30");
    expect((screen.getByRole("combobox", { name: "Channel" }) as HTMLSelectElement).value).toBe("mail");
    expect((screen.getByLabelText("Slip count") as HTMLInputElement).value).toBe("");
    await openBatch("2", "80.00", "B-2026-10-30-MAIL-1");
    const lines = screen.getByRole("table", { name: "Payments keyed" });
    expect(within(lines).getAllByRole("row")).toHaveLength(3);
    expect(screen.getByText("2 of 2 payments, $80.00 of $80.00: balanced")).toBeTruthy();
    await click("Post batch");
    await screen.findByText(/^Posted B-2026-10-30-MAIL-1: 2 payments, \$80.00, mail, dated 2026-10-30/);
    expect(
      workbook
        .sheet("Payments")!
        .values.slice(2)
        .map((r) => [r[0], r[1], r[2], r[4]]),
    ).toEqual([
      [46325 /* 2026-10-30 */, "100101", 30, "1001"],
      [46325 /* 2026-10-30 */, "100102", 50, "1002"],
    ]);
  });

  it("asks for an unknown layout's columns once, adds its lines to the open batch, and remembers the mapping when the batch posts", async () => {
    const { workbook } = await setup("payments");
    await openBatch("1", "25.00");
    const file = ["Cust No,Paid,Conf", "100102,25.00,W-77"].join("\n");
    await importFile("portal.csv", file);
    const group = await screen.findByRole("group", { name: "Map the columns of portal.csv" });
    for (const [field, column] of [
      ["Account", "Cust No"],
      ["Amount", "Paid"],
      ["Reference (optional)", "Conf"],
    ])
      fireEvent.change(within(group).getByRole("combobox", { name: field }), { target: { value: column } });
    expect(
      within(within(group).getByRole("combobox", { name: "Account" }))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Choose a column", "Cust No", "Paid", "Conf"]);
    await click("Read with these columns");
    expect(screen.queryByRole("group", { name: /Map the columns/ })).toBeNull();
    expect(screen.getByText("1 of 1 payments, $25.00 of $25.00: balanced")).toBeTruthy();
    expect(workbook.sheet("Import Layouts")).toBeUndefined();
    await click("Post batch");
    await screen.findByText(/^Posted B-2026-10-31-MAIL-1/);
    expect(workbook.sheet("Import Layouts")!.values.slice(1)).toEqual([["Cust No | Paid | Conf", "Cust No", "Paid", "Conf", null, null]]);

    // The next file with that header is read without asking.
    await click("New batch");
    await importFile("portal-2.csv", ["Cust No,Paid,Conf", "100101,12.00,W-78"].join("\n"));
    await waitFor(() =>
      expect(screen.getAllByRole("status").map((s) => s.textContent)).toContain(
        "1 payment from portal-2.csv (read as mapped earlier, remembered on Import Layouts) go into the batch when it opens: key the slip's count and total (the file is not its own control).",
      ),
    );
    expect(screen.queryByRole("group", { name: /Map the columns/ })).toBeNull();
  });

  it("refuses a file holding a card number with readBatchFile's one line, and adds nothing", async () => {
    await setup("payments");
    await openBatch("1", "10.00");
    await importFile(
      "settlement.csv",
      ["Customer Reference,Settled Amount,Confirmation Number,Last 4", "100101,10.00,CNF-1,4111111111111111"].join("\n"),
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "settlement.csv line 2, column Last 4: holds a card number (ending 1111); a card number is never read or stored (PCI DSS): export the report with the card masked, keeping the last four digits only",
    );
    expect(screen.queryByRole("table", { name: "Payments keyed" })).toBeNull();
  });

  it("lists what a returned-item report reverses, writes nothing until confirmed, then reverses, audits and reads the workbook again", async () => {
    const { workbook, db } = await setup("payments");
    await screen.findByLabelText("Slip count");
    await importFile("returns.csv", ["Account,Amount,Check Number,Return Reason", "100101,70.00,check 2,NSF"].join("\n"));
    const list = await screen.findByRole("list", { name: "Payments to reverse" });
    expect(list.textContent).toBe("100101: $70.00, check 2; NSF");
    expect(workbook.sheet("Payments")!.values).toHaveLength(2);
    type("Date returned", "2026-10-30");
    await click("Reverse 1 payment");
    await screen.findByText(/^Returned 1 payment\(s\) from returns.csv on Payments rows 3-3:/);
    expect(
      screen.getByText("100101: $70.00 reverses Payments row 2 (NSF); fee $20.00 and the returned-payment letter on the next bill run"),
    ).toBeTruthy();
    const row = workbook.sheet("Payments")!.values[2];
    expect([row[0], row[1], row[2], row[5]]).toEqual([46325 /* 2026-10-30 */, "100101", 70, "Yes"]);
    expect((await db.audit.toArray()).map((a) => [a.action, a.subject])).toEqual([["payments.returned", "100101"]]);
  });

  it("reads an ACH return file's entries as returns to confirm", async () => {
    await setup("payments");
    await screen.findByLabelText("Slip count");
    const pad = (s: string, n: number) => s.padEnd(n).slice(0, n);
    const entry = pad(
      `626${pad("12345678", 9)}${pad("000123456789", 17)}${"0000007000"}${pad("100101", 15)}${pad("BAKER TOM", 22)}  1`,
      94,
    );
    const addenda = pad(`799R01${pad("091000010000001", 15)}`, 94);
    await importFile("returns.ach", [pad("101", 94), pad("5200", 94), entry, addenda, pad("8200", 94), pad("9000", 94)].join("\n"));
    expect((await screen.findByRole("list", { name: "Payments to reverse" })).textContent).toBe("100101: $70.00; R01 insufficient funds");
    expect(screen.getByRole("button", { name: "Reverse 1 payment" })).toBeTruthy();
  });
});

describe("Payments view: the mapping form", () => {
  it("says which columns are still needed", async () => {
    await setup("payments");
    await screen.findByLabelText("Slip count");
    await importFile("odd.csv", ["Who,How Much", "100101,5"].join("\n"));
    await act(async () => void fireEvent.click(await screen.findByRole("button", { name: "Read with these columns" })));
    expect(screen.getByRole("alert").textContent).toBe("Not read: choose the file's columns for Account and Amount");
  });
});
