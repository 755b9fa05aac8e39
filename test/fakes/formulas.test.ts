import { FakeExcel } from "../../src/fakes/fakeExcel";
import { parseCall } from "../../src/fakes/fakeFormulas";
import * as UB from "../../src/functions/functions";
import { scheduleCache } from "../../src/storage/scheduleCache";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { loadSchedule } from "../support/samples";

beforeAll(() => {
  scheduleCache.replaceAll([loadSchedule("harlingen")]);
  scheduleCache.markReady();
});

function excel(): FakeExcel {
  const fake = new FakeExcel(new MemoryWorkbook({ Sheet1: [[null]] }));
  fake.customFunctions.set("ESTIMATE", UB.estimate as (...a: unknown[]) => unknown);
  fake.customFunctions.set("BILLLINES", UB.billLines as (...a: unknown[]) => unknown);
  return fake;
}

describe("the fake's formulas, as Excel calculates them", () => {
  it("passes an array constant as a 2-D array: commas between columns, semicolons between rows", async () => {
    expect(parseCall("=UB.ESTIMATE({40;35;35}, {31;29;30}, 30)")!.args).toEqual(["{40;35;35}", "{31;29;30}", "30"]);
    const fake = excel();
    fake.setFormula("Sheet1", 0, 0, "=UB.ESTIMATE({40;35;35}, {31;29;30}, 30)");
    await fake.calculate();
    expect(fake.formula("Sheet1", 0, 0)!.value).toBe(37);
  });

  it("spills an array result right and down, and shows #SPILL! when a cell in the way holds something", async () => {
    const fake = excel();
    const formula = '=UB.BILLLINES("harlingen", 15000, "5/8", , , "2026-10-31")';
    fake.setFormula("Sheet1", 1, 1, formula);
    await fake.calculate();
    const values = fake.workbook.sheet("Sheet1")!.values;
    expect(values[1].slice(1, 7)).toEqual(["Service", "Description", "Quantity", "Unit", "Price", "Amount"]);
    expect(values[6][6]).toBe(39.16);

    // Something typed into the spill range blocks it, as in Excel.
    values[3][3] = "typed";
    await fake.calculate();
    expect(fake.formula("Sheet1", 1, 1)).toMatchObject({ value: "#SPILL!", message: "The spill range isn't blank" });
    expect(values[1][2]).toBeNull();
    expect(values[3][3]).toBe("typed");

    values[3][3] = null;
    await fake.calculate();
    expect(values[6][6]).toBe(39.16);
    // A new formula in the cell clears the old spill.
    fake.setFormula("Sheet1", 1, 1, "=UB.ESTIMATE({40;35;35}, {31;29;30}, 30)");
    await fake.calculate();
    expect(values[1][1]).toBe(37);
    expect(
      values
        .slice(1)
        .flatMap((r) => r.slice(2))
        .every((v) => v === null || v === undefined),
    ).toBe(true);
  });
});

describe("typing into a cell, as Excel reads what is typed (en-US)", () => {
  it.each([
    ["1.8", 1.8],
    ["$1.80", 1.8],
    ["1,234.5", 1234.5],
    ["50%", 0.5],
    ["-2", -2],
    ["1e3", 1000],
    ["1,23", "1,23"],
    ["abc", "abc"],
    ["TRUE", true],
    ["", null],
  ])("%p is %p", async (typed, stored) => {
    const fake = excel();
    await fake.enter("Sheet1", 2, 1, typed);
    expect(fake.workbook.sheet("Sheet1")!.values[2][1]).toBe(stored);
  });

  it("calculates a typed =UB. formula, and says so when a formula is not one it can calculate", async () => {
    const fake = excel();
    await fake.enter("Sheet1", 0, 0, "=UB.ESTIMATE({40;35;35}, {31;29;30}, 30)");
    expect(fake.workbook.sheet("Sheet1")!.values[0][0]).toBe(37);
    await fake.enter("Sheet1", 0, 0, "=SUM(1,2)");
    expect(fake.formula("Sheet1", 0, 0)).toMatchObject({
      value: "#NAME?",
      message: expect.stringMatching(/calculates =UB\. functions only/),
    });
    await fake.enter("Sheet1", 0, 0, "7");
    expect([fake.formula("Sheet1", 0, 0), fake.workbook.sheet("Sheet1")!.values[0][0]]).toEqual([undefined, 7]);
  });
});
