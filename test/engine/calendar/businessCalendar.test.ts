import { businessCalendar, holidayDate, holidayRuleText, parseHolidayRule, US_FEDERAL_HOLIDAYS, weekdayOf } from "../../../src/engine";

// OPM, "Federal Holidays" for 2026 and 2027 (opm.gov/policy-data-oversight/pay-leave/federal-holidays):
// the observed day of each holiday, a weekend holiday moved per 5 U.S.C. 6103(b).
const OPM: [number, string[]][] = [
  [
    2026,
    [
      "2026-01-01",
      "2026-01-19",
      "2026-02-16",
      "2026-05-25",
      "2026-06-19",
      "2026-07-03",
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26",
      "2026-12-25",
    ],
  ],
  [
    2027,
    [
      "2027-01-01",
      "2027-01-18",
      "2027-02-15",
      "2027-05-31",
      "2027-06-18",
      "2027-07-05",
      "2027-09-06",
      "2027-10-11",
      "2027-11-11",
      "2027-11-25",
      "2027-12-24",
    ],
  ],
];

describe("holidayDate", () => {
  it.each(OPM)("gives the observed US federal holidays of %i as OPM lists them", (year, dates) => {
    expect(US_FEDERAL_HOLIDAYS.map((r) => holidayDate(r, year))).toEqual(dates);
  });

  it("observes New Year's Day 2028, a Saturday, on Friday 2027-12-31", () => {
    const calendar = businessCalendar(US_FEDERAL_HOLIDAYS);
    expect(calendar.holiday("2027-12-31")).toBe("New Year's Day");
    expect(calendar.isBusinessDay("2027-12-31")).toBe(false);
  });

  it("knows the weekday of a date", () => {
    expect(["2026-11-15", "2026-11-16", "2026-11-21"].map(weekdayOf)).toEqual([0, 1, 6]);
  });
});

describe("businessCalendar", () => {
  const federal = businessCalendar(US_FEDERAL_HOLIDAYS);
  const dayAfter = parseHolidayRule("Day after Thanksgiving: day after fourth Thursday of November");
  if (!dayAfter.ok) throw new Error(dayAfter.problem.message);
  const city = businessCalendar([...US_FEDERAL_HOLIDAYS, dayAfter.value]);

  it.each([
    ["a Sunday moves to Monday", federal, "2026-11-15", "2026-11-16"],
    ["a Saturday moves to Monday", federal, "2026-11-14", "2026-11-16"],
    ["a business day stays", federal, "2026-11-17", "2026-11-17"],
    ["Thanksgiving moves to Friday under the federal list", federal, "2026-11-26", "2026-11-27"],
    ["the day after Thanksgiving stays under the federal list", federal, "2026-11-27", "2026-11-27"],
    ["the day after Thanksgiving moves to Monday when the city closes it", city, "2026-11-27", "2026-11-30"],
    ["Thanksgiving moves past the city's Friday to Monday", city, "2026-11-26", "2026-11-30"],
    ["Christmas observed on Friday 2027-12-24 moves to Monday", federal, "2027-12-24", "2027-12-27"],
  ])("onOrAfter: %s", (_label, calendar, date, expected) => {
    expect(calendar.onOrAfter(date)).toBe(expected);
  });

  it("counts business days past weekends and holidays", () => {
    // Mailed Friday 2026-11-13: ten business days skip two weekends, Thanksgiving and the city's Friday.
    expect(federal.addBusinessDays("2026-11-13", 10)).toBe("2026-11-30");
    expect(city.addBusinessDays("2026-11-13", 10)).toBe("2026-12-01");
    expect(city.subtractBusinessDays("2026-12-01", 10)).toBe("2026-11-13");
    expect(federal.addBusinessDays("2026-11-13", 0)).toBe("2026-11-13");
  });
});

describe("holiday rules as text", () => {
  it("writes and reads back every federal holiday", () => {
    for (const rule of US_FEDERAL_HOLIDAYS) {
      const parsed = parseHolidayRule(holidayRuleText(rule));
      expect(parsed).toEqual({ ok: true, value: rule });
    }
  });

  it.each([
    ["Christmas Eve: December 24, not observed", { name: "Christmas Eve", kind: "fixed", month: 12, day: 24, observed: false }],
    ["Founders' Day: 2027-03-15", { name: "Founders' Day", kind: "date", date: "2027-03-15" }],
    [
      "Day before Christmas:  day before  last Friday of December",
      { name: "Day before Christmas", kind: "nthWeekday", month: 12, weekday: 5, nth: -1, offsetDays: -1 },
    ],
  ])("reads %s", (line, rule) => {
    expect(parseHolidayRule(line)).toEqual({ ok: true, value: rule });
  });

  it.each([
    ["December 25", "start with the holiday's name and a colon"],
    ["Christmas: Decembre 25", '"decembre" is not a month (January to December)'],
    ["Bad: fifth Monday of May", '"fifth" should be first, second, third, fourth or last'],
    ["Bad: first Mondy of May", '"mondy" is not a day of the week'],
    [": July 4", "start with the holiday's name and a colon"],
    ["X: 2027-02-30", "2027-02-30 is not a date on the calendar"],
    ["X: February 40", "February has no day 40"],
    ["X: February 30", "February has no day 30"],
    ["X: sometime in spring", 'write "Name: December 25"'],
  ])("refuses %s and says why", (line, why) => {
    const parsed = parseHolidayRule(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.message).toContain(why);
  });
});
