import { Badge, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import { EDITS } from "../../engine";
import type { EditCode, Severity } from "../../engine";
import type { ReviewView } from "../../worker/reviewSession";
import { COUNT_WORDS } from "../../cycle/summary";

const useStyles = makeStyles({
  badges: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // A count in words ("2 rows that could not be matched to an account") wraps inside its badge at 320 px.
  words: { whiteSpace: "normal", height: "auto", minHeight: "20px", maxWidth: "100%", textAlign: "start" },
});

export const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/**
 * Open edits by severity; the accounts billing will hold or estimate and the rows it cannot match,
 * counted by the engine as Generate counts them; and a row per edit code (choosing one filters the list).
 */
export function ReviewSummary({ result, onCode }: { result: ReviewView; onCode: (code: EditCode) => void }) {
  const styles = useStyles();
  const open = (s: Severity) => result.items.filter((i) => i.severity === s && !i.decision).length;
  const standing = result.standing;
  return (
    <>
      <div className={styles.badges} aria-label="Open edits by severity">
        <Badge appearance="filled" color="danger">
          {open("error")} errors
        </Badge>
        <Badge appearance="filled" color="warning">
          {open("warning")} warnings
        </Badge>
        <Badge appearance="tint" color="informative">
          {open("info")} info
        </Badge>
        {standing && (
          <Badge appearance="outline" className={styles.words}>
            {standing.held.length} {COUNT_WORDS.held}
          </Badge>
        )}
        {standing && standing.estimated > 0 && (
          <Badge appearance="outline" className={styles.words}>
            {standing.estimated} {COUNT_WORDS.estimated}
          </Badge>
        )}
        {standing && standing.unmatchedRows > 0 && (
          <Badge appearance="outline" className={styles.words}>
            {standing.unmatchedRows} {COUNT_WORDS.unmatched}
          </Badge>
        )}
      </div>
      <Table aria-label="Edits by code" size="extra-small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Edit</TableHeaderCell>
            <TableHeaderCell>Open</TableHeaderCell>
            <TableHeaderCell>Resolved</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.counts.map((c) => (
            <TableRow
              key={c.code}
              tabIndex={0}
              onClick={() => onCode(c.code)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  onCode(c.code);
                }
              }}
            >
              <TableCell>
                <Badge size="small" appearance="tint" color={SEVERITY_COLOR[c.severity]}>
                  {c.severity}
                </Badge>{" "}
                {EDITS[c.code].title}
              </TableCell>
              <TableCell>{c.open}</TableCell>
              <TableCell>{c.resolved}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
