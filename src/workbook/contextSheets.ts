import { AccountRecord, AccountStatus, IsoDate, ReadCode, UsageHistory, UsageHistoryBuilder } from "../engine";
import { cellAddress } from "./address";
import { cellDate, cellDecimal, cellPeriodEnd, idText, isBlank, MAX_INPUT_NUMBER, shown } from "./cells";
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

const STATUSES: Record<string, AccountStatus> = Object.assign(Object.create(null) as Record<string, AccountStatus>, {
  active: "active",
  a: "active",
  inactive: "inactive",
  i: "inactive",
  vacant: "vacant",
  v: "vacant",
  final: "final",
  f: "final",
  closed: "final",
});

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

/** One unreadable cell: its row (1-based), where it is, what the column must hold and what it held. */
interface CellProblem {
  readonly row: number;
  readonly where: string;
  readonly label: string;
  readonly expected: string;
  readonly got: string;
}

/** "rows 2-721", "rows 2, 5 and 9", "rows 2, 5, 9 and 40 more". */
function rowList(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  if (rows.every((r, i) => i === 0 || r === rows[i - 1] + 1)) return `rows ${rows[0]}-${rows[rows.length - 1]}`;
  if (rows.length <= 4) return `rows ${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
  return `rows ${rows.slice(0, 3).join(", ")} and ${rows.length - 3} more`;
}

/**
 * Problems of a sheet, one line per cell when there are few of a kind and one line per kind when a
 * column is wrong throughout: "Usage History: 720 rows: Period must be a date or a month; got
 * "2025-13" (B2) and others (rows 2-721)".
 */
export function summarizeProblems(sheet: string, problems: readonly CellProblem[]): string[] {
  const kinds = new Map<string, CellProblem[]>();
  for (const p of problems) {
    const key = `${p.label}\u0000${p.expected}`;
    const list = kinds.get(key) ?? [];
    list.push(p);
    kinds.set(key, list);
  }
  const lines: string[] = [];
  for (const list of kinds.values()) {
    const first = list[0];
    if (list.length <= 3) for (const p of list) lines.push(`${p.where}: ${p.label} must be ${p.expected}; got ${p.got}`);
    else
      lines.push(
        `${sheet}: ${list.length} rows: ${first.label} must be ${first.expected}; got ${first.got} (${first.where}) and others (${rowList(list.map((p) => p.row))})`,
      );
  }
  return lines;
}

const PERIOD_EXPECTED = "a date or a month (2025-10-31, 10/31/2025, 2025-10, 10/2025, Oct 2025)";

/**
 * Reads a Usage History sheet (Account, Period, Usage; optional Days and Read Code). A period
 * may be a month, the period ending that month. A sheet with rows of which none can be read is
 * refused: billing without history would silently drop every history-based edit. The rows go
 * straight into columns (UsageHistory): a city's 900,000 history rows make no object each.
 */
export function parseHistorySheet(data: SheetValues): { ok: true; value: HistoryRead } | { ok: false; message: string } {
  const found = locateTable(data, HISTORY_COLUMNS);
  if (!found.ok) return found;
  const builder = new UsageHistoryBuilder();
  const bad: CellProblem[] = [];
  const columns = found.table.columns;
  const at = (f: HistoryColumn) => (columns[f] === undefined ? -1 : columns[f]! - data.left);
  const [accountAt, periodAt, usageAt, daysAt, codeAt] = (["account", "period", "usage", "days", "readCode"] as const).map(at);
  const cell = (row: readonly CellValue[], i: number) => (i < 0 ? undefined : row[i]);
  // A period cell repeats on every account's row: each distinct value is read once.
  const periodEnds = new Map<CellValue | undefined, IsoDate | undefined>();
  let rows = 0;
  for (let i = found.table.firstValueRow; i < data.values.length; i++) {
    const row = data.values[i];
    const accountCell = cell(row, accountAt);
    const periodCell = cell(row, periodAt);
    const usageCell = cell(row, usageAt);
    const daysCell = cell(row, daysAt);
    const codeCell = cell(row, codeAt);
    if (isBlank(accountCell) && isBlank(periodCell) && isBlank(usageCell) && isBlank(daysCell) && isBlank(codeCell)) continue;
    rows++;
    const account = idText(accountCell);
    let periodEnd = periodEnds.get(periodCell);
    if (periodEnd === undefined && !periodEnds.has(periodCell)) {
      periodEnd = cellPeriodEnd(periodCell ?? null);
      periodEnds.set(periodCell, periodEnd);
    }
    // A whole number of 0 or more is its own exact usage; anything else is read as a decimal.
    const usage =
      typeof usageCell === "number" && Number.isInteger(usageCell) && usageCell >= 0 && usageCell <= MAX_INPUT_NUMBER
        ? usageCell
        : cellDecimal(usageCell ?? null, data.culture);
    if (!account || !periodEnd || usage === undefined || (typeof usage !== "number" && usage.isNegative())) {
      const [field, expected] = !account
        ? (["account", "an account number"] as const)
        : !periodEnd
          ? (["period", PERIOD_EXPECTED] as const)
          : (["usage", "a number of 0 or more"] as const);
      const label = HISTORY_COLUMNS.find((s) => s.field === field)!.label;
      const sheetRow = data.top + i;
      bad.push({
        row: sheetRow + 1,
        where: cellAddress(data.sheet, sheetRow, columns[field]!),
        label,
        expected,
        got: shown(cell(row, at(field))),
      });
      continue;
    }
    const days =
      typeof daysCell === "number" && Number.isInteger(daysCell) && Math.abs(daysCell) <= MAX_INPUT_NUMBER
        ? daysCell + 0 // never a negative zero (as the decimal it was read through before)
        : ((d) => (d && d.isInteger() ? d.toNumber() : undefined))(cellDecimal(daysCell ?? null, data.culture));
    const code = String(codeCell ?? "")
      .trim()
      .toUpperCase()
      .slice(0, 1);
    builder.add(account, periodEnd, usage, days, "AECS".includes(code) && code ? (code as ReadCode) : undefined);
  }
  const problems = summarizeProblems(data.sheet, bad);
  if (rows > 0 && builder.rows === 0)
    return { ok: false, message: `${data.sheet} cannot be used: none of its ${rows} rows could be read. ${problems[0]}` };
  return { ok: true, value: { history: builder.finish(), problems } };
}

/** A Usage History sheet as read: its rows by account, and its cells that could not be read. */
export interface HistoryRead {
  readonly history: UsageHistory;
  /** Cells that could not be read, each naming its cell; their rows are left out. */
  readonly problems: string[];
}
