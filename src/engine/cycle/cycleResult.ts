import type { Dec } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import type { Money } from "../money/money";
import type { DecisionCode } from "../billingDecision/types";
import type { CollectionNotice, CollectionStanding } from "../collections/types";
import type { CycleAccount, Statement } from "./types";

export interface HeldAccount {
  readonly account: string;
  readonly name: string;
  /** One of the HELD_ decision codes. */
  readonly code: DecisionCode;
  readonly reason: string;
}

export interface RegisterTotals {
  readonly readsReceived: number;
  readonly billed: number;
  /** Bills on an estimate (ESTIMATED on the bill and the register). */
  readonly estimated: number;
  readonly final: number;
  readonly held: number;
  /** Accounts with no service and nothing owed, or vacant without base charges by policy. */
  readonly notBilled: number;
  readonly consumption: Dec;
  /** Charges by service from the rate lines. */
  readonly charges: ReadonlyMap<string, Money>;
  readonly byClass: ReadonlyMap<string, Money>;
  readonly adjustments: Money;
  readonly fees: Money;
  readonly payments: Money;
  readonly currentCharges: Money;
  readonly previousBalance: Money;
  readonly totalDue: Money;
}

export interface RollForwardRow {
  readonly service: string;
  readonly beginning: Money;
  readonly billed: Money;
  readonly fees: Money;
  readonly payments: Money;
  readonly adjustments: Money;
  readonly ending: Money;
}

export interface Reconciliation {
  readonly rows: readonly RollForwardRow[];
  readonly total: RollForwardRow;
  /** Ending AR the bills report: every bill's total due plus held accounts' unchanged balances. */
  readonly endingPerBills: Money;
  /** Roll-forward ending minus the bills' ending; shown, never hidden. */
  readonly difference: Money;
  /** Payments received this cycle for accounts without a bill (held or unknown), not posted. */
  readonly unpostedPayments: Money;
}

export interface DelinquentAccount {
  readonly statement: Statement;
  readonly pastDue: Money;
  readonly notice?: CollectionNotice;
  readonly keptOff?: CollectionStanding["keptOff"];
}

/** A shutoff notice to hang at the service address; the shutoff list has the same account, amount and dates. */
export interface DoorHanger {
  readonly account: CycleAccount;
  readonly amountToAvoidShutoff: Money;
  /** The last day to pay. */
  readonly payBy: IsoDate;
  readonly hangOn: IsoDate;
  readonly shutoffDate: IsoDate;
  readonly shutoffFee: Money;
  /** Needed to restore service: the past due plus a deposit if none is on file. */
  readonly restoreAmount: Money;
  readonly depositRequired: Money;
}

export interface CartOrder {
  readonly type: "Cart delivery" | "Cart pickup";
  readonly account: CycleAccount;
  readonly reason: string;
  readonly date: IsoDate;
}

export interface CycleResult {
  readonly statements: readonly Statement[];
  readonly held: readonly HeldAccount[];
  /** Accounts not billed and not held (no service, nothing owed). */
  readonly notBilled: number;
  readonly register: RegisterTotals;
  readonly reconciliation: Reconciliation;
  readonly delinquency: readonly DelinquentAccount[];
  readonly doorHangers: readonly DoorHanger[];
  /** Final and closed accounts owing past the policy's days. */
  readonly collections: readonly Statement[];
  readonly cartOrders: readonly CartOrder[];
}
