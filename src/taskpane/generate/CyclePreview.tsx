import { Table, TableBody, TableCell, TableRow } from "@fluentui/react-components";
import type { CycleResult } from "../../engine";
import type { LoadedCycle } from "../../cycle/inputs";

/** What the cycle will bill: counts and totals, before anything is written. */
export function CyclePreview({ loaded, result }: { loaded: LoadedCycle; result: CycleResult }) {
  const r = result.register;
  const rows: [string, string][] = [
    ["Period", `${loaded.input.periodStart} to ${loaded.input.periodEnd}`],
    ["Bill date", loaded.input.billDate],
    ["Reads received", String(r.readsReceived)],
    ["Bills", String(r.billed)],
    ["Held (open read errors)", String(result.held.length)],
    ...[...r.charges].map(([service, amount]): [string, string] => [`Charges: ${service}`, amount.toCents()]),
    ["Current charges", r.currentCharges.toCents()],
    ["Adjustments", r.adjustments.toCents()],
    ["Fees", r.fees.toCents()],
    ["Payments", r.payments.toCents()],
    ["Total due on the bills", r.totalDue.toCents()],
    ["Reconciliation difference", result.reconciliation.difference.toCents()],
    ["Delinquent accounts", String(result.delinquency.length)],
    ["Door hangers", String(result.doorHangers.length)],
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
