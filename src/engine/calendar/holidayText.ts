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
  const shown = `"${line.trim().slice(0, 80)}"`;
  const refuse = (why: string) => fail<HolidayRule>("INVALID_INPUT", `cannot read the holiday ${shown}: ${why}`);
  const forms =
    'write "Name: December 25", "Name: third Monday of January", "Name: day after fourth Thursday of November" or "Name: 2027-03-15"';
  const colon = line.indexOf(":");
  if (colon <= 0) return refuse(`start with the holiday's name and a colon; ${forms}`);
  const name = line.slice(0, colon).trim().slice(0, 60);
  const when = line
    .slice(colon + 1)
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
  if (!name) return refuse(`start with the holiday's name and a colon; ${forms}`);
  if (isIsoDate(when)) return ok({ name, kind: "date", date: when });
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) return refuse(`${when} is not a date on the calendar`);
  const month = (word: string) => MONTHS.indexOf(word) + 1;
  const notMonth = (word: string) => `"${word}" is not a month (January to December)`;
  const fixedDay = /^([a-z]+) (\d{1,2})(, not observed)?$/.exec(when);
  if (fixedDay) {
    const m = month(fixedDay[1]);
    const day = Number(fixedDay[2]);
    if (m === 0) return refuse(notMonth(fixedDay[1]));
    // February 29 is allowed: in other years it has no date.
    if (day < 1 || day > daysInMonth(2024, m)) return refuse(`${title(MONTHS[m - 1])} has no day ${day}`);
    return ok({ name, kind: "fixed", month: m, day, observed: !fixedDay[3] });
  }
  const nthDay = /^(?:(day after|day before) )?([a-z]+) ([a-z]+) of ([a-z]+)$/.exec(when);
  if (nthDay) {
    if (!(nthDay[2] in ORDINALS)) return refuse(`"${nthDay[2]}" should be first, second, third, fourth or last`);
    const weekday = WEEKDAYS.indexOf(nthDay[3]);
    if (weekday < 0) return refuse(`"${nthDay[3]}" is not a day of the week`);
    const m = month(nthDay[4]);
    if (m === 0) return refuse(notMonth(nthDay[4]));
    return ok({
      name,
      kind: "nthWeekday",
      month: m,
      weekday: weekday as Weekday,
      nth: ORDINALS[nthDay[2]],
      offsetDays: nthDay[1] === "day after" ? 1 : nthDay[1] === "day before" ? -1 : 0,
    });
  }
  return refuse(forms);
}
