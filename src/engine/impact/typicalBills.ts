import { Dec } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import { computeBill } from "../bills/computeBill";
import type { RateSchedule } from "../rates/types";
import { convertVolume } from "../units/volume";
import type { ImpactAccountInputs, TypicalBill } from "./types";

/** The usage levels a typical residential bill is quoted at, in thousand gallons. */
export const TYPICAL_LEVELS = [3, 5, 8, 10, 15];

/**
 * The bill at 3, 5, 8, 10 and 15 thousand gallons under each schedule on a date, for an account
 * as given (the commonest residential meter size and carts in the data). A level a schedule
 * cannot price is left out.
 */
export function typicalBills(schedules: readonly RateSchedule[], inputs: ImpactAccountInputs, asOf: IsoDate): TypicalBill[] {
  const out: TypicalBill[] = [];
  for (const level of TYPICAL_LEVELS) {
    const bills: Dec[] = [];
    for (const schedule of schedules) {
      const usage = convertVolume({ amount: new Dec(level * 1000), unit: "gal" }, schedule.usageUnit).amount;
      const bill = computeBill(schedule, { ...inputs, usage, asOf });
      if (!bill.ok) break;
      bills.push(bill.value.total.amount);
    }
    if (bills.length === schedules.length) out.push({ thousandGallons: level, bills });
  }
  return out;
}
