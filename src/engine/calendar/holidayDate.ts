import { addDays, daysInMonth, fromDayNumber, toDayNumber } from "../dates/civilDate";
import type { IsoDate } from "../dates/civilDate";
import type { HolidayRule, Weekday } from "./holidayRules";

/** The weekday of a date: 0 Sunday ... 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(date: IsoDate): Weekday {
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/**
 * The day a rule closes the office in `year` (its observed day for a fixed holiday on a weekend:
 * Saturday to the Friday before, Sunday to the Monday after, per 5 U.S.C. 6103(b)), or undefined
 * when the rule does not fall in that year (a one-off date in another year, February 30).
 * The observed day can fall in the year before: New Year's Day 2028 is a Saturday, observed
 * Friday 2027-12-31.
 */
export function holidayDate(rule: HolidayRule, year: number): IsoDate | undefined {
  switch (rule.kind) {
    case "date":
      return Number(rule.date.slice(0, 4)) === year ? rule.date : undefined;
    case "fixed": {
      if (rule.day > daysInMonth(year, rule.month)) return undefined;
      const date = iso(year, rule.month, rule.day);
      if (!rule.observed) return date;
      const weekday = weekdayOf(date);
      return weekday === 6 ? addDays(date, -1) : weekday === 0 ? addDays(date, 1) : date;
    }
    case "nthWeekday": {
      if (rule.nth === -1) {
        const last = iso(year, rule.month, daysInMonth(year, rule.month));
        const back = (weekdayOf(last) - rule.weekday + 7) % 7;
        return addDays(last, -back + rule.offsetDays);
      }
      const first = iso(year, rule.month, 1);
      const ahead = (rule.weekday - weekdayOf(first) + 7) % 7;
      return fromDayNumber(toDayNumber(first) + ahead + (rule.nth - 1) * 7 + rule.offsetDays);
    }
    default: {
      const never: never = rule;
      return never;
    }
  }
}
