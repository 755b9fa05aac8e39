import { daysInMonth, isIsoDate } from "../dates/civilDate";
import { fail, ok, Result } from "../problems";
import type { HolidayRule, Weekday } from "./holidayRules";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const ORDINALS: Record<string, 1 | 2 | 3 | 4 | -1> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A holiday rule as one line of text, the way the Settings view shows and takes it:
 * "Christmas Day: December 25", "Christmas Eve: December 24, not observed",
 * "Labor Day: first Monday of September", "Day after Thanksgiving: day after fourth Thursday of
 * November", "Founders' Day: 2027-03-15".
 */
export function holidayRuleText(rule: HolidayRule): string {
  switch (rule.kind) {
    case "date":
      return `${rule.name}: ${rule.date}`;
    case "fixed":
      return `${rule.name}: ${title(MONTHS[rule.month - 1])} ${rule.day}${rule.observed ? "" : ", not observed"}`;
    case "nthWeekday": {
      const ordinal = Object.keys(ORDINALS).find((k) => ORDINALS[k] === rule.nth)!;
      const when = `${ordinal} ${title(WEEKDAYS[rule.weekday])} of ${title(MONTHS[rule.month - 1])}`;
      const offset = rule.offsetDays === 1 ? "day after " : rule.offsetDays === -1 ? "day before " : "";
      return `${rule.name}: ${offset}${when}`;
    }
    default: {
      const never: never = rule;
      return never;
    }
  }
}

/** Reads one line written as `holidayRuleText` writes it; anything else is refused with the forms it takes. */
export function parseHolidayRule(line: string): Result<HolidayRule> {
  const refuse = () =>
    fail<HolidayRule>(
      "INVALID_INPUT",
      `cannot read the holiday "${line.trim().slice(0, 80)}": write "Name: December 25", "Name: third Monday of January", "Name: day after fourth Thursday of November" or "Name: 2027-03-15"`,
    );
  const colon = line.indexOf(":");
  if (colon <= 0) return refuse();
  const name = line.slice(0, colon).trim().slice(0, 60);
  const when = line
    .slice(colon + 1)
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
  if (!name) return refuse();
  if (isIsoDate(when)) return ok({ name, kind: "date", date: when });
  const fixedDay = /^([a-z]+) (\d{1,2})(, not observed)?$/.exec(when);
  if (fixedDay) {
    const month = MONTHS.indexOf(fixedDay[1]) + 1;
    const day = Number(fixedDay[2]);
    // February 29 is allowed: in other years it has no date.
    if (month === 0 || day < 1 || day > daysInMonth(2024, month)) return refuse();
    return ok({ name, kind: "fixed", month, day, observed: !fixedDay[3] });
  }
  const nthDay = /^(?:(day after|day before) )?(first|second|third|fourth|last) ([a-z]+) of ([a-z]+)$/.exec(when);
  if (nthDay) {
    const weekday = WEEKDAYS.indexOf(nthDay[3]);
    const month = MONTHS.indexOf(nthDay[4]) + 1;
    if (weekday < 0 || month === 0) return refuse();
    return ok({
      name,
      kind: "nthWeekday",
      month,
      weekday: weekday as Weekday,
      nth: ORDINALS[nthDay[2]],
      offsetDays: nthDay[1] === "day after" ? 1 : nthDay[1] === "day before" ? -1 : 0,
    });
  }
  return refuse();
}
