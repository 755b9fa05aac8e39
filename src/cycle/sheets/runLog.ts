import type { CycleResult } from "../../engine";
import type { CellValue, SheetValues } from "../../workbook/port";
import { locateTable } from "../../workbook/table";
import { MONEY, num, OutputSheet } from "./output";

export const RUN_LOG_SHEET = "Run Log";
export const RUN_LOG_HEADER = [
  "Run At",
  "Bill Date",
  "Period",
  "Schedule",
  "Reads",
  "Bills",
  "Held",
  "Current Charges",
  "Total Due",
  "Difference",
  "Inputs",
  "Outputs",
];

export interface RunLogEntry {
  readonly at: string;
  readonly billDate: string;
  readonly period: string;
  readonly schedule: string;
  readonly fingerprints: Record<string, string>;
  readonly outputs: readonly string[];
}

/** The Run Log: every earlier run as it was, then this one with its inputs' fingerprints and totals. */
export function runLogSheet(existing: SheetValues | undefined, entry: RunLogEntry, result: CycleResult): OutputSheet {
  const earlier: CellValue[][] = [];
  if (existing) {
    const found = locateTable(existing, [{ field: "at", label: "Run At", synonyms: [], required: true }] as const);
    if (found.ok) earlier.push(...existing.values.slice(found.table.firstValueRow).filter((r) => r.some((v) => v !== null)));
  }
  const r = result.register;
  const row: CellValue[] = [
    entry.at,
    entry.billDate,
    entry.period,
    entry.schedule,
    r.readsReceived,
    r.billed,
    r.held,
    num(r.currentCharges),
    num(r.totalDue),
    num(result.reconciliation.difference),
    Object.entries(entry.fingerprints)
      .map(([s, f]) => `${s}:${f}`)
      .join("; "),
    entry.outputs.join(", "),
  ];
  return {
    name: RUN_LOG_SHEET,
    rows: [RUN_LOG_HEADER, ...earlier, row],
    options: {
      headerRows: 1,
      columnWidths: [24, 11, 24, 14, 7, 7, 6, 14, 14, 11, 60, 60],
      columnFormats: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, MONEY, MONEY, MONEY],
      wrapColumns: [10, 11],
      print: { orientation: "landscape", repeatRows: 1, fitToWidth: true },
    },
  };
}

/** Every sheet an earlier run wrote, as its Run Log lists them: the only sheets a run may remove. */
export function earlierOutputs(existing: SheetValues | undefined): Set<string> {
  const names = new Set<string>();
  if (!existing) return names;
  const found = locateTable(existing, [
    { field: "at", label: "Run At", synonyms: [], required: true },
    { field: "outputs", label: "Outputs", synonyms: [], required: true },
  ] as const);
  if (!found.ok) return names;
  const column = found.table.columns.outputs! - existing.left;
  for (const row of existing.values.slice(found.table.firstValueRow)) {
    const cell = row[column];
    if (typeof cell === "string") for (const name of cell.split(",")) if (name.trim()) names.add(name.trim());
  }
  return names;
}
