import { displayValue } from "../../src/try/grid";

describe("the try-it grid shows values as Excel would under their number formats", () => {
  it.each([
    [null, undefined, ""],
    [true, undefined, "TRUE"],
    ["=HYPERLINK(1)", "@", "=HYPERLINK(1)"],
    [46325, "yyyy-mm-dd", "2026-10-30"],
    [46325, undefined, "46325"],
    [-5, "yyyy-mm-dd", "-5"],
    [2500128.29, "#,##0.00", "2,500,128.29"],
    [97.2, "0.00", "97.20"],
    [6740, "#,##0", "6,740"],
    [0.035, "0.0%", "3.5%"],
    [9.5, "#,##0.####", "9.5"],
    [1.15, "0.00##", "1.15"],
    [1.3, "0.00##", "1.30"],
    [1.5208, "#,##0.00##", "1.5208"],
    [6740, "#,##0.####", "6,740"],
  ])("%p under %p is %p", (value, format, shown) => {
    expect(displayValue(value, format)).toBe(shown);
  });
});
