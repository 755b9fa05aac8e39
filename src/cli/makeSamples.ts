import { join } from "path";
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import { sampleReadsWorkbook } from "../samples/sampleReads";
import { sampleCycleWorkbook } from "../samples/sampleCycle";
import type { CellValue } from "../workbook/port";

const DATE_COLUMNS: Record<string, (string | undefined)[]> = {
  Reads: [undefined, undefined, undefined, undefined, undefined, "yyyy-mm-dd", undefined, "yyyy-mm-dd"],
  "Usage History": [undefined, "yyyy-mm-dd"],
  Accounts: [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    "yyyy-mm-dd",
    "yyyy-mm-dd",
    ...Array(15).fill(undefined),
    "yyyy-mm-dd",
    undefined,
    undefined,
    "yyyy-mm-dd",
  ],
  Payments: ["yyyy-mm-dd"],
  Adjustments: [undefined, "yyyy-mm-dd"],
};

async function write(sheets: Record<string, CellValue[][]>, file: string): Promise<void> {
  const workbook = new XlsxWorkbook();
  for (const [name, rows] of Object.entries(sheets)) {
    await workbook.replaceSheet(name, rows, { headerRows: name === "Reads" ? 0 : 1, columnFormats: DATE_COLUMNS[name] ?? [] });
  }
  const path = join(__dirname, "..", "..", "samples", file);
  await workbook.save(path);
  process.stdout.write(`wrote ${path}\n`);
}

/** Writes samples/reads.xlsx and samples/cycle.xlsx from src/samples (npm run samples). */
async function makeSamples(): Promise<void> {
  await write(sampleReadsWorkbook(), "reads.xlsx");
  await write(sampleCycleWorkbook(), "cycle.xlsx");
}

void makeSamples();
