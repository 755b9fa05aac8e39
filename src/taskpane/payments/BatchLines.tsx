import { Fragment } from "react";
import { Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { AccountForPayment, LineCheck, moneyText } from "../../engine";
import type { KeyedLine } from "./batchForm";

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { padding: "2px 4px", textAlign: "left", verticalAlign: "top", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  amount: { textAlign: "right", whiteSpace: "nowrap" },
  wrap: { overflowWrap: "anywhere" },
  // A line with a row of notes below it: one border under both.
  noted: { "& td": { borderBottom: "none" } },
  remove: { minWidth: "auto", paddingLeft: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** The batch's lines, newest last; each line's problem or question (answered by a checkbox) beneath it. */
export function BatchLines({
  lines,
  checks,
  accounts,
  posted,
  onConfirm,
  onRemove,
}: {
  lines: readonly KeyedLine[];
  checks: readonly LineCheck[];
  accounts: ReadonlyMap<string, AccountForPayment>;
  posted: boolean;
  onConfirm: (key: number, yes: boolean) => void;
  onRemove: (key: number) => void;
}) {
  const styles = useStyles();
  if (lines.length === 0) return null;
  return (
    <table className={styles.table} aria-label="Payments keyed">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Account</th>
          <th scope="col" className={styles.amount}>
            Amount
          </th>
          <th scope="col">Reference</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => {
          const check = checks[i];
          const n = i + 1;
          const known = accounts.get(line.account);
          // What a line needs said (a problem, a question to answer, a credit) goes on a row of its own, full width.
          const notes =
            check && (check.problems.length > 0 || (!posted && check.questions.length > 0) || (known && !check.credit.isZero()));
          return (
            <Fragment key={line.key}>
              <tr data-line={n} className={notes ? styles.noted : undefined}>
                <td>{n}</td>
                <td className={styles.wrap}>
                  {line.account}
                  <br />
                  {known?.name ?? "not on the Accounts sheet"}
                  {!posted && (
                    <>
                      <br />
                      <Button
                        size="small"
                        appearance="subtle"
                        className={styles.remove}
                        aria-label={`Remove line ${n}`}
                        onClick={() => onRemove(line.key)}
                      >
                        Remove
                      </Button>
                    </>
                  )}
                </td>
                <td className={styles.amount}>{moneyText(line.amount)}</td>
                <td className={styles.wrap}>{line.reference}</td>
              </tr>
              {notes && (
                <tr>
                  <td />
                  <td colSpan={3}>
                    {check.problems.map((p) => (
                      <div key={p} className={styles.problem}>
                        {p}
                      </div>
                    ))}
                    {!posted &&
                      check.questions.map((q) => (
                        <Checkbox
                          key={q}
                          checked={line.confirmed}
                          onChange={(_, d) => onConfirm(line.key, d.checked === true)}
                          label={`Post anyway: ${q}`}
                        />
                      ))}
                    {known && !check.credit.isZero() && <div>{moneyText(check.credit)} stays on the account as a credit</div>}
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
