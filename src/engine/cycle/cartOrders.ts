import type { CartOrder } from "./cycleResult";
import type { CycleAccount, CycleInput } from "./types";

/**
 * Garbage cart work orders the cycle implies: a delivery for an account opened in the period
 * with carts, a pickup for one closed in the period or vacant with carts.
 */
export function cartOrders(accounts: readonly CycleAccount[], input: Pick<CycleInput, "periodStart" | "periodEnd">): CartOrder[] {
  const orders: CartOrder[] = [];
  const within = (d?: string) => d !== undefined && d > input.periodStart && d <= input.periodEnd;
  for (const a of accounts) {
    const carts = a.cartCount ?? 0;
    if (carts <= 0) continue;
    const what = `${carts} ${a.cartSize ? `${a.cartSize}-gallon ` : ""}cart${carts > 1 ? "s" : ""}`;
    if (within(a.openDate))
      orders.push({ type: "Cart delivery", account: a, reason: `new service from ${a.openDate}: deliver ${what}`, date: a.openDate! });
    if (within(a.closeDate))
      orders.push({ type: "Cart pickup", account: a, reason: `service closed ${a.closeDate}: pick up ${what}`, date: a.closeDate! });
    else if (a.status === "vacant")
      orders.push({ type: "Cart pickup", account: a, reason: `vacant: pick up ${what}`, date: input.periodEnd });
  }
  return orders;
}
