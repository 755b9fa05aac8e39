import { Fragment, ReactNode } from "react";
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
  tokens,
} from "@fluentui/react-components";
import { EDITS } from "../../engine";
import type { ReviewItem } from "../../review/types";
import { SEVERITY_COLOR } from "./ReviewSummary";

const SHOWN = 200;

/** The key a list row is known by: a read's row and its edit's code. */
export const itemKey = (item: Pick<ReviewItem, "row" | "code">) => `${item.row}:${item.code}`;

// A task pane is 320 px wide at its narrowest: the edit's words take the room, wrapping between words.
const useStyles = makeStyles({
  row: { width: "3.5em" },
  account: { width: "6.5em" },
  edit: { overflowWrap: "break-word" },
  chosen: { backgroundColor: tokens.colorBrandBackground2, boxShadow: `inset 4px 0 0 ${tokens.colorBrandStroke1}` },
  actions: { padding: `0 ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalM}` },
});

/**
 * The filtered edits, one row each, in words (the code is in the chosen edit's detail and the
 * sheet's column); choosing one selects its cell in Excel, marks its row, and opens its actions
 * right below it.
 */
export function EditList({
  items,
  selected,
  onSelect,
  actions,
}: {
  items: readonly ReviewItem[];
  selected?: ReviewItem;
  onSelect: (item: ReviewItem, focus?: boolean) => void;
  /** What to do about the chosen edit, shown under its row. */
  actions?: ReactNode;
}) {
  const styles = useStyles();
  const shown = items.slice(0, SHOWN);
  const anyChosen = selected !== undefined && shown.some((i) => itemKey(i) === itemKey(selected));
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
          {shown.map((item, index) => {
            const chosen = selected !== undefined && itemKey(selected) === itemKey(item);
            return (
              <Fragment key={itemKey(item)}>
                <TableRow
                  data-edit={itemKey(item)}
                  className={chosen ? styles.chosen : undefined}
                  // One Tab stop for the list, on the chosen edit (a roving tab index): Tab never puts the
                  // focus ring on a row other than the one the review keys act on; Up and Down move the choice.
                  tabIndex={chosen || (!anyChosen && index === 0) ? 0 : -1}
                  aria-selected={chosen}
                  onClick={() => onSelect(item)}
                  onKeyDown={(e) => {
                    if (e.target !== e.currentTarget) return;
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      onSelect(item);
                    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
                      const next = shown[index + (e.key === "ArrowDown" ? 1 : -1)];
                      e.preventDefault();
                      if (next) onSelect(next, true);
                    }
                  }}
                >
                  <TableCell>{item.row + 1}</TableCell>
                  <TableCell>
                    <TableCellLayout description={item.meter}>{item.account || "(none)"}</TableCellLayout>
                  </TableCell>
                  <TableCell className={styles.edit}>
                    <TableCellLayout description={item.decision ? `${item.decision.kind}: ${item.message}` : item.message}>
                      <Badge size="small" appearance="tint" color={SEVERITY_COLOR[item.severity]}>
                        {item.severity}
                      </Badge>{" "}
                      {EDITS[item.code].title}
                    </TableCellLayout>
                  </TableCell>
                </TableRow>
                {chosen && actions && (
                  <TableRow>
                    <TableCell colSpan={3} className={styles.actions}>
                      {actions}
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
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
