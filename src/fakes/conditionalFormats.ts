import { HIGHLIGHT_MARKER, Highlight } from "../workbook/port";
import type { MemorySheet } from "../workbook/memoryWorkbook";

/** A highlight's formula taken apart: the codes it looks for and the codes cell it searches. */
interface ParsedRule {
  readonly codes: readonly string[];
  readonly column: number;
  readonly row: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const RULE = new RegExp(
  `^=AND\\(${escape(HIGHLIGHT_MARKER)},OR\\(ISNUMBER\\(SEARCH\\(\\{([^}]*)\\}," "&\\$([A-Z]+)(\\d+)&" "\\)\\)\\)\\)$`,
);

const parsed = new WeakMap<Highlight, ParsedRule | null>();

function parse(h: Highlight): ParsedRule | null {
  if (parsed.has(h)) return parsed.get(h)!;
  const m = RULE.exec(h.formula);
  let rule: ParsedRule | null = null;
  if (m) {
    let column = 0;
    for (const ch of m[2]) column = column * 26 + ch.charCodeAt(0) - 64;
    rule = {
      codes: m[1].split(",").map((c) => c.replace(/^"|"$/g, "").toUpperCase()),
      column: column - 1,
      row: Number(m[3]) - 1,
    };
  }
  parsed.set(h, rule);
  return rule;
}

/**
 * The fill Excel would show on a cell from the add-in's highlights (the conditional formats it
 * writes), or undefined. The formula is evaluated as Excel would: SEARCH is case-insensitive,
 * the codes cell's row moves with the cell, and the last highlight added has the first priority.
 * A formula of another shape is not evaluated (returns undefined for it).
 */
export function highlightFill(sheet: MemorySheet, row: number, column: number): string | undefined {
  for (let i = sheet.highlights.length - 1; i >= 0; i--) {
    const h = sheet.highlights[i];
    const a = h.area;
    if (row < a.top || row >= a.top + a.height || column < a.left || column >= a.left + a.width) continue;
    const rule = parse(h);
    if (!rule) continue;
    const value = sheet.values[rule.row + (row - a.top)]?.[rule.column];
    const text = ` ${value === null || value === undefined ? "" : String(value)} `.toUpperCase();
    if (rule.codes.some((code) => text.includes(code))) return h.fill;
  }
  return undefined;
}

/** What a cell looks like: its own fill, overridden by a highlight that applies (as in Excel). */
export function shownFill(sheet: MemorySheet, row: number, column: number): string | undefined {
  return highlightFill(sheet, row, column) ?? sheet.fills.get(`${row}:${column}`);
}
