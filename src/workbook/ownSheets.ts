/**
 * The sheets the add-in writes and owns. They are never taken for input sheets, even when their
 * headers look like one (the Work Orders sheet has Account and Status columns, as an Accounts
 * sheet does). test/workbook/ownSheets.test.ts keeps this list in step with the sheets' modules.
 */
export const ADD_IN_SHEETS: readonly string[] = [
  "Meter Exchanges",
  "Review Log",
  "Work Orders",
  "Run Log",
  "Letter Templates",
  "Office",
  "Rates",
  "Rate Schedules",
  "Bills",
  "E-Bills",
  "Bill Register",
  "Reconciliation",
  "Delinquency List",
  "Letters",
  "Door Hangers",
  "Shutoff List",
  "Collections List",
  "Account Changes",
  "Letter Log",
  "Account Letters",
  "Final Bills",
  "Leak Adjustments",
  "Payment Plans",
  "Rate Impact",
  "Impact Revenue",
  "Bill Frequency",
  "Impact by Account",
];

const OWN = new Set(ADD_IN_SHEETS.map((s) => s.toLowerCase()));

/** True for one of the add-in's sheets, or a later part of the Bills ("Bills 2"). */
export function isAddInSheet(name: string): boolean {
  const lower = name.toLowerCase();
  return OWN.has(lower) || /^bills \d+$/.test(lower);
}
