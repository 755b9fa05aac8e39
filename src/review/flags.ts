import { EDIT_CODES, EDITS, EditCode, ReadEditSettings, ReadField, Severity } from "../engine";
import { columnLetter } from "../workbook/address";
import { CellNote, CellValue, FillRun, HIGHLIGHT_MARKER, Highlight, NOTE_PREFIX } from "../workbook/port";
import type { ReadColumn } from "../workbook/readsSheet";
import { LABELS } from "./decisions";
import type { ReviewItem } from "./types";

/** Fills for flagged cells: Excel's own light red, yellow and blue. */
export const SEVERITY_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The sheet columns a read field points at. */
export const FIELD_COLUMNS: Record<ReadField, readonly ReadColumn[]> = {
  account: ["account"],
  meter: ["meter"],
  previous: ["previous"],
  current: ["current"],
  previousDate: ["previousDate"],
  currentDate: ["currentDate"],
  readCode: ["readCode"],
  dials: ["dials"],
  multiplier: ["multiplier"],
  exchange: ["oldFinal", "newSet"],
};

/** The codes cell text for a row: open codes, then resolved ones marked with their decision. */
export function codesText(items: readonly ReviewItem[]): string {
  return items.map((i) => (i.decision ? `${i.code}(${LABELS[i.decision.kind]})` : i.code)).join(" ");
}

export function messagesText(items: readonly ReviewItem[]): string {
  return items
    .map(
      (i) =>
        `${i.code}: ${i.message}${i.decision ? ` [${LABELS[i.decision.kind]} ${i.decision.at.slice(0, 10)}${i.decision.reason ? `: ${i.decision.reason}` : ""}]` : ""}`,
    )
    .join(" | ");
}

/**
 * One highlight per flagged column and severity: the column's data cells are filled while the
 * row's codes cell holds an open code of that severity aimed at that column. SEARCH looks for
 * " CODE " in " codes ", so HIGH_USAGE does not match VERY_HIGH_USAGE and an approved
 * "HIGH_USAGE(approved)" matches nothing.
 */
export function highlightsFor(
  columns: Readonly<Partial<Record<ReadColumn, number>>>,
  codesColumn: number,
  firstRow: number,
  endRow: number,
  settings: ReadEditSettings,
): Highlight[] {
  if (endRow <= firstRow) return [];
  const highlights: Highlight[] = [];
  const codesRef = `$${columnLetter(codesColumn)}${firstRow + 1}`;
  for (const field of Object.keys(FIELD_COLUMNS) as ReadField[]) {
    for (const severity of ["info", "warning", "error"] as const) {
      const codes = EDIT_CODES.filter((c) => EDITS[c].field === field && (settings.severities[c] ?? EDITS[c].severity) === severity);
      if (codes.length === 0) continue;
      const list = codes.map((c) => `" ${c} "`).join(",");
      const formula = `=AND(${HIGHLIGHT_MARKER},OR(ISNUMBER(SEARCH({${list}}," "&${codesRef}&" "))))`;
      for (const column of FIELD_COLUMNS[field]) {
        const col = columns[column];
        if (col !== undefined)
          highlights.push({
            area: { top: firstRow, left: col, height: endRow - firstRow, width: 1 },
            formula,
            fill: SEVERITY_FILL[severity],
          });
      }
    }
  }
  return highlights;
}

/** Fills for the codes column: each row by its most serious open edit, merged into runs. */
export function codeFillRuns(
  itemsByRow: ReadonlyMap<number, readonly ReviewItem[]>,
  codesColumn: number,
  firstRow: number,
  endRow: number,
): FillRun[] {
  const runs: FillRun[] = [];
  if (endRow <= firstRow) return runs;
  runs.push({ top: firstRow, left: codesColumn, height: endRow - firstRow, width: 1, fill: null });
  let start = -1;
  let fill: string | null = null;
  const flush = (row: number) => {
    if (fill !== null) runs.push({ top: start, left: codesColumn, height: row - start, width: 1, fill });
  };
  for (let row = firstRow; row <= endRow; row++) {
    const open = row < endRow ? (itemsByRow.get(row) ?? []).filter((i) => !i.decision) : [];
    const worst = open.reduce<Severity | null>((w, i) => (w === null || RANK[i.severity] > RANK[w] ? i.severity : w), null);
    const next = worst ? SEVERITY_FILL[worst] : null;
    if (next !== fill) {
      flush(row);
      start = row;
      fill = next;
    }
  }
  return runs;
}

/** A note on each offending cell of an open error or warning, naming every edit aimed at it. */
export function notesFor(items: readonly ReviewItem[]): CellNote[] {
  const byCell = new Map<string, { row: number; column: number; lines: string[] }>();
  for (const item of items) {
    if (item.decision || item.severity === "info") continue;
    const k = `${item.row}:${item.column}`;
    const entry = byCell.get(k) ?? { row: item.row, column: item.column, lines: [] };
    entry.lines.push(`${item.code}: ${item.message}`);
    byCell.set(k, entry);
  }
  return [...byCell.values()].map((e) => ({ row: e.row, column: e.column, text: NOTE_PREFIX + e.lines.join("\n") }));
}

/** The own columns' cells for every row from the first data row to `endRow` (blank where clean). */
export function ownColumnRows(
  itemsByRow: ReadonlyMap<number, readonly ReviewItem[]>,
  estimates: ReadonlyMap<number, number>,
  firstRow: number,
  endRow: number,
  withEstimate: boolean,
): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let row = firstRow; row < endRow; row++) {
    const items = itemsByRow.get(row) ?? [];
    const cells: CellValue[] = [items.length ? codesText(items) : null, items.length ? messagesText(items) : null];
    if (withEstimate) cells.push(estimates.get(row) ?? null);
    rows.push(cells);
  }
  return rows;
}

export type { EditCode };
