import { ACCOUNT_CHANGES_SHEET } from "./accountChanges";
import { ACCOUNT_LETTERS_SHEET, LETTER_LOG_SHEET } from "./accountLetters";
import { FINAL_BILLS_SHEET } from "./tasks/closeService";

/** The add-in's own record of account work (the Account Changes is the history every cycle reads). */
export const LEAK_ADJUSTMENTS_SHEET = "Leak Adjustments";
export const PAYMENT_PLANS_SHEET = "Payment Plans";

/** Every sheet the account tasks write (test/workbook/ownSheets.test.ts keeps ADD_IN_SHEETS in step). */
export const ACCOUNT_TASK_SHEETS: readonly string[] = [
  ACCOUNT_CHANGES_SHEET,
  LETTER_LOG_SHEET,
  ACCOUNT_LETTERS_SHEET,
  FINAL_BILLS_SHEET,
  LEAK_ADJUSTMENTS_SHEET,
  PAYMENT_PLANS_SHEET,
];
