import { Dec, EDITS, MeterRead, ReadCode, ReadEdit, ReadField } from "../engine";
import { cellAddress } from "./address";
import { cellDate, cellDecimal, idText, isBlank, shown } from "./cells";
import type { CellValue, SheetValues } from "./port";
import { ColumnSpec, LocatedTable, locateTable } from "./table";

export type ReadColumn =
  | "account"
  | "meter"
  | "previous"
  | "current"
  | "previousDate"
  | "currentDate"
  | "route"
  | "sequence"
  | "address"
  | "readCode"
  | "dials"
  | "multiplier"
  | "meterSize"
  | "note"
  | "oldFinal"
  | "newSet"
  | "newMeter";

/** The reads sheet's columns, with the synonyms docs/read-edits.md lists. */
export const READ_COLUMNS: readonly ColumnSpec<ReadColumn>[] = [
  {
    field: "account",
    label: "Account",
    required: true,
    synonyms: ["Account Number", "Account No", "Account #", "Account ID", "Acct", "Acct No", "Acct Number", "Acct #"],
  },
  {
    field: "meter",
    label: "Meter",
    required: true,
    synonyms: ["Meter Number", "Meter No", "Meter #", "Meter ID", "Meter Serial", "Serial Number"],
  },
  {
    field: "previous",
    label: "Previous Read",
    required: true,
    synonyms: ["Prev Read", "Previous Reading", "Prior Read", "Last Read", "Prev Reading"],
  },
  {
    field: "current",
    label: "Current Read",
    required: true,
    synonyms: ["Curr Read", "Current Reading", "Present Read", "Present Reading", "Reading", "New Read"],
  },
  { field: "previousDate", label: "Previous Read Date", synonyms: ["Prev Read Date", "Prior Read Date", "Last Read Date"] },
  { field: "currentDate", label: "Current Read Date", synonyms: ["Read Date", "Curr Read Date", "Reading Date", "Present Read Date"] },
  { field: "route", label: "Route", synonyms: ["Route Number", "Rte", "Book"] },
  { field: "sequence", label: "Sequence", synonyms: ["Seq", "Seq No", "Sequence Number", "Walk Sequence"] },
  { field: "address", label: "Service Address", synonyms: ["Address", "Location", "Service Location", "Premise Address"] },
  { field: "readCode", label: "Read Code", synonyms: ["Read Type", "Code", "Read Status"] },
  { field: "dials", label: "Dials", synonyms: ["Digits", "Number of Dials", "Dial Count"] },
  { field: "multiplier", label: "Multiplier", synonyms: ["Mult", "Meter Multiplier"] },
  { field: "meterSize", label: "Meter Size", synonyms: ["Size"] },
  { field: "note", label: "Reader Note", synonyms: ["Note", "Notes", "Comment", "Comments", "Reader Comment"] },
  { field: "oldFinal", label: "Old Meter Final Read", synonyms: ["Old Final Read", "Final Read", "Removed Meter Final Read"] },
  { field: "newSet", label: "New Meter Set Read", synonyms: ["Set Read", "New Set Read", "Install Read"] },
  { field: "newMeter", label: "New Meter", synonyms: ["New Meter Number", "New Meter No"] },
];

/** The add-in's own columns beside the reads. It writes only these. */
export const OWN_COLUMNS = { codes: "UB Edits", messages: "UB Edit Notes", estimate: "UB Estimate" } as const;
export type OwnColumn = keyof typeof OWN_COLUMNS;

export interface ReadsTable {
  readonly located: LocatedTable<ReadColumn>;
  readonly reads: MeterRead[];
  /** Cells that hold the wrong kind of value, as INVALID_VALUE edits with their column. */
  readonly problems: { readonly edit: ReadEdit; readonly column: number }[];
  readonly blankRows: number;
  /** 0-based absolute row after the last data row. */
  readonly endRow: number;
  /** Where the add-in's own columns are, when the sheet already has them. */
  readonly own: Readonly<Partial<Record<OwnColumn, number>>>;
}

const READ_CODES: Record<string, ReadCode> = Object.assign(Object.create(null) as Record<string, ReadCode>, {
  a: "A",
  actual: "A",
  e: "E",
  est: "E",
  estimate: "E",
  estimated: "E",
  c: "C",
  customer: "C",
  s: "S",
  skip: "S",
  skipped: "S",
});
const FIELD_OF: Partial<Record<ReadColumn, ReadField>> = {
  previous: "previous",
  current: "current",
  previousDate: "previousDate",
  currentDate: "currentDate",
  readCode: "readCode",
  dials: "dials",
  multiplier: "multiplier",
  oldFinal: "exchange",
  newSet: "exchange",
};

/**
 * Reads a meter-read sheet recognised by its header row. Blank rows are skipped and counted; a
 * cell with the wrong kind of value becomes an INVALID_VALUE edit naming its cell, and the read
 * keeps going without it.
 */
export function parseReadsSheet(data: SheetValues): { ok: true; table: ReadsTable } | { ok: false; message: string } {
  const found = locateTable(data, READ_COLUMNS);
  if (!found.ok) return found;
  const located = found.table;
  const own: Partial<Record<OwnColumn, number>> = {};
  for (const [key, label] of Object.entries(OWN_COLUMNS) as [OwnColumn, string][]) {
    const col = located.headers.get(label);
    if (col !== undefined) own[key] = col;
  }
  const reads: MeterRead[] = [];
  const problems: { edit: ReadEdit; column: number }[] = [];
  let blankRows = 0;
  const at = (row: CellValue[], field: ReadColumn): CellValue | undefined => {
    const col = located.columns[field];
    return col === undefined ? undefined : row[col - data.left];
  };
  for (let i = located.firstValueRow; i < data.values.length; i++) {
    const row = data.values[i];
    if (READ_COLUMNS.every((spec) => isBlank(at(row, spec.field)))) {
      blankRows++;
      continue;
    }
    const sheetRow = data.top + i;
    const account = idText(at(row, "account"));
    const meter = idText(at(row, "meter"));
    const invalid = (field: ReadColumn, expected: string) => {
      const col = located.columns[field]!;
      problems.push({
        column: col,
        edit: {
          row: sheetRow,
          account,
          meter,
          code: "INVALID_VALUE",
          severity: EDITS.INVALID_VALUE.severity,
          field: FIELD_OF[field] ?? "current",
          message: `${cellAddress(data.sheet, sheetRow, col)}: ${READ_COLUMNS.find((s) => s.field === field)!.label} must be ${expected}; got ${shown(at(row, field))}`,
        },
      });
      return undefined;
    };
    const number = (field: ReadColumn, positive = false): Dec | undefined => {
      const v = at(row, field);
      if (isBlank(v)) return undefined;
      const d = cellDecimal(v ?? null, data.culture);
      if (d === undefined || d.isNegative() || (positive && d.isZero()))
        return invalid(field, positive ? "a number above 0" : "a number of 0 or more");
      return d;
    };
    const date = (field: ReadColumn) =>
      isBlank(at(row, field)) ? undefined : (cellDate(at(row, field) ?? null) ?? invalid(field, "a date"));
    const text = (field: ReadColumn) => (isBlank(at(row, field)) ? undefined : idText(at(row, field)));
    const code = at(row, "readCode");
    const readCode = isBlank(code) ? undefined : (READ_CODES[String(code).trim().toLowerCase()] ?? invalid("readCode", "A, E, C or S"));
    const dialsValue = number("dials");
    const dials =
      dialsValue === undefined
        ? undefined
        : dialsValue.isInteger() && dialsValue.greaterThan(0) && dialsValue.lessThanOrEqualTo(12)
          ? dialsValue.toNumber()
          : invalid("dials", "a whole number from 1 to 12");
    const oldFinal = number("oldFinal");
    const newSet = number("newSet");
    if (
      (oldFinal === undefined) !== (newSet === undefined) &&
      located.columns.oldFinal !== undefined &&
      located.columns.newSet !== undefined
    ) {
      invalid(oldFinal === undefined ? "oldFinal" : "newSet", "given with the other meter-exchange read");
    }
    reads.push({
      row: sheetRow,
      account,
      meter,
      previous: number("previous") ?? null,
      current: number("current") ?? null,
      previousDate: date("previousDate"),
      currentDate: date("currentDate"),
      readCode,
      dials,
      multiplier: number("multiplier", true),
      meterSize: text("meterSize"),
      route: text("route"),
      sequence: text("sequence"),
      address: text("address"),
      note: text("note"),
      exchange: oldFinal !== undefined && newSet !== undefined ? { oldFinal, newSet, newMeter: text("newMeter") } : undefined,
    });
  }
  return { ok: true, table: { located, reads, problems, blankRows, endRow: data.top + data.values.length, own } };
}
