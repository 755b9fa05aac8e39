import { Dec, ZERO } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import { fail, ok, Result } from "../problems";
import { routingProblem } from "./routing";

/** One customer's draft (or prenote) in the cycle's autopay file. */
export interface AutopayDebit {
  /** The utility's account number: travels as the entry's Individual Identification Number. */
  readonly account: string;
  readonly name: string;
  readonly routing: string;
  /** The customer's bank account number: used to write the entry, never kept or shown. */
  readonly bankAccount: string;
  readonly accountType: "checking" | "savings";
  readonly amount: Dec;
  /** A zero-dollar prenote, sent before a new enrolment's first live debit. */
  readonly prenote: boolean;
}

/** The utility as originator, and its bank. */
export interface Originator {
  /** The bank the file goes to (Immediate Destination): its routing number. */
  readonly destinationRouting: string;
  readonly destinationName: string;
  /** Usually "1" + the city's EIN, or as the bank assigns (10 characters). */
  readonly companyId: string;
  readonly companyName: string;
  /** The originating bank's routing number (its first 8 digits start each trace number). */
  readonly originatingRouting: string;
  /** What the customer's statement shows, at most 10 characters ("UTILITY"). */
  readonly entryDescription: string;
}

export interface NachaFileOptions {
  readonly created: IsoDate;
  /** HHMM. */
  readonly createdTime: string;
  /** The day the drafts settle (the bills' due date). */
  readonly effective: IsoDate;
  /** A-Z or 0-9: a second file the same day takes the next. */
  readonly fileIdModifier: string;
}

/** The file, its lines, and the controls a reviewer ties to the cycle. */
export interface NachaFile {
  readonly lines: readonly string[];
  readonly entries: number;
  readonly prenotes: number;
  readonly totalDebit: Dec;
  readonly entryHash: string;
}

const RECORD = 94;
const alnum = (text: string, width: number) =>
  text
    .toUpperCase()
    .replace(/[^A-Z0-9 .,&'\-/]/g, " ")
    .slice(0, width)
    .padEnd(width);
const num = (n: number | bigint | string, width: number) => String(n).padStart(width, "0").slice(-width);
const yymmdd = (d: IsoDate) => d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10);
const cents = (d: Dec) => d.times(100).toFixed(0);

/**
 * Writes the cycle's autopay drafts as a NACHA PPD debit file (../shared/domain/README.md; NACHA
 * Operating Rules, Appendix Three): a file header (1), one batch of consumer debits (5, service
 * class 225, SEC code PPD), an entry (6) per draft with transaction code 27 (checking) or 37
 * (savings), 28 or 38 for a zero-dollar prenote, the batch control (8) and file control (9) with
 * counts, the entry hash (the sum of the receiving banks' 8-digit routing numbers, last 10 digits)
 * and the debit total, padded with lines of 9s to a multiple of ten records. Every routing number
 * is checked by its check digit first; the first that fails is the refusal.
 */
export function nachaDebitFile(origin: Originator, debits: readonly AutopayDebit[], options: NachaFileOptions): Result<NachaFile> {
  for (const r of [origin.destinationRouting, origin.originatingRouting]) {
    const problem = routingProblem(r);
    if (problem) return fail("INVALID_ROUTING", `the utility's bank: ${problem}`);
  }
  for (const d of debits) {
    const problem = routingProblem(d.routing);
    if (problem) return fail("INVALID_ROUTING", `account ${d.account}: ${problem}`);
    if (!/^[0-9A-Za-z-]{1,17}$/.test(d.bankAccount.trim()))
      return fail("INVALID_AUTOPAY", `account ${d.account}: a bank account number is 1 to 17 letters or digits`);
    if (!d.prenote && !d.amount.greaterThan(0)) return fail("INVALID_AUTOPAY", `account ${d.account}: a draft must be above $0.00`);
    if (!d.amount.equals(d.amount.toDecimalPlaces(2)) || d.amount.greaterThanOrEqualTo(1e8))
      return fail("INVALID_AUTOPAY", `account ${d.account}: ${d.amount.toString()} is not an amount a draft can carry`);
  }
  if (!/^[A-Z0-9]$/.test(options.fileIdModifier)) return fail("INVALID_AUTOPAY", "the file ID modifier is one letter A-Z or digit 0-9");
  const odfi = origin.originatingRouting.slice(0, 8);
  const lines: string[] = [];
  lines.push(
    "1" +
      "01" +
      ` ${origin.destinationRouting}` +
      ` ${origin.originatingRouting}` +
      yymmdd(options.created) +
      num(options.createdTime, 4) +
      options.fileIdModifier +
      "094" +
      "10" +
      "1" +
      alnum(origin.destinationName, 23) +
      alnum(origin.companyName, 23) +
      alnum("", 8),
  );
  const batchNumber = num(1, 7);
  lines.push(
    "5" +
      "225" +
      alnum(origin.companyName, 16) +
      alnum("", 20) +
      alnum(origin.companyId, 10) +
      "PPD" +
      alnum(origin.entryDescription, 10) +
      yymmdd(options.effective) +
      yymmdd(options.effective) +
      "   " +
      "1" +
      odfi +
      batchNumber,
  );
  let hash = 0n;
  let total = ZERO;
  let prenotes = 0;
  debits.forEach((d, i) => {
    const code = d.accountType === "checking" ? (d.prenote ? "28" : "27") : d.prenote ? "38" : "37";
    const amount = d.prenote ? ZERO : d.amount;
    hash += BigInt(d.routing.slice(0, 8));
    total = total.plus(amount);
    if (d.prenote) prenotes++;
    lines.push(
      "6" +
        code +
        d.routing.slice(0, 8) +
        d.routing[8] +
        alnum(d.bankAccount.trim(), 17) +
        num(cents(amount), 10) +
        alnum(d.account, 15) +
        alnum(d.name, 22) +
        "  " +
        "0" +
        odfi +
        num(i + 1, 7),
    );
  });
  const entryHash = num(hash % 10_000_000_000n, 10);
  lines.push(
    "8" +
      "225" +
      num(debits.length, 6) +
      entryHash +
      num(cents(total), 12) +
      num(0, 12) +
      alnum(origin.companyId, 10) +
      " ".repeat(19) +
      " ".repeat(6) +
      odfi +
      batchNumber,
  );
  const records = lines.length + 1;
  const blocks = Math.ceil(records / 10);
  lines.push("9" + num(1, 6) + num(blocks, 6) + num(debits.length, 8) + entryHash + num(cents(total), 12) + num(0, 12) + " ".repeat(39));
  while (lines.length % 10 !== 0) lines.push("9".repeat(RECORD));
  const wrong = lines.findIndex((l) => l.length !== RECORD);
  if (wrong >= 0) return fail("INVALID_AUTOPAY", `record ${wrong + 1} is ${lines[wrong].length} characters, not ${RECORD}`);
  return ok({ lines, entries: debits.length, prenotes, totalDebit: total, entryHash });
}
