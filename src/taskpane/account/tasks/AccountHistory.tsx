import { Caption1, Subtitle2 } from "@fluentui/react-components";
import { ACCOUNT_CHANGES_SHEET } from "../../../accounts/accountChanges";
import { accountHistory, AccountChange } from "../../../engine";
import { useTableStyles } from "../tableStyles";

/** A change as the history lists it: "Status: Active → Final". */
const changeText = (c: AccountChange) => `${c.field}: ${c.was === "" ? "(blank)" : c.was} → ${c.value === "" ? "(blank)" : c.value}`;

/** The account's changes on the Account Changes sheet, newest effective first: when, what, and which task and why. */
export function AccountHistory({ changes, account }: { changes: readonly AccountChange[]; account: string }) {
  const styles = useTableStyles();
  const rows = accountHistory(changes, account).reverse();
  return (
    <>
      <Subtitle2 as="h3">Account history</Subtitle2>
      {rows.length === 0 ? (
        <Caption1>No changes to this account on the {ACCOUNT_CHANGES_SHEET} sheet.</Caption1>
      ) : (
        <table className={styles.table} aria-label="Account history, newest first">
          <thead>
            <tr>
              <th scope="col">Effective</th>
              <th scope="col" className={styles.left}>
                Change
              </th>
              <th scope="col" className={styles.left}>
                Task and reason
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => (
              <tr key={`${c.recorded}-${c.field}-${i}`}>
                <td className={styles.nowrap}>{c.effective}</td>
                <td className={`${styles.left} ${styles.wrap}`}>{changeText(c)}</td>
                <td className={`${styles.left} ${styles.wrap}`}>
                  {c.task}
                  {c.reason ? `: ${c.reason}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
