import { Dec, maskedAccount, ZERO } from "../engine";
import type { AutopayDebit, BusinessCalendar, IsoDate } from "../engine";
import { isIsoDate } from "../engine";
import { bankDetailsProblem } from "../storage/autopayVault";
import type { BankDetails } from "../storage/autopayVault";
import type { AutopayBill } from "./registerAutopay";

/** NACHA: a prenote settles at least this many banking days before the account's first live entry. */
export const PRENOTE_BANKING_DAYS = 3;
/** The Individual Identification Number field of an entry: the utility's account number travels in it whole or not at all. */
const ID_WIDTH = 15;

/** An autopay bill and what becomes of it this cycle. */
export type DraftOutcome =
  | { readonly kind: "draft"; readonly bill: AutopayBill; readonly masked: string; readonly accountType: "checking" | "savings" }
  | { readonly kind: "prenote"; readonly bill: AutopayBill; readonly masked: string }
  | { readonly kind: "leftOut"; readonly bill: AutopayBill; readonly masked?: string; readonly reason: string };

export interface DraftPlan {
  /** The file's entries in register order: live drafts and zero-dollar prenotes. */
  readonly debits: readonly AutopayDebit[];
  readonly outcomes: readonly DraftOutcome[];
  /** Accounts the prenotes went to, for a vault that records them. */
  readonly prenoted: readonly string[];
  readonly totals: Record<DraftOutcome["kind"] | "register", { readonly count: number; readonly amount: Dec }>;
}

/** A name as a bank file carries it: accents dropped (Ñúñez is NUNEZ, not " EZ"), the rest as written. */
const plainName = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "");

/** Why a vault entry cannot be used for a draft, or undefined: checked as sealing checks it, and the fields a file needs. */
function entryProblem(bank: BankDetails): string | undefined {
  if (typeof bank.routing !== "string" || typeof bank.bankAccount !== "string")
    return "the vault's entry has no routing or bank account number";
  const problem = bankDetailsProblem(bank);
  if (problem) return problem;
  if (bank.accountType !== "checking" && bank.accountType !== "savings")
    return `the account type is checking or savings; got ${JSON.stringify(String(bank.accountType).slice(0, 20))}`;
  if (bank.prenoteSent !== undefined && !isIsoDate(bank.prenoteSent))
    return `the vault's prenote date is not a date such as 2026-11-02; got ${JSON.stringify(String(bank.prenoteSent).slice(0, 20))}`;
  return undefined;
}

/**
 * Decides each autopay bill's entry in the cycle's file (NACHA PPD; ADR 0010): a live debit for
 * its total due when the vault holds its bank details and a prenote has gone before; a zero-dollar
 * prenote instead of the debit when the enrolment has had none (NACHA Operating Rules: a prenote at
 * least three banking days before the first live entry), so this bill is not drafted; left out,
 * with the reason, when the vault has no details for it, its details fail their checks, its
 * prenote was sent fewer than three banking days before `effective`, or its account number does
 * not fit the entry. What is drafted, prenoted and left out adds up to the register's autopay bills.
 */
export function planAutopayDrafts(
  bills: readonly AutopayBill[],
  vault: ReadonlyMap<string, BankDetails>,
  effective: IsoDate,
  banking: BusinessCalendar,
): DraftPlan {
  const debits: AutopayDebit[] = [];
  const outcomes: DraftOutcome[] = [];
  for (const bill of bills) {
    const bank = vault.get(bill.account);
    if (!bank) {
      outcomes.push({ kind: "leftOut", bill, reason: "not in the autopay vault" });
      continue;
    }
    const masked = typeof bank.bankAccount === "string" ? maskedAccount(bank.bankAccount) : undefined;
    const problem =
      bill.account.length > ID_WIDTH ? `the account number is longer than the ${ID_WIDTH} characters an entry carries` : entryProblem(bank);
    if (problem) {
      outcomes.push({ kind: "leftOut", bill, masked, reason: problem });
      continue;
    }
    const prenote = bank.prenoteSent === undefined;
    if (!prenote) {
      const earliest = banking.addBusinessDays(bank.prenoteSent!, PRENOTE_BANKING_DAYS);
      if (effective < earliest) {
        outcomes.push({
          kind: "leftOut",
          bill,
          masked,
          reason: `its prenote of ${bank.prenoteSent}: its first draft may settle from ${earliest}, ${PRENOTE_BANKING_DAYS} banking days later`,
        });
        continue;
      }
    }
    debits.push({
      account: bill.account,
      name: plainName(bill.name),
      routing: bank.routing.trim(),
      bankAccount: bank.bankAccount.replace(/[\s-]/g, ""),
      accountType: bank.accountType,
      amount: prenote ? ZERO : bill.totalDue,
      prenote,
    });
    outcomes.push(
      prenote ? { kind: "prenote", bill, masked: masked! } : { kind: "draft", bill, masked: masked!, accountType: bank.accountType },
    );
  }
  const total = (list: readonly { bill: AutopayBill }[]) => ({
    count: list.length,
    amount: list.reduce((sum, o) => sum.plus(o.bill.totalDue), ZERO),
  });
  const of = (kind: DraftOutcome["kind"]) => total(outcomes.filter((o) => o.kind === kind));
  return {
    debits,
    outcomes,
    prenoted: outcomes.filter((o) => o.kind === "prenote").map((o) => o.bill.account),
    totals: { draft: of("draft"), prenote: of("prenote"), leftOut: of("leftOut"), register: total(bills.map((bill) => ({ bill }))) },
  };
}
