import { rowsToScheduleJson, scheduleToJson, scheduleToRows, validateSchedule } from "../../../src/engine";
import { loadSchedule, sampleScheduleIds } from "../../support/samples";

describe("scheduleToRows", () => {
  it("writes meter sizes as quoted keys", () => {
    const rows = scheduleToRows(scheduleToJson(loadSchedule("sheffield")), "sheffield");
    expect(rows.find((r) => r.field === 'versions[0].charges[0].amounts["5/8"]')?.value).toBe("27");
  });

  it.each(sampleScheduleIds())("round-trips %s through rows exactly", (id) => {
    const json = scheduleToJson(loadSchedule(id));
    const rows = scheduleToRows(json, id).reverse();
    const back = rowsToScheduleJson(rows.map((r, i) => ({ ...r, where: `row ${i + 2}` })));
    expect(back.ok && back.value).toEqual(json);
    const again = back.ok ? validateSchedule(back.value) : undefined;
    expect(again?.ok && scheduleToJson(again.value)).toEqual(json);
  });
});

describe("rowsToScheduleJson", () => {
  it("reads a list item at index 999, the last, and refuses 1000", () => {
    const at = rowsToScheduleJson([{ field: "classes[999]", value: "x", where: "Rates!B2" }]);
    expect(at.ok && (at.value as { classes: unknown[] }).classes.length).toBe(1000);
    const past = rowsToScheduleJson([{ field: "classes[1000]", value: "x", where: "Rates!B2" }]);
    expect(!past.ok && past.problem.message).toBe(
      'Rates!B2: field "classes[1000]" names item 1000; a list in a schedule has at most 1000 items',
    );
  });

  it("names the row whose field cannot be read", () => {
    const r = rowsToScheduleJson([{ field: "versions[0]..amount", value: "1", where: "Rates!B7" }]);
    expect(!r.ok && r.problem.message).toMatch(/^Rates!B7: field "versions\[0\]\.\.amount" is not a path/);
  });

  it("names a field given twice", () => {
    const r = rowsToScheduleJson([
      { field: "name", value: "a", where: "row 2" },
      { field: "name", value: "b", where: "row 3" },
    ]);
    expect(!r.ok && r.problem.message).toMatch(/row 3: field "name" is given twice/);
  });

  it("names fields that clash", () => {
    const r = rowsToScheduleJson([
      { field: "versions[0].effective", value: "2025-01-01", where: "row 2" },
      { field: "versions.x", value: "b", where: "row 3" },
    ]);
    expect(!r.ok && r.problem.message).toMatch(/row 3: .* clashes/);
  });
});
