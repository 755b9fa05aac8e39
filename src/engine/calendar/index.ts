export type { HolidayRule, Weekday } from "./holidayRules";
export { US_FEDERAL_HOLIDAYS } from "./holidayRules";
export { holidayDate, weekdayOf } from "./holidayDate";
export type { BusinessCalendar } from "./businessCalendar";
export { businessCalendar } from "./businessCalendar";
export { holidayRuleText, parseHolidayRule } from "./holidayText";
