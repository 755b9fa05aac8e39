/**
 * The review loop from the keyboard alone (issue 14): from the pane's first focus to ten decided
 * edits in fewer than 40 key presses. Validate chooses the first open edit and focuses its row;
 * each decision chooses the next open edit; the shortcut keys are listed in the pane.
 */
import type { Page } from "playwright-core";
import { paneSuite, workbookOf } from "./harness";

const open = paneSuite();

/** What has keyboard focus: a flagged-read row's key, or the element's name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return (
      el?.dataset.edit ?? `${el?.tagName.toLowerCase()} ${(el?.getAttribute("aria-label") ?? el?.textContent ?? "").trim().slice(0, 30)}`
    );
  });

it("decides ten edits with the shortcut keys in fewer than 40 key presses, each decision moving to the next open edit", async () => {
  const { page } = await open({ sample: "reads" }, 350);
  let presses = 0;
  const press = async (key: string) => {
    presses++;
    await page.keyboard.press(key);
  };
  await page.getByRole("tab", { name: "Review" }).click();
  await page.getByRole("button", { name: "Validate" }).waitFor();
  // From the tab list to the Validate button by Tab alone.
  await page.getByRole("tab", { name: "Review" }).focus();
  for (let i = 0; i < 10 && !(await focused(page)).startsWith("button Validate"); i++) await press("Tab");
  expect(await focused(page)).toMatch(/^button Validate/);
  await press("Enter");
  await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.edit !== undefined);
  await page.getByText(/Keys: N next edit, P previous, A approve, E estimate, R re-read, X meter exchange/).waitFor();

  // N and P move through the list without deciding.
  const first = await focused(page);
  await press("n");
  expect(await focused(page)).not.toBe(first);
  await press("p");
  expect(await focused(page)).toBe(first);

  const decided: string[] = [];
  for (let i = 0; i < 10; i++) {
    const before = await focused(page);
    decided.push(before);
    await press("r");
    await page.waitForFunction((key) => {
      const now = (document.activeElement as HTMLElement | null)?.dataset.edit;
      return now !== undefined && now !== key;
    }, before);
  }
  expect(new Set(decided).size).toBe(10);
  expect(presses).toBeLessThan(40);
  const log = (await workbookOf(page)).sheet("Review Log")!.values.slice(1);
  expect(log.filter((r) => r[5] === "re-read requested")).toHaveLength(10);
});

it("keeps the focus on the chosen edit, and a key pressed while a decision is still being written acts on nothing", async () => {
  const { page } = await open({ sample: "reads" }, 450);
  await page.getByRole("tab", { name: "Review" }).click();
  await page.getByRole("button", { name: "Validate" }).click();
  await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.edit !== undefined);
  const first = await focused(page);
  // Down moves the choice and the focus together.
  await page.keyboard.press("ArrowDown");
  const second = await focused(page);
  expect(second).not.toBe(first);
  await page.locator(`[data-edit="${second}"][aria-selected="true"]`).waitFor();
  // The list is one Tab stop, on the chosen edit: Tab cannot put the focus ring on another row.
  expect(await page.locator('[data-edit][tabindex="0"]').count()).toBe(1);
  await page.keyboard.press("Shift+Tab");
  expect(await focused(page)).not.toMatch(/^\d+:/);
  await page.keyboard.press("Tab");
  expect(await focused(page)).toBe(second);

  // Excel is slow to answer: R is pressed, then letters before the re-read is written.
  await page.evaluate(() => window.ubFakeHost!.hold());
  await page.keyboard.press("r");
  await page.keyboard.type("ea");
  await page.evaluate(() => window.ubFakeHost!.release());
  await page.waitForFunction((key) => (document.activeElement as HTMLElement | null)?.dataset.edit !== key, second);
  await page.waitForTimeout(500);
  const workbook = await workbookOf(page);
  const log = workbook.sheet("Review Log")!.values.slice(1);
  expect(log.map((r) => r[5])).toEqual(["re-read requested"]);
  // On the focused row's read (data-edit is "row:code").
  expect(workbook.sheet("Reads")!.values[Number(second.split(":")[0])]).toContain(log[0][1]);
});
