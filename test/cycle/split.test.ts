import { previewCycle } from "../../src/cycle/generateCycle";
import { billsSheet, billsSheets } from "../../src/cycle/sheets/bills";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { splitForExcel } from "../../src/cycle/sheets/split";
import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { loadSchedule } from "../support/samples";

describe("splitForExcel", () => {
  const sheet = {
    name: "Bills",
    rows: Array.from({ length: 10 }, (_, i) => [`row ${i}`]),
    options: { boldRows: [0, 4, 8], print: { orientation: "portrait" as const, pageBreaks: [4, 8] } },
  };

  it("leaves a sheet that fits alone", () => {
    expect(splitForExcel(sheet, 10)).toEqual([sheet]);
  });

  it("splits a long sheet on page boundaries into Bills, Bills 2, ...", () => {
    const parts = splitForExcel(sheet, 6);
    expect(parts.map((p) => [p.name, p.rows[0][0], p.rows.length])).toEqual([
      ["Bills", "row 0", 4],
      ["Bills 2", "row 4", 6],
    ]);
    expect(parts[1].options.boldRows).toEqual([0, 4]);
    expect(parts[1].options.print?.pageBreaks).toEqual([4]);
    expect(splitForExcel(sheet, 4).map((p) => p.name)).toEqual(["Bills", "Bills 2", "Bills 3"]);
  });

  it("splits a sheet past the page breaks a sheet may hold, so Excel's 1,026 are never reached", () => {
    const letters = {
      name: "Letters",
      rows: Array.from({ length: 10 }, (_, i) => [`letter ${i}`]),
      options: { print: { orientation: "portrait" as const, pageBreaks: [1, 2, 3, 4, 5, 6, 7, 8, 9] } },
    };
    const parts = splitForExcel(letters, Infinity, 3);
    expect(parts.map((p) => [p.name, p.rows.length, p.options.print?.pageBreaks])).toEqual([
      ["Letters", 4, [1, 2, 3]],
      ["Letters 2", 4, [1, 2, 3]],
      ["Letters 3", 2, [1]],
    ]);
    expect(splitForExcel(letters, Infinity, 9)).toEqual([letters]);
  });
});

describe("billsSheets", () => {
  it("builds the Bills in parts of whole bills, each with its own page breaks and bold rows", async () => {
    const schedule = loadSchedule("chubbuck");
    const preview = await previewCycle(new MemoryWorkbook(sampleCycleWorkbook()), {
      schedule,
      settings: DEFAULT_CYCLE_SETTINGS,
      readEdits: DEFAULT_READ_EDIT_SETTINGS,
    });
    if (!preview.ok) throw new Error(preview.message);
    const office = DEFAULT_CYCLE_SETTINGS.office;
    const whole = billsSheet(preview.result.statements, office, schedule.usageUnit);
    const perBill = whole.rows.length / preview.result.statements.length;
    // Room for two and a half bills a part: two bills each, the last part what is left.
    const parts = [...billsSheets(preview.result.statements, office, schedule.usageUnit, Math.floor(perBill * 2.5))];
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.map((p) => p.name).slice(0, 3)).toEqual(["Bills", "Bills 2", "Bills 3"]);
    // Together the parts are exactly the whole sheet, cut only where a bill starts.
    expect(parts.flatMap((p) => p.rows)).toEqual(whole.rows);
    expect(splitForExcel(whole, Math.floor(perBill * 2.5)).map((p) => [p.name, p.rows, p.options])).toEqual(
      parts.map((p) => [p.name, p.rows, p.options]),
    );
    for (const p of parts) {
      expect(p.rows[0][5]).toMatch(/BILL$|^STATEMENT$/);
      expect(p.options.boldRows?.[0]).toBe(0);
    }
  });

  it("starts a new part after the most page breaks a sheet may hold: three bills a part with two breaks", async () => {
    const schedule = loadSchedule("chubbuck");
    const preview = await previewCycle(new MemoryWorkbook(sampleCycleWorkbook()), {
      schedule,
      settings: DEFAULT_CYCLE_SETTINGS,
      readEdits: DEFAULT_READ_EDIT_SETTINGS,
    });
    if (!preview.ok) throw new Error(preview.message);
    const office = DEFAULT_CYCLE_SETTINGS.office;
    const parts = [...billsSheets(preview.result.statements, office, schedule.usageUnit, Infinity, 2)];
    expect(parts.map((p) => p.options.print?.pageBreaks?.length)).toEqual([2, 2, 2, 2, 2, 2, 1]);
    const whole = billsSheet(preview.result.statements, office, schedule.usageUnit);
    expect(parts.map((p) => p.rows)).toEqual(splitForExcel(whole, Infinity, 2).map((p) => p.rows));
  });
});
