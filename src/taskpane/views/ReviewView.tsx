import { useEffect, useMemo, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { ReviewItem } from "../../review/types";
import { useServices } from "../services";
import { useReview } from "../review/useReview";
import { ReviewSummary } from "../review/ReviewSummary";
import { applyFilters, EditFilters, Filters, NO_FILTERS } from "../review/EditFilters";
import { EditList } from "../review/EditList";
import { EditActions } from "../review/EditActions";
import { findSheets } from "../../review/findSheets";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, paddingLeft: 0, alignItems: "end" },
});

/** The meter-read review: validate a reads sheet, see its edits, decide on each. */
export function ReviewView() {
  const styles = useStyles();
  const { workbook } = useServices();
  const review = useReview();
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string>();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selected, setSelected] = useState<ReviewItem>();

  useEffect(() => {
    void workbook.readHeads(50).then((heads) => {
      const found = findSheets(heads);
      setSheets(found.readsCandidates);
      setSheet((s) => s ?? found.reads);
    });
  }, [workbook, review.result]);

  const items = useMemo(() => applyFilters(review.result?.items ?? [], filters), [review.result, filters]);
  const current = selected && review.result?.items.find((i) => i.row === selected.row && i.code === selected.code);
  const choose = (item: ReviewItem) => {
    setSelected(item);
    void review.select(item);
  };

  return (
    <>
      <Subtitle2 as="h2">Read review</Subtitle2>
      {/* A group, not a toolbar: the sheet picker is a combobox, whose arrow keys must stay its own. */}
      <div className={styles.toolbar} role="group" aria-label="Read review actions">
        <Field label="Reads sheet">
          <Dropdown
            placeholder={sheets.length ? "Choose a sheet" : "No reads sheet found"}
            value={sheet ?? ""}
            selectedOptions={sheet ? [sheet] : []}
            onOptionSelect={(_, d) => setSheet(d.optionValue)}
          >
            {sheets.map((s) => (
              <Option key={s} value={s}>
                {s}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button appearance="primary" disabled={review.progress !== undefined} onClick={() => review.validate(sheet)}>
          Validate
        </Button>
        <Button disabled={!review.result || review.progress !== undefined} onClick={() => review.clear()}>
          Clear flags
        </Button>
      </div>
      {sheets.length === 0 && !review.result && (
        <Body1>
          No sheet has a reads header yet. A reads sheet needs the columns Account, Meter, Previous Read and Current Read, anywhere in its
          first 50 rows.
        </Body1>
      )}
      {review.progress && (
        <div role="status" aria-live="polite">
          <ProgressBar value={review.progress.total ? review.progress.done / review.progress.total : undefined} />
          <Caption1>
            {review.progress.phase}{" "}
            {review.progress.total > 1 ? `${review.progress.done.toLocaleString()} of ${review.progress.total.toLocaleString()}` : ""}
          </Caption1>
          <Button onClick={review.cancel}>Cancel</Button>
        </div>
      )}
      {review.status && (
        <MessageBar intent={review.status.intent} role="status">
          <MessageBarBody>{review.status.text}</MessageBarBody>
        </MessageBar>
      )}
      {review.result && review.result.disabled.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            Some edits are off: {[...new Set(review.result.disabled.map((d) => d.reason))].join("; ")}. Off:{" "}
            {review.result.disabled.map((d) => d.code).join(", ")}.
          </MessageBarBody>
        </MessageBar>
      )}
      {review.result && review.result.contextProblems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {review.result.contextProblems.slice(0, 5).join(" ")}
            {review.result.contextProblems.length > 5 ? ` (and ${review.result.contextProblems.length - 5} more)` : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      {review.result && (
        <>
          <ReviewSummary result={review.result} onCode={(code) => setFilters({ ...filters, code, status: "all" })} />
          <EditFilters filters={filters} codes={review.result.counts.map((c) => c.code)} onChange={setFilters} />
          <EditList items={items} selected={current} onSelect={choose} />
          {current && <EditActions key={`${current.row}:${current.code}`} item={current} review={review} />}
        </>
      )}
    </>
  );
}
