import { cellDate, cellPeriodEnd } from "../../src/workbook/cells";

/** Periods as billing systems export them (issue 13): a month means the period ending that month. */
describe("cellPeriodEnd", () => {
  it.each([
    ["2025-10", "2025-10-31"],
    ["2025/10", "2025-10-31"],
    ["10/2025", "2025-10-31"],
    ["2/2024", "2024-02-29"],
    ["Oct 2025", "2025-10-31"],
    ["October 2025", "2025-10-31"],
    ["Oct-2025", "2025-10-31"],
    ["Sept 2025", "2025-09-30"],
    ["2025-10-15", "2025-10-15"],
    ["10/15/2025", "2025-10-15"],
    [45945, "2025-10-15"],
  ])("reads %j as the period ending %s", (value, expected) => {
    expect(cellPeriodEnd(value)).toBe(expected);
  });

  it.each(["13/2025", "2025-13", "Foo 2025", "Octo 2025", "1899-12", "2200-01", "", "October"])("reads %j as no period", (value) => {
    expect(cellPeriodEnd(value)).toBeUndefined();
  });
});

/** Dates in cells from 1900-03-01 to 2199-12-31 (docs/inputs.md), at and past each end. */
describe("cellDate's limits", () => {
  it.each([
    [61, "1900-03-01"],
    [109574, "2199-12-31"],
    [109574.75, "2199-12-31"],
    ["1900-03-01", "1900-03-01"],
    ["2199-12-31", "2199-12-31"],
    ["12/31/2199", "2199-12-31"],
  ])("reads %j as %s", (value, expected) => {
    expect(cellDate(value)).toBe(expected);
  });

  it.each([60, 109575, 2958465, "1900-02-28", "2200-01-01", "9999-12-31", "01/01/2200", "0001-01-01"])("reads %j as no date", (value) => {
    expect(cellDate(value)).toBeUndefined();
  });
});
