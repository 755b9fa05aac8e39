import { Dec, routingProblem } from "../engine";
import type { IsoDate, Originator } from "../engine";
import { cellAddress } from "../workbook/address";
import { cellDate, cellDecimal, idText, isBlank, shown } from "../workbook/cells";
import type { CellValue, SheetValues } from "../workbook/port";
import { ColumnSpec, locateTable } from "../workbook/table";
import { Office, OFFICE_FIELDS, OFFICE_SHEET, officeCell } from "./office";

/** A bill on the Bill Register that autopay drafts: where it is, whose, how much and when. */
export interface AutopayBill {
  readonly account: string;
  readonly name: string;
  readonly totalDue: Dec;
  readonly dueDate: IsoDate;
  /** The register row, 1-based as Excel numbers it. */
  readonly row: number;
}

export interface RegisterAutopay {
  /** The autopay bills with an amount due above $0.00, in register order. */
  readonly bills: readonly AutopayBill[];
  /** Autopay bills owing nothing (a credit or zero): no draft. */
  readonly nothingDue: number;
  /** Every bill on the register. */
  readonly billCount: number;
}

type RegisterField = "bill" | "account" | "name" | "totalDue" | "dueDate" | "autopay";
const REGISTER_COLUMNS: readonly ColumnSpec<RegisterField>[] = [
  { field: "bill", label: "Bill", synonyms: [], required: true },
  { field: "account", label: "Account", synonyms: [], required: true },
  { field: "name", label: "Name", synonyms: [], required: true },
  { field: "totalDue", label: "Total Due", synonyms: [], required: true },
  { field: "dueDate", label: "Due Date", synonyms: [], required: true },
  { field: "autopay", label: "Autopay", synonyms: [], required: true },
];

function yesNo(v: CellValue | undefined): boolean | undefined {
  if (typeof v === "boolean") return v;
  const text = String(v ?? "")
    .trim()
    .toLowerCase();
  return text === "yes" ? true : text === "no" ? false : undefined;
}

/**
 * Reads the bill rows of the Bill Register `ubill cycle` writes (src/cycle/sheets/register.ts):
 * from below the header to the blank row above the Totals. A cell that cannot be read (an Autopay
 * that is not yes or no, an autopay bill's Total Due that is not dollars and cents, its Due Date
 * not a date) is one message naming its cell; nothing is guessed.
 */
export function readRegisterAutopay(data: SheetValues): { ok: true; value: RegisterAutopay } | { ok: false; message: string } {
  const found = locateTable(data, REGISTER_COLUMNS);
  if (!found.ok) return found;
  const { columns, firstValueRow } = found.table;
  const bills: AutopayBill[] = [];
  const seen = new Map<string, number>();
  let nothingDue = 0;
  let billCount = 0;
  for (let i = firstValueRow; i < data.values.length; i++) {
    const row = data.values[i];
    const get = (f: RegisterField) => row[columns[f]! - data.left];
    // The blank row between the bills and the Totals ends them.
    if (isBlank(get("bill")) && isBlank(get("account"))) break;
    const sheetRow = data.top + i;
    const where = (f: RegisterField) =>
      `${cellAddress(data.sheet, sheetRow, columns[f]!)} (${REGISTER_COLUMNS.find((c) => c.field === f)!.label})`;
    billCount++;
    const account = idText(get("account"));
    if (!account) return { ok: false, message: `${where("account")}: a bill row needs its account number; got ${shown(get("account"))}` };
    const autopay = yesNo(get("autopay"));
    if (autopay === undefined) return { ok: false, message: `${where("autopay")}: expected yes or no; got ${shown(get("autopay"))}` };
    if (!autopay) continue;
    const totalDue = cellDecimal(get("totalDue"));
    if (totalDue === undefined || !totalDue.equals(totalDue.toDecimalPlaces(2)))
      return { ok: false, message: `${where("totalDue")}: expected an amount in dollars and cents; got ${shown(get("totalDue"))}` };
    if (!totalDue.greaterThan(0)) {
      nothingDue++;
      continue;
    }
    const dueDate = cellDate(get("dueDate"));
    if (dueDate === undefined)
      return { ok: false, message: `${where("dueDate")}: expected a date such as 2026-11-16; got ${shown(get("dueDate"))}` };
    const before = seen.get(account);
    if (before !== undefined)
      return {
        ok: false,
        message: `${where("account")}: account ${account} has a second autopay bill (the first on row ${before}); one draft an account`,
      };
    seen.set(account, sheetRow + 1);
    bills.push({ account, name: idText(get("name")), totalDue, dueDate, row: sheetRow + 1 });
  }
  return { ok: true, value: { bills, nothingDue, billCount } };
}

/** The Office sheet's ACH settings, in the order the originator needs them, with what each must be. */
const ACH_SETTINGS: readonly { key: keyof Office; expected: string; check: (text: string) => string | undefined }[] = [
  { key: "achDestinationRouting", expected: "the 9-digit routing number of the bank the file goes to", check: routingProblem },
  { key: "achDestinationName", expected: "that bank's name, at most 23 characters", check: (t) => fieldProblem(t, 23) },
  {
    key: "achCompanyId",
    expected: "the company ID the bank assigned, at most 10 letters or digits (usually 1 and the city's EIN)",
    check: (t) => (/^[0-9A-Za-z]{1,10}$/.test(t) ? undefined : `at most 10 letters or digits; got ${JSON.stringify(t.slice(0, 30))}`),
  },
  {
    key: "achCompanyName",
    expected: "the utility's name for customers' bank statements, at most 16 characters",
    check: (t) => fieldProblem(t, 16),
  },
  { key: "achOriginatingRouting", expected: "the 9-digit routing number of the city's own bank", check: routingProblem },
  {
    key: "achEntryDescription",
    expected: "what the statement shows beside the draft, at most 10 characters (UTILITY)",
    check: (t) => fieldProblem(t, 10),
  },
];

/** A NACHA alphanumeric field: the characters a bank's file takes, and no more than fit. */
function fieldProblem(text: string, width: number): string | undefined {
  if (text.length > width) return `at most ${width} characters; got ${text.length} (${JSON.stringify(text.slice(0, 40))})`;
  if (!/^[A-Za-z0-9 .,&'\-/]+$/.test(text)) return `letters, digits, spaces and . , & ' - / only; got ${JSON.stringify(text.slice(0, 40))}`;
  return undefined;
}

const labelOf = (key: keyof Office) => OFFICE_FIELDS.find((f) => f.key === key)!.label;

/**
 * The utility as the autopay file's originator, from the Office sheet's ACH rows. A row missing
 * (an Office sheet written before they existed), blank or not what a bank takes is one message
 * naming the setting, its cell and what is expected. A routing number typed into Excel as a number
 * has lost its leading zero; it is read with it.
 */
export function readOriginator(data: SheetValues): { ok: true; value: Originator } | { ok: false; message: string } {
  const values: Partial<Record<keyof Office, string>> = {};
  for (const { key, expected, check } of ACH_SETTINGS) {
    const label = labelOf(key);
    const cell = officeCell(data, key);
    if (!cell)
      return { ok: false, message: `the ${OFFICE_SHEET} sheet has no "${label}" row: add one (Setting "${label}", Value ${expected})` };
    const { address, value } = cell;
    const routing = key === "achDestinationRouting" || key === "achOriginatingRouting";
    const text =
      routing && typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 1e9
        ? String(value).padStart(9, "0")
        : idText(value);
    if (!text) return { ok: false, message: `${address} (${label}) is blank: expected ${expected}` };
    const problem = check(text);
    if (problem) return { ok: false, message: `${address} (${label}): ${problem}` };
    values[key] = text;
  }
  return {
    ok: true,
    value: {
      destinationRouting: values.achDestinationRouting!,
      destinationName: values.achDestinationName!,
      companyId: values.achCompanyId!.toUpperCase(),
      companyName: values.achCompanyName!,
      originatingRouting: values.achOriginatingRouting!,
      entryDescription: values.achEntryDescription!,
    },
  };
}
