import { CyclePolicy, Money } from "../engine";
import { cellAddress } from "../workbook/address";
import { idText } from "../workbook/cells";
import type { CellValue, SheetValues, WriteOptions } from "../workbook/port";
import { locateTable } from "../workbook/table";
import { amountText, DATE_FORMATS, DateFormat, MONEY_FORMATS, MoneyFormat } from "./format";

/**
 * Who the bills, letters and door hangers come from and how they read: the workbook's Office
 * sheet, which the add-in and `ubill cycle` both read, so both print the same bill. An empty field
 * is left off the page.
 */
export interface Office {
  readonly utilityName: string;
  readonly officeName: string;
  /** Where customers come in: street, city, state and ZIP on one line. */
  readonly address: string;
  /** Where payments are mailed (the remit stub). */
  readonly remitTo: string;
  readonly phone: string;
  readonly hours: string;
  readonly web: string;
  readonly email: string;
  readonly payByMail: string;
  readonly payInPerson: string;
  readonly payDropBox: string;
  readonly payByPhone: string;
  readonly payOnline: string;
  readonly payAutopay: string;
  /** Blank: written from the billing policy. */
  readonly lateFeeSentence: string;
  /** Blank: written from the billing policy. */
  readonly shutoffSentence: string;
  readonly message: string;
  readonly dateFormat: DateFormat;
  readonly moneyFormat: MoneyFormat;
  readonly paper: "Letter" | "A4";
  /** The autopay file's originator (`ubill autopay`, docs/payments.md): the bank it goes to, its routing number. */
  readonly achDestinationRouting: string;
  readonly achDestinationName: string;
  /** The company ID the bank assigned: usually "1" and the city's EIN, 10 characters. */
  readonly achCompanyId: string;
  /** The utility as customers' bank statements name it: at most 16 characters. */
  readonly achCompanyName: string;
  /** The city's own bank (the originating bank): its routing number starts every trace number. */
  readonly achOriginatingRouting: string;
  /** What customers' statements show beside the draft: at most 10 characters ("UTILITY"). */
  readonly achEntryDescription: string;
}

export const OFFICE_SHEET = "Office";

/** Each setting's row label on the Office sheet, in order, with what it is for. */
export const OFFICE_FIELDS: readonly { readonly key: keyof Office; readonly label: string; readonly hint: string }[] = [
  { key: "utilityName", label: "Utility name", hint: "the letterhead of every bill, letter and door hanger" },
  { key: "officeName", label: "Office name", hint: "who signs letters" },
  { key: "address", label: "Office address", hint: "street, city, state and ZIP on one line" },
  { key: "remitTo", label: "Remit-to address", hint: "where payments are mailed; printed on the remit stub" },
  { key: "phone", label: "Phone", hint: "on every bill, letter and door hanger" },
  { key: "hours", label: "Office hours", hint: "" },
  { key: "web", label: "Web site", hint: "" },
  { key: "email", label: "Email", hint: "" },
  { key: "payByMail", label: "Pay by mail", hint: "each way to pay is printed when it has text" },
  { key: "payInPerson", label: "Pay in person", hint: "" },
  { key: "payDropBox", label: "Pay at the drop box", hint: "" },
  { key: "payByPhone", label: "Pay by phone with a card", hint: "" },
  { key: "payOnline", label: "Pay online", hint: "" },
  { key: "payAutopay", label: "Autopay", hint: "" },
  { key: "lateFeeSentence", label: "Late-fee sentence", hint: "blank: written from the billing policy" },
  { key: "shutoffSentence", label: "Shutoff sentence", hint: "blank: written from the billing policy" },
  { key: "message", label: "Message of the month", hint: "printed on every bill" },
  { key: "dateFormat", label: "Date format", hint: DATE_FORMATS.join(", ") },
  { key: "moneyFormat", label: "Money format", hint: MONEY_FORMATS.join(", ") },
  { key: "paper", label: "Paper", hint: "Letter or A4" },
  {
    key: "achDestinationRouting",
    label: "ACH Destination Routing",
    hint: "autopay file: the routing number of the bank it goes to (9 digits)",
  },
  { key: "achDestinationName", label: "ACH Destination Name", hint: "autopay file: that bank's name, at most 23 characters" },
  { key: "achCompanyId", label: "ACH Company ID", hint: "autopay file: the company ID the bank assigned (usually 1 and the city's EIN)" },
  {
    key: "achCompanyName",
    label: "ACH Company Name",
    hint: "autopay file: the utility's name on customers' bank statements, at most 16 characters",
  },
  { key: "achOriginatingRouting", label: "ACH Originating Routing", hint: "autopay file: the routing number of the city's own bank" },
  {
    key: "achEntryDescription",
    label: "ACH Entry Description",
    hint: "autopay file: beside the draft on the statement, at most 10 characters (UTILITY)",
  },
];

export const DEFAULT_OFFICE: Office = {
  utilityName: "City Utility Billing",
  officeName: "Utility Billing Office",
  address: "",
  remitTo: "",
  phone: "",
  hours: "",
  web: "",
  email: "",
  payByMail: "",
  payInPerson: "",
  payDropBox: "",
  payByPhone: "",
  payOnline: "",
  payAutopay: "",
  lateFeeSentence: "",
  shutoffSentence: "",
  message: "",
  dateFormat: DATE_FORMATS[0],
  moneyFormat: MONEY_FORMATS[0],
  paper: "Letter",
  achDestinationRouting: "",
  achDestinationName: "",
  achCompanyId: "",
  achCompanyName: "",
  achOriginatingRouting: "",
  achEntryDescription: "",
};

/** The Office sheet's rows: a header, then a setting a row with its value and what it is for. */
export function officeRows(office: Office): CellValue[][] {
  return [["Setting", "Value", "What it is for"], ...OFFICE_FIELDS.map((f) => [f.label, office[f.key], f.hint || null])];
}

export const OFFICE_SHEET_OPTIONS: WriteOptions = {
  headerRows: 1,
  columnWidths: [26, 60, 50],
  wrapColumns: [1],
  print: { orientation: "landscape", fitToWidth: true },
};

/**
 * Reads the Office sheet: a value a row, found by its label (case and spacing ignored). A blank
 * value keeps the default; a label it does not know, or a date or money format it does not have,
 * is named in the problems and changes nothing.
 */
export function parseOffice(data: SheetValues, fallback: Office = DEFAULT_OFFICE): { office: Office; problems: string[] } {
  const found = locateTable(data, [
    { field: "setting", label: "Setting", synonyms: [], required: true },
    { field: "value", label: "Value", synonyms: [], required: true },
  ] as const);
  if (!found.ok) return { office: fallback, problems: [`${data.sheet}: ${found.message}`] };
  const byLabel = new Map(OFFICE_FIELDS.map((f) => [norm(f.label), f.key]));
  const values: Record<string, string> = Object.create(null);
  const problems: string[] = [];
  const { columns, firstValueRow } = found.table;
  for (let i = firstValueRow; i < data.values.length; i++) {
    const row = data.values[i];
    const label = idText(row[columns.setting! - data.left]);
    if (!label) continue;
    const key = byLabel.get(norm(label));
    const value = idText(row[columns.value! - data.left]).slice(0, 500);
    if (!key) {
      problems.push(`${data.sheet} row ${data.top + i + 1}: no setting called "${label.slice(0, 60)}"`);
      continue;
    }
    if (value) values[key] = value;
  }
  const office: Record<string, string> = { ...fallback };
  for (const f of OFFICE_FIELDS) if (values[f.key] !== undefined) office[f.key] = values[f.key];
  const pick = <T extends string>(key: keyof Office, allowed: readonly T[], label: string) => {
    const v = values[key];
    if (v === undefined) return;
    const match = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
    if (match) office[key] = match;
    else {
      office[key] = fallback[key] as string;
      problems.push(`${data.sheet}: ${label} "${v.slice(0, 40)}" is not one of ${allowed.join(", ")}; using ${fallback[key]}`);
    }
  };
  pick("dateFormat", DATE_FORMATS, "Date format");
  pick("moneyFormat", MONEY_FORMATS, "Money format");
  pick("paper", ["Letter", "A4"] as const, "Paper");
  return { office: office as unknown as Office, problems };
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");

/**
 * Where one setting's value is on the Office sheet, and the cell as stored (a routing number typed
 * as a number has lost its leading zero, which the caller can see): undefined when the sheet has
 * no row for it, as an Office sheet written before the setting existed has not.
 */
export function officeCell(data: SheetValues, key: keyof Office): { address: string; value: CellValue } | undefined {
  const found = locateTable(data, [
    { field: "setting", label: "Setting", synonyms: [], required: true },
    { field: "value", label: "Value", synonyms: [], required: true },
  ] as const);
  const field = OFFICE_FIELDS.find((f) => f.key === key);
  if (!found.ok || !field) return undefined;
  const { columns, firstValueRow } = found.table;
  for (let i = firstValueRow; i < data.values.length; i++) {
    const row = data.values[i];
    if (norm(idText(row[columns.setting! - data.left])) !== norm(field.label)) continue;
    return { address: cellAddress(data.sheet, data.top + i, columns.value!), value: row[columns.value! - data.left] ?? null };
  }
  return undefined;
}

/** The late-fee sentence: the Office sheet's, or one written from the policy. */
export function lateFeeSentence(office: Office, policy: CyclePolicy): string {
  return (
    office.lateFeeSentence ||
    `A ${policy.lateFeePercent}% late fee is added to any amount still unpaid ${policy.graceDays} days after the due date.`
  );
}

/** The shutoff sentence: the Office sheet's, or one written from the policy. */
export function shutoffSentence(office: Office, policy: CyclePolicy): string {
  return (
    office.shutoffSentence ||
    `Service may be shut off for an unpaid past due after a final notice; a ${amountText(Money.of(policy.shutoffFee), office.moneyFormat)} fee is charged when a crew goes out, and restoring service takes the full past due${
      Money.of(policy.restoreDeposit).isZero()
        ? ""
        : ` plus a ${amountText(Money.of(policy.restoreDeposit), office.moneyFormat)} deposit when none is on file`
    }.`
  );
}

/** The ways to pay the office offers, each with its text: those left blank are left off the page. */
export function waysToPay(office: Office): { label: string; text: string }[] {
  const ways: [string, string][] = [
    ["By mail", office.payByMail],
    ["In person", office.payInPerson],
    ["Drop box", office.payDropBox],
    ["By phone", office.payByPhone],
    ["Online", office.payOnline],
    ["Autopay", office.payAutopay],
  ];
  return ways.filter(([, text]) => text.trim()).map(([label, text]) => ({ label, text }));
}

/** "Utility Billing Office, 100 Main St, Demo City ID 83200, (208) 555-0100, Mon-Fri 8-5": what is filled in. */
export function contactLine(office: Office): string {
  return [office.officeName, office.address, office.phone, office.hours].filter((s) => s.trim()).join(", ");
}
