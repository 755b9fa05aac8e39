import { cellDate, idText } from "../workbook/cells";
import type { CellValue, SheetValues, WorkbookPort } from "../workbook/port";
import { locateTable } from "../workbook/table";

export const WORK_ORDERS_SHEET = "Work Orders";
export const WORK_ORDERS_HEADER = ["Work Order", "Type", "Account", "Meter", "Service Address", "Reason", "Requested", "Status"];

export type WorkOrderType = "Re-read" | "Meter exchange" | "Cart delivery" | "Cart pickup";

export interface WorkOrder {
  readonly id: string;
  readonly type: WorkOrderType | string;
  readonly account: string;
  readonly meter: string;
  readonly address: string;
  readonly reason: string;
  /** ISO date. */
  readonly requested: string;
  /** Open, Done, or whatever the field crew typed: kept when the sheet is rebuilt. */
  readonly status: string;
}

export function parseWorkOrders(data: SheetValues): WorkOrder[] {
  const specs = WORK_ORDERS_HEADER.map((label, i) => ({ field: String(i), label, synonyms: [] as string[], required: i < 3 }));
  const found = locateTable(data, specs);
  if (!found.ok) return [];
  const orders: WorkOrder[] = [];
  for (let i = found.table.firstValueRow; i < data.values.length; i++) {
    const row = data.values[i];
    const get = (n: number) => {
      const c = found.table.columns[String(n)];
      return c === undefined ? null : row[c - data.left];
    };
    const id = idText(get(0));
    if (!id) continue;
    orders.push({
      id,
      type: idText(get(1)),
      account: idText(get(2)),
      meter: idText(get(3)),
      address: idText(get(4)),
      reason: idText(get(5)),
      requested: cellDate(get(6)) ?? idText(get(6)),
      status: idText(get(7)) || "Open",
    });
  }
  return orders;
}

export function workOrderRows(orders: readonly WorkOrder[]): CellValue[][] {
  return [WORK_ORDERS_HEADER, ...orders.map((o) => [o.id, o.type, o.account, o.meter, o.address, o.reason, o.requested, o.status])];
}

/** Adds a work order to the Work Orders sheet (the add-in's own), numbering it after the last one. */
export async function appendWorkOrder(port: WorkbookPort, order: Omit<WorkOrder, "id" | "status">, status = "Open"): Promise<WorkOrder> {
  const existing = await port.readSheet(WORK_ORDERS_SHEET);
  const orders = existing ? parseWorkOrders(existing) : [];
  const last = orders.reduce((n, o) => Math.max(n, Number(/(\d+)$/.exec(o.id)?.[1] ?? 0)), 0);
  const added: WorkOrder = { ...order, id: `WO-${String(last + 1).padStart(6, "0")}`, status };
  await port.replaceSheet(WORK_ORDERS_SHEET, workOrderRows([...orders, added]), {
    headerRows: 1,
    columnWidths: [12, 16, 12, 12, 28, 48, 12, 10],
  });
  return added;
}
