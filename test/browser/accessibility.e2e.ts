import type { Locator, Page } from "playwright-core";
import { openView, paneSuite, seriousViolations } from "./harness";

const openPane = paneSuite();

async function open(sample: "reads" | "cycle"): Promise<Page> {
  return (await openPane({ sample })).page;
}

/** Arrow-key groups: Tab enters them once and the arrow keys move inside (the ARIA toolbar and tabs patterns). */
const GROUPS = '[role="toolbar"], [role="tablist"]';

/** Every control a person could use on the page, each marked with an id: visible, enabled, not taken out of the focus order. */
async function markControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = "button, input, select, textarea, summary, a[href], [tabindex]";
    const ids: string[] = [];
    document.querySelectorAll<HTMLElement>(selector).forEach((el, i) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      // checkVisibility also sees content-visibility, as inside a closed <details>.
      const hidden =
        !el.checkVisibility({ checkVisibilityCSS: true }) || style.visibility === "hidden" || box.width === 0 || box.height === 0;
      const disabled = (el as HTMLButtonElement).disabled || el.getAttribute("aria-disabled") === "true";
      const inGroup = el.closest('[role="toolbar"], [role="tablist"]') !== null;
      // tabindex -1 takes an element out of the Tab order, except inside an arrow-key group, where
      // that is how the group keeps one Tab stop.
      if (hidden || disabled || (el.tabIndex < 0 && !inGroup) || el.hasAttribute("data-tabster-dummy")) return;
      el.dataset.kb = String(i);
      ids.push(`${i} ${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`);
    });
    return ids;
  });
}

const activeId = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kb);
const activeGroup = (page: Page) =>
  page.evaluate((groups) => {
    const group = document.activeElement?.closest(groups);
    return group ? [...document.querySelectorAll(groups)].indexOf(group) : -1;
  }, GROUPS);

/**
 * Goes once around the page with Tab, and through each arrow-key group with the arrow keys, as a
 * keyboard user would; returns the marked controls that took focus.
 */
async function tabThrough(page: Page, presses: number): Promise<Set<string>> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  const explored = new Set<number>();
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    const id = await activeId(page);
    if (id !== undefined) reached.add(id);
    const group = await activeGroup(page);
    if (group >= 0 && !explored.has(group)) {
      explored.add(group);
      for (let j = 0; j < 12; j++) {
        await page.keyboard.press("ArrowRight");
        const inside = await activeId(page);
        if (inside !== undefined) reached.add(inside);
      }
    }
  }
  return reached;
}

/** Moves focus with Tab (and the arrow keys inside an arrow-key group) until the locator has it. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  const has = () => target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
  const targetGroup = await target.evaluate((el, groups) => {
    const group = el.closest(groups);
    return group ? [...document.querySelectorAll(groups)].indexOf(group) : -1;
  }, GROUPS);
  for (let i = 0; i < 150; i++) {
    if (await has()) return;
    if (targetGroup >= 0 && (await activeGroup(page)) === targetGroup) {
      for (let j = 0; j < 12 && !(await has()); j++) await page.keyboard.press("ArrowRight");
      if (await has()) return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`The keyboard never reached ${target.toString()}`);
}

async function checkView(page: Page, view: string): Promise<void> {
  // Scan the view at rest: no pointer over a control, no colour transition under way.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  expect({ view, violations: await seriousViolations(page) }).toEqual({ view, violations: [] });
  const controls = await markControls(page);
  expect(controls.length).toBeGreaterThan(0);
  const reached = await tabThrough(page, controls.length + 10);
  const missed = controls.filter((c) => !reached.has(c.split(" ")[0]));
  expect({ view, missed }).toEqual({ view, missed: [] });
}

describe("accessibility of the task pane in Chromium", () => {
  it("has no serious or critical axe violation, and every control in the Tab order, in each view", async () => {
    const page = await open("cycle");
    // The workbook's own Rates sheet gives Chubbuck; the published samples are loaded too, so the
    // Settings view has an audit log to show.
    await openView(page, "Rates");
    await page.getByRole("button", { name: "Load published samples" }).click();
    await page.getByRole("status").filter({ hasText: "Loaded 7 schedule(s)" }).waitFor();
    await page.getByRole("table", { name: "Rate schedules" }).getByRole("row").nth(1).click();
    await checkView(page, "Rates");

    await openView(page, "Review");
    await page.getByRole("button", { name: "Validate" }).click();
    await page.getByRole("table", { name: "Flagged reads" }).getByRole("row").nth(1).click();
    await page.getByRole("region", { name: "Decide on this edit" }).waitFor();
    await checkView(page, "Review");

    await openView(page, "Generate");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("table", { name: "Cycle preview" }).waitFor();
    await checkView(page, "Generate");

    await openView(page, "Settings");
    await page.getByRole("table", { name: "Audit log" }).waitFor();
    await checkView(page, "Settings");
  });

  it("reviews and approves a read, then generates the cycle, with the keyboard alone", async () => {
    const page = await open("cycle");
    // The tab list: focus it, then arrows move between views and Enter opens one.
    await tabTo(page, page.getByRole("tab", { name: "Review" }));
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Validate" }).waitFor();
    await tabTo(page, page.getByRole("button", { name: "Validate" }));
    await page.keyboard.press("Enter");
    const first = page.getByRole("table", { name: "Flagged reads" }).getByRole("row").nth(1);
    await first.waitFor();
    await tabTo(page, first);
    await page.keyboard.press("Enter");
    const reason = page.getByRole("textbox", { name: "Reason" });
    await tabTo(page, reason);
    await page.keyboard.type("Checked on site; read is right");
    await tabTo(page, page.getByRole("button", { name: "Approve" }));
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: /: approved\.$/ })
      .waitFor();

    await tabTo(page, page.getByRole("tab", { name: "Generate" }));
    await page.keyboard.press("Enter");
    const generate = page.getByRole("button", { name: "Generate", exact: true });
    await generate.waitFor();
    await tabTo(page, generate);
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: "Generated sheets" }).waitFor();
    const sheets = await page.evaluate(() => [...window.ubFakeHost!.workbook.sheets.keys()]);
    expect(sheets).toEqual(expect.arrayContaining(["Bills", "Bill Register", "Door Hangers", "Run Log", "Review Log"]));
  });
});
