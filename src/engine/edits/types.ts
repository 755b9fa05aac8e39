import type { Dec } from "../decimal";
import type { IsoDate } from "../dates/civilDate";

/** How a read was obtained: A actual, E estimated, C customer-supplied, S skipped (no read). */
export type ReadCode = "A" | "E" | "C" | "S";

/** A meter exchange inside the period: the old meter's final read and the new meter's set read. */
export interface ExchangeReads {
  /** The meter taken out, when known (the Meter Exchanges sheet, or the account's meter). */
  readonly oldMeter?: string;
  readonly oldFinal: Dec;
  readonly newSet: Dec;
  readonly newMeter?: string;
  /** The new meter's dials, when they differ from the read row's. */
  readonly newDials?: number;
}

/** One row of a reads sheet, as the specialist sees it. Absent reads are null. */
export interface MeterRead {
  /** Where the read sits: the 0-based sheet row, so an edit can point at it. */
  readonly row: number;
  readonly account: string;
  readonly meter: string;
  readonly previous: Dec | null;
  readonly current: Dec | null;
  readonly previousDate?: IsoDate;
  readonly currentDate?: IsoDate;
  readonly readCode?: ReadCode;
  readonly dials?: number;
  readonly multiplier?: Dec;
  readonly meterSize?: string;
  readonly route?: string;
  readonly sequence?: string;
  readonly address?: string;
  readonly note?: string;
  readonly exchange?: ExchangeReads;
}

export type AccountStatus = "active" | "inactive" | "vacant" | "final";

/** An account as the Accounts sheet describes it. */
export interface AccountRecord {
  readonly account: string;
  readonly name?: string;
  readonly address?: string;
  readonly status: AccountStatus;
  readonly openDate?: IsoDate;
  /** When a final account's service ended: usage read up to then is its final bill's. */
  readonly closeDate?: IsoDate;
  readonly rateClass?: string;
  readonly meter?: string;
  readonly meterSize?: string;
  readonly dials?: number;
  readonly multiplier?: Dec;
}

/** One past billing period of an account (the Usage History sheet). */
export interface UsageRecord {
  readonly account: string;
  readonly periodEnd: IsoDate;
  readonly usage: Dec;
  readonly days?: number;
  readonly readCode?: ReadCode;
}

export type Severity = "error" | "warning" | "info";

/** The read field an edit points at, so the sheet can colour the right cell. */
export type ReadField =
  "account" | "meter" | "previous" | "current" | "previousDate" | "currentDate" | "readCode" | "dials" | "multiplier" | "exchange";

export type EditCode =
  | "MISSING_ID"
  | "INVALID_VALUE"
  | "NO_READ"
  | "NEGATIVE_USAGE"
  | "PROBABLE_ROLLOVER"
  | "READ_EXCEEDS_REGISTER"
  | "ZERO_USAGE"
  | "HIGH_USAGE"
  | "VERY_HIGH_USAGE"
  | "LOW_USAGE"
  | "VERY_LOW_USAGE"
  | "ESTIMATED_READ"
  | "CONSECUTIVE_ESTIMATES"
  | "CUSTOMER_READ"
  | "REPEATED_USAGE"
  | "READ_DATES_OUT_OF_ORDER"
  | "CYCLE_LENGTH"
  | "MULTIPLIER_MISMATCH"
  | "METER_MISMATCH"
  | "DUPLICATE_METER"
  | "DUPLICATE_ACCOUNT"
  | "UNKNOWN_ACCOUNT"
  | "USAGE_ON_INACTIVE"
  | "METER_EXCHANGE";

/** One flagged read: what, how serious, where, and a message with the numbers behind it. */
export interface ReadEdit {
  readonly row: number;
  readonly account: string;
  readonly meter: string;
  readonly code: EditCode;
  readonly severity: Severity;
  readonly field: ReadField;
  readonly message: string;
}

/** Usage of a read as the review computed it, for estimates and billing. */
export interface ReviewedRead {
  readonly read: MeterRead;
  readonly usage: Dec | null;
  readonly baseline: Dec | null;
  readonly edits: readonly ReadEdit[];
}
