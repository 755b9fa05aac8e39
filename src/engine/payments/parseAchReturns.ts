import { Dec } from "../decimal";
import { fail, ok, Result } from "../problems";
import { RETURN_REASONS } from "./returnReasons";

/** A returned autopay debit as the bank's return file gives it. No bank account number is kept. */
export interface AchReturn {
  /** Where the utility's own account number travels in a PPD debit: the Individual Identification Number. */
  readonly account: string;
  readonly name: string;
  readonly amount: Dec;
  readonly reason: string;
  readonly reasonText: string;
  readonly endsAutopay: boolean;
  /** The trace number of the debit the utility sent, which the return quotes. */
  readonly originalTrace: string;
  /** The last four digits of the customer's bank account, the most a record may show (NACHA). */
  readonly bankAccountLastFour: string;
  /** 1-based line of the entry detail record. */
  readonly line: number;
}

const RECORD = 94;
/** Return entries' transaction codes for the utility's debits: a returned checking debit is 26, a savings debit 36. */
const RETURN_CODES = new Set(["26", "36"]);
/** Returned credits (21 checking, 31 savings): the utility sends no credits, so they are passed by with their addenda. */
const RETURNED_CREDITS = new Set(["21", "31"]);

/**
 * Reads the returns in an ACH file (NACHA Operating Rules, Appendix Three): 94-character records,
 * an entry detail record ("6") followed by its return addenda ("7", addenda type "99") with the
 * return reason code in positions 4-6 and the original entry trace number in 7-21. Entry positions:
 * 2-3 transaction code, 13-29 the customer's bank account (only its last four are kept), 30-39
 * amount in cents, 40-54 individual identification number (the utility's account number), 55-76
 * name. Anything else in the file (headers, controls, 9-padding) is checked for length and passed by.
 */
export function parseAchReturns(text: string): Result<AchReturn[]> {
  const plain = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\n+$/, "");
  // A file sent without line breaks is its records end to end.
  const lines = !plain.includes("\n") && plain.length > RECORD && plain.length % RECORD === 0 ? plain.match(/.{94}/g)! : plain.split("\n");
  const returns: AchReturn[] = [];
  const bad = (line: number, why: string) => fail<AchReturn[]>("INVALID_RETURN_FILE", `line ${line}: ${why}`);
  for (let i = 0; i < lines.length; i++) {
    const record = lines[i];
    if (record.length !== RECORD) return bad(i + 1, `a record is ${RECORD} characters, this one ${record.length}`);
    if (!/^[156789]/.test(record)) return bad(i + 1, `a record starts with 1, 5, 6, 7, 8 or 9, this one with "${record[0]}"`);
    if (record[0] !== "6") continue;
    const code = record.slice(1, 3);
    const addenda = lines[i + 1];
    if (RETURNED_CREDITS.has(code)) {
      if (addenda?.startsWith("799")) i++;
      continue;
    }
    if (!RETURN_CODES.has(code) || addenda === undefined || !addenda.startsWith("799")) {
      if (RETURN_CODES.has(code)) return bad(i + 1, "a return entry must be followed by its return addenda (a record starting 799)");
      continue; // a forward entry, not a return
    }
    if (addenda.length !== RECORD) return bad(i + 2, `a record is ${RECORD} characters, this one ${addenda.length}`);
    const cents = record.slice(29, 39);
    if (!/^\d{10}$/.test(cents)) return bad(i + 1, `positions 30-39 hold the amount in cents, found "${cents}"`);
    const reason = addenda.slice(3, 6);
    const known = RETURN_REASONS[reason];
    if (!/^R\d\d$/.test(reason)) return bad(i + 2, `positions 4-6 hold the return reason code (R01, R02, ...), found "${reason}"`);
    const bankAccount = record.slice(12, 29).trim();
    returns.push({
      account: record.slice(39, 54).trim(),
      name: record.slice(54, 76).trim(),
      amount: new Dec(cents).div(100),
      reason,
      reasonText: known?.description ?? "a return reason this product does not list",
      endsAutopay: known?.endsAutopay ?? false,
      originalTrace: addenda.slice(6, 21),
      bankAccountLastFour: bankAccount.slice(-4),
      line: i + 1,
    });
    i++;
  }
  return ok(returns);
}

/** The day an ACH file was created, from its file header (positions 24-29, YYMMDD), or undefined. */
export function achFileDate(text: string): string | undefined {
  const header = text.replace(/^\uFEFF/, "").slice(0, RECORD);
  const m = /^1.{22}(\d{2})(\d{2})(\d{2})/.exec(header);
  if (!m) return undefined;
  const [, yy, mm, dd] = m;
  return Number(mm) >= 1 && Number(mm) <= 12 && Number(dd) >= 1 && Number(dd) <= 31 ? `20${yy}-${mm}-${dd}` : undefined;
}
