import { addDays } from "../dates/civilDate";
import type { IsoDate } from "../dates/civilDate";
import { holidayDate, weekdayOf } from "./holidayDate";
import type { HolidayRule } from "./holidayRules";

/** Business days under one holiday list: weekdays the office is open. */
export interface BusinessCalendar {
  /** The holiday on a date, if any (its name). */
  holiday(date: IsoDate): string | undefined;
  isBusinessDay(date: IsoDate): boolean;
  /** The date itself when it is a business day, otherwise the next business day. */
  onOrAfter(date: IsoDate): IsoDate;
  /** The business day `days` business days after `date` (1: the next business day). */
  addBusinessDays(date: IsoDate, days: number): IsoDate;
  /** The business day `days` business days before `date`. */
  subtractBusinessDays(date: IsoDate, days: number): IsoDate;
}

/**
 * A business calendar: Saturdays, Sundays and the holidays of `rules` (each on its observed day)
 * are closed. A due date or shutoff date that lands on a closed day moves to the next business
 * day. Holidays are worked out once per year asked for.
 */
export function businessCalendar(rules: readonly HolidayRule[]): BusinessCalendar {
  const years = new Map<number, Map<IsoDate, string>>();
  const closedIn = (year: number) => {
    let days = years.get(year);
    if (!days) {
      days = new Map();
      // A rule of the next year can be observed in this one (New Year's Day on a Saturday).
      for (const y of [year, year + 1])
        for (const rule of rules) {
          const date = holidayDate(rule, y);
          if (date !== undefined && Number(date.slice(0, 4)) === year && !days.has(date)) days.set(date, rule.name);
        }
      years.set(year, days);
    }
    return days;
  };
  const holiday = (date: IsoDate) => closedIn(Number(date.slice(0, 4))).get(date);
  const isBusinessDay = (date: IsoDate) => {
    const weekday = weekdayOf(date);
    return weekday !== 0 && weekday !== 6 && holiday(date) === undefined;
  };
  const step = (date: IsoDate, days: number, by: 1 | -1) => {
    let d = date;
    for (let left = days; left > 0;) {
      d = addDays(d, by);
      if (isBusinessDay(d)) left--;
    }
    return d;
  };
  return {
    holiday,
    isBusinessDay,
    onOrAfter(date) {
      let d = date;
      while (!isBusinessDay(d)) d = addDays(d, 1);
      return d;
    },
    addBusinessDays: (date, days) => step(date, days, 1),
    subtractBusinessDays: (date, days) => step(date, days, -1),
  };
}
