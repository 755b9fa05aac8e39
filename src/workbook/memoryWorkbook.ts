import type { CellValue, Progress, SheetValues, WorkbookPort, WriteOptions } from "./port";

/** A sheet held in memory, with what the add-in wrote about its formats. */
export interface MemorySheet {
  values: CellValue[][];
  options?: WriteOptions;
}

/**
 * The in-memory workbook: the same port as Excel and .xlsx, for unit tests, the CLI's pipeline
 * and the browser tests' fake Excel. Values are copied in and out so callers cannot alias them.
 */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, MemorySheet>();

  constructor(initial: Record<string, CellValue[][]> = {}) {
    for (const [name, values] of Object.entries(initial)) this.sheets.set(name, { values: values.map((r) => [...r]) });
  }

  async sheetNames(): Promise<string[]> {
    return [...this.sheets.keys()];
  }

  async readSheet(name: string, progress?: Progress): Promise<SheetValues | undefined> {
    const sheet = this.find(name);
    if (!sheet) return undefined;
    progress?.(sheet.values.length, sheet.values.length);
    return { sheet: this.realName(name)!, top: 0, left: 0, values: sheet.values.map((r) => [...r]) };
  }

  async replaceSheet(name: string, rows: readonly (readonly CellValue[])[], options?: WriteOptions, progress?: Progress): Promise<void> {
    const existing = this.realName(name);
    if (existing) this.sheets.delete(existing);
    this.sheets.set(name, { values: rows.map((r) => [...r]), options });
    progress?.(rows.length, rows.length);
  }

  private realName(name: string): string | undefined {
    return [...this.sheets.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
  }

  private find(name: string): MemorySheet | undefined {
    const real = this.realName(name);
    return real === undefined ? undefined : this.sheets.get(real);
  }
}
