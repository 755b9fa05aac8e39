import { BackBill, moneyText, quantityText } from "../../../engine";
import { useTableStyles } from "../tableStyles";

/** The chosen bills priced again: billed, corrected, the difference, and any left out by the look-back. */
export function BackBillTable({ bb }: { bb: BackBill }) {
  const styles = useTableStyles();
  return (
    <table className={styles.table} aria-label="Bills priced again">
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col">Billed</th>
          <th scope="col">Corrected</th>
          <th scope="col">Difference</th>
        </tr>
      </thead>
      <tbody>
        {bb.periods.map((p) => (
          <tr key={p.asOf} title={p.reason}>
            <th scope="row" className={styles.nowrap}>
              {p.asOf}
              {p.included ? "" : " (not billed)"}
            </th>
            <td>
              {quantityText(p.billedUsage)}: {moneyText(p.billed)}
            </td>
            <td>
              {quantityText(p.correctedUsage)}: {moneyText(p.corrected)}
            </td>
            <td className={styles.nowrap}>{moneyText(p.difference)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
