import { Dec, DecisionPolicy, ReadEditSettings } from "../engine";
import { estimateForRead, makeDecision, recordExchange, requestReread, writeEstimate, writeReviewLog } from "../review/actions";
import type { Decision } from "../review/decisions";
import { codesText, messagesText } from "../review/flags";
import { countByCode, runReview } from "../review/runReview";
import { reviewStanding } from "../review/standing";
import type { ReviewItem, ReviewResult } from "../review/types";
import type { WorkbookPort } from "../workbook/port";
import type { JobHooks } from "./cycleJob";

/** What the pane needs of one flagged read, worked out where the reads are (plain data). */
export interface ItemContext {
  readonly account: string;
  readonly meter: string;
  readonly previousDate?: string;
  readonly currentDate?: string;
  /** The exchange form's starting values. */
  readonly exchange: { readonly oldMeter: string; readonly newMeter: string; readonly newSize: string; readonly newDials: string };
  /** The estimate from the account's history, as text, or why there is none. */
  readonly estimate: { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };
}

/**
 * A review as the pane shows it: the result without the reads, accounts and history it was
 * worked from (they stay with the session, in the worker), plus each flagged row's context.
 */
export type ReviewView = Omit<ReviewResult, "readRows" | "usage" | "accounts" | "history"> & {
  readonly contexts: ReadonlyMap<number, ItemContext>;
};

export interface ReviewJob {
  readonly readsSheet?: string;
  readonly settings: ReadEditSettings;
  readonly policy: DecisionPolicy;
  readonly decisions: readonly Decision[];
}

/** A decision the specialist made; money as text. */
export interface DecideJob {
  readonly row: number;
  readonly code: string;
  readonly kind: Decision["kind"];
  readonly reason: string;
  readonly at: string;
  readonly estimate?: string;
  readonly exchange?: {
    readonly oldMeter: string;
    readonly oldFinal: string;
    readonly newMeter: string;
    readonly newSize?: string;
    readonly newDials?: number;
    readonly newSet: string;
    readonly date: string;
  };
}

/**
 * One review at a time: validation, then each decision on it. It runs in the engine's worker in
 * the add-in (the reads, accounts and history of a city never cross to the pane) and in the
 * caller's thread in tests.
 */
export class ReviewSession {
  private result?: ReviewResult;

  async validate(
    port: WorkbookPort,
    job: ReviewJob,
    hooks: JobHooks = {},
  ): Promise<{ ok: true; view: ReviewView } | { ok: false; message: string }> {
    this.result = undefined;
    const outcome = await runReview(port, { ...job, progress: hooks.progress, cancelled: hooks.cancelled });
    if (!outcome.ok) return outcome;
    this.result = outcome.result;
    return { ok: true, view: viewOf(outcome.result) };
  }

  /** Writes what the decision asks of the workbook (a re-read order, an exchange, an estimate) and returns the decision to keep. */
  async decide(port: WorkbookPort, job: DecideJob): Promise<Decision> {
    const result = this.current();
    const read = result.readRows.get(job.row)!;
    const item = result.items.find((i) => i.row === job.row && i.code === job.code)!;
    const address = read.address || result.accounts?.get(read.account)?.address || "";
    if (job.kind === "reread") await requestReread(port, read, job.reason || item.message, job.at.slice(0, 10), address);
    if (job.kind === "exchange" && job.exchange) {
      const e = job.exchange;
      await recordExchange(
        port,
        { account: read.account, ...e, oldFinal: new Dec(e.oldFinal), newSet: new Dec(e.newSet), recorded: job.at },
        address,
      );
    }
    const estimate = job.estimate === undefined ? undefined : new Dec(job.estimate);
    if (job.kind === "estimated" && estimate) {
      this.result = { ...result, columns: { ...result.columns, estimate: await writeEstimate(port, result, job.row, estimate) } };
    }
    return makeDecision(read, item, job.kind, job.reason, job.at, estimate);
  }

  /** After the decision is kept: the Review Log, the row's flags and the counts, decided as the cycle will decide them. */
  async afterDecision(
    port: WorkbookPort,
    decision: Decision,
    row: number,
    all: readonly Decision[],
    policy: DecisionPolicy,
  ): Promise<ReviewView> {
    const result = this.current();
    await writeReviewLog(port, all);
    const items = result.items.map((i) => (i.row === row && (decision.code === "*" || i.code === decision.code) ? { ...i, decision } : i));
    const decisions = new Map(result.decisions).set(decision.key, decision);
    const rowItems = items.filter((i) => i.row === row);
    await port.applyFlags(result.sheet, {
      blocks: [{ top: row, left: result.columns.codes, rows: [[codesText(rowItems), messagesText(rowItems)]] }],
    });
    const standing = reviewStanding({ ...result, decisions }, items, policy);
    this.result = { ...result, items, decisions, counts: countByCode(items), standing };
    return viewOf(this.result);
  }

  /** Forgets the review (its flags were cleared). */
  close(): void {
    this.result = undefined;
  }

  private current(): ReviewResult {
    if (!this.result) throw new Error("There is no review to decide on: validate first.");
    return this.result;
  }
}

function viewOf(result: ReviewResult): ReviewView {
  const { readRows, usage: _usage, accounts, history, ...rest } = result;
  const contexts = new Map<number, ItemContext>();
  for (const item of result.items) {
    if (contexts.has(item.row)) continue;
    const read = readRows.get(item.row);
    if (read) contexts.set(item.row, contextOf(read, accounts?.get(read.account), history.get(read.account), item));
  }
  return { ...rest, contexts };
}

function contextOf(
  read: NonNullable<ReturnType<ReviewResult["readRows"]["get"]>>,
  record: ReturnType<NonNullable<ReviewResult["accounts"]>["get"]>,
  history: ReturnType<ReviewResult["history"]["get"]>,
  _item: ReviewItem,
): ItemContext {
  const oldMeter = read.exchange?.oldMeter || record?.meter || read.meter || "";
  const estimate = estimateForRead(read, history);
  return {
    account: read.account,
    meter: read.meter,
    previousDate: read.previousDate,
    currentDate: read.currentDate,
    exchange: {
      oldMeter,
      newMeter: read.meter !== oldMeter ? read.meter : "",
      newSize: read.meterSize ?? record?.meterSize ?? "",
      newDials: String(read.dials ?? record?.dials ?? ""),
    },
    estimate: estimate.ok ? { ok: true, value: estimate.value.toString() } : { ok: false, message: estimate.problem.message },
  };
}
