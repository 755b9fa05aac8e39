/**
 * The part of Excel's calculation the add-in depends on: cells holding a call of a UB custom
 * function, evaluated the way Excel calls the function, and nothing more (no native functions).
 *
 * - Excel calculates every formula when a workbook opens and afterwards only when something the
 *   formula refers to changes; an add-in's own state (its rate schedules) is not such a thing, so
 *   a UB cell keeps its value until a recalculation (`application.calculate`, learn.microsoft.com
 *   Excel.Application.calculate; ../shared/OFFICE_NOTES.md).
 * - An argument that refers to a blank cell reaches the function as null in Excel on the web and
 *   newer desktops, but as 0 on some desktop builds, in single cells and in ranges alike
 *   (office-js issues #4702, #5262, #1951). An omitted argument is null everywhere.
 * - A thrown `CustomFunctions.Error` shows its code (#VALUE!, #N/A) and message in the cell.
 * - An array constant (`{40;35;35}`: commas separate columns, semicolons rows) reaches the function
 *   as a 2-D array, as a range does (support.microsoft.com, "Use array constants in array formulas").
 * - A function that returns a 2-D array spills it into the cells to the right and below; when any
 *   of those cells holds something, the formula shows #SPILL! instead (support.microsoft.com,
 *   "Dynamic array formulas and spilled array behavior"; "How to correct a #SPILL! error").
 */
import type { CellValue } from "../workbook/port";

export type BlankArguments = "null" | "zero";

export interface FormulaCell {
  formula: string;
  /** The value the cell shows: the function's result, or an error code such as "#N/A". */
  value: CellValue;
  /** The error's message, when the cell shows an error. */
  message?: string;
  /** The rows and columns the last result spilled into, the formula's own cell included. */
  spill?: { height: number; width: number; values: CellValue[][] };
}

type Lookup = (sheet: string | undefined, top: number, left: number, height: number, width: number) => CellValue[][];

/** Splits `=UB.NAME(a, b, , "text")` into the function's name and its argument texts. */
export function parseCall(formula: string): { name: string; args: string[] } | undefined {
  const m = /^=\s*UB\.([A-Z][A-Z0-9]*)\((.*)\)\s*$/is.exec(formula);
  if (!m) return undefined;
  const args: string[] = [];
  let current = "";
  let quoted = false;
  let braces = 0;
  for (let i = 0; i < m[2].length; i++) {
    const ch = m[2][i];
    if (ch === '"') {
      if (quoted && m[2][i + 1] === '"') {
        current += '""';
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (!quoted && ch === "{") braces++;
    if (!quoted && ch === "}") braces--;
    if (ch === "," && !quoted && braces === 0) {
      args.push(current.trim());
      current = "";
    } else current += ch;
  }
  args.push(current.trim());
  return { name: m[1].toUpperCase(), args: args.length === 1 && args[0] === "" ? [] : args };
}

const REF = /^(?:'((?:[^']|'')+)'!|([A-Za-z0-9_]+)!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

function column(letters: string): number {
  return (
    letters
      .toUpperCase()
      .split("")
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
  );
}

/** A literal: text in quotes, TRUE or FALSE, or a number; undefined for anything else. */
function literal(text: string): CellValue | undefined {
  if (/^".*"$/s.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === "TRUE";
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return undefined;
}

/** An array constant's rows: `{1,2;3,4}` is [[1, 2], [3, 4]]. */
function arrayConstant(text: string): CellValue[][] {
  return text
    .slice(1, -1)
    .split(";")
    .map((row) =>
      row.split(",").map((item) => {
        const value = literal(item.trim());
        if (value === undefined) throw new Error(`an array constant holds numbers, text and TRUE/FALSE only, not ${item}`);
        return value;
      }),
    );
}

/** One argument's value as Excel passes it: a literal, an array constant, a cell's value or a range's 2-D array. */
export function argumentValue(text: string, lookup: Lookup, blanks: BlankArguments): unknown {
  if (text === "") return null;
  if (/^\{.*\}$/s.test(text)) return arrayConstant(text);
  const value = literal(text);
  if (value !== undefined) return value;
  const m = REF.exec(text);
  if (!m) throw new Error(`the fake evaluates literals and references only, not ${text}`);
  const sheet = m[1]?.replace(/''/g, "'") ?? m[2];
  const top = Number(m[4]) - 1;
  const left = column(m[3]);
  const height = m[6] ? Number(m[6]) - top : 1;
  const width = m[5] ? column(m[5]) - left + 1 : 1;
  const blank = blanks === "zero" ? 0 : null;
  const values = lookup(sheet, top, left, height, width).map((row) => row.map((v) => (v === null || v === "" ? blank : v)));
  return m[5] ? values : values[0][0];
}
