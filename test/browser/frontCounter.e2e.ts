/**
 * The front counter in the task pane (issue 15), on Demo City's 20,000 accounts: an account found
 * by part of its name in under 100 ms from the keystroke; a 20-payment batch keyed with the
 * keyboard alone, refused while out of balance, fixed, posted to the Payments sheet and seen in
 * the account's balance; and both views axe clean and inside the pane at 320 and 450 px.
 */
import type { Locator, Page } from "playwright-core";
import { paneSuite, screenshotPath, seriousViolations } from "./harness";

const open = paneSuite();
/** A classic Windows scrollbar's width: Excel's 320 px pane leaves the page 303. */
const SCROLLBAR = 17;
const BATCH = "B-2026-10-31-MAIL-1";

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Moves the focus to `target` with Tab alone (Shift+Tab when `back`). */
async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  for (let i = 0; i < 120 && !(await isFocused(target)); i++) await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  expect(await isFocused(target)).toBe(true);
}

/** Opens a view from the keyboard: back to the tab list, arrows to the view's tab, Enter. */
async function showView(page: Page, name: "Account" | "Payments"): Promise<void> {
  const onTab = () => page.evaluate(() => document.activeElement?.getAttribute("role") === "tab");
  for (let i = 0; i < 120 && !(await onTab()); i++) await page.keyboard.press("Shift+Tab");
  const tab = page.getByRole("tab", { name });
  for (let i = 0; i < 8 && !(await isFocused(tab)); i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.locator(`[role=tabpanel][aria-labelledby="tab-${name.toLowerCase()}"]`).waitFor();
}

/** The Account view's search box, once the workbook's accounts are read. */
async function searchBox(page: Page): Promise<Locator> {
  const box = page.getByRole("searchbox", { name: /Find an account/ });
  await page.waitForFunction(() => {
    const input = document.querySelector<HTMLInputElement>("input[type=search]");
    return input !== null && !input.disabled;
  });
  return box;
}

/** Finds an account by number from the keyboard and returns its balance now, in cents. */
async function balanceOf(page: Page, account: string): Promise<number> {
  const box = await searchBox(page);
  await tabTo(page, box);
  await page.keyboard.type(account);
  await page.locator(`ul[data-query="${account}"]`).waitFor();
  await page.keyboard.press("Enter");
  const shown = page.locator(`section[data-account="${account}"] [data-balance]`);
  await shown.waitFor();
  return Math.round(Number(await shown.getAttribute("data-balance")) * 100);
}

const paymentRows = (page: Page) =>
  page.evaluate(() => {
    const values = window.ubFakeHost!.workbook.sheet("Payments")!.values;
    const batch = values[0].indexOf("Batch");
    return { count: values.length, batchIds: batch < 0 ? [] : values.map((r) => r[batch]).filter((v) => v !== null && v !== "") };
  });

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

describe("the front counter on Demo City", () => {
  it("finds an account by part of its name in under 100 ms from the keystroke to the results, and goes to its row", async () => {
    const { page } = await open({ sample: "demo" });
    await page.getByRole("tab", { name: "Account" }).click();
    const box = await searchBox(page);
    // A real customer's name: the one on account 200123.
    await box.fill("200123");
    await page.keyboard.press("Enter");
    const heading = await page.locator("#account-heading").innerText();
    // Go to rows selects the account's row on the Accounts sheet (its 124th data row).
    await page.getByRole("button", { name: "Go to rows" }).click();
    await page.getByText("Selected row 125 of the Accounts sheet.").waitFor();
    expect(await page.evaluate(() => window.ubFakeHost!.workbook.selection)).toEqual({ sheet: "Accounts", row: 124, column: 0 });
    const [last, first] = heading.split(" · ")[0].split(", ");
    const query = `${last.slice(0, 4)} ${first.slice(0, 2)}`.toLowerCase();

    await box.focus();
    await page.evaluate((want) => {
      const t = { down: 0, shown: 0, painted: 0 };
      (window as unknown as { ubTiming: typeof t }).ubTiming = t;
      document.querySelector("input[type=search]")!.addEventListener("keydown", () => ((t.down = performance.now()), (t.shown = 0)), true);
      new MutationObserver(() => {
        const list = document.querySelector(`ul[data-query="${want}"]`);
        if (list && t.shown === 0 && t.down > 0) {
          t.shown = performance.now();
          requestAnimationFrame(() => (t.painted = performance.now()));
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    }, query);
    await page.keyboard.type(query);
    await page.waitForFunction(() => (window as unknown as { ubTiming: { painted: number } }).ubTiming.painted > 0);
    const timing = await page.evaluate(
      () => (window as unknown as { ubTiming: { down: number; shown: number; painted: number } }).ubTiming,
    );
    const found = await page.getByRole("list", { name: "Accounts found" }).innerText();
    expect(found).toContain("200123");
    const toResults = timing.shown - timing.down;
    console.info(
      `"${query}": results ${toResults.toFixed(1)} ms after the keystroke, painted after ${(timing.painted - timing.down).toFixed(1)} ms`,
    );
    expect(toResults).toBeLessThan(100);
  });

  it("keys a 20-payment batch with the keyboard alone, refuses it out of balance, posts it once fixed, and the balance changes", async () => {
    const { page } = await open({ sample: "demo" });
    await page.locator("body").focus();
    await showView(page, "Account");
    const before = await balanceOf(page, "200105");
    const rowsBefore = await paymentRows(page);

    await showView(page, "Payments");
    const date = page.getByRole("textbox", { name: "Deposit date" });
    await date.waitFor();
    await tabTo(page, date);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2026-10-31");
    await tabTo(page, page.getByRole("combobox", { name: "Channel" }));
    await tabTo(page, page.getByRole("textbox", { name: "Slip count" }));
    await page.keyboard.type("20");
    await page.keyboard.press("Tab");
    // 20 payments of $5.25, $10.50 ... $105.00: $1,102.50.
    await page.keyboard.type("1102.50");
    await page.keyboard.press("Enter");
    const account = page.getByRole("textbox", { name: "Account" });
    await account.waitFor();
    expect(await isFocused(account)).toBe(true);

    const keyLine = async (n: number, amount: string) => {
      await page.keyboard.type(String(200099 + n));
      await page.keyboard.press("Enter");
      await page.keyboard.type(amount);
      await page.keyboard.press("Enter");
      await page.keyboard.type(`chk ${7000 + n}`);
      await page.keyboard.press("Enter");
    };
    for (let n = 1; n <= 20; n++) {
      // Line 7 keyed wrong: $3.68 for $36.75.
      await keyLine(n, n === 7 ? "3.68" : ((n * 525) / 100).toFixed(2));
      await page.locator(`tr[data-line="${n}"]`).waitFor();
    }
    const balanceLine = page.locator("[data-balance-line]");
    expect(await balanceLine.innerText()).toBe("20 of 20 payments, $1,069.43 of $1,102.50: $33.07 short");

    await tabTo(page, page.getByRole("button", { name: "Post batch" }));
    await page.keyboard.press("Enter");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toBe(`Batch ${BATCH} does not balance: $1,069.43 keyed where the slip says $1,102.50 ($33.07 short)`);
    expect(await paymentRows(page)).toEqual(rowsBefore);

    // The fix: remove line 7 and key it again.
    await tabTo(page, page.getByRole("button", { name: "Remove line 7" }));
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("tr[data-line]").length === 19);
    expect(await isFocused(account)).toBe(true);
    await keyLine(7, "36.75");
    expect(await balanceLine.innerText()).toBe("20 of 20 payments, $1,102.50 of $1,102.50: balanced");
    await tabTo(page, page.getByRole("button", { name: "Post batch" }));
    await page.keyboard.press("Enter");
    const posted = page.getByText(
      new RegExp(`^Posted ${BATCH}: 20 payments, \\$1,102.50, mail, dated 2026-10-31: Payments rows \\d+-\\d+\\.$`),
    );
    await posted.waitFor();

    const rowsAfter = await paymentRows(page);
    expect(rowsAfter.count).toBe(rowsBefore.count + 20);
    expect(rowsAfter.batchIds.filter((id) => id === BATCH)).toHaveLength(20);
    expect(await page.getByRole("button", { name: "Post batch" }).count()).toBe(0);

    await showView(page, "Account");
    // Line 6 paid account 200105 $31.50.
    expect(await balanceOf(page, "200105")).toBe(before - 3150);
  });

  it("imports a lockbox file of Demo City payments, posts it against the slip, and closes the day once", async () => {
    const { page } = await open({ sample: "demo" }, 320 - SCROLLBAR);
    await page.getByRole("tab", { name: "Account" }).click();
    const box = await searchBox(page);
    // The lockbox file pays three accounts the pane shows.
    const accounts = ["200101", "200102", "200103"];
    for (const account of accounts) {
      await box.fill(account);
      await page.keyboard.press("Enter");
      await page.locator(`section[data-account="${account}"]`).waitFor();
    }
    const day = "2026-11-20";
    const lockbox = [
      "Remittance Account,Check Amount,Check Number,Deposit Date",
      `${accounts[0]},20.00,5101,11/20/2026`,
      `${accounts[1]},"$1,015.50",5102,11/20/2026`,
      `${accounts[2]},24.50,5103,11/20/2026`,
      ",1060.00,Total,",
    ].join("\r\n");

    await page.getByRole("tab", { name: "Payments" }).click();
    await page.getByLabel("Import a file: lockbox, card settlement or batch CSV").setInputFiles({
      name: "lockbox-1120.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(lockbox),
    });
    await page.getByText(/^3 payments from lockbox-1120.csv \(read as bank lockbox\) go into the batch when it opens/).waitFor();
    expect(await page.getByRole("textbox", { name: "Deposit date" }).inputValue()).toBe(day);
    expect(await page.getByRole("combobox", { name: "Channel" }).inputValue()).toBe("mail");
    await page.getByRole("textbox", { name: "Slip count" }).fill("3");
    await page.getByRole("textbox", { name: "Slip total" }).fill("1060.00");
    await page.getByRole("button", { name: "Open batch" }).click();
    await page.waitForFunction(() => document.querySelectorAll("tr[data-line]").length === 3);
    expect(await page.locator("[data-balance-line]").innerText()).toBe("3 of 3 payments, $1,060.00 of $1,060.00: balanced");
    await page.getByRole("button", { name: "Post batch" }).click();
    await page.getByText(/^Posted B-2026-11-20-MAIL-1: 3 payments, \$1,060.00, mail, dated 2026-11-20/).waitFor();

    await page.getByRole("textbox", { name: "Day to close" }).fill(day);
    await page.getByRole("button", { name: "Close the day" }).click();
    await page.getByText(`Closed ${day}: the Daily Activity sheet was written.`).waitFor();
    expect(await page.locator("[data-net]").getAttribute("data-net")).toBe("1060.00");
    const activity = await page.evaluate(() => window.ubFakeHost!.workbook.sheet("Daily Activity")!.values);
    expect(activity[0][0]).toBe(`Daily Activity for ${day}`);
    expect(activity.find((r) => r[0] === "mail")?.slice(0, 3)).toEqual(["mail", 3, 1060]);
    expect(activity.find((r) => String(r[0]).startsWith("Net to the bank"))?.[2]).toBe(1060);
    expect([...(await pastTheEdge(page)), ...(await seriousViolations(page))]).toEqual([]);
    await page.screenshot({ path: screenshotPath("front-counter-day-closed-320.png"), fullPage: true });

    await page.getByRole("button", { name: "Close the day" }).click();
    await page.getByText(new RegExp(`^The day ${day} was closed at .+; nothing written\\.$`)).waitFor();
    const daysClosed = await page.evaluate(() => window.ubFakeHost!.workbook.sheet("Days Closed")!.values);
    expect(daysClosed.filter((r) => r[0] === day)).toHaveLength(1);

    // The account view at 320 px: the payment just posted, with its Returned… action.
    await page.getByRole("tab", { name: "Account" }).click();
    await (await searchBox(page)).fill(accounts[1]);
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Returned… $1,015.50 of 2026-11-20" }).waitFor();
    expect([...(await pastTheEdge(page)), ...(await seriousViolations(page))]).toEqual([]);
    await page.screenshot({ path: screenshotPath("front-counter-account-returns-320.png"), fullPage: true });
  });

  it.each([320, 450])("has both views axe clean and inside a %i px pane", async (width) => {
    const { page } = await open({ sample: "demo" }, width - SCROLLBAR);
    const seen: Record<string, string[]> = {};
    await page.getByRole("tab", { name: "Account" }).click();
    const box = await searchBox(page);
    await box.fill("main");
    await page.getByRole("list", { name: "Accounts found" }).waitFor();
    seen["Account, found"] = [...(await pastTheEdge(page)), ...(await seriousViolations(page))];
    await page.keyboard.press("Enter");
    await page.locator("section[data-account]").waitFor();
    seen["Account, chosen"] = [...(await pastTheEdge(page)), ...(await seriousViolations(page))];
    await page.screenshot({ path: screenshotPath(`front-counter-account-${width}.png`), fullPage: true });

    await page.getByRole("tab", { name: "Payments" }).click();
    seen["Payments, open a batch"] = [...(await pastTheEdge(page)), ...(await seriousViolations(page))];
    await page.getByRole("textbox", { name: "Slip count" }).fill("3");
    await page.getByRole("textbox", { name: "Slip total" }).fill("60.00");
    await page.getByRole("button", { name: "Open batch" }).click();
    for (const [acct, amount] of [
      ["200101", "20.00"],
      ["999999", "20.00"],
    ]) {
      await page.getByRole("textbox", { name: "Account" }).fill(acct);
      await page.getByRole("textbox", { name: "Amount" }).fill(amount);
      await page.getByRole("button", { name: "Add line" }).click();
    }
    await page.getByRole("textbox", { name: "Account" }).fill("200102");
    await page.getByRole("button", { name: "Post batch" }).click();
    await page.getByRole("alert").waitFor();
    seen["Payments, keyed, refused"] = [...(await pastTheEdge(page)), ...(await seriousViolations(page))];
    await page.screenshot({ path: screenshotPath(`front-counter-payments-${width}.png`), fullPage: true });
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, []])));
  });
});
