import { DECISIONS, isEstimated, Money, quantityText, Statement, unitLabel, VolumeUnit } from "../engine";
import { amountText, dateText } from "./format";
import { DEFAULT_OFFICE, Office } from "./office";

/** How the customer reads dates and amounts: the Office sheet's formats. */
export type Look = Pick<Office, "dateFormat" | "moneyFormat">;

/**
 * The messages a bill carries, in the words of the engine's decisions: why its usage is estimated
 * (and that a re-read is coming), the one collection notice with its amount and deadline, and a
 * kept payment arrangement. The letter, the door hanger and the delinquency list show the same
 * amounts and dates because they all read `statement.collection`.
 */
export function billMessages(s: Statement, usageUnit: VolumeUnit, look: Look = DEFAULT_OFFICE): string[] {
  const $ = (m: Money) => amountText(m, look.moneyFormat);
  const d8 = (date: string) => dateText(date, look.dateFormat);
  const messages: string[] = [];
  const d = s.decision;
  if (isEstimated(d.code) && d.estimate)
    messages.push(
      `ESTIMATED: ${quantityText(d.estimate.usage)} ${unitLabel(usageUnit)} from your ${d.estimate.method}${
        d.rereadRequested ? "; your meter will be read again" : "; your meter could not be read"
      }. The next actual read corrects any difference.`,
    );
  else if (d.code === "ESTIMATED_READ")
    messages.push(`ESTIMATED: this bill uses ${d.reason}. The next actual read corrects any difference.`);
  if (d.code === "BALANCE_ONLY") messages.push("No service this period: this statement shows the balance owing.");
  const n = s.collection.notice;
  if (n) {
    switch (n.rung) {
      case "reminder":
        messages.push(
          n.returnedPayment
            ? `RETURNED PAYMENT: a payment was returned by your bank and reversed with a fee. Please pay ${$(n.amount)} by ${d8(n.payBy)} in cash, by cashier's check, money order or card.`
            : s.decision.code === "BALANCE_ONLY"
              ? `PLEASE PAY: ${$(n.amount)} is owing on this closed account. Please pay it by ${d8(n.payBy)}.`
              : `PAST DUE: ${$(n.amount)} of your balance is past due. Please pay it by ${d8(n.payBy)}.`,
        );
        break;
      case "late notice":
        messages.push(
          `LATE NOTICE: ${$(n.amount)} is past due. Pay it by ${d8(n.payBy)}; service will be shut off without payment or a written payment arrangement.`,
        );
        break;
      case "final notice":
        messages.push(
          `FINAL NOTICE: pay ${$(n.amount)} by ${d8(n.payBy)} or service will be shut off on or after ${d8(n.shutoff!.shutoffDate)}.`,
        );
        break;
      case "final bill":
        messages.push(`FINAL BILL: please pay ${$(n.amount)} by ${d8(n.payBy)}.`);
        break;
      case "collections":
        messages.push(
          `COLLECTIONS: ${$(n.amount)} is unpaid since this account closed. Pay it by ${d8(n.payBy)}, or it will be referred for collection.`,
        );
        break;
      default: {
        const never: never = n.rung;
        return never;
      }
    }
    if (n.arrangementBroken) messages.push("Your payment arrangement was not kept this cycle and has ended.");
    if (n.returnedPayment && n.rung !== "reminder")
      messages.push(
        "A payment was returned by your bank and reversed with a fee: please pay in cash, by cashier's check, money order or card.",
      );
  } else if (s.collection.keptOff?.reason === "kept payment arrangement" && s.account.arrangementAmount && s.account.arrangementUntil) {
    messages.push(
      `PAYMENT ARRANGEMENT: ${$(Money.of(s.account.arrangementAmount))} each cycle until ${d8(s.account.arrangementUntil)}. Thank you for keeping it.`,
    );
  }
  return messages;
}

/** The decision's short label for the register's Read column. */
export function basisLabel(s: Statement): string {
  return DECISIONS[s.decision.code].label;
}

/** The notice's name as the lists show it. */
export function noticeLabel(rung: string | undefined): string {
  return rung ? rung.charAt(0).toUpperCase() + rung.slice(1) : "";
}
