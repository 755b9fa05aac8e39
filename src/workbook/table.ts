import type { CellValue, SheetValues } from "./port";

/** A column a sheet format knows, by the names people give it. */
export interface ColumnSpec<F extends string> {
  readonly field: F;
  readonly label: string;
  readonly synonyms: readonly string[];
  readonly required?: boolean;
}

/** Header text compared case- and space-insensitively: "Prev. Read #" -> "prevread". */
export function headerKey(value: CellValue): string {
  return String(value ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export interface LocatedTable<F extends string> {
  readonly sheet: string;
  /** 0-based absolute row of the header. */
  readonly headerRow: number;
  /** 0-based absolute column of each field found. */
  readonly columns: Readonly<Partial<Record<F, number>>>;
  /** 0-based absolute column of every non-blank header cell, by its text. */
  readonly headers: ReadonlyMap<string, number>;
  /** Index into `data.values` of the first row below the header. */
  readonly firstValueRow: number;
}

export type LocateResult<F extends string> = { ok: true; table: LocatedTable<F> } | { ok: false; message: string };

const SCAN_ROWS = 50;

/**
 * Finds a table by its header row wherever it sits in the first 50 rows: the first row that
 * names every required column (by label or synonym). When none does, the message names the
 * headers of the row that came closest and the columns expected.
 */
export function locateTable<F extends string>(data: SheetValues, specs: readonly ColumnSpec<F>[]): LocateResult<F> {
  const keys = new Map<string, F>();
  for (const spec of specs) for (const name of [spec.label, ...spec.synonyms]) keys.set(headerKey(name), spec.field);
  const required = specs.filter((s) => s.required);
  let best: { index: number; found: number } | undefined;
  for (let index = 0; index < Math.min(SCAN_ROWS, data.values.length); index++) {
    const row = data.values[index];
    const columns: Partial<Record<F, number>> = {};
    const headers = new Map<string, number>();
    row.forEach((cell, c) => {
      const text = String(cell ?? "").trim();
      if (text) headers.set(text, data.left + c);
      const field = keys.get(headerKey(cell));
      if (field !== undefined && columns[field] === undefined) columns[field] = data.left + c;
    });
    const found = required.filter((s) => columns[s.field] !== undefined).length;
    if (found === required.length)
      return { ok: true, table: { sheet: data.sheet, headerRow: data.top + index, columns, headers, firstValueRow: index + 1 } };
    if (found > 0 && (!best || found > best.found)) best = { index, found };
  }
  const expected = required.map((s) => s.label).join(", ");
  if (!best) return { ok: false, message: `${data.sheet}: no header row with the columns ${expected} in the first ${SCAN_ROWS} rows` };
  const names = data.values[best.index].map((c) => String(c ?? "").trim()).filter(Boolean);
  const missing = required.filter((s) => !data.values[best!.index].some((c) => keys.get(headerKey(c)) === s.field)).map((s) => s.label);
  return {
    ok: false,
    message: `${data.sheet}: the header row ${data.top + best.index + 1} has ${names.join(", ")}; missing ${missing.join(", ")} (expected ${expected})`,
  };
}
