/** @jest-environment jsdom */
import "../support/jsdomSetup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, ViewName } from "../../src/taskpane/App";
import type { HostInfo } from "../../src/taskpane/host";
import { vaultKeeper } from "../../src/storage/vaultStore";
import { UbDatabase } from "../../src/storage/db";
import { ScheduleCache } from "../../src/storage/scheduleCache";
import { ScheduleStore } from "../../src/storage/scheduleStore";
import { DecisionStore } from "../../src/storage/decisionStore";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { sampleWorkbook } from "../../src/fakes/host";
import { validateSchedule } from "../../src/engine";
import chubbuck from "../../samples/rates/chubbuck.json";
import type { Services } from "../../src/taskpane/services";
import { webcrypto } from "crypto";
import { TextDecoder, TextEncoder } from "util";

// jsdom has neither SubtleCrypto nor TextEncoder: the autopay vault seals with Node's, as with Chromium's.
Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
Object.assign(globalThis, { TextEncoder, TextDecoder });

let n = 0;

/** The pane over the sample cycle (25 accounts, reads for October, history to September), on 2026-11-05, with Chubbuck's rates. */
async function setup({
  view = "account",
  host,
  before,
}: { view?: ViewName; host?: HostInfo; before?: (db: UbDatabase) => Promise<void> } = {}) {
  const db = new UbDatabase(`account-tasks-${++n}`);
  await before?.(db);
  const cache = new ScheduleCache();
  const schedule = validateSchedule(chubbuck);
  if (!schedule.ok) throw new Error(schedule.problem.message);
  cache.replaceAll([schedule.value]);
  cache.setSheetOrder([schedule.value.id]);
  const workbook = new MemoryWorkbook(sampleWorkbook("cycle"));
  const services: Services = {
    db,
    cache,
    store: new ScheduleStore(db, cache),
    workbook,
    startupProblems: [],
    decisions: new DecisionStore(db),
    now: () => "2026-11-05T17:00:00.000Z",
    host,
  };
  render(<App services={services} initialView={view} />);
  if (view !== "account") return { db, workbook };
  const search = screen.getByRole("searchbox", { name: /Find an account/ });
  await waitFor(() => expect((search as HTMLInputElement).disabled).toBe(false));
  return { db, workbook };
}

const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = async (name: string | RegExp) => act(async () => void fireEvent.click(screen.getByRole("button", { name })));

async function showAccount(account: string) {
  const search = screen.getByRole("searchbox", { name: /Find an account/ });
  fireEvent.change(search, { target: { value: account } });
  await act(async () => void fireEvent.keyDown(search, { key: "Enter" }));
  return screen.getByRole("region", { name: new RegExp(`· ${account}$`) });
}

/** A sheet's rows as the test reads them. */
const rows = (workbook: MemoryWorkbook, sheet: string) => workbook.sheet(sheet)?.values ?? [];

describe("account tasks in the Account view", () => {
  it("opens new service: the Accounts row, the deposit, the welcome letter on the Letter Log and the audit entry", async () => {
    const { workbook, db } = await setup();
    const accountsBefore = rows(workbook, "Accounts").length;
    await click("Open new service…");
    const form = screen.getByRole("form", { name: "Open new service" });
    expect(document.activeElement).toBe(within(form).getByLabelText(/Customer name/));
    await act(async () => void fireEvent.submit(form));
    expect(within(form).getByText("the customer's name is needed")).toBeTruthy();
    expect(within(form).getByText("the mailing address is needed, with its city, state and ZIP code")).toBeTruthy();
    expect(rows(workbook, "Accounts")).toHaveLength(accountsBefore);

    type(/Customer name/, "Nguyen, Mai");
    type("Service address", "415 S 5th Ave");
    type("Mailing address", "415 S 5th Ave");
    await act(async () => void fireEvent.submit(form));
    expect(within(form).getByText(/^the mailing address needs its city, state and ZIP code/)).toBeTruthy();
    type("Mailing address", "415 S 5th Ave, Sampleton, ID 83200");
    type(/Meter$/, "M200999");
    await act(async () => void fireEvent.submit(form));
    const said = await screen.findByRole("status", {}, { timeout: 5000 });
    const highest = Math.max(
      ...rows(workbook, "Accounts")
        .slice(1, -1)
        .map((r) => Number(r[0])),
    );
    const account = String(highest + 1);
    expect(said.textContent).toBe(
      `Opened account ${account} for Nguyen, Mai at 415 S 5th Ave from 2026-11-05, deposit $150.00 billed. Wrote Accounts row ${accountsBefore + 1}; Adjustments row 4; Letter Log row 2.`,
    );
    const accounts = rows(workbook, "Accounts");
    expect(accounts).toHaveLength(accountsBefore + 1);
    expect(accounts.at(-1)!.slice(0, 5)).toEqual([account, "Nguyen, Mai", "415 S 5th Ave", "415 S 5th Ave, Sampleton, ID 83200", "Active"]);
    const log = rows(workbook, "Letter Log");
    expect(log[1].slice(1, 3)).toEqual([account, "Nguyen, Mai"]);
    expect(log[1][5]).toBe("Service Started");
    expect((await db.audit.toArray()).map((a) => [a.action, a.subject])).toEqual([["account.opened", account]]);
    // The new account is shown, with its letter and audit entry.
    const detail = await screen.findByRole("region", { name: `Nguyen, Mai · ${account}` });
    await waitFor(() => expect(within(detail).getByRole("list", { name: "Letters sent" }).textContent).toMatch(/Service Started: Welcome/));
    await waitFor(() =>
      expect(within(detail).getByRole("list", { name: "Audit trail, newest first" }).textContent).toMatch(/account.opened/),
    );
  });

  it("closes service with a final read and shows the final bill, which stays after the workbook is read again", async () => {
    const { workbook, db } = await setup();
    const detail = await showAccount("100102");
    await act(async () => void fireEvent.click(within(detail).getByRole("button", { name: "Close service…" })));
    const form = screen.getByRole("form", { name: "Close service" });
    expect(document.activeElement).toBe(within(form).getByRole("radio", { name: "Final read" }));
    type(/Final read of meter/, "abc");
    await act(async () => void fireEvent.submit(form));
    expect(within(form).getByText(/is not a meter reading/)).toBeTruthy();
    const reads = rows(workbook, "Reads");
    const header = reads.findIndex((r) => r[0] === "Route");
    const row = reads.find((r) => r[2] === "100102")!;
    const last = Number(row[reads[header].indexOf("Current Read")]);
    type(/Final read of meter/, String(last + 1500));
    type("Forwarding address", "88 Pine St, Boise, ID 83702");
    await act(async () => void fireEvent.submit(form));
    const bill = await screen.findByRole("table", { name: /^Final bill FB-100102-20261105$/ });
    expect(screen.getByRole("heading", { name: "Final bill FB-100102-20261105" })).toBeTruthy();
    expect(bill.textContent).toMatch(/Balance before/);
    expect(bill.textContent).toMatch(/Deposit applied/);
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(["account.closed"]);
    expect(rows(workbook, "Final Bills")).toHaveLength(2);
    // Read again: the account is Final, the Close task gone, the bill still shown.
    await waitFor(() => expect(within(detail).queryByRole("button", { name: "Close service…" })).toBeNull());
    expect(within(detail).getByText("Final (closed 2026-11-05)")).toBeTruthy();
    expect(screen.getByRole("table", { name: /^Final bill FB-100102-20261105$/ })).toBeTruthy();
    expect(within(detail).getByRole("table", { name: "Account history, newest first" }).textContent).toMatch(/Status: active → Final/i);
  });

  it("refuses a routing number that fails its check digit, then enrols with the bank account shown only as ****6789", async () => {
    const { workbook, db } = await setup();
    const detail = await showAccount("100101");
    await act(async () => void fireEvent.click(within(detail).getByRole("button", { name: "Enrol in autopay…" })));
    const form = screen.getByRole("form", { name: "Enrol in autopay" });
    expect(document.activeElement).toBe(within(form).getByLabelText("Routing number"));
    // No vault on this computer yet: the passphrase starts one, asked twice.
    await within(form).findByLabelText("New vault passphrase again");
    type("Routing number", "011000016");
    // Checked as it is typed: the message names the check digit.
    expect(within(form).getByText(/routing number 011000016 fails its check digit: the ninth digit would be 5, not 6/)).toBeTruthy();
    type("Bank account number", "000123456789");
    type("New vault passphrase", "correct horse battery");
    type("New vault passphrase again", "correct horse battery");
    await act(async () => void fireEvent.submit(form));
    expect((within(form).getByLabelText("Bank account number") as HTMLInputElement).value).toBe("");
    expect(workbook.sheet("Account Changes")).toBeUndefined();

    type("Routing number", "011000015");
    type("Bank account number", "000123456789");
    type("New vault passphrase", "correct horse battery");
    type("New vault passphrase again", "correct horse battery");
    await act(async () => void fireEvent.submit(form));
    const said = await screen.findByRole("status", {}, { timeout: 10_000 });
    expect(said.textContent).toMatch(
      /^Enrolled in autopay for account 100101 from 2026-11-05: checking \*\*\*\*6789, routing 011000015; .* Wrote Account Changes rows 2-4; Letter Log row 2\.$/,
    );
    const changes = rows(workbook, "Account Changes");
    expect(changes.slice(1).map((r) => [r[2], r[3]])).toEqual([
      ["Autopay", "Yes"],
      ["Autopay Routing", "011000015"],
      ["Autopay Account", "****6789"],
    ]);
    const everything = JSON.stringify([
      ...["Account Changes", "Letter Log", "Account Letters"].map((n) => rows(workbook, n)),
      await db.audit.toArray(),
    ]);
    expect(everything).not.toContain("123456789");
    expect(document.body.textContent).not.toContain("123456789");
    const sealed = (await db.settings.get("autopayVault"))!.value;
    expect(JSON.stringify(sealed)).not.toContain("123456789");
    const { openVault } = await import("../../src/storage/autopayVault");
    const opened = await openVault(sealed as never, "correct horse battery");
    expect(opened.ok && opened.entries.get("100101")?.bankAccount).toBe("000123456789");
  });

  it("previews a payment plan without writing, then sets it up: Payment Plans rows, the letter and the audit entry", async () => {
    const { workbook, db } = await setup();
    const detail = await showAccount("100102");
    await act(async () => void fireEvent.click(within(detail).getByRole("button", { name: "Payment plan…" })));
    const form = screen.getByRole("form", { name: "Payment plan" });
    type("Down payment", "50.00");
    type("Monthly instalments", "2");
    type("First instalment due", "2026-12-05");
    await act(async () => void fireEvent.submit(form));
    const table = await within(form).findByRole("table", { name: "Plan instalments" });
    expect(
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Down payment2026-11-05\$50\.00$/),
        expect.stringMatching(/^Instalment 22027-01-05\$/),
      ]),
    );
    expect(workbook.sheet("Payment Plans")).toBeUndefined();
    expect(within(form).getByRole("button", { name: "Set up plan" })).toBeTruthy();
    await act(async () => void fireEvent.submit(form));
    const said = await screen.findByRole("status");
    expect(said.textContent).toMatch(
      /^Payment plan .* for account 100102: .*Wrote Payment Plans rows 2-4; Account Changes rows 2-3; Letter Log row 2\.$/,
    );
    expect(rows(workbook, "Payment Plans")).toHaveLength(4);
    expect(rows(workbook, "Letter Log")[1][5]).toBe("Payment Plan");
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(["account.plan-agreed"]);
    // The Account view shows the plan as the cycle will judge it: the first instalment, due on a Saturday, moves to Monday.
    const standing = await within(await showAccount("100102")).findByRole("table", { name: /^Payment plan PP-100102-\d+ instalments$/ });
    expect(
      within(standing)
        .getAllByRole("row")
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual([expect.stringMatching(/^2026-12-07\$.*Not yet due$/), expect.stringMatching(/^2027-01-05\$.*Not yet due$/)]);
    // Not in effect until the down payment is taken.
    expect(document.querySelector("[data-plan-state]")?.getAttribute("data-plan-state")).toBe("pending");
  });

  it("closes a task's form with Escape, writing nothing, and gives the focus back to its button", async () => {
    const { workbook } = await setup();
    const detail = await showAccount("100103");
    const button = within(detail).getByRole("button", { name: "Transfer…" });
    await act(async () => void fireEvent.click(button));
    const form = screen.getByRole("form", { name: "Transfer service" });
    expect(button.getAttribute("aria-expanded")).toBe("true");
    await act(async () => void fireEvent.keyDown(within(form).getByLabelText("New service address"), { key: "Escape" }));
    expect(screen.queryByRole("form", { name: "Transfer service" })).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(workbook.sheet("Account Changes")).toBeUndefined();
  });

  it("transfers service: a new account at the new address, the old one closed, its balance and deposit carried", async () => {
    const { workbook, db } = await setup();
    const detail = await showAccount("100102");
    await act(async () => void fireEvent.click(within(detail).getByRole("button", { name: "Transfer…" })));
    const form = screen.getByRole("form", { name: "Transfer service" });
    type("New service address", "9 Elm Ct");
    type("New mailing address", "9 Elm Ct, Sampleton, ID 83200");
    // The customer's carts are the old account's to start with.
    expect((within(form).getByLabelText("Garbage carts to deliver") as HTMLInputElement).value).toBe("1");
    await act(async () => void fireEvent.click(within(form).getByRole("radio", { name: "Estimate from history" })));
    await act(async () => void fireEvent.submit(form));
    const said = await screen.findByRole("status");
    expect(said.textContent).toMatch(
      /^Transferred Baker, Tom from account 100102 \(closed 2026-11-05\) to new account (\d+) at 9 Elm Ct: .*deposit \$75\.00 moved\. Wrote /,
    );
    const moved = /to new account (\d+)/.exec(said.textContent!)![1];
    expect(rows(workbook, "Accounts").at(-1)!.slice(0, 3)).toEqual([moved, "Baker, Tom", "9 Elm Ct"]);
    expect(rows(workbook, "Final Bills")[1][0]).toBe("FB-100102-20261105");
    expect(rows(workbook, "Work Orders").some((o) => o[1] === "Cart delivery" && o[2] === moved)).toBe(true);
    // The old account's final bill is shown, saying where its balance went.
    const bill = screen.getByRole("table", { name: "Final bill FB-100102-20261105" });
    expect(within(bill).getByRole("rowheader", { name: `Carried to account ${moved}` })).toBeTruthy();
    expect((await db.audit.toArray()).map((a) => [a.action, a.subject])).toEqual([
      ["account.transferred", "100102"],
      ["account.transferred-in", moved],
    ]);
  });

  it("shows the level pay amount before enrolling at it", async () => {
    const { workbook } = await setup();
    const detail = await showAccount("100103");
    await act(async () => void fireEvent.click(within(detail).getByRole("button", { name: "Enrol in level pay…" })));
    const form = screen.getByRole("form", { name: "Enrol in level pay" });
    const amount = await within(form).findByText(/a month$/, { selector: "strong" });
    const quoted = amount.textContent!.replace(" a month", "");
    expect(within(form).getByRole("button", { name: `Enrol at ${quoted} a month` })).toBeTruthy();
    expect(within(form).getByRole("table", { name: "Months priced for level pay" }).querySelectorAll("tbody tr")).toHaveLength(3);
    await act(async () => void fireEvent.submit(form));
    const said = await screen.findByRole("status");
    expect(said.textContent).toContain(`Enrolled account 100103 in level pay from 2026-11-05 at ${quoted} a month`);
    expect(
      rows(workbook, "Account Changes")
        .slice(1)
        .map((r) => [r[2], r[3]]),
    ).toEqual([
      ["Level Pay", "Yes"],
      ["Level Pay Amount", quoted.slice(1)],
      ["Level Pay Deferred", "0"],
    ]);
  });

  it("previews a back-bill bill by bill, then posts its instalments on the Adjustments sheet", async () => {
    const { workbook, db } = await setup();
    const detail = await showAccount("100104");
    await act(async () => void fireEvent.click(within(detail).getByRole("button", { name: "Back-bill…" })));
    const form = screen.getByRole("form", { name: "Back-bill" });
    await act(async () => void fireEvent.click(within(form).getByRole("checkbox", { name: /^2026-09-30/ })));
    type("Corrected usage, 2026-09-30", "9000");
    type("Monthly instalments", "2");
    type(/^Reason/, "the September read was keyed short");
    await act(async () => void fireEvent.submit(form));
    const table = await within(form).findByRole("table", { name: "Bills priced again" });
    expect(table.textContent).toMatch(/2026-09-306,000: \$[\d.,]+9,000: \$[\d.,]+\$[\d.,]+/);
    const adjustmentsBefore = rows(workbook, "Adjustments").length;
    await act(async () => void fireEvent.submit(form));
    const said = await screen.findByRole("status");
    expect(said.textContent).toMatch(
      /^Back-billed account 100104 \$[\d.,]+ for period ending 2026-09-30 in 2 monthly instalments from 2026-11-05: the September read was keyed short\. Wrote Adjustments rows/,
    );
    const added = rows(workbook, "Adjustments").slice(adjustmentsBefore);
    expect(added.length).toBeGreaterThanOrEqual(2);
    expect(added.every((r) => r[0] === "100104" && r[2] === "Back-Bill")).toBe(true);
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(["account.back-billed"]);
  });

  it("exports the sealed autopay vault from Settings, where the host cannot download, and says when it needs a backup", async () => {
    const { db } = await setup({
      view: "settings",
      host: { canDownload: false },
      before: (db) =>
        vaultKeeper(db, "correct horse battery", 1000).keep({
          account: "100101",
          routing: "011000015",
          bankAccount: "000123456789",
          accountType: "checking",
          enrolled: "2026-11-05",
        }),
    });
    await screen.findByText("The vault has changed since it was last exported: export it now.");
    expect(screen.getByText(/clearing Office's cache wipes/)).toBeTruthy();
    await click("Export autopay vault");
    const box = (await screen.findByRole("textbox", { name: "The sealed autopay vault" })) as HTMLTextAreaElement;
    expect(JSON.parse(box.value).format).toBe("ub-autopay-vault-1");
    expect(box.value).not.toContain("123456789");
    await waitFor(() => expect(screen.queryByText(/The vault has changed since it was last exported/)).toBeNull());
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(["autopay.vault-exported"]);
  });
});
