import { KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
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
import { EditList, itemKey } from "../review/EditList";
import { Decide, EditActions, EditActionsHandle, SHORTCUTS } from "../review/EditActions";
import { findSheets } from "../../review/findSheets";
import { useFormStyles } from "../layout";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, paddingLeft: 0, alignItems: "end" },
  keys: { color: tokens.colorNeutralForeground3 },
});

/** Keys typed into a field are the field's: shortcuts act only from the list and the buttons. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return (
    ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) ||
    el.isContentEditable ||
    ["combobox", "listbox", "option"].includes(el.getAttribute("role") ?? "")
  );
}

/** The meter-read review: validate a reads sheet, see its edits, decide on each. */
export function ReviewView() {
  const styles = useStyles();
  const form = useFormStyles();
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
  const actions = useRef<EditActionsHandle>(null);
  const list = useRef<HTMLDivElement>(null);
  /** The row to focus once it is drawn (after a choice by key or after a decision). */
  const [focusKey, setFocusKey] = useState<string>();
  const choose = (item: ReviewItem | undefined, focus = false) => {
    setSelected(item);
    if (!item) return;
    void review.select(item);
    if (focus) setFocusKey(itemKey(item));
  };
  useEffect(() => {
    if (!focusKey) return;
    const row = list.current?.querySelector<HTMLElement>(`[data-edit="${focusKey}"]`);
    row?.focus();
    row?.scrollIntoView?.({ block: "nearest" });
    setFocusKey(undefined);
  }, [focusKey, items]);

  // A validation that finishes chooses the first open edit, so the work starts at once.
  const validating = useRef(false);
  useEffect(() => {
    if (!validating.current || !review.result) return;
    validating.current = false;
    choose(applyFilters(review.result.items, filters)[0], true);
  }, [review.result]);

  /** The edit `step` places after (or before) the chosen one in the list. */
  const neighbour = (step: 1 | -1): ReviewItem | undefined => {
    const at = current ? items.findIndex((i) => itemKey(i) === itemKey(current)) : -1;
    const i = at + step;
    return i >= 0 && i < items.length ? items[i] : undefined;
  };
  /**
   * Decides on the chosen edit, then chooses the next open edit from where it stood in the list,
   * in the list as the decision left it (a decision can settle other edits of the same read).
   */
  const decidedAt = useRef<number>();
  /** A decision on its way to the workbook: until it lands, the review keys do nothing. */
  const deciding = useRef(false);
  const decide: Decide = async (kind, reason, extra) => {
    if (!current || deciding.current) return false;
    decidedAt.current = items.findIndex((i) => itemKey(i) === itemKey(current));
    deciding.current = true;
    try {
      const done = await review.decide(current, kind, reason, extra);
      if (!done) decidedAt.current = undefined;
      return done;
    } finally {
      deciding.current = false;
    }
  };
  useEffect(() => {
    const at = decidedAt.current;
    if (at === undefined || !review.result) return;
    decidedAt.current = undefined;
    const after = items.slice(Math.max(0, at)).find((i) => !i.decision && (!current || itemKey(i) !== itemKey(current)));
    // Focus moves to the next edit, but never out of a field the user is typing in.
    choose(after ?? [...items.slice(0, Math.max(0, at))].reverse().find((i) => !i.decision), !typing(document.activeElement));
  }, [items]);
  const onKeys = (e: KeyboardEvent) => {
    if (!review.result || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (deciding.current) {
      // A key pressed while a decision is still being written must not act on the edit that follows.
      if (e.key.length === 1) e.preventDefault();
      return;
    }
    const key = e.key.toUpperCase();
    const act: Record<string, () => void> = {
      [SHORTCUTS.next]: () => choose(neighbour(1) ?? current, true),
      [SHORTCUTS.previous]: () => choose(neighbour(-1) ?? current, true),
      [SHORTCUTS.approve]: () => actions.current?.approve(),
      [SHORTCUTS.estimate]: () => actions.current?.estimate(),
      [SHORTCUTS.reread]: () => actions.current?.reread(),
      [SHORTCUTS.exchange]: () => actions.current?.exchange(),
    };
    if (!Object.prototype.hasOwnProperty.call(act, key)) return;
    e.preventDefault();
    act[key]();
  };

  return (
    // The review loop's keys work anywhere in the view but in a field (listed under the summary).
    <div onKeyDown={onKeys}>
      <Subtitle2 as="h2">Read review</Subtitle2>
      {/* A group, not a toolbar: the sheet picker is a combobox, whose arrow keys must stay its own. */}
      <div className={styles.toolbar} role="group" aria-label="Read review actions">
        <Field label="Reads sheet">
          <Dropdown
            className={form.control}
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
        <Button
          appearance="primary"
          disabled={review.progress !== undefined}
          onClick={() => {
            validating.current = true;
            void review.validate(sheet);
          }}
        >
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
        <MessageBar layout="multiline" intent={review.status.intent} role="status">
          <MessageBarBody>{review.status.text}</MessageBarBody>
        </MessageBar>
      )}
      {review.result && review.result.disabled.length > 0 && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>
            Some edits are off: {[...new Set(review.result.disabled.map((d) => d.reason))].join("; ")}. Off:{" "}
            {review.result.disabled.map((d) => d.code).join(", ")}.
          </MessageBarBody>
        </MessageBar>
      )}
      {review.result && review.result.contextProblems.length > 0 && (
        <MessageBar layout="multiline" intent="warning">
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
          <Caption1 className={styles.keys} id="review-keys">
            Keys: {SHORTCUTS.next} next edit, {SHORTCUTS.previous} previous, {SHORTCUTS.approve} approve, {SHORTCUTS.estimate} estimate,{" "}
            {SHORTCUTS.reread} re-read, {SHORTCUTS.exchange} meter exchange.
          </Caption1>
          <div ref={list}>
            <EditList
              items={items}
              selected={current}
              onSelect={(item, focus) => choose(item, focus)}
              actions={current && <EditActions ref={actions} key={itemKey(current)} item={current} review={review} onDecide={decide} />}
            />
          </div>
        </>
      )}
    </div>
  );
}
