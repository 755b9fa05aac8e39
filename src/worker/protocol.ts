import type { DecisionPolicy, IsoDate, ReadEditSettings } from "../engine";
import type { DecideJob, ReviewJob } from "./reviewSession";
import type { RunRecord } from "../storage/db";
import type { OutputName } from "../cycle/generateCycle";
import type { CycleSettings } from "../cycle/settings";
import type { Decision } from "../review/decisions";
import type { ImpactJob } from "./impactJob";

/**
 * The messages between the task pane and the engine's worker. Everything is plain data (a
 * structured clone): a rate schedule travels as its JSON and is validated again in the worker;
 * money comes back as text. The worker reaches the workbook only through the pane, which owns
 * Office.js: each port call is a message answered by the pane.
 */
export interface CycleJob {
  readonly kind: "preview" | "generate";
  readonly scheduleJson: unknown;
  readonly settings: CycleSettings;
  readonly readEdits: ReadEditSettings;
  readonly decisions: readonly Decision[];
  readonly dates: { readonly billDate?: IsoDate; readonly periodStart?: IsoDate; readonly periodEnd?: IsoDate };
  readonly outputs?: readonly OutputName[];
  /** The run's time stamp, read in the pane. */
  readonly now: string;
}

/** What the Run history keeps of a generated cycle, but for when it ran and what it wrote (db.ts). */
export type RunSummary = Omit<RunRecord, "id" | "at" | "outputs">;

export type CycleJobResult =
  | {
      readonly ok: true;
      /** The preview table: label and value, in order. */
      readonly preview: readonly (readonly [string, string])[];
      readonly written: readonly string[];
      readonly problems: readonly string[];
      readonly run: RunSummary;
    }
  | { readonly ok: false; readonly message: string };

/** A WorkbookPort method the worker asks the pane to run. */
export type PortMethod =
  "sheetNames" | "readSheet" | "readHeads" | "replaceSheet" | "applyFlags" | "removeSheet" | "select" | "recalculate";

/**
 * Rows cross in slices of this many, each its own message: copying a message happens in one task
 * on the receiving thread, and a whole sheet of 50,000 rows would hold the pane's thread too long.
 */
export const ROWS_PER_MESSAGE = 4000;

/** Every job the worker runs; the review ones share one session. */
export type EngineJob =
  | { readonly kind: "cycle"; readonly job: CycleJob }
  | { readonly kind: "impact"; readonly job: ImpactJob }
  | { readonly kind: "review"; readonly job: ReviewJob }
  | { readonly kind: "decide"; readonly job: DecideJob }
  | {
      readonly kind: "afterDecision";
      readonly decision: Decision;
      readonly row: number;
      readonly all: readonly Decision[];
      readonly policy: DecisionPolicy;
    }
  | { readonly kind: "closeReview" };

export type ToWorker =
  | { readonly type: "start"; readonly job: EngineJob }
  | { readonly type: "cancel" }
  /** Rows of the sheet a reply will carry; the reply follows with `values` left out. */
  | { readonly type: "rows"; readonly id: number; readonly rows: unknown[][] }
  | { readonly type: "reply"; readonly id: number; readonly value?: unknown; readonly error?: { message: string; cancelled?: boolean } };

export type FromWorker =
  /** Rows for the port call `id` that follows (replaceSheet's rows travel ahead of the call). */
  | { readonly type: "rows"; readonly id: number; readonly rows: unknown[][] }
  | { readonly type: "port"; readonly id: number; readonly method: PortMethod; readonly args: readonly unknown[] }
  | { readonly type: "progress"; readonly phase: string; readonly done: number; readonly total: number }
  | { readonly type: "done"; readonly result: unknown }
  | { readonly type: "failed"; readonly message: string; readonly cancelled: boolean };
