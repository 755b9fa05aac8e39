import { addDec, ZERO } from "../decimal";
import { quantityText } from "../money/format";
import { DECISIONS } from "./catalog";
import { estimateFromHistory } from "./estimateFromHistory";
import { servicePeriod } from "./servicePeriod";
import type { BillingDecision, DecisionCode, DecisionInput, DecisionPolicy, HistoryEstimate, MeterReading } from "./types";

/** Error edits that only say the read is missing: billed as an unread meter, not held for a decision. */
export const MISSING_READ_EDITS: ReadonlySet<string> = new Set(["NO_READ"]);

/**
 * The one billing decision for an account this cycle, with its reason. In order:
 * 1. an open error edit holds the account until the specialist decides it, except NO_READ (the
 *    reader skipped the meter or left the read blank), which is a missing read (6 and 7);
 * 2. an account without service in the period (Inactive, closed before it, opened after it) gets a
 *    statement of its balance when it owes or had activity, and nothing otherwise; a usable read
 *    on it (its edit approved) is billed as read;
 * 3. a vacant account is not billed when the policy bills vacant accounts no base charges;
 * 4. every meter read and usable: billed on the reads (ESTIMATED_READ when a read is itself an
 *    estimate: read code E or the specialist's);
 * 5. an account without a meter and without reads: its fixed charges;
 * 6. otherwise a meter has no usable read (none on file, no row matched, a re-read requested):
 *    a vacant account is held (an estimate from a former occupant's use would be wrong); by the
 *    policy the rest are estimated from history, or held. Without history, held.
 * No path bills metered usage of 0 unless a read says 0.
 */
export function decideBilling(input: DecisionInput, policy: DecisionPolicy): BillingDecision {
  const { subject, reading } = input;
  const service = servicePeriod(subject, input.periodStart, input.periodEnd, input.offCycle);
  const meters = reading?.meters ?? [];
  const reread = meters.some((m) => m.rereadRequested);
  const decided = (code: DecisionCode, reason: string, extra: Partial<BillingDecision> = {}): BillingDecision => ({
    account: subject.account,
    outcome: DECISIONS[code].outcome,
    code,
    reason,
    final: service.final && DECISIONS[code].outcome === "billed",
    rereadRequested: reread,
    serviceDays: service.prorated ? service.days : undefined,
    ...extra,
  });

  // A skipped or blank read (NO_READ) is a missing read: the unread-meter rule below decides it.
  const errors = (input.openErrors ?? []).filter((code) => !MISSING_READ_EDITS.has(code));
  if (errors.length > 0) return decided("HELD_OPEN_EDIT", `open read edit${errors.length > 1 ? "s" : ""}: ${errors.join(", ")}`);

  const usable = meters.length > 0 && meters.every((m) => m.usage !== null && !m.rereadRequested);
  const readUsage = usable ? meters.reduce((sum, m) => addDec(sum, m.usage!), ZERO) : undefined;
  const estimatedBy = meters.find((m) => m.source === "reader's estimate" || m.source === "specialist's estimate")?.source;

  if (!service.inService) {
    if (readUsage !== undefined && readUsage.greaterThan(0) && !subject.finalBilledThrough)
      return decided("ACTUAL_READ", `read on an account without service, approved: ${quantityText(readUsage)}`, {
        usage: readUsage,
        final: false,
        serviceDays: undefined,
      });
    return input.owesOrActivity
      ? decided(
          "BALANCE_ONLY",
          `${subject.status}${subject.closeDate ? `, closed ${subject.closeDate}` : ""}${subject.finalBilledThrough ? ", final bill already made" : ""}: a statement of the balance, no charges`,
        )
      : decided(
          "NOT_BILLED_NO_SERVICE",
          `${subject.status}${subject.closeDate ? `, closed ${subject.closeDate}` : ""}: no service and nothing owed`,
        );
  }
  if (subject.status === "vacant" && !policy.vacantBaseCharges) {
    return input.owesOrActivity
      ? decided("BALANCE_ONLY", "vacant: no base charges by policy; a statement of the balance")
      : decided("NOT_BILLED_VACANT", "vacant: no base charges by policy");
  }
  if (readUsage !== undefined) {
    if (estimatedBy)
      return decided(
        "ESTIMATED_READ",
        estimatedBy === "specialist's estimate" ? "the specialist's estimate" : "the reader's estimate (read code E)",
        { usage: readUsage },
      );
    return decided("ACTUAL_READ", meters.length > 1 ? `${meters.length} meters read` : "read", { usage: readUsage });
  }
  if (meters.length === 0 && !subject.meter) return decided("UNMETERED", "no meter: fixed charges only");

  const why = reread ? `re-read requested for ${unreadMeters(meters, true)}` : missingText(meters, subject.meter);
  if (subject.status === "vacant")
    return decided("HELD_VACANT_NO_READ", `vacant and ${why}: read the meter (a read of 0 bills the base charges)`);
  if (policy.noUsableRead === "hold") return decided(reread ? "HELD_REREAD" : "HELD_NO_READ", `${why}; held by policy until it is read`);
  const estimate = estimateFromHistory(subject.account, input.history, input.periodEnd, service.days);
  if (!estimate.ok) return decided("HELD_NO_HISTORY", `${why}; ${estimate.problem.message}`);
  return decided(reread ? "ESTIMATED_REREAD" : "ESTIMATED_NO_READ", `${why}; estimated ${estimateText(estimate.value)}`, {
    usage: estimate.value.usage,
    estimate: estimate.value,
  });
}

function unreadMeters(meters: readonly MeterReading[], reread: boolean): string {
  const names = meters.filter((m) => (reread ? m.rereadRequested : m.usage === null)).map((m) => m.meter || "a meter");
  return names.length === 0 ? "the meter" : `meter ${names.join(", ")}`;
}

function missingText(meters: readonly MeterReading[], meter: string | undefined): string {
  if (meters.length === 0) return `no read for ${meter ? `meter ${meter}` : "the account"} matched to this account`;
  return `no usable read for ${unreadMeters(meters, false)}`;
}

function estimateText(e: HistoryEstimate): string {
  return `${quantityText(e.usage)} from the ${e.method}`;
}
