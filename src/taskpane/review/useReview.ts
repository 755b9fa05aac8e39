import { useCallback, useRef, useState } from "react";
import { Dec } from "../../engine";
import { estimateForRead, makeDecision, recordExchange, requestReread, writeEstimate, writeReviewLog } from "../../review/actions";
import { Decision } from "../../review/decisions";
import { reviewStanding } from "../../review/standing";
import { codesText, messagesText } from "../../review/flags";
import { countByCode, runReview } from "../../review/runReview";
import { clearReview } from "../../review/clearReview";
import type { ReviewItem, ReviewResult } from "../../review/types";
import { loadSettings } from "../../storage/settings";
import { Cancelled } from "../../workbook/port";
import { useServices } from "../services";

export interface ReviewProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

/** What the exchange form collects: the old meter's final read and the new meter. */
export interface ExchangeForm {
  readonly oldMeter: string;
  readonly oldFinal: Dec;
  readonly newMeter: string;
  readonly newSize?: string;
  readonly newDials?: number;
  readonly newSet: Dec;
  readonly date: string;
}

export type ReviewStatus = { intent: "success" | "warning" | "error" | "info"; text: string } | undefined;

/** The Review view's state and actions: validate, cancel, clear, and decide on an edit. */
export function useReview() {
  const { workbook, decisions, db, now } = useServices();
  const [result, setResult] = useState<ReviewResult>();
  const [progress, setProgress] = useState<ReviewProgress>();
  const [status, setStatus] = useState<ReviewStatus>();
  const cancelled = useRef(false);

  const validate = useCallback(
    async (sheet?: string) => {
      cancelled.current = false;
      setStatus(undefined);
      setProgress({ phase: "Starting", done: 0, total: 1 });
      try {
        const settings = await loadSettings(db);
        const outcome = await runReview(workbook, {
          readsSheet: sheet,
          settings: settings.readEdits,
          policy: settings.policy,
          decisions: await decisions.list(),
          progress: (phase, done, total) => setProgress({ phase, done, total }),
          cancelled: () => cancelled.current,
        });
        if (!outcome.ok) return setStatus({ intent: "error", text: outcome.message });
        setResult(outcome.result);
        const open = outcome.result.items.filter((i) => !i.decision).length;
        setStatus({
          intent: open ? "warning" : "success",
          text: `${outcome.result.reads.toLocaleString()} reads checked on ${outcome.result.sheet}: ${open.toLocaleString()} open edit${open === 1 ? "" : "s"}.`,
        });
      } catch (error) {
        setStatus(
          error instanceof Cancelled
            ? { intent: "info", text: "Validation cancelled. Nothing was written." }
            : { intent: "error", text: (error as Error).message },
        );
      } finally {
        setProgress(undefined);
      }
    },
    [workbook, decisions, db],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  const clear = useCallback(async () => {
    if (!result) return;
    const outcome = await clearReview(workbook, result.sheet);
    setStatus(outcome.ok ? { intent: "success", text: `Flags cleared from ${result.sheet}.` } : { intent: "error", text: outcome.message });
    if (outcome.ok) setResult(undefined);
  }, [workbook, result]);

  /** Records a decision, shows it in the sheet's own columns, and keeps the list in step. */
  const decide = useCallback(
    async (item: ReviewItem, kind: Decision["kind"], reason: string, extra: { estimate?: Dec; exchange?: ExchangeForm } = {}) => {
      if (!result) return;
      const read = result.readRows.get(item.row)!;
      const at = now();
      const address = read.address || result.accounts?.get(read.account)?.address || "";
      try {
        if (kind === "reread") await requestReread(workbook, read, reason || item.message, at.slice(0, 10), address);
        if (kind === "exchange" && extra.exchange)
          await recordExchange(workbook, { account: read.account, ...extra.exchange, recorded: at }, address);
        let columns = result.columns;
        if (kind === "estimated" && extra.estimate)
          columns = { ...columns, estimate: await writeEstimate(workbook, result, item.row, extra.estimate) };
        const decision = makeDecision(read, item, kind, reason, at, extra.estimate);
        await decisions.save(decision);
        await writeReviewLog(workbook, await decisions.list());
        const items = result.items.map((i) =>
          i.row === item.row && (decision.code === "*" || i.code === decision.code) ? { ...i, decision } : i,
        );
        const decisionsNow = new Map(result.decisions).set(decision.key, decision);
        const rowItems = items.filter((i) => i.row === item.row);
        await workbook.applyFlags(result.sheet, {
          blocks: [{ top: item.row, left: columns.codes, rows: [[codesText(rowItems), messagesText(rowItems)]] }],
        });
        // The counts follow every decision, decided by the engine as the cycle will decide them.
        const { policy } = await loadSettings(db);
        const standing = reviewStanding({ ...result, decisions: decisionsNow }, items, policy);
        setResult({ ...result, columns, items, decisions: decisionsNow, counts: countByCode(items), standing });
        setStatus({
          intent: "success",
          text: `${read.account}: ${kind === "reread" ? "re-read requested" : kind === "exchange" ? "meter exchange recorded; validate again to use it" : kind}.`,
        });
      } catch (error) {
        setStatus({ intent: "error", text: (error as Error).message });
      }
    },
    [result, workbook, decisions, now, db],
  );

  const estimateFor = useCallback(
    (item: ReviewItem) => {
      const read = result?.readRows.get(item.row);
      return read ? estimateForRead(read, result!.history.get(read.account)) : undefined;
    },
    [result],
  );

  const select = useCallback(
    async (item: ReviewItem) => {
      if (result) await workbook.select(result.sheet, item.row, item.column).catch(() => undefined);
    },
    [workbook, result],
  );

  /** The read's meter and dates, for the exchange form's checks. */
  const readOf = useCallback((item: ReviewItem) => result?.readRows.get(item.row), [result]);

  /** The exchange form's starting values: the old meter from the account, the new one from the read when it differs. */
  const exchangeDefaults = useCallback(
    (item: ReviewItem) => {
      const read = result?.readRows.get(item.row);
      const record = read ? result?.accounts?.get(read.account) : undefined;
      const oldMeter = read?.exchange?.oldMeter || record?.meter || read?.meter || "";
      const newMeter = read && read.meter !== oldMeter ? read.meter : "";
      return {
        oldMeter,
        newMeter,
        newSize: read?.meterSize ?? record?.meterSize ?? "",
        newDials: String(read?.dials ?? record?.dials ?? ""),
      };
    },
    [result],
  );

  return { result, progress, status, validate, cancel, clear, decide, estimateFor, select, exchangeDefaults, readOf };
}
