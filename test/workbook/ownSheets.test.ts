import { ACCOUNT_TASK_SHEETS } from "../../src/accounts/sheets";
import { OUTPUTS } from "../../src/cycle/generateCycle";
import { TEMPLATES_SHEET } from "../../src/cycle/letters";
import { OFFICE_SHEET } from "../../src/cycle/office";
import { RUN_LOG_SHEET } from "../../src/cycle/sheets/runLog";
import { REVIEW_LOG_SHEET } from "../../src/review/decisions";
import { EXCHANGES_SHEET } from "../../src/review/exchanges";
import { findSheets } from "../../src/review/findSheets";
import { WORK_ORDERS_HEADER, WORK_ORDERS_SHEET } from "../../src/review/workOrders";
import { ADD_IN_SHEETS, isAddInSheet } from "../../src/workbook/ownSheets";
import { IMPACT_SHEETS } from "../../src/impact/impactSheets";
import { RATE_SCHEDULES_SHEET, RATES_SHEET } from "../../src/workbook/ratesSheet";

describe("the add-in's own sheets", () => {
  it("lists every sheet the add-in writes", () => {
    const written = [
      ...OUTPUTS,
      RUN_LOG_SHEET,
      TEMPLATES_SHEET,
      OFFICE_SHEET,
      REVIEW_LOG_SHEET,
      EXCHANGES_SHEET,
      WORK_ORDERS_SHEET,
      RATES_SHEET,
      RATE_SCHEDULES_SHEET,
      ...ACCOUNT_TASK_SHEETS,
      ...IMPACT_SHEETS,
    ];
    expect([...new Set(written)].sort()).toEqual([...ADD_IN_SHEETS].sort());
    expect(["Bills 2", "bills 12", "Work Orders"].every(isAddInSheet)).toBe(true);
    expect(["Bills 2024 archive", "Accounts"].some(isAddInSheet)).toBe(false);
  });

  it("never takes the Work Orders sheet (Account and Status columns) for the Accounts sheet", () => {
    const sheets = findSheets([{ sheet: WORK_ORDERS_SHEET, top: 0, left: 0, values: [WORK_ORDERS_HEADER] }]);
    expect(sheets.accounts).toBeUndefined();
  });
});
