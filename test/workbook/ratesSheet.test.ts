import { ratesSheetRows, readRatesSheet } from "../../src/workbook/ratesSheet";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { scheduleToJson, validateSchedule } from "../../src/engine";
import { loadSchedule, sampleScheduleIds } from "../support/samples";

describe("Rates sheet", () => {
  it("round-trips every sample through a sheet", async () => {
    const schedules = sampleScheduleIds().map(loadSchedule);
    const workbook = new MemoryWorkbook();
    await workbook.replaceSheet("Rates", ratesSheetRows(schedules));
    const read = readRatesSheet((await workbook.readSheet("rates"))!);
    expect(read.problems).toEqual([]);
    expect(read.schedules.map((s) => s.id)).toEqual(schedules.map((s) => s.id));
    for (const [i, entry] of read.schedules.entries()) {
      const v = validateSchedule(entry.json);
      expect(v.ok && scheduleToJson(v.value)).toEqual(scheduleToJson(schedules[i]));
    }
  });

  it("finds the header wherever it sits and names cells in problems", () => {
    const read = readRatesSheet({
      sheet: "My Rates",
      top: 3,
      left: 1,
      values: [
        ["Rates for 2026", null, null],
        ["schedule", " FIELD ", "value"],
        ["x", "id", "x"],
        ["x", "versions[0]..a", "1"],
        ["", "name", "y"],
      ],
    });
    expect(read.problems).toEqual([
      "'My Rates'!C8: each row needs a schedule id and a field",
      "'My Rates'!C7: field \"versions[0]..a\" is not a path such as versions[0].charges[1].amount",
    ]);
  });

  it("says which columns it expected when there is no header", () => {
    const read = readRatesSheet({ sheet: "Rates", top: 0, left: 0, values: [["a", "b"]] });
    expect(read.problems).toEqual(["Rates: no header row with the columns Schedule, Field, Value in the first 50 rows"]);
  });
});
