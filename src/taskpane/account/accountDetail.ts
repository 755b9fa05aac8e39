import { CycleAccount, moneyText, quantityText } from "../../engine";
import type { UsageRecord } from "../../engine";

const STATUS: Record<CycleAccount["status"], string> = { active: "Active", inactive: "Inactive", vacant: "Vacant", final: "Final" };

export const statusText = (account: CycleAccount): string =>
  `${STATUS[account.status]}${account.closeDate ? ` (closed ${account.closeDate})` : account.openDate ? ` (opened ${account.openDate})` : ""}`;

/** The programs the Accounts sheet shows for the account, as a specialist names them. */
export function programsOf(account: CycleAccount): string[] {
  const programs: string[] = [];
  if (account.levelPay)
    programs.push(
      `Level pay${account.levelPayAmount ? ` ${moneyText(account.levelPayAmount)} a month` : ""}${account.levelPayDeferred.isZero() ? "" : `, ${moneyText(account.levelPayDeferred)} deferred`}`,
    );
  if (account.autopay) programs.push("Autopay (bank draft)");
  if (account.eBill) programs.push(`E-bill${account.email ? ` to ${account.email}` : ""}`);
  if (account.arrangementUntil)
    programs.push(
      `Payment arrangement until ${account.arrangementUntil}${account.arrangementAmount ? `, ${moneyText(account.arrangementAmount)} a month` : ""}`,
    );
  if (account.nsfCount > 0) programs.push(`${account.nsfCount} returned payment${account.nsfCount === 1 ? "" : "s"}`);
  if (account.outForShutoff) programs.push(`Out for shutoff ${account.outForShutoff}`);
  return programs;
}

/** Names a service as the bill does: "water" is Water; "unallocated" is the balance the sheet did not split. */
export const serviceLabel = (service: string): string =>
  service === "unallocated" ? "Not by service" : service.charAt(0).toUpperCase() + service.slice(1);

export interface UsageBar {
  readonly period: string;
  readonly usage: string;
  /** 0 to 1 of the chart's height: the largest usage of the periods shown is 1. */
  readonly height: number;
}

/** The last 13 periods of usage, oldest first, as bars of a small chart (heights for drawing only). */
export function usageBars(history: readonly UsageRecord[], periods = 13): UsageBar[] {
  const shown = history.slice(-periods);
  const most = shown.reduce((m, r) => Math.max(m, r.usage.toNumber()), 0);
  return shown.map((r) => ({
    period: r.periodEnd.slice(0, 7),
    usage: quantityText(r.usage),
    height: most > 0 ? r.usage.toNumber() / most : 0,
  }));
}

/** The chart's text alternative: what a sighted reader takes from it at a glance. */
export function usageSummary(bars: readonly UsageBar[]): string {
  if (bars.length === 0) return "No usage history";
  const last = bars[bars.length - 1];
  const high = bars.reduce((a, b) => (b.height > a.height ? b : a));
  const low = bars.reduce((a, b) => (b.height < a.height ? b : a));
  return `Usage for the last ${bars.length} periods, ${bars[0].period} to ${last.period}: latest ${last.usage}; highest ${high.usage} (${high.period}); lowest ${low.usage} (${low.period})`;
}
