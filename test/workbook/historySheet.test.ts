import { parseHistorySheet } from "../../src/workbook/contextSheets";
import type { CellValue } from "../../src/workbook/port";

const sheet = (rows: CellValue[][]) => ({
  sheet: "Usage History",
  top: 0,
  left: 0,
  values: [["Account", "Period", "Usage", "Days", "Read Code"], ...rows],
});

describe("parseHistorySheet (rows straight into columns)", () => {
  it("reads usage, days and read codes as the cells give them, a negative zero as zero", () => {
    const read = parseHistorySheet(
      sheet([
        ["1002", "2025-10-31", 5, -0, "a"],
        ["1002", "2025-09-30", "12.5", "30", "X"],
        [1003, "Nov 2025", 0, null, "E"],
      ]),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [sept, oct] = read.value.history.get("1002")!;
    expect([sept.periodEnd, sept.usage.toString(), sept.days, sept.readCode]).toEqual(["2025-09-30", "12.5", 30, undefined]);
    expect([oct.periodEnd, oct.usage.toString(), oct.readCode]).toEqual(["2025-10-31", "5", "A"]);
    expect(Object.is(oct.days, 0)).toBe(true);
    expect(read.value.history.get("1003")!.map((r) => [r.periodEnd, r.usage.toString(), r.days, r.readCode])).toEqual([
      ["2025-11-30", "0", undefined, "E"],
    ]);
    expect(read.value.problems).toEqual([]);
  });

  it("names a row it cannot read, and refuses a sheet of which no row can be read", () => {
    const some = parseHistorySheet(
      sheet([
        ["1002", "2025-10-31", -1, 30, null],
        ["1002", "2025-09-30", 7, 30, null],
      ]),
    );
    expect(some.ok && some.value.problems).toEqual(["'Usage History'!C2: Usage must be a number of 0 or more; got -1"]);
    const none = parseHistorySheet(sheet([["1002", "someday", 5, 30, null]]));
    expect(none.ok).toBe(false);
  });
});
