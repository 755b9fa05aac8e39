import { Table, TableBody, TableCell, TableRow } from "@fluentui/react-components";
import { CycleResult, moneyText } from "../../engine";
import type { LoadedCycle } from "../../cycle/inputs";

/** What the cycle will bill: counts and totals, before anything is written. */
export function CyclePreview({ loaded, result }: { loaded: LoadedCycle; result: CycleResult }) {
  const r = result.register;
  const rows: [string, string][] = [
    ["Period", `${loaded.input.periodStart} to ${loaded.input.periodEnd}`],
    ["Bill date", loaded.input.billDate],
    ["Reads received", r.readsReceived.toLocaleString("en-US")],
    ["Bills", r.billed.toLocaleString("en-US")],
    ["Held (open read errors)", result.held.length.toLocaleString("en-US")],
    ...[...r.charges].map(([service, amount]): [string, string] => [`Charges: ${service}`, moneyText(amount)]),
    ["Current charges", moneyText(r.currentCharges)],
    ["Adjustments", moneyText(r.adjustments)],
    ["Fees", moneyText(r.fees)],
    ["Payments", moneyText(r.payments)],
    ["Total due on the bills", moneyText(r.totalDue)],
    ["Reconciliation difference", moneyText(result.reconciliation.difference)],
    ["Delinquent accounts", result.delinquency.length.toLocaleString("en-US")],
    ["Door hangers", result.doorHangers.length.toLocaleString("en-US")],
  ];
  return (
    <Table aria-label="Cycle preview" size="extra-small">
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell>{label}</TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
