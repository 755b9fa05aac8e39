import type { CartOrder } from "../../engine";
import { WorkOrder, WORK_ORDERS_SHEET, workOrderRows } from "../../review/workOrders";
import { OutputSheet } from "./output";

/**
 * Work Orders: every order already on the sheet, as the crew left it (status included), then the
 * cart deliveries and pickups this cycle calls for that are not there yet, numbered after the last.
 */
export function workOrdersSheet(existing: readonly WorkOrder[], carts: readonly CartOrder[]): OutputSheet {
  const key = (type: string, account: string, reason: string) => `${type}|${account}|${reason}`;
  const have = new Set(existing.map((o) => key(o.type, o.account, o.reason)));
  let last = existing.reduce((n, o) => Math.max(n, Number(/(\d+)$/.exec(o.id)?.[1] ?? 0)), 0);
  const added: WorkOrder[] = [];
  for (const c of carts) {
    if (have.has(key(c.type, c.account.account, c.reason))) continue;
    last++;
    added.push({
      id: `WO-${String(last).padStart(6, "0")}`,
      type: c.type,
      account: c.account.account,
      meter: c.account.meter ?? "",
      address: c.account.serviceAddress,
      reason: c.reason,
      requested: c.date,
      status: "Open",
    });
  }
  return {
    name: WORK_ORDERS_SHEET,
    rows: workOrderRows([...existing, ...added]),
    options: {
      headerRows: 1,
      columnWidths: [12, 16, 12, 12, 28, 48, 12, 10],
      print: { orientation: "landscape", repeatRows: 1, fitToWidth: true },
    },
  };
}
