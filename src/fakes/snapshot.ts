import { emptySheet, MemorySheet, MemoryWorkbook } from "../workbook/memoryWorkbook";
import type { CellValue, Highlight, WriteOptions } from "../workbook/port";

/** One sheet of the in-memory workbook as plain JSON: what a page can hand to a test and back. */
export interface SheetSnapshot {
  readonly name: string;
  readonly values: CellValue[][];
  readonly numberFormats: [string, string][];
  readonly fills: [string, string][];
  readonly highlights: Highlight[];
  readonly notes: [string, string][];
  readonly options?: WriteOptions;
  readonly printSetup?: MemorySheet["printSetup"];
  readonly hidden?: boolean;
}

export interface WorkbookSnapshot {
  readonly sheets: SheetSnapshot[];
  readonly selection?: MemoryWorkbook["selection"];
  /** The add-in's settings saved in the document. */
  readonly documentSettings?: [string, string][];
}

const sorted = (map: ReadonlyMap<string, string>): [string, string][] => [...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** A sheet as JSON; map entries are sorted, so equal sheets give equal snapshots. */
export function snapshotSheet(name: string, sheet: MemorySheet, hidden = false): SheetSnapshot {
  return {
    name,
    values: sheet.values.map((row) => [...row]),
    numberFormats: sorted(sheet.numberFormats),
    fills: sorted(sheet.fills),
    highlights: [...sheet.highlights],
    notes: sorted(sheet.notes),
    ...(sheet.options ? { options: sheet.options } : {}),
    ...(sheet.printSetup ? { printSetup: sheet.printSetup } : {}),
    ...(hidden ? { hidden } : {}),
  };
}

/** The whole workbook as JSON; `hidden` names the sheets the fake Excel has hidden. */
export function snapshotWorkbook(workbook: MemoryWorkbook, hidden: ReadonlySet<string> = new Set()): WorkbookSnapshot {
  return {
    sheets: [...workbook.sheets].map(([name, sheet]) => snapshotSheet(name, sheet, hidden.has(name))),
    ...(workbook.selection ? { selection: { ...workbook.selection } } : {}),
    ...(workbook.documentSettings.size ? { documentSettings: sorted(workbook.documentSettings) } : {}),
  };
}

/** A workbook of values only (no formats, fills or notes) as a snapshot. */
export function valuesSnapshot(sheets: Record<string, CellValue[][]>): WorkbookSnapshot {
  return {
    sheets: Object.entries(sheets).map(([name, values]) => ({ name, values, numberFormats: [], fills: [], highlights: [], notes: [] })),
  };
}

/** Puts a snapshot's sheets into the workbook, replacing everything it held; returns the hidden sheets. */
export function restoreWorkbook(workbook: MemoryWorkbook, snapshot: WorkbookSnapshot): Set<string> {
  workbook.sheets.clear();
  const hidden = new Set<string>();
  for (const s of snapshot.sheets) {
    const sheet = emptySheet(s.values);
    for (const [k, v] of s.numberFormats) sheet.numberFormats.set(k, v);
    for (const [k, v] of s.fills) sheet.fills.set(k, v);
    for (const [k, v] of s.notes) sheet.notes.set(k, v);
    sheet.highlights = [...s.highlights];
    if (s.options) sheet.options = s.options;
    if (s.printSetup) sheet.printSetup = s.printSetup;
    if (s.hidden) hidden.add(s.name);
    workbook.sheets.set(s.name, sheet);
  }
  workbook.selection = snapshot.selection ? { ...snapshot.selection } : undefined;
  workbook.documentSettings.clear();
  for (const [k, v] of snapshot.documentSettings ?? []) workbook.documentSettings.set(k, v);
  return hidden;
}

/** A 53-bit hash of a string (cyrb53), as 14 hex digits: enough to tell two sheets apart. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/**
 * A digest of each named sheet: values, number formats, fills, highlights and notes. Two digests
 * are equal only when nothing a user could see on the sheet differs.
 */
export function digestSheets(workbook: MemoryWorkbook, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const sheet = workbook.sheet(name);
    out[name] = sheet ? hash53(JSON.stringify(snapshotSheet(name, sheet))) : "(missing)";
  }
  return out;
}
