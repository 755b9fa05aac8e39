import type { IsoDate } from "../dates/civilDate";

/** 0 Sunday ... 6 Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A day the office is closed, as a rule that gives a date in any year:
 * - `fixed`: the same month and day each year; `observed` moves a Saturday to the Friday before and
 *   a Sunday to the Monday after (5 U.S.C. 6103(b); OPM, "Federal Holidays");
 * - `nthWeekday`: the nth (1-4, or -1 for the last) weekday of a month, plus `offsetDays`
 *   (1 for "the day after Thanksgiving");
 * - `date`: one date, once.
 */
export type HolidayRule =
  | { readonly name: string; readonly kind: "fixed"; readonly month: number; readonly day: number; readonly observed: boolean }
  | {
      readonly name: string;
      readonly kind: "nthWeekday";
      readonly month: number;
      readonly weekday: Weekday;
      readonly nth: 1 | 2 | 3 | 4 | -1;
      readonly offsetDays: number;
    }
  | { readonly name: string; readonly kind: "date"; readonly date: IsoDate };

const fixed = (name: string, month: number, day: number): HolidayRule => ({ name, kind: "fixed", month, day, observed: true });
const nth = (name: string, n: 1 | 2 | 3 | 4 | -1, weekday: Weekday, month: number): HolidayRule => ({
  name,
  kind: "nthWeekday",
  month,
  weekday,
  nth: n,
  offsetDays: 0,
});

/**
 * The eleven US federal holidays (5 U.S.C. 6103(a), with Juneteenth since 2021), each moved to its
 * observed day when it falls on a weekend: the default holiday list a city edits (../shared/domain).
 */
export const US_FEDERAL_HOLIDAYS: readonly HolidayRule[] = [
  fixed("New Year's Day", 1, 1),
  nth("Martin Luther King Jr. Day", 3, 1, 1),
  nth("Washington's Birthday", 3, 1, 2),
  nth("Memorial Day", -1, 1, 5),
  fixed("Juneteenth", 6, 19),
  fixed("Independence Day", 7, 4),
  nth("Labor Day", 1, 1, 9),
  nth("Columbus Day", 2, 1, 10),
  fixed("Veterans Day", 11, 11),
  nth("Thanksgiving Day", 4, 4, 11),
  fixed("Christmas Day", 12, 25),
];
