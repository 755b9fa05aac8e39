import { cellPeriodEnd } from "../../src/workbook/cells";

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
