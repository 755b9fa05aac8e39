import { AccountRecord, AccountStatus, ReadCode, UsageRecord } from "../engine";
import { cellAddress } from "./address";
import { cellDate, cellDecimal, idText, isBlank, shown } from "./cells";
import type { CellValue, SheetValues } from "./port";
import { ColumnSpec, LocatedTable, locateTable } from "./table";

type AccountColumn =
  "account" | "name" | "address" | "status" | "openDate" | "closeDate" | "rateClass" | "meter" | "meterSize" | "dials" | "multiplier";
type HistoryColumn = "account" | "period" | "usage" | "days" | "readCode";

export const ACCOUNT_COLUMNS: readonly ColumnSpec<AccountColumn>[] = [
  {
    field: "account",
    label: "Account",
    required: true,
    synonyms: ["Account Number", "Account No", "Account #", "Acct", "Acct No", "Acct #"],
  },
  { field: "status", label: "Status", required: true, synonyms: ["Account Status", "Service Status"] },
  { field: "name", label: "Name", synonyms: ["Customer", "Customer Name"] },
  { field: "address", label: "Service Address", synonyms: ["Address", "Location", "Service Location"] },
  { field: "rateClass", label: "Rate Class", synonyms: ["Class", "Rate", "Customer Class"] },
  { field: "meter", label: "Meter", synonyms: ["Meter Number", "Meter No", "Meter #", "Meter ID"] },
  { field: "meterSize", label: "Meter Size", synonyms: ["Size"] },
  { field: "dials", label: "Dials", synonyms: ["Digits", "Number of Dials"] },
  { field: "multiplier", label: "Multiplier", synonyms: ["Mult", "Meter Multiplier"] },
  { field: "openDate", label: "Open Date", synonyms: ["Start Date", "Service Start", "Opened"] },
  { field: "closeDate", label: "Close Date", synonyms: ["End Date", "Final Date", "Closed", "Service End"] },
];

export const HISTORY_COLUMNS: readonly ColumnSpec<HistoryColumn>[] = [
  {
    field: "account",
    label: "Account",
    required: true,
    synonyms: ["Account Number", "Account No", "Account #", "Acct", "Acct No", "Acct #"],
  },
  { field: "period", label: "Period", required: true, synonyms: ["Period End", "Bill Date", "Read Date", "Billing Period"] },
  { field: "usage", label: "Usage", required: true, synonyms: ["Consumption", "Gallons", "Billed Usage"] },
  { field: "days", label: "Days", synonyms: ["Days Billed", "Billing Days"] },
  { field: "readCode", label: "Read Code", synonyms: ["Read Type", "Code"] },
];

const STATUSES: Record<string, AccountStatus> = {
  active: "active",
  a: "active",
  inactive: "inactive",
  i: "inactive",
  vacant: "vacant",
  v: "vacant",
  final: "final",
  f: "final",
  closed: "final",
};

export interface ContextRead<T> {
  readonly records: T[];
  /** Cells that could not be read, each naming its cell; their rows are left out. */
  readonly problems: string[];
}

/** The data rows of a located table, each with a getter by field and the cell address of a field. */
export function rowsOf<F extends string>(data: SheetValues, located: LocatedTable<F>, specs: readonly ColumnSpec<F>[]) {
  const out: { sheetRow: number; get: (f: F) => CellValue | undefined; where: (f: F) => string }[] = [];
  for (let i = located.firstValueRow; i < data.values.length; i++) {
    const row = data.values[i];
    const get = (f: F) => (located.columns[f] === undefined ? undefined : row[located.columns[f]! - data.left]);
    if (specs.every((s) => isBlank(get(s.field)))) continue;
    const sheetRow = data.top + i;
    out.push({ sheetRow, get, where: (f: F) => cellAddress(data.sheet, sheetRow, located.columns[f]!) });
  }
  return out;
}

/** Reads an Accounts sheet (recognised by Account and Status columns). */
export function parseAccountsSheet(data: SheetValues): { ok: true; value: ContextRead<AccountRecord> } | { ok: false; message: string } {
  const found = locateTable(data, ACCOUNT_COLUMNS);
  if (!found.ok) return found;
  const records: AccountRecord[] = [];
  const problems: string[] = [];
  for (const { get, where } of rowsOf(data, found.table, ACCOUNT_COLUMNS)) {
    const account = idText(get("account"));
    const status =
      STATUSES[
        String(get("status") ?? "")
          .trim()
          .toLowerCase()
      ];
    if (!account) {
      problems.push(`${where("account")}: an account row needs an account number`);
      continue;
    }
    if (!status) {
      problems.push(`${where("status")}: Status must be Active, Inactive, Vacant or Final; got ${shown(get("status"))}`);
      continue;
    }
    const dials = cellDecimal(get("dials") ?? null, data.culture);
    const multiplier = cellDecimal(get("multiplier") ?? null, data.culture);
    records.push({
      account,
      status,
      openDate: cellDate(get("openDate") ?? null),
      closeDate: cellDate(get("closeDate") ?? null),
      name: idText(get("name")) || undefined,
      address: idText(get("address")) || undefined,
      rateClass: idText(get("rateClass")) || undefined,
      meter: idText(get("meter")) || undefined,
      meterSize: idText(get("meterSize")) || undefined,
      dials: dials && dials.isInteger() && dials.greaterThan(0) ? dials.toNumber() : undefined,
      multiplier: multiplier && multiplier.greaterThan(0) ? multiplier : undefined,
    });
  }
  return { ok: true, value: { records, problems } };
}

/** Reads a Usage History sheet (Account, Period, Usage; optional Days and Read Code). */
export function parseHistorySheet(data: SheetValues): { ok: true; value: ContextRead<UsageRecord> } | { ok: false; message: string } {
  const found = locateTable(data, HISTORY_COLUMNS);
  if (!found.ok) return found;
  const records: UsageRecord[] = [];
  const problems: string[] = [];
  for (const { get, where } of rowsOf(data, found.table, HISTORY_COLUMNS)) {
    const account = idText(get("account"));
    const periodEnd = cellDate(get("period") ?? null);
    const usage = cellDecimal(get("usage") ?? null, data.culture);
    if (!account || !periodEnd || !usage || usage.isNegative()) {
      const [field, expected] = !account
        ? (["account", "an account number"] as const)
        : !periodEnd
          ? (["period", "a date"] as const)
          : (["usage", "a number of 0 or more"] as const);
      problems.push(
        `${where(field)}: ${HISTORY_COLUMNS.find((s) => s.field === field)!.label} must be ${expected}; got ${shown(get(field))}`,
      );
      continue;
    }
    const days = cellDecimal(get("days") ?? null, data.culture);
    const code = String(get("readCode") ?? "")
      .trim()
      .toUpperCase()
      .slice(0, 1);
    records.push({
      account,
      periodEnd,
      usage,
      days: days && days.isInteger() ? days.toNumber() : undefined,
      readCode: "AECS".includes(code) && code ? (code as ReadCode) : undefined,
    });
  }
  return { ok: true, value: { records, problems } };
}
