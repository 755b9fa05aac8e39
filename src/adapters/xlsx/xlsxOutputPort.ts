import { emptySheet, MemoryWorkbook } from "../../workbook/memoryWorkbook";
import type { CellValue, FlagsApplied, ReadOptions, SheetValues, WorkbookPort, WriteOptions } from "../../workbook/port";
import { XlsxWriter } from "./fastXlsx";

/**
 * The CLI's workbook for a cycle: inputs are read from the input workbook, and each sheet the
 * cycle writes goes straight into the output .xlsx and is not kept, so a 100,000-account cycle
 * holds one output sheet at a time. The input file is never written.
 */
export class XlsxOutputPort implements WorkbookPort {
  constructor(
    private readonly input: MemoryWorkbook,
    private readonly writer: XlsxWriter,
  ) {}

  sheetNames(): Promise<string[]> {
    return this.input.sheetNames();
  }

  readSheet(name: string, options?: ReadOptions): Promise<SheetValues | undefined> {
    return this.input.readSheet(name, options);
  }

  readHeads(maxRows: number): Promise<SheetValues[]> {
    return this.input.readHeads(maxRows);
  }

  async replaceSheet(name: string, rows: readonly (readonly CellValue[])[], options?: WriteOptions): Promise<void> {
    if (this.writer.sheetNames.some((n) => n.toLowerCase() === name.toLowerCase()))
      throw new Error(`the output workbook already has a sheet "${name}"`);
    const sheet = emptySheet(rows as CellValue[][], false);
    sheet.options = options;
    await this.writer.addSheet(name, sheet);
  }

  async applyFlags(sheet: string): Promise<FlagsApplied> {
    throw new Error(`the cycle's output workbook takes whole sheets; it cannot flag cells on "${sheet}"`);
  }

  /** The output file holds only what this run writes, so there is nothing stale to remove. */
  async removeSheet(): Promise<void> {}

  async select(): Promise<void> {}

  /** A written file is calculated by Excel when it is opened. */
  async recalculate(): Promise<void> {}
}
