import { AccountChange, changesInEffect, IsoDate, toExcelSerial } from "../engine";
import { cellDate, idText, shown } from "../workbook/cells";
import { CYCLE_ACCOUNT_COLUMNS } from "../workbook/cycleSheets";
import { rowsOf } from "../workbook/contextSheets";
import type { CellValue, SheetValues, WorkbookPort } from "../workbook/port";
import { headerKey, locateTable } from "../workbook/table";
import { appendTable, AppendedRows, ownColumns } from "./appendTable";

/** The add-in's record of every change to an account (ADR 0011): never edited, only added to. */
export const ACCOUNT_CHANGES_SHEET = "Account Changes";

type ChangeField = "account" | "effective" | "field" | "value" | "was" | "task" | "reason" | "recorded";
export const CHANGE_COLUMNS = ownColumns<ChangeField>(
  [
    ["account", "Account"],
    ["effective", "Effective"],
    ["field", "Field"],
    ["value", "Value"],
    ["was", "Was"],
    ["task", "Task"],
    ["reason", "Reason"],
    ["recorded", "Recorded (UTC)"],
  ],
  4,
);

/** The Accounts sheet's column labels a change may set (every column the cycle reads). */
export const CHANGEABLE_FIELDS: ReadonlySet<string> = new Set(CYCLE_ACCOUNT_COLUMNS.map((c) => c.label.toLowerCase()));

export interface ChangesRead {
  readonly changes: AccountChange[];
  readonly problems: string[];
}

/** Reads the Account Changes sheet; a row that cannot be read is named and left out. */
export function parseAccountChanges(data: SheetValues | undefined): ChangesRead {
  if (!data) return { changes: [], problems: [] };
  const found = locateTable(data, CHANGE_COLUMNS);
  if (!found.ok) return { changes: [], problems: [`${ACCOUNT_CHANGES_SHEET}: ${found.message}`] };
  const changes: AccountChange[] = [];
  const problems: string[] = [];
  for (const { get, where } of rowsOf(data, found.table, CHANGE_COLUMNS)) {
    const account = idText(get("account"));
    const effective = cellDate(get("effective") ?? null);
    const field = idText(get("field"));
    if (!account) problems.push(`${where("account")}: a change needs an account`);
    else if (!effective) problems.push(`${where("effective")}: Effective must be a date; got ${shown(get("effective"))}`);
    else if (!CHANGEABLE_FIELDS.has(field.toLowerCase()))
      problems.push(
        `${where("field")}: Field must be a column of the Accounts sheet (Status, Close Date, Autopay, ...); got ${shown(get("field"))}`,
      );
    else
      changes.push({
        account,
        effective,
        field,
        value: cellText(get("value")),
        was: cellText(get("was")),
        task: idText(get("task")),
        reason: idText(get("reason")),
        recorded: idText(get("recorded")),
      });
  }
  return { changes, problems };
}

/** A value as the change holds it: dates as ISO text, numbers as written. */
function cellText(v: CellValue | undefined): string {
  if (typeof v === "number") return String(v);
  return idText(v);
}

export async function readAccountChanges(port: WorkbookPort): Promise<ChangesRead> {
  return parseAccountChanges(await port.readSheet(ACCOUNT_CHANGES_SHEET));
}

/** Adds changes to the Account Changes sheet (creating it): dates as Excel dates, values as text. */
export function appendAccountChanges(port: WorkbookPort, changes: readonly AccountChange[]): Promise<AppendedRows> {
  return appendTable(
    port,
    ACCOUNT_CHANGES_SHEET,
    CHANGE_COLUMNS,
    changes.map((c) => ({
      account: c.account,
      effective: toExcelSerial(c.effective),
      field: c.field,
      value: c.value,
      was: c.was,
      task: c.task,
      reason: c.reason,
      recorded: c.recorded,
    })),
    { formats: { effective: "yyyy-mm-dd" }, widths: { field: 18, value: 16, was: 16, task: 20, reason: 48, recorded: 22 } },
  );
}

/**
 * The Accounts sheet as it was (or will be) on `asOf`: each change in effect then replaces its
 * cell's value in a copy of the sheet's values (a column the sheet lacks is added to the copy),
 * so every reader (the cycle, the counter) parses the account exactly as it parses a typed row.
 * The sheet itself is never written.
 */
export function accountsAsOf(data: SheetValues, changes: readonly AccountChange[], asOf: IsoDate): SheetValues {
  const found = locateTable(data, CYCLE_ACCOUNT_COLUMNS);
  if (!found.ok) return data;
  const inEffect = changesInEffect(changes, asOf);
  if (inEffect.size === 0) return data;
  const header = found.table.headerRow - data.top;
  // A new outer array; only the header and the rows that change are copied (a city's Accounts sheet is large).
  const values = [...data.values];
  values[header] = [...values[header]];
  const columnOf = new Map<string, number>();
  for (const spec of CYCLE_ACCOUNT_COLUMNS) {
    const c = found.table.columns[spec.field];
    if (c !== undefined) columnOf.set(spec.label.toLowerCase(), c - data.left);
  }
  let width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const column = (label: string): number => {
    const key = label.toLowerCase();
    let c = columnOf.get(key);
    if (c === undefined) {
      // A synonym the sheet already uses ("Auto Pay" for Autopay) is the same column.
      const spec = CYCLE_ACCOUNT_COLUMNS.find((s) => s.label.toLowerCase() === key);
      const keys = new Set([spec?.label ?? label, ...(spec?.synonyms ?? [])].map((t) => headerKey(t)));
      const existing = values[header].findIndex((h) => keys.has(headerKey(h)));
      c = existing >= 0 ? existing : width++;
      if (existing < 0) values[header][c] = spec?.label ?? label;
      columnOf.set(key, c);
    }
    return c;
  };
  const accountColumn = found.table.columns.account! - data.left;
  for (let i = found.table.firstValueRow; i < values.length; i++) {
    const fields = inEffect.get(idText(values[i][accountColumn]));
    if (!fields) continue;
    const row = (values[i] = [...values[i]]);
    for (const change of fields.values()) row[column(change.field)] = change.value;
  }
  return { ...data, values };
}
