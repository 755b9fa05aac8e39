import { IsoDate, Money, moneyText } from "../engine";

/** The date formats an Office sheet may choose; the first is the US default ("Nov 16, 2026"). */
export const DATE_FORMATS = ["MMM d, yyyy", "MMMM d, yyyy", "MM/dd/yyyy", "M/d/yyyy", "d MMM yyyy", "yyyy-MM-dd"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** The money formats an Office sheet may choose; the first is the US default ("$1,234.56"). */
export const MONEY_FORMATS = ["$1,234.56", "1,234.56"] as const;
export type MoneyFormat = (typeof MONEY_FORMATS)[number];

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A calendar date as the customer reads it, in the Office sheet's format: "Nov 16, 2026". */
export function dateText(date: IsoDate, format: DateFormat = DATE_FORMATS[0]): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  switch (format) {
    case "MMM d, yyyy":
      return `${MONTHS[m - 1].slice(0, 3)} ${d}, ${y}`;
    case "MMMM d, yyyy":
      return `${MONTHS[m - 1]} ${d}, ${y}`;
    case "MM/dd/yyyy":
      return `${date.slice(5, 7)}/${date.slice(8, 10)}/${y}`;
    case "M/d/yyyy":
      return `${m}/${d}/${y}`;
    case "d MMM yyyy":
      return `${d} ${MONTHS[m - 1].slice(0, 3)} ${y}`;
    case "yyyy-MM-dd":
      return date;
    default: {
      const never: never = format;
      return never;
    }
  }
}

/** An amount as the customer reads it, in the Office sheet's format: "$1,234.56", "-$12.50". */
export function amountText(amount: Money, format: MoneyFormat = MONEY_FORMATS[0]): string {
  const text = moneyText(amount);
  return format === "$1,234.56" ? text : text.replace("$", "");
}
