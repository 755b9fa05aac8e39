import type { Dec } from "../decimal";
import { Money } from "./money";

/** A price as a bill prints it: at least two decimals, every digit the schedule gives ("24.00", "1.5208"). */
export function priceText(price: Dec): string {
  return price.decimalPlaces() < 2 ? price.toFixed(2) : price.toString();
}

/** A quantity with thousands separators and its exact decimals: "8,000", "12.5". */
export function quantityText(quantity: Dec): string {
  const [whole, fraction] = quantity.toFixed().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** An amount of money as people read it: "$1,234.56", "-$306.89" (rounded to cents half-up, the clone's rule). */
export function moneyText(amount: Money | Dec): string {
  const cents = (amount instanceof Money ? amount.amount : amount).toDecimalPlaces(2);
  const [whole, fraction] = cents.abs().toFixed(2).split(".");
  return `${cents.isNegative() && !cents.isZero() ? "-" : ""}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}
