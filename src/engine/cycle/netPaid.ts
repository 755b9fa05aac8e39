import { Dec, ZERO } from "../decimal";
import type { Payment } from "./types";

/** What a payment row leaves paid: its amount; nothing once returned; less its amount when it is a reversal. */
export function netPaid(p: Pick<Payment, "amount" | "returned" | "reverses">): Dec {
  return p.reverses !== undefined ? p.amount.negated() : p.returned ? ZERO : p.amount;
}
