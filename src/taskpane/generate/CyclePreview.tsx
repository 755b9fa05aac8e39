import { Table, TableBody, TableCell, TableRow } from "@fluentui/react-components";
import { CycleResult, moneyText } from "../../engine";
import type { LoadedCycle } from "../../cycle/inputs";
import { COUNT_WORDS, cycleCounts, decisionText, noticeText } from "../../cycle/summary";

const n = (v: number) => v.toLocaleString("en-US");
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What the cycle will bill: counts (in the Review view's words) and totals, before anything is written. */
export function CyclePreview({ loaded, result }: { loaded: LoadedCycle; result: CycleResult }) {
  const r = result.register;
  const counts = cycleCounts(loaded, result);
  const rows: [string, string][] = [
    ["Period", `${loaded.input.periodStart} to ${loaded.input.periodEnd}`],
    ["Bill date", loaded.input.billDate],
    ["Reads matched to an account", n(r.readsReceived)],
    ["Bills", `${n(r.billed)} (${decisionText(counts, "billed") || "none"})`],
    [capital(COUNT_WORDS.estimated), n(r.estimated)],
    ["Final bills", n(r.final)],
    [capital(COUNT_WORDS.held), `${n(result.held.length)}${result.held.length ? ` (${decisionText(counts, "held")})` : ""}`],
    [capital(COUNT_WORDS.unmatched), n(counts.unmatchedRows)],
    [capital(COUNT_WORDS.notBilled), n(result.notBilled)],
    ...[...r.charges].map(([service, amount]): [string, string] => [`Charges: ${service}`, moneyText(amount)]),
    ["Current charges", moneyText(r.currentCharges)],
    ["Adjustments", moneyText(r.adjustments)],
    ["Fees", moneyText(r.fees)],
    ["Payments", moneyText(r.payments)],
    ["Total due on the bills", moneyText(r.totalDue)],
    ["Reconciliation difference", moneyText(result.reconciliation.difference)],
    ["Notices", noticeText(counts)],
    ["Kept off letters and the shutoff list", n(counts.keptOff)],
    ["Door hangers", n(result.doorHangers.length)],
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
