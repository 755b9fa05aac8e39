import { addMonths, daysBetween, fromExcelSerial, inSeason, isIsoDate, toExcelSerial } from "../../../src/engine";

describe("civil dates", () => {
  it("counts days across a leap year", () => {
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
    expect(daysBetween("2025-02-01", "2025-03-01")).toBe(28);
  });

  it("clamps the day when adding months", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-15", -12)).toBe("2025-03-15");
  });

  it("converts Excel serial dates both ways", () => {
    expect(toExcelSerial("2026-11-26")).toBe(46352);
    expect(fromExcelSerial(46352)).toBe("2026-11-26");
    expect(fromExcelSerial(46352.75)).toBe("2026-11-26");
  });

  it("recognises only real dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
  });

  it("handles seasons that wrap the new year", () => {
    expect(inSeason("2026-01-15", "10-01", "04-30")).toBe(true);
    expect(inSeason("2026-06-15", "10-01", "04-30")).toBe(false);
    expect(inSeason("2026-06-15", "05-01", "09-30")).toBe(true);
  });
});
