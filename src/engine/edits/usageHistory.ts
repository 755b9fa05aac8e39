import { compact, Dec } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import type { ReadCode, UsageRecord } from "./types";

const CODES: readonly (ReadCode | undefined)[] = [undefined, "A", "E", "C", "S"];
const CODE_NUMBER: Readonly<Record<ReadCode, number>> = { A: 1, E: 2, C: 3, S: 4 };

/** Decimals made from whole usages, shared (a decimal is immutable); bounded like the cell reader's. */
const WHOLE_DECIMALS_KEPT = 100_000;

/**
 * A city's usage history held in columns: one typed array per field, the rows of each account
 * together and in period order, rather than an object (and a decimal) per row. A 100,000-account
 * history of nine months is 900,000 rows: about 25 MB here against about 150 MB as records.
 *
 * It reads as the map it replaces (account -> that account's records, oldest first, in the order
 * accounts first appear): `get` makes an account's records when asked, and they live only as long
 * as the caller keeps them. Records of one period keep the order they were added in.
 */
export class UsageHistory implements ReadonlyMap<string, readonly UsageRecord[]> {
  private readonly wholes = new Map<number, Dec>();

  /** @internal Made by UsageHistoryBuilder.finish. */
  constructor(
    private readonly accounts: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    /** Where each account's rows start (accounts.length + 1 entries). */
    private readonly start: Int32Array,
    private readonly periods: readonly IsoDate[],
    private readonly period: Int32Array,
    /** A whole usage, or NaN when the usage is in `exact` (a fraction, or past a safe integer). */
    private readonly usage: Float64Array,
    private readonly exact: ReadonlyMap<number, Dec>,
    /** Days, or NaN when the row has none. */
    private readonly days: Float64Array,
    private readonly code: Uint8Array,
  ) {}

  get size(): number {
    return this.accounts.length;
  }

  get [Symbol.toStringTag](): string {
    return "UsageHistory";
  }

  has(account: string): boolean {
    return this.index.has(account);
  }

  get(account: string): readonly UsageRecord[] | undefined {
    const i = this.index.get(account);
    return i === undefined ? undefined : this.recordsAt(i);
  }

  /** The distinct period ends of the history, in no particular order. */
  periodEnds(): readonly IsoDate[] {
    return this.periods;
  }

  private recordsAt(i: number): UsageRecord[] {
    const account = this.accounts[i];
    const from = this.start[i];
    const to = this.start[i + 1];
    const out = new Array<UsageRecord>(to - from);
    for (let r = from; r < to; r++) {
      const days = this.days[r];
      out[r - from] = {
        account,
        periodEnd: this.periods[this.period[r]],
        usage: this.usageAt(r),
        days: Number.isNaN(days) ? undefined : days,
        readCode: CODES[this.code[r]],
      };
    }
    return out;
  }

  private usageAt(r: number): Dec {
    const whole = this.usage[r];
    if (Number.isNaN(whole)) return this.exact.get(r)!;
    let d = this.wholes.get(whole);
    if (d === undefined) {
      d = new Dec(whole);
      if (this.wholes.size < WHOLE_DECIMALS_KEPT) this.wholes.set(whole, d);
    }
    return d;
  }

  /**
   * The history as plain columns, to move to another thread (the typed arrays' buffers can be
   * transferred rather than copied); `UsageHistory.fromColumns` makes the same history from them.
   */
  columns(): UsageHistoryColumns {
    return {
      accounts: this.accounts,
      start: this.start,
      periods: this.periods,
      period: this.period,
      usage: this.usage,
      exact: [...this.exact].map(([row, d]) => [row, d.toString()] as const),
      days: this.days,
      code: this.code,
    };
  }

  /** The history `columns` gave (decimal.js reads its own text back exactly). */
  static fromColumns(c: UsageHistoryColumns): UsageHistory {
    const index = new Map<string, number>();
    c.accounts.forEach((account, i) => index.set(account, i));
    const exact = new Map<number, Dec>();
    // Compact, as the cell reader makes the decimals it keeps (a parsed decimal keeps the digit array it grew).
    for (const [row, text] of c.exact) exact.set(row, compact(new Dec(text)));
    return new UsageHistory(c.accounts, index, c.start, c.periods, c.period, c.usage, exact, c.days, c.code);
  }

  forEach(callback: (records: readonly UsageRecord[], account: string, map: ReadonlyMap<string, readonly UsageRecord[]>) => void): void {
    for (let i = 0; i < this.accounts.length; i++) callback(this.recordsAt(i), this.accounts[i], this);
  }

  *entries(): MapIterator<[string, readonly UsageRecord[]]> {
    for (let i = 0; i < this.accounts.length; i++) yield [this.accounts[i], this.recordsAt(i)];
  }

  *keys(): MapIterator<string> {
    yield* this.accounts;
  }

  *values(): MapIterator<readonly UsageRecord[]> {
    for (let i = 0; i < this.accounts.length; i++) yield this.recordsAt(i);
  }

  [Symbol.iterator](): MapIterator<[string, readonly UsageRecord[]]> {
    return this.entries();
  }
}

/** A UsageHistory as plain data: what `UsageHistory.columns` gives and `UsageHistory.fromColumns` takes. */
export interface UsageHistoryColumns {
  readonly accounts: readonly string[];
  readonly start: Int32Array;
  readonly periods: readonly IsoDate[];
  readonly period: Int32Array;
  readonly usage: Float64Array;
  /** Rows whose usage is not a safe whole number, with the exact decimal as text. */
  readonly exact: readonly (readonly [number, string])[];
  readonly days: Float64Array;
  readonly code: Uint8Array;
}

/** Growable columns for the rows as they are read. */
class Column<A extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(
    public data: A,
    private readonly make: (n: number) => A,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

/** Collects history rows in sheet order and finishes them into a UsageHistory. */
export class UsageHistoryBuilder {
  private readonly accounts: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly periods: IsoDate[] = [];
  private readonly periodIndex = new Map<IsoDate, number>();
  private readonly account = new Column(new Int32Array(1024), (n) => new Int32Array(n));
  private readonly period = new Column(new Int32Array(1024), (n) => new Int32Array(n));
  private readonly usage = new Column(new Float64Array(1024), (n) => new Float64Array(n));
  private readonly days = new Column(new Float64Array(1024), (n) => new Float64Array(n));
  private readonly code = new Column(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly exact = new Map<number, Dec>();

  get rows(): number {
    return this.account.length;
  }

  /** One row: a usage of 0 or more, given as a decimal or as a whole number known to be exact. */
  add(account: string, periodEnd: IsoDate, usage: Dec | number, days: number | undefined, readCode: ReadCode | undefined): void {
    let a = this.index.get(account);
    if (a === undefined) {
      a = this.accounts.length;
      this.accounts.push(account);
      this.index.set(account, a);
    }
    let p = this.periodIndex.get(periodEnd);
    if (p === undefined) {
      p = this.periods.length;
      this.periods.push(periodEnd);
      this.periodIndex.set(periodEnd, p);
    }
    const row = this.account.length;
    const whole =
      typeof usage === "number" ? usage : usage.isInteger() && usage.abs().lte(Number.MAX_SAFE_INTEGER) ? usage.toNumber() : NaN;
    if (!Number.isSafeInteger(whole)) this.exact.set(row, typeof usage === "number" ? new Dec(usage) : usage);
    this.account.push(a);
    this.period.push(p);
    this.usage.push(Number.isSafeInteger(whole) ? whole + 0 : NaN); // never a negative zero
    this.days.push(days === undefined ? NaN : days);
    this.code.push(readCode === undefined ? 0 : CODE_NUMBER[readCode]);
  }

  /** Each account's rows together (accounts in the order they first appear), oldest period first. */
  finish(): UsageHistory {
    const n = this.account.length;
    const accounts = this.account.data;
    const start = new Int32Array(this.accounts.length + 1);
    for (let r = 0; r < n; r++) start[accounts[r] + 1]++;
    for (let a = 0; a < this.accounts.length; a++) start[a + 1] += start[a];
    // Rows by account, in sheet order within each (a counting sort is stable) ...
    const next = start.slice(0, this.accounts.length);
    const order = new Int32Array(n);
    for (let r = 0; r < n; r++) order[next[accounts[r]]++] = r;
    // ... then by period end within each account, ties keeping sheet order (both sorts are stable;
    // insertion sort for the dozen rows an account has, the built-in sort for an account with many).
    const rank = periodRanks(this.periods);
    const period = this.period.data;
    for (let a = 0; a < this.accounts.length; a++) {
      if (start[a + 1] - start[a] > 32) {
        const rows = Array.from(order.subarray(start[a], start[a + 1])).sort((x, y) => rank[period[x]] - rank[period[y]]);
        order.set(rows, start[a]);
        continue;
      }
      for (let i = start[a] + 1; i < start[a + 1]; i++) {
        const row = order[i];
        const key = rank[period[row]];
        let j = i - 1;
        while (j >= start[a] && rank[period[order[j]]] > key) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = row;
      }
    }
    const periodOut = new Int32Array(n);
    const usageOut = new Float64Array(n);
    const daysOut = new Float64Array(n);
    const codeOut = new Uint8Array(n);
    const exact = new Map<number, Dec>();
    for (let i = 0; i < n; i++) {
      const r = order[i];
      periodOut[i] = period[r];
      usageOut[i] = this.usage.data[r];
      daysOut[i] = this.days.data[r];
      codeOut[i] = this.code.data[r];
      const d = this.exact.get(r);
      if (d !== undefined) exact.set(i, d);
    }
    return new UsageHistory(this.accounts, this.index, start, this.periods, periodOut, usageOut, exact, daysOut, codeOut);
  }
}

/** Each period's place when the period ends are sorted as text (as the records were compared). */
function periodRanks(periods: readonly IsoDate[]): Int32Array {
  const sorted = periods.map((p, i) => [p, i] as const).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const rank = new Int32Array(periods.length);
  sorted.forEach(([, i], k) => (rank[i] = k));
  return rank;
}

/** A history from records (tests, the task pane's small sheets): the same as reading them row by row. */
export function usageHistoryOf(records: Iterable<UsageRecord>): UsageHistory {
  const builder = new UsageHistoryBuilder();
  for (const r of records) builder.add(r.account, r.periodEnd, r.usage, r.days, r.readCode);
  return builder.finish();
}
