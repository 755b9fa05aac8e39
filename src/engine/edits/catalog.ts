import type { EditCode, ReadField, Severity } from "./types";

export interface EditDefinition {
  readonly severity: Severity;
  /** The edit in a few words, as the task pane lists it; the code stays in the detail and the sheet. */
  readonly title: string;
  readonly field: ReadField;
  /** What the code means, for docs/read-edits.md and the task pane. */
  readonly meaning: string;
  /** The context sheet the edit needs, if any: without it the edit is off. */
  readonly needs?: "accounts" | "history";
  /** Columns of the reads sheet the edit needs besides the four required ones: without one it is off. */
  readonly columns?: readonly ReadField[];
}

/**
 * The closed list of read edits: default severity (error holds the account from billing; warning
 * needs review; info is for the record), the cell it points at, and what it needs.
 */
export const EDITS: Readonly<Record<EditCode, EditDefinition>> = {
  MISSING_ID: {
    severity: "error",
    title: "Missing account or meter",
    field: "account",
    meaning: "A row with reads but no account or meter (often a merged or cleared cell).",
  },
  INVALID_VALUE: {
    severity: "error",
    title: "Unreadable value",
    field: "current",
    meaning: "A cell that should hold a number, date or code holds something else.",
  },
  NO_READ: {
    severity: "error",
    title: "No read",
    field: "current",
    meaning: "No current read, or the reader skipped the meter (read code S).",
  },
  NEGATIVE_USAGE: {
    severity: "error",
    title: "Read below the last",
    field: "current",
    meaning: "The current read is below the previous one and is not a plausible rollover.",
  },
  PROBABLE_ROLLOVER: {
    severity: "warning",
    title: "Meter rolled over",
    field: "current",
    meaning: "The current read is below the previous one, as a register passing all nines would be.",
  },
  READ_EXCEEDS_REGISTER: {
    severity: "error",
    title: "Read too big for the dials",
    field: "current",
    meaning: "A read larger than the register's dials can show.",
  },
  ZERO_USAGE: {
    severity: "warning",
    title: "No usage",
    field: "current",
    meaning: "No usage on an active account (or one whose status is unknown).",
  },
  HIGH_USAGE: {
    severity: "warning",
    title: "High usage",
    field: "current",
    meaning: "Usage above the baseline by more than the high limit.",
    needs: "history",
  },
  VERY_HIGH_USAGE: {
    severity: "error",
    title: "Very high usage",
    field: "current",
    meaning: "Usage above the baseline by more than the very-high limit.",
    needs: "history",
  },
  LOW_USAGE: {
    severity: "warning",
    title: "Low usage",
    field: "current",
    meaning: "Usage below the baseline by more than the low limit.",
    needs: "history",
  },
  VERY_LOW_USAGE: {
    severity: "warning",
    title: "Very low usage",
    field: "current",
    meaning: "Usage below the baseline by more than the very-low limit.",
    needs: "history",
  },
  ESTIMATED_READ: {
    severity: "info",
    columns: ["readCode"],
    title: "Estimated read",
    field: "readCode",
    meaning: "The read is an estimate (read code E).",
  },
  CONSECUTIVE_ESTIMATES: {
    severity: "warning",
    title: "Estimated again",
    field: "readCode",
    meaning: "The meter has been estimated several periods in a row.",
    needs: "history",
  },
  CUSTOMER_READ: {
    severity: "info",
    columns: ["readCode"],
    title: "Customer's read",
    field: "readCode",
    meaning: "The customer supplied the read (read code C).",
  },
  REPEATED_USAGE: {
    severity: "warning",
    title: "Same usage again",
    field: "current",
    meaning: "The same non-zero usage as each of the last periods: a stuck register or a copied read.",
    needs: "history",
  },
  READ_DATES_OUT_OF_ORDER: {
    severity: "error",
    columns: ["previousDate", "currentDate"],
    title: "Read dates out of order",
    field: "currentDate",
    meaning: "The current read date is on or before the previous read date.",
  },
  CYCLE_LENGTH: {
    severity: "warning",
    columns: ["previousDate", "currentDate"],
    title: "Unusual days between reads",
    field: "currentDate",
    meaning: "The days between reads are outside the cycle's limits.",
  },
  MULTIPLIER_MISMATCH: {
    severity: "error",
    title: "Wrong multiplier",
    field: "multiplier",
    meaning: "The read's multiplier differs from the account's meter record.",
    needs: "accounts",
  },
  METER_MISMATCH: {
    severity: "warning",
    title: "Different meter",
    field: "meter",
    meaning: "The meter read is not the meter on the account record, and no exchange is recorded.",
    needs: "accounts",
  },
  DUPLICATE_METER: {
    severity: "error",
    title: "Meter read twice",
    field: "meter",
    meaning: "The same meter is read on more than one row.",
  },
  DUPLICATE_ACCOUNT: {
    severity: "warning",
    title: "Account read twice",
    field: "account",
    meaning: "The same account has reads on more than one row, on different meters.",
  },
  UNKNOWN_ACCOUNT: {
    severity: "error",
    title: "Unknown account",
    field: "account",
    meaning: "A read for an account not on the Accounts sheet.",
    needs: "accounts",
  },
  USAGE_ON_INACTIVE: {
    severity: "error",
    title: "Usage on an inactive account",
    field: "current",
    meaning: "Usage on an inactive, vacant or final account.",
    needs: "accounts",
  },
  METER_EXCHANGE: {
    severity: "info",
    title: "Meter exchanged",
    field: "exchange",
    meaning: "The meter was exchanged: usage is the old meter's final usage plus the new meter's.",
  },
};

export const EDIT_CODES = Object.keys(EDITS) as EditCode[];
