/**
 * The task pane at the widths Excel gives it (issue 14): 320 px (Excel's narrowest task pane), 350
 * px (its default) and 450 px. On every view, before and after its work, nothing is wider than the
 * pane: no element's box reaches past the pane's right edge, and no element scrolls sideways; and
 * axe-core finds no serious or critical violation.
 */
import type { Page } from "playwright-core";
import { openView, paneSuite, screenshotPath, seriousViolations } from "./harness";

const open = paneSuite();
/** A classic Windows scrollbar's width. */
const SCROLLBAR = 17;

/** What reaches past the pane's width or scrolls sideways, and axe's serious violations, each named for a failure message. */
async function overflowing(page: Page): Promise<string[]> {
  return [...(await pastTheEdge(page)), ...(await seriousViolations(page))];
}

async function pastTheEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("role") ? `[role=${el.getAttribute("role")}]` : ""} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
    if (document.documentElement.scrollWidth > width)
      found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      if (!el.checkVisibility({ checkVisibilityCSS: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 0.5) found.push(`${name(el)} ends at ${Math.round(box.right)} px`);
      else if (el.scrollWidth > el.clientWidth + 1 && ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
        found.push(`${name(el)} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return found.slice(0, 12);
  });
}

describe.each([320, 350, 450])("the task pane at %i px", (width) => {
  it("fits every view, before and after validating, deciding, previewing and generating the sample cycle", async () => {
    // Excel's pane on Windows (WebView2) shows a classic 17 px scrollbar when the content is taller
    // than the pane; headless Chromium hides scrollbars, so the page gets what Excel leaves beside it.
    const { page } = await open({ sample: "cycle" }, width - SCROLLBAR);
    const seen: Record<string, string[]> = {};
    for (const view of ["Review", "Generate", "Rates", "Impact", "Settings"] as const) {
      await openView(page, view);
      seen[view] = await overflowing(page);
    }
    await openView(page, "Rates");
    await page.getByRole("table", { name: "Rate schedules" }).getByRole("row").nth(1).click();
    seen["Rates, a schedule chosen"] = await overflowing(page);

    await openView(page, "Review");
    await page.getByRole("button", { name: "Validate" }).click();
    const list = page.getByRole("table", { name: "Flagged reads" });
    await list.waitFor();
    seen["Review, validated"] = await overflowing(page);
    await list.getByRole("row").nth(1).click();
    await page.getByText("Record a meter exchange").click();
    seen["Review, an edit chosen, the exchange form open"] = await overflowing(page);
    await page.getByRole("textbox", { name: "Reason" }).fill("Checked with the reader");
    await page.getByRole("button", { name: "Approve" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /approved/i })
      .first()
      .waitFor();
    seen["Review, an edit approved"] = await overflowing(page);
    await page.screenshot({ path: screenshotPath(`review-${width}.png`), fullPage: true });

    await openView(page, "Settings");
    seen["Settings, with the audit log"] = await overflowing(page);

    await openView(page, "Generate");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("table").first().waitFor();
    seen["Generate, previewed"] = await overflowing(page);
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await page.getByRole("region", { name: "Generated sheets" }).waitFor({ timeout: 60_000 });
    seen["Generate, generated"] = await overflowing(page);
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, []])));
  });
});
