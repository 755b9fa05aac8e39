/**
 * The account tasks in the task pane (issue 16), on Demo City, with the keyboard alone (Tab,
 * Shift+Tab, arrows, typing, Enter and Space; no clicks): open new service; close an account with a
 * final read and see its final bill; enrol an account in autopay (a routing number failing its
 * check digit refused first) with nothing of the full bank account number in any sheet; set up a
 * payment plan from its preview; approve a leak adjustment from its explained credit. Each leaves
 * its rows in the workbook, its letter on the Letter Log and its entry in the Account view's audit
 * trail. And every task form axe clean and inside the pane at 320 and 450 px.
 */
import type { Locator, Page } from "playwright-core";
import { Pane, paneSuite, screenshotPath, seriousViolations } from "./harness";

const open = paneSuite();
/** A classic Windows scrollbar's width: Excel's 320 px pane leaves the page 303. */
const SCROLLBAR = 17;
/** The day the tests are run on: the demo city's last bill is 2026-09-30, its reads 2026-10-30. */
const TODAY = "2026-12-02";

/** Demo City in a fresh pane, its clock on TODAY (timers still run), the focus on the page. */
async function demoPane(width?: number): Promise<Pane> {
  const pane = await open({ sample: "demo" }, width);
  await pane.page.clock.setFixedTime(new Date(`${TODAY}T17:00:00Z`));
  await pane.page.locator("body").focus();
  return pane;
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Moves the focus to `target` with Tab alone (Shift+Tab when `back`). */
async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < 150 && !(await isFocused(target)); i++) await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  expect(await isFocused(target)).toBe(true);
}

/** Opens the Account view from the keyboard: back to the tab list, arrows to its tab, Enter. */
async function showAccountView(page: Page): Promise<void> {
  const onTab = () => page.evaluate(() => document.activeElement?.getAttribute("role") === "tab");
  for (let i = 0; i < 150 && !(await onTab()); i++) await page.keyboard.press("Shift+Tab");
  if (!(await onTab())) await page.keyboard.press("Tab");
  const tab = page.getByRole("tab", { name: "Account" });
  for (let i = 0; i < 8 && !(await isFocused(tab)); i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.locator('[role=tabpanel][aria-labelledby="tab-account"]').waitFor();
  await page.waitForFunction(() => {
    const input = document.querySelector<HTMLInputElement>("input[type=search]");
    return input !== null && !input.disabled;
  });
}

/** Finds the account by number from the keyboard and returns its section. */
async function findAccount(page: Page, account: string): Promise<Locator> {
  await tabTo(page, page.getByRole("searchbox", { name: /Find an account/ }), true);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(account);
  await page.locator(`ul[data-query="${account}"]`).waitFor();
  await page.keyboard.press("Enter");
  const section = page.locator(`section[data-account="${account}"]`);
  await section.waitFor();
  return section;
}

/** Opens a task's form from the account's Tasks buttons: Tab to it, Enter. */
async function openTask(page: Page, section: Locator, label: string): Promise<Locator> {
  await tabTo(page, section.getByRole("button", { name: `${label}…` }));
  await page.keyboard.press("Enter");
  const form = section.getByRole("form");
  await form.waitFor();
  return form;
}

/** Types into a field reached by Tab (or Shift+Tab), replacing what it held. */
async function fill(page: Page, field: Locator, text: string, back = false): Promise<void> {
  await tabTo(page, field, back);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

type Row = (string | number | boolean | null)[];

/**
 * A sheet of the fake workbook, read in the page: its row count, its header, and its rows that hold
 * `holding` in some cell (all rows when not given). Demo City's sheets are 20,000 rows: only what
 * the test looks at leaves the page.
 */
const sheet = (page: Page, name: string, holding?: string) =>
  page.evaluate(
    ([n, h]) => {
      const values = window.ubFakeHost!.workbook.sheet(n)?.values ?? [];
      return { count: values.length, header: values[0] ?? [], rows: values.slice(1).filter((r) => h === undefined || r.includes(h)) };
    },
    [name, holding] as const,
  ) as Promise<{ count: number; header: Row; rows: Row[] }>;

/** The account's audit trail as the Account view lists it. */
async function auditTrail(section: Locator, action: string): Promise<string> {
  const list = section.getByRole("list", { name: "Audit trail, newest first" });
  await list.filter({ hasText: action }).waitFor();
  return list.innerText();
}

/** The task's success message. */
async function success(section: Locator, text: RegExp): Promise<string> {
  const said = section.getByRole("status").filter({ hasText: text });
  await said.waitFor({ timeout: 30_000 });
  return said.innerText();
}

/** What reaches past the pane's right edge or scrolls sideways. */
const pastTheEdge = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width)
      found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      if (!el.checkVisibility({ checkVisibilityCSS: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.right > width + 0.5)
        found.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}" ends at ${Math.round(box.right)} px`);
    }
    return found.slice(0, 12);
  });

const checked = async (page: Page) => [...(await pastTheEdge(page)), ...(await seriousViolations(page))];

describe("account tasks on Demo City, with the keyboard alone", () => {
  it("opens new service: the Accounts row, the welcome letter on the Letter Log, and the audit entry in the account's trail", async () => {
    const { page } = await demoPane();
    await showAccountView(page);
    const accountsBefore = (await sheet(page, "Accounts", "no such cell")).count;
    await tabTo(page, page.getByRole("button", { name: "Open new service…" }));
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: "Open new service" });
    expect(await isFocused(form.getByRole("textbox", { name: /Customer name/ }))).toBe(true);
    await page.keyboard.type("Nguyen, Mai");
    await fill(page, form.getByRole("textbox", { name: "Service address" }), "415 S 5th Ave");
    await fill(page, form.getByRole("textbox", { name: "Mailing address" }), "415 S 5th Ave, Demo City, ID 83200");
    // Owner, not renter: the arrow keys move within the radio group.
    await tabTo(page, form.getByRole("radio", { name: "Renter" }));
    await page.keyboard.press("ArrowRight");
    expect(await form.getByRole("radio", { name: "Owner" }).isChecked()).toBe(true);
    await fill(page, form.getByRole("textbox", { name: "Meter", exact: true }), "M299999");
    await fill(page, form.getByRole("textbox", { name: /Email/ }), "mai.nguyen@example.org");
    await page.keyboard.press("Enter");

    const said = page.getByRole("status").filter({ hasText: /^Opened account/ });
    await said.waitFor({ timeout: 30_000 });
    const text = await said.innerText();
    const account = /^Opened account (\d+)/.exec(text)![1];
    expect(text).toBe(
      `Opened account ${account} for Nguyen, Mai at 415 S 5th Ave from ${TODAY}, deposit $150.00 billed. Wrote Accounts row ${accountsBefore + 1}; Adjustments row ${(await sheet(page, "Adjustments", account)).count}; Letter Log row 2.`,
    );
    const accounts = await sheet(page, "Accounts", account);
    expect(accounts.count).toBe(accountsBefore + 1);
    const { header } = accounts;
    expect(accounts.rows).toHaveLength(1);
    const row = accounts.rows[0];
    expect([
      row[header.indexOf("Account")],
      row[header.indexOf("Name")],
      row[header.indexOf("Status")],
      row[header.indexOf("Meter")],
    ]).toEqual([account, "Nguyen, Mai", "Active", "M299999"]);
    expect((await sheet(page, "Letter Log")).rows.map((r) => [r[1], r[5]])).toEqual([[account, "Service Started"]]);

    const section = page.locator(`section[data-account="${account}"]`);
    await section.waitFor();
    expect(await auditTrail(section, "account.opened")).toContain(`Opened account ${account} for Nguyen, Mai`);
    expect(await section.getByRole("list", { name: "Letters sent" }).innerText()).toContain(
      `Service Started: Welcome: your utility account ${account}`,
    );
  });

  it("closes an account with a final read: the final bill in the pane, its Final Bills and Adjustments rows, the letter and the audit entry", async () => {
    const { page } = await demoPane(320 - SCROLLBAR);
    await showAccountView(page);
    const account = "200104";
    const reads = await sheet(page, "Reads", account);
    const current = Number(reads.rows[0][reads.header.indexOf("Current Read")]);
    const section = await findAccount(page, account);
    const form = await openTask(page, section, "Close service");
    expect(await isFocused(form.getByRole("radio", { name: "Final read" }))).toBe(true);
    await fill(page, form.getByRole("textbox", { name: /Final read of meter/ }), String(current + 4000));
    await fill(page, form.getByRole("textbox", { name: "Forwarding address" }), "88 Pine St, Boise, ID 83702");
    await page.keyboard.press("Enter");
    // Demo City last billed September: a close today would be a 63-day final bill, refused, and the refusal takes the focus.
    const refusal = form.getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain("a final bill covers at most 60 days: bill the cycle first");
    expect(await page.evaluate(() => document.activeElement?.contains(document.querySelector("form [role=alert]")) ?? false)).toBe(true);
    const closed = "2026-11-25";
    await fill(page, form.getByRole("textbox", { name: "Close date" }), closed, true);
    await page.keyboard.press("Enter");

    const bill = `FB-${account}-${closed.replace(/-/g, "")}`;
    expect(await success(section, /^Closed account/)).toMatch(
      new RegExp(
        `^Closed account ${account} on ${closed}: final bill ${bill}, .* Wrote Adjustments rows \\d+-\\d+; Final Bills row 2; Account Changes rows 2-\\d+; (Work Orders WO-\\d+; )?Letter Log row 2\\.$`,
      ),
    );
    const finalBill = section.getByRole("table", { name: `Final bill ${bill}` });
    await finalBill.waitFor();
    expect(await section.getByRole("heading", { name: `Final bill ${bill}` }).isVisible()).toBe(true);
    const shown = await finalBill.innerText();
    for (const line of ["Final charges", "Balance before", "Deposit applied", "Due date"]) expect(shown).toContain(line);

    expect((await sheet(page, "Final Bills")).rows.map((r) => [r[0], r[1]])).toEqual([[bill, account]]);
    const adjustments = await sheet(page, "Adjustments", bill);
    expect(adjustments.rows.length).toBeGreaterThan(1);
    expect(adjustments.rows.some((r) => r[adjustments.header.indexOf("Service")] === "deposit")).toBe(true);
    expect((await sheet(page, "Letter Log")).rows.map((r) => [r[1], r[5]])).toEqual([[account, "Service Ended"]]);
    expect(await auditTrail(section, "account.closed")).toContain(`final bill ${bill}`);
    // The workbook was read again: the account is Final, with its history, and the bill still shown.
    await section.getByText(`Final (closed ${closed})`).waitFor();
    expect(await section.getByRole("table", { name: "Account history, newest first" }).innerText()).toMatch(/Status: active → Final/i);
    expect(await finalBill.isVisible()).toBe(true);
    expect(await checked(page)).toEqual([]);
    await section.getByRole("heading", { name: "Tasks" }).scrollIntoViewIfNeeded();
    await page.locator("section[aria-labelledby=tasks-heading]").screenshot({ path: screenshotPath("account-tasks.png") });
  });

  it("refuses a routing number failing its check digit, then enrols in autopay with the account only ever ****6789", async () => {
    const { page } = await demoPane();
    await showAccountView(page);
    const account = "200102";
    const full = "000123456789";
    const section = await findAccount(page, account);
    const form = await openTask(page, section, "Enrol in autopay");
    const routing = form.getByRole("textbox", { name: "Routing number" });
    expect(await isFocused(routing)).toBe(true);
    await page.keyboard.type("011000016");
    const refusal = form.getByText(/routing number 011000016 fails its check digit: the ninth digit would be 5, not 6/);
    await refusal.waitFor();
    const bank = form.getByLabel("Bank account number");
    await fill(page, bank, full);
    await fill(page, form.getByLabel("New vault passphrase", { exact: true }), "correct horse battery");
    await fill(page, form.getByLabel("New vault passphrase again"), "correct horse battery");
    await page.keyboard.press("Enter");
    expect(await refusal.isVisible()).toBe(true);
    expect(await bank.inputValue()).toBe("");
    expect((await sheet(page, "Account Changes")).count).toBe(0);

    await fill(page, routing, "011000015", true);
    await fill(page, bank, full);
    await fill(page, form.getByLabel("New vault passphrase", { exact: true }), "correct horse battery");
    await fill(page, form.getByLabel("New vault passphrase again"), "correct horse battery");
    await page.keyboard.press("Enter");
    expect(await success(section, /^Enrolled in autopay/)).toMatch(
      new RegExp(
        `^Enrolled in autopay for account ${account} from ${TODAY}: checking \\*\\*\\*\\*6789, routing 011000015; .* Wrote Account Changes rows 2-4; Letter Log row 2\\.$`,
      ),
    );
    expect((await sheet(page, "Account Changes")).rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      [account, "Autopay", "Yes"],
      [account, "Autopay Routing", "011000015"],
      [account, "Autopay Account", "****6789"],
    ]);
    // Every cell of every sheet, searched in the page.
    const inSheets = (text: string) =>
      page.evaluate((t) => {
        const wb = window.ubFakeHost!.workbook;
        return [...wb.sheets.keys()].filter((n) => wb.sheet(n)!.values.some((r) => r.some((v) => String(v).includes(t))));
      }, text);
    expect(await inSheets("****6789")).toEqual(["Account Changes", "Letter Log", "Account Letters"]);
    expect(await inSheets("123456789")).toEqual([]);
    expect(await auditTrail(section, "account.autopay-enrolled")).toContain("****6789");
    expect(await page.locator("body").innerText()).not.toContain("123456789");
    expect(await page.evaluate(() => [...document.querySelectorAll("input")].some((i) => i.value.includes("123456789")))).toBe(false);
    expect(await section.getByRole("list", { name: "Letters sent" }).innerText()).toContain(`Autopay: Autopay for account ${account}`);
  });

  it("previews a payment plan, then sets it up: the Payment Plans rows, the letter and the audit entry", async () => {
    const { page } = await demoPane();
    await showAccountView(page);
    const account = "200101";
    const section = await findAccount(page, account);
    const form = await openTask(page, section, "Payment plan");
    expect(await isFocused(form.getByRole("textbox", { name: "Down payment" }))).toBe(true);
    // The form says what the policy needs before anything is typed.
    expect(await form.innerText()).toMatch(/The plan needs at least \$\d+\.\d\d down, today, and at most 6 monthly instalments/);
    await page.keyboard.type("30.00");
    await fill(page, form.getByRole("textbox", { name: "Monthly instalments" }), "2");
    await page.keyboard.press("Enter");
    const table = form.getByRole("table", { name: "Plan instalments" });
    await table.waitFor();
    expect((await table.getByRole("row").allInnerTexts()).map((r) => r.replace(/\s+/g, " ").trim())).toEqual([
      "Payment Due Amount",
      `Down payment ${TODAY} $30.00`,
      // Saturday, January 2: due the next business day.
      "Instalment 1 2027-01-04 $26.67",
      "Instalment 2 2027-02-02 $26.66",
    ]);
    expect((await sheet(page, "Payment Plans")).count).toBe(0);
    await tabTo(page, form.getByRole("button", { name: "Set up plan" }));
    await page.keyboard.press("Enter");
    expect(await success(section, /^Payment plan/)).toMatch(/Wrote Payment Plans rows 2-4; Account Changes rows 2-3; Letter Log row 2\.$/);
    const plans = await sheet(page, "Payment Plans");
    expect(plans.count).toBe(4);
    expect(plans.rows.every((r) => r.includes(account))).toBe(true);
    expect((await sheet(page, "Letter Log")).rows.map((r) => [r[1], r[5]])).toEqual([[account, "Payment Plan"]]);
    expect(await auditTrail(section, "account.plan-agreed")).toContain(`for account ${account}`);
  });

  it("approves a leak adjustment from its explained credit: the Leak Adjustments and Adjustments rows, the letter and the audit entry", async () => {
    const { page } = await demoPane();
    await showAccountView(page);
    const account = "200102";
    const section = await findAccount(page, account);
    const form = await openTask(page, section, "Leak adjustment");
    const september = form.getByRole("checkbox", { name: /^2026-09-30/ });
    expect(await isFocused(september)).toBe(true);
    await page.keyboard.press("Space");
    expect(await september.isChecked()).toBe(true);
    await fill(page, form.getByRole("textbox", { name: "Repair date" }), "2026-11-20");
    await fill(page, form.getByRole("textbox", { name: /Proof of repair/ }), "plumber's invoice 4411");
    await page.keyboard.press("Enter");
    const explained = form.getByRole("list", { name: "How the credit is found" });
    await explained.waitFor();
    expect(await explained.innerText()).toMatch(/Normal usage \(the baseline\)/);
    expect((await sheet(page, "Leak Adjustments")).count).toBe(0);
    await tabTo(page, form.getByRole("button", { name: "Approve credit" }));
    await page.keyboard.press("Enter");
    const said = await success(section, /^Approved leak adjustment/);
    expect(said).toMatch(
      new RegExp(
        `^Approved leak adjustment LA-${account}-20261202 for account ${account}: \\$\\d+\\.\\d\\d credited on 2026-09-30 \\(pocatello policy\\)\\. Wrote Adjustments rows? [\\d-]+; Leak Adjustments row 2; Letter Log row 2\\.$`,
      ),
    );
    const leaks = await sheet(page, "Leak Adjustments");
    expect(leaks.rows.map((r) => [r[0], r[1], r[leaks.header.indexOf("Decision")]])).toEqual([
      [`LA-${account}-20261202`, account, "Approved"],
    ]);
    const adjustments = await sheet(page, "Adjustments", account);
    const description = adjustments.header.indexOf("Description");
    expect(adjustments.rows.filter((r) => String(r[description]).startsWith(`Leak credit LA-${account}-20261202`)).length).toBeGreaterThan(
      0,
    );
    expect((await sheet(page, "Letter Log")).rows.map((r) => [r[1], r[5]])).toEqual([[account, "Leak Adjustment Approved"]]);
    expect(await auditTrail(section, "account.leak-approved")).toContain(`LA-${account}-20261202`);
  });
});

describe.each([320, 450])("the account task forms at %i px", (width) => {
  it("are axe clean and inside the pane, open and previewed", async () => {
    const { page } = await demoPane(width - SCROLLBAR);
    await page.getByRole("tab", { name: "Account" }).click();
    await page.waitForFunction(() => !document.querySelector<HTMLInputElement>("input[type=search]")?.disabled);
    const seen: Record<string, string[]> = {};
    await page.getByRole("button", { name: "Open new service…" }).click();
    await page.getByRole("form", { name: "Open new service" }).waitFor();
    seen["Open new service"] = await checked(page);
    await page.getByRole("button", { name: "Cancel" }).click();

    // 200101 owes money (a plan) and is on autopay and e-bill (their withdrawals); 200102 owes nothing and is not on autopay.
    for (const account of ["200101", "200102"]) {
      await page.getByRole("searchbox", { name: /Find an account/ }).fill(account);
      await page.keyboard.press("Enter");
      const section = page.locator(`section[data-account="${account}"]`);
      await section.waitFor();
      const labels = await section.getByRole("group", { name: "Tasks" }).getByRole("button").allInnerTexts();
      for (const label of labels) {
        await section.getByRole("button", { name: label, exact: true }).click();
        const form = section.getByRole("form");
        await form.waitFor();
        // The forms that preview: fill them far enough to show what they would do.
        if (label === "Payment plan…") {
          await form.getByRole("textbox", { name: "Down payment" }).fill("30.00");
          await form.getByRole("button", { name: "Preview plan" }).click();
          // 200102 owes nothing: its refusal is checked instead.
          await form.getByRole(account === "200101" ? "table" : "alert").waitFor();
        }
        if (label === "Leak adjustment…") {
          await form.getByRole("checkbox", { name: /^2026-09-30/ }).check();
          await form.getByRole("button", { name: "Preview credit" }).click();
          await form.getByRole("region").waitFor();
        }
        if (label === "Back-bill…") {
          await form.getByRole("checkbox", { name: /^2026-09-30/ }).check();
          await form.getByRole("textbox", { name: "Corrected usage, 2026-09-30" }).fill("20000");
          await form.getByRole("textbox", { name: "Reason" }).fill("the meter was read wrong");
          await form.getByRole("button", { name: "Preview back-bill" }).click();
          await form.getByRole("table", { name: "Bills priced again" }).waitFor();
        }
        if (label === "Enrol in level pay…") await form.locator("[data-level-amount]").waitFor();
        seen[`${account} ${label}`] = await checked(page);
        await form.getByRole("button", { name: "Cancel" }).click();
        await form.waitFor({ state: "detached" });
      }
    }
    await page.screenshot({ path: screenshotPath(`account-tasks-${width}.png`), fullPage: true });
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, []])));
  });
});
