import type { DecisionCode, DecisionOutcome } from "./types";

/** Each decision's outcome and its short label, as the register, the bill and the review show it. */
export const DECISIONS: Readonly<Record<DecisionCode, { readonly outcome: DecisionOutcome; readonly label: string }>> = {
  ACTUAL_READ: { outcome: "billed", label: "actual read" },
  ESTIMATED_READ: { outcome: "billed", label: "ESTIMATED read" },
  ESTIMATED_REREAD: { outcome: "billed", label: "ESTIMATED: re-read requested" },
  ESTIMATED_NO_READ: { outcome: "billed", label: "ESTIMATED: no read" },
  UNMETERED: { outcome: "billed", label: "unmetered" },
  BALANCE_ONLY: { outcome: "billed", label: "balance only (no service)" },
  HELD_OPEN_EDIT: { outcome: "held", label: "held: open read edit" },
  HELD_REREAD: { outcome: "held", label: "held: re-read requested" },
  HELD_NO_READ: { outcome: "held", label: "held: no read" },
  HELD_NO_HISTORY: { outcome: "held", label: "held: no history to estimate from" },
  HELD_VACANT_NO_READ: { outcome: "held", label: "held: vacant, not read" },
  HELD_UNPRICED: { outcome: "held", label: "held: cannot be priced" },
  NOT_BILLED_NO_SERVICE: { outcome: "not billed", label: "not billed: no service" },
  NOT_BILLED_VACANT: { outcome: "not billed", label: "not billed: vacant" },
};

/** True for a decision whose usage is an estimate (marked ESTIMATED on the bill and the register). */
export const isEstimated = (code: DecisionCode): boolean =>
  code === "ESTIMATED_READ" || code === "ESTIMATED_REREAD" || code === "ESTIMATED_NO_READ";
