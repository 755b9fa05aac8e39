import type { SheetValues } from "../workbook/port";
import type { AccountRecord, Dec, EditCode, MeterRead, ReadField, Severity, UsageRecord } from "../engine";
import type { Decision } from "./decisions";
import type { ReviewStanding } from "./standing";

/** One edit as the Review view lists it: where it is, what it says, and any decision on it. */
export interface ReviewItem {
  readonly row: number;
  /** The 0-based absolute column of the offending cell. */
  readonly column: number;
  readonly account: string;
  readonly meter: string;
  readonly address?: string;
  readonly code: EditCode;
  readonly severity: Severity;
  readonly field: ReadField;
  readonly message: string;
  readonly decision?: Decision;
}

export interface CodeCount {
  readonly code: EditCode;
  readonly severity: Severity;
  readonly open: number;
  readonly resolved: number;
}

export interface ReviewResult {
  readonly sheet: string;
  readonly headerRow: number;
  readonly reads: number;
  readonly blankRows: number;
  readonly items: readonly ReviewItem[];
  readonly counts: readonly CodeCount[];
  /**
   * What billing will do, decided by the engine as the cycle decides it: accounts held (open error
   * edits, unread meters the policy holds or cannot estimate), estimates, unmatched rows. Null when
   * the review was run for the cycle, which decides every account itself.
   */
  readonly standing: ReviewStanding | null;
  /** Edits turned off because a context sheet is missing, with why. */
  readonly disabled: readonly { readonly code: EditCode; readonly reason: string }[];
  /** Problems met in the context sheets (cells that could not be read). */
  readonly contextProblems: readonly string[];
  readonly sheets: { readonly accounts?: string; readonly history?: string; readonly exchanges?: string; readonly log?: string };
  readonly columns: { readonly codes: number; readonly messages: number; readonly estimate?: number };
  readonly notes: { readonly supported: boolean; readonly written: number; readonly skipped: number };
  /** Each read by its sheet row, for the actions (estimate, re-read, exchange). */
  readonly readRows: ReadonlyMap<number, MeterRead>;
  /** Each read's usage as the review computed it (null when it cannot be known), by sheet row. */
  readonly usage: ReadonlyMap<number, Dec | null>;
  /** The Accounts sheet by account (absent without one). */
  readonly accounts?: ReadonlyMap<string, AccountRecord>;
  /** Every decision in force, by key: this computer's and the Review Log sheet's, the latest of each. */
  readonly decisions: ReadonlyMap<string, Decision>;
  /** Each account's usage history, oldest first (empty without a Usage History sheet). */
  readonly history: ReadonlyMap<string, readonly UsageRecord[]>;
  /**
   * For the cycle (ReviewOptions.forCycle): the reads sheet's fingerprint and the Accounts sheet as
   * read, so the cycle does not read and parse either sheet a second time.
   */
  readonly shared?: { readonly readsFingerprint: string; readonly accountsData?: SheetValues };
}
