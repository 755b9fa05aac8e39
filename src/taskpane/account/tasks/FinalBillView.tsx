import { Caption1, Subtitle2 } from "@fluentui/react-components";
import type { FinalBill } from "../../../accounts/tasks/closeService";
import { moneyText, quantityText } from "../../../engine";
import { serviceLabel } from "../accountDetail";
import { useTableStyles } from "../tableStyles";

/** The off-cycle final bill as the close made it: each charge, the balance before, the deposit applied, what is due or refunded. */
export function FinalBillView({ bill }: { bill: FinalBill }) {
  const styles = useTableStyles();
  const id = `final-bill-${bill.bill}`;
  return (
    <section className={styles.section} aria-labelledby={id} data-final-bill={bill.bill}>
      <Subtitle2 as="h3" id={id}>
        Final bill {bill.bill}
      </Subtitle2>
      <Caption1 className={styles.wrap}>
        Service {bill.from} to {bill.closeDate} ({bill.serviceDays} of {bill.cycleDays} days)
        {bill.usage ? `, ${quantityText(bill.usage)} ${bill.unit} used` : ""}: {bill.usageBasis}.
      </Caption1>
      <table className={styles.table} aria-label={`Final bill ${bill.bill}`}>
        <thead>
          <tr>
            <th scope="col">Charge</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {bill.lines.map((l) => (
            <tr key={`${l.service}-${l.description}`}>
              <th scope="row" className={styles.wrap} style={{ fontWeight: "normal" }}>
                {serviceLabel(l.service)}
              </th>
              <td className={styles.nowrap}>{moneyText(l.amount)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Final charges</th>
            <td className={styles.nowrap}>{moneyText(bill.charges)}</td>
          </tr>
          <tr>
            <th scope="row">Balance before</th>
            <td className={styles.nowrap}>{moneyText(bill.balanceBefore)}</td>
          </tr>
          {!bill.transferredTo && (
            <tr>
              <th scope="row">Deposit applied</th>
              {/* It takes away from what is owed: shown as a credit, as a bill shows one. */}
              <td className={styles.nowrap}>
                {moneyText(bill.depositApplied.isZero() ? bill.depositApplied.abs() : bill.depositApplied.negated())}
              </td>
            </tr>
          )}
          {bill.refund.greaterThan(0) ? (
            <tr>
              <th scope="row">Refund due</th>
              <td className={styles.nowrap}>{moneyText(bill.refund)}</td>
            </tr>
          ) : (
            <tr>
              <th scope="row">{bill.transferredTo ? `Carried to account ${bill.transferredTo}` : "Amount due"}</th>
              <td className={styles.nowrap} data-due={bill.due.toFixed(2)}>
                {moneyText(bill.transferredTo ? bill.carried : bill.due)}
              </td>
            </tr>
          )}
          <tr>
            <th scope="row">Due date</th>
            <td className={styles.nowrap}>{bill.transferredTo || bill.refund.greaterThan(0) ? "none" : bill.dueDate}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
