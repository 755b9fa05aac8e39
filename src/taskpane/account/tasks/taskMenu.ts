import type { CycleAccount } from "../../../engine";

export type TaskName =
  "close" | "transfer" | "autopay" | "autopayOff" | "eBill" | "eBillOff" | "levelPay" | "levelPayOff" | "plan" | "leak" | "backBill";

/** Service that has not ended: no final status, no close date, no final bill. */
export const isOpen = (a: CycleAccount): boolean =>
  (a.status === "active" || a.status === "vacant") && !a.closeDate && !a.finalBilledThrough;

/**
 * The tasks that apply to the account as it stands, in the order the counter offers them: closing
 * and moving only open service; each program offered to join or to leave as the account is in it
 * or not; a payment plan for any account; a leak adjustment or a back-bill once it has been billed.
 */
export function tasksFor(a: CycleAccount, billedPeriods: number): { readonly task: TaskName; readonly label: string }[] {
  const tasks: { task: TaskName; label: string }[] = [];
  const open = isOpen(a);
  if (open) {
    tasks.push({ task: "close", label: "Close service" }, { task: "transfer", label: "Transfer" });
    tasks.push(a.autopay ? { task: "autopayOff", label: "Withdraw autopay" } : { task: "autopay", label: "Enrol in autopay" });
    tasks.push(a.eBill ? { task: "eBillOff", label: "Stop e-bill" } : { task: "eBill", label: "Start e-bill" });
    tasks.push(a.levelPay ? { task: "levelPayOff", label: "Withdraw level pay" } : { task: "levelPay", label: "Enrol in level pay" });
  }
  tasks.push({ task: "plan", label: "Payment plan" });
  if (billedPeriods > 0 && a.meter) tasks.push({ task: "leak", label: "Leak adjustment" });
  if (billedPeriods > 0) tasks.push({ task: "backBill", label: "Back-bill" });
  return tasks;
}
