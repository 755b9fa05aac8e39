import {
  Badge,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import type { ReviewItem } from "../../review/types";
import { SEVERITY_COLOR } from "./ReviewSummary";

const SHOWN = 200;

// A task pane is about 320 px wide: give the edit text the room and let long codes wrap.
const useStyles = makeStyles({
  row: { width: "3.5em" },
  account: { width: "6.5em" },
  edit: { overflowWrap: "anywhere" },
});

/** The filtered edits, one row each; choosing one selects its cell in Excel. */
export function EditList({
  items,
  selected,
  onSelect,
}: {
  items: readonly ReviewItem[];
  selected?: ReviewItem;
  onSelect: (item: ReviewItem) => void;
}) {
  const styles = useStyles();
  return (
    <>
      <Table aria-label="Flagged reads" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.row}>Row</TableHeaderCell>
            <TableHeaderCell className={styles.account}>Account</TableHeaderCell>
            <TableHeaderCell>Edit</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.slice(0, SHOWN).map((item) => (
            <TableRow
              key={`${item.row}:${item.code}`}
              tabIndex={0}
              aria-selected={selected === item}
              onClick={() => onSelect(item)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  onSelect(item);
                }
              }}
            >
              <TableCell>{item.row + 1}</TableCell>
              <TableCell>
                <TableCellLayout description={item.meter}>{item.account || "(none)"}</TableCellLayout>
              </TableCell>
              <TableCell className={styles.edit}>
                <TableCellLayout description={item.message}>
                  <Badge size="small" appearance="tint" color={SEVERITY_COLOR[item.severity]}>
                    {item.severity}
                  </Badge>{" "}
                  {item.code}
                  {item.decision ? ` (${item.decision.kind})` : ""}
                </TableCellLayout>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {items.length > SHOWN && (
        <Caption1>
          Showing {SHOWN} of {items.length.toLocaleString()}; filter to narrow the list.
        </Caption1>
      )}
      {items.length === 0 && <Caption1>No edits match these filters.</Caption1>}
    </>
  );
}
