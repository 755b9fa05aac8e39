import type { Dec } from "../decimal";
import type { IsoDate } from "../dates/civilDate";

/** How a batch of payments arrived: each is balanced against its own deposit slip or settlement report. */
export type PaymentChannel = "mail" | "counter" | "drop box" | "card by phone" | "online" | "bank draft";

export const PAYMENT_CHANNELS: readonly PaymentChannel[] = ["mail", "counter", "drop box", "card by phone", "online", "bank draft"];

/** One payment keyed into (or imported into) a batch. */
export interface BatchLine {
  readonly account: string;
  readonly amount: Dec;
  /** Check number, money order number or the processor's confirmation number; never a card number. */
  readonly reference: string;
}

/** A batch as it is keyed: the deposit slip's (or processor's) count and total say what it must add up to. */
export interface PaymentBatch {
  readonly id: string;
  readonly date: IsoDate;
  readonly channel: PaymentChannel;
  readonly controlCount: number;
  readonly controlTotal: Dec;
  readonly lines: readonly BatchLine[];
}

/** What the batch adds up to against its controls. */
export interface BatchBalance {
  readonly count: number;
  readonly total: Dec;
  /** Lines keyed minus the control count: negative when lines are missing. */
  readonly countDifference: number;
  /** Total keyed minus the control total. */
  readonly totalDifference: Dec;
  readonly balanced: boolean;
}

/** A payment already on the books, for duplicate checks. */
export interface PostedPayment {
  readonly account: string;
  readonly date: IsoDate;
  readonly amount: Dec;
  readonly reference: string;
}

/** What the batch needs to know about an account as a line is keyed. */
export interface AccountForPayment {
  /** What the account owes now (negative: a credit on the account). */
  readonly balance: Dec;
  readonly name: string;
  /** Why the account pays by cash, cashier's check, money order or card only, when it does (cashOnlyReason). */
  readonly cashOnly?: string;
}

/**
 * One line checked before posting. A problem stops the batch until the line is changed; a question
 * (a likely duplicate, an account that does not exist) needs the specialist's yes first.
 */
export interface LineCheck {
  readonly problems: readonly string[];
  readonly questions: readonly string[];
  /** The part of the payment beyond what the account owes: it stays on the account as a credit. */
  readonly credit: Dec;
}
