import { join } from "path";
import { XlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import { sampleReadsWorkbook } from "../samples/sampleReads";

/** Writes samples/reads.xlsx from src/samples/sampleReads.ts (npm run samples). */
async function makeSamples(): Promise<void> {
  const workbook = new XlsxWorkbook();
  const widths: Record<string, number[]> = {
    Reads: [7, 9, 10, 11, 22, 12, 12, 12, 12, 6, 6, 6, 6, 24, 12, 12, 11],
    Accounts: [10, 20, 22, 9, 12, 11, 7, 6, 6],
    "Usage History": [10, 12, 10, 6, 6],
  };
  for (const [name, rows] of Object.entries(sampleReadsWorkbook())) {
    const dates =
      name === "Usage History"
        ? [undefined, "yyyy-mm-dd"]
        : name === "Reads"
          ? [undefined, undefined, undefined, undefined, undefined, "yyyy-mm-dd", undefined, "yyyy-mm-dd"]
          : [];
    await workbook.replaceSheet(name, rows, { headerRows: name === "Reads" ? 0 : 1, columnWidths: widths[name], columnFormats: dates });
  }
  const path = join(__dirname, "..", "..", "samples", "reads.xlsx");
  await workbook.save(path);
  process.stdout.write(`wrote ${path}\n`);
}

void makeSamples();
