import { useCallback, useMemo, useRef, useState } from "react";
import { Dec } from "../../engine";
import type { Decision } from "../../review/decisions";
import { clearReview } from "../../review/clearReview";
import type { ReviewItem } from "../../review/types";
import type { ReviewView } from "../../worker/reviewSession";
import { loadSettings } from "../../storage/settings";
import { Cancelled } from "../../workbook/port";
import { useServices } from "../services";
import { inlineEngine } from "../engine/engineRunner";

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

type EstimateResult = { ok: true; value: Dec } | { ok: false; problem: { message: string } };

/**
 * The Review view's state and actions: validate, cancel, clear, and decide on an edit. The
 * review itself runs in the engine's worker (services.engine); the pane holds what it shows.
 */
export function useReview() {
  const { workbook, decisions, db, now, engine } = useServices();
  const runner = useMemo(() => engine ?? inlineEngine(workbook), [engine, workbook]);
  const [result, setResult] = useState<ReviewView>();
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
        const outcome = (await runner.run(
          {
            kind: "review",
            job: { readsSheet: sheet, settings: settings.readEdits, policy: settings.policy, decisions: await decisions.list() },
          },
          { progress: (phase, done, total) => setProgress({ phase, done, total }), cancelled: () => cancelled.current },
        )) as { ok: true; view: ReviewView } | { ok: false; message: string };
        if (!outcome.ok) return setStatus({ intent: "error", text: outcome.message });
        setResult(outcome.view);
        const open = outcome.view.items.filter((i) => !i.decision).length;
        setStatus({
          intent: open ? "warning" : "success",
          text: `${outcome.view.reads.toLocaleString()} reads checked on ${outcome.view.sheet}: ${open.toLocaleString()} open edit${open === 1 ? "" : "s"}.`,
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
    [runner, decisions, db],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  const clear = useCallback(async () => {
    if (!result) return;
    const outcome = await clearReview(workbook, result.sheet);
    setStatus(outcome.ok ? { intent: "success", text: `Flags cleared from ${result.sheet}.` } : { intent: "error", text: outcome.message });
    if (outcome.ok) {
      setResult(undefined);
      await runner.run({ kind: "closeReview" });
    }
  }, [workbook, result, runner]);

  /** Records a decision, shows it in the sheet's own columns, and keeps the list in step. */
  const decide = useCallback(
    async (
      item: ReviewItem,
      kind: Decision["kind"],
      reason: string,
      extra: { estimate?: Dec; exchange?: ExchangeForm } = {},
    ): Promise<boolean> => {
      if (!result) return false;
      const account = result.contexts.get(item.row)?.account ?? item.account;
      try {
        const e = extra.exchange;
        const decision = (await runner.run({
          kind: "decide",
          job: {
            row: item.row,
            code: item.code,
            kind,
            reason,
            at: now(),
            estimate: extra.estimate?.toString(),
            exchange: e && { ...e, oldFinal: e.oldFinal.toString(), newSet: e.newSet.toString() },
          },
        })) as Decision;
        await decisions.save(decision);
        const { policy } = await loadSettings(db);
        // The counts follow every decision, decided by the engine as the cycle will decide them.
        const view = (await runner.run({
          kind: "afterDecision",
          decision,
          row: item.row,
          all: await decisions.list(),
          policy,
        })) as ReviewView;
        setResult(view);
        setStatus({
          intent: "success",
          text: `${account}: ${kind === "reread" ? "re-read requested" : kind === "exchange" ? "meter exchange recorded; validate again to use it" : kind}.`,
        });
        return true;
      } catch (error) {
        setStatus({ intent: "error", text: (error as Error).message });
        return false;
      }
    },
    [result, runner, decisions, now, db],
  );

  const estimateFor = useCallback(
    (item: ReviewItem): EstimateResult | undefined => {
      const estimate = result?.contexts.get(item.row)?.estimate;
      if (!estimate) return undefined;
      return estimate.ok ? { ok: true, value: new Dec(estimate.value) } : { ok: false, problem: { message: estimate.message } };
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
  const readOf = useCallback((item: ReviewItem) => result?.contexts.get(item.row), [result]);

  /** The exchange form's starting values: the old meter from the account, the new one from the read when it differs. */
  const exchangeDefaults = useCallback(
    (item: ReviewItem) => result?.contexts.get(item.row)?.exchange ?? { oldMeter: "", newMeter: "", newSize: "", newDials: "" },
    [result],
  );

  return { result, progress, status, validate, cancel, clear, decide, estimateFor, select, exchangeDefaults, readOf };
}
