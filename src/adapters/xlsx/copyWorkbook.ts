import type {
  CellValue,
  FlagsApplied,
  Progress,
  ReadOptions,
  SheetFlags,
  SheetValues,
  WorkbookPort,
  WriteOptions,
} from "../../workbook/port";
import type { MemoryWorkbook } from "../../workbook/memoryWorkbook";
import type { FlagWriter } from "./flaggedCopy";

/**
 * A workbook that `ubill post` and `ubill day` change and write as a copy: values are read from
 * the input (already read by the fast reader) and every write goes both there, so the run reads
 * what it wrote, and to a FlagWriter, which writes the copy: the input's parts as stored, the
 * Payments sheet with its new rows, and the add-in's own sheets added or written again whole.
 * The input file itself is never written.
 */
export class CopyWorkbook implements WorkbookPort {
  constructor(
    private readonly values: MemoryWorkbook,
    private readonly copy: FlagWriter,
  ) {}

  sheetNames(): Promise<string[]> {
    return this.values.sheetNames();
  }

  readSheet(name: string, options?: ReadOptions): Promise<SheetValues | undefined> {
    return this.values.readSheet(name, options);
  }

  readHeads(maxRows: number): Promise<SheetValues[]> {
    return this.values.readHeads(maxRows);
  }

  async replaceSheet(name: string, rows: readonly (readonly CellValue[])[], options?: WriteOptions, progress?: Progress): Promise<void> {
    await this.values.replaceSheet(name, rows, options, progress);
    this.copy.putSheet(name, rows, options?.columnWidths, options?.columnFormats);
  }

  async applyFlags(sheet: string, flags: SheetFlags, progress?: Progress): Promise<FlagsApplied> {
    await this.values.applyFlags(sheet, flags, progress);
    return this.copy.applyFlags(sheet, flags);
  }

  removeSheet(name: string): Promise<void> {
    return Promise.reject(new Error(`a copy only adds; it cannot remove sheet ${name}`));
  }

  async select(): Promise<void> {}

  async recalculate(): Promise<void> {}
}
