/**
 * The fast reader's limits (docs/inputs.md), each at the limit and past it, with small limits so
 * the files stay small: the file's size, a part's inflated size (a ZIP bomb understates it), and
 * damaged compressed data.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsxFast, WorkbookFileProblem } from "../../src/adapters/xlsx/fastRead";
import { FlagWriter } from "../../src/adapters/xlsx/flaggedCopy";
import { writeXlsx } from "../../src/adapters/xlsx/fastXlsx";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

async function workbook(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "xlsx-limits-")), "book.xlsx");
  const rows = Array.from({ length: 2000 }, (_, i) => [`account ${i}`, i, "x".repeat(20)]);
  await writeXlsx(path, new MemoryWorkbook({ Data: rows }));
  return path;
}

/** Each ZIP entry's name, uncompressed size and where its central-directory record is. */
function entries(buffer: Buffer): { name: string; size: number; at: number; local: number }[] {
  const out = [];
  for (let at = buffer.indexOf(Buffer.from([0x50, 0x4b, 1, 2])); at >= 0; at = buffer.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), at + 4)) {
    const nameLength = buffer.readUInt16LE(at + 28);
    out.push({
      name: buffer.toString("utf8", at + 46, at + 46 + nameLength),
      size: buffer.readUInt32LE(at + 24),
      at,
      local: buffer.readUInt32LE(at + 42),
    });
  }
  return out;
}

const sheetPart = (path: string) => entries(readFileSync(path)).find((e) => e.name === "xl/worksheets/sheet1.xml")!;

describe("the fast reader's limits", () => {
  it("reads a file at its size limit and refuses one a byte past it", async () => {
    const path = await workbook();
    const size = statSync(path).size;
    expect(readXlsxFast(path, { maxFileBytes: size }).sheet("Data")!.values).toHaveLength(2000);
    expect(() => readXlsxFast(path, { maxFileBytes: size - 1 })).toThrow(WorkbookFileProblem);
    await expect(new FlagWriter(path, { maxFileBytes: size - 1 }).save(`${path}.copy`)).rejects.toThrow(/a workbook may be at most/);
  });

  it("reads a part that inflates to the limit and refuses one a byte past it", async () => {
    const path = await workbook();
    const { size } = sheetPart(path);
    expect(readXlsxFast(path, { maxPartBytes: size }).sheet("Data")!.values).toHaveLength(2000);
    expect(() => readXlsxFast(path, { maxPartBytes: size - 1 }).sheet("Data")!.values).toThrow(/a part may be at most/);
  });

  it("stops a part that inflates past the limit though the archive says it is small (a ZIP bomb)", async () => {
    const path = await workbook();
    const buffer = readFileSync(path);
    const part = entries(buffer).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const real = part.size;
    // Understate the size in the central directory and the local header, as a bomb does.
    buffer.writeUInt32LE(100, part.at + 24);
    buffer.writeUInt32LE(100, part.local + 22);
    writeFileSync(path, buffer);
    expect(() => readXlsxFast(path, { maxPartBytes: real - 1 }).sheet("Data")!.values).toThrow(
      /its part xl\/worksheets\/sheet1\.xml inflates past .* \(a ZIP bomb\?\)/,
    );
    expect(readXlsxFast(path, { maxPartBytes: real }).sheet("Data")!.values).toHaveLength(2000);
  });

  it("names a part whose compressed data is damaged", async () => {
    const path = await workbook();
    const buffer = readFileSync(path);
    const part = sheetPart(path);
    const dataStart = part.local + 30 + buffer.readUInt16LE(part.local + 26) + buffer.readUInt16LE(part.local + 28);
    buffer.fill(0xff, dataStart + 10, dataStart + 60);
    writeFileSync(path, buffer);
    expect(() => readXlsxFast(path).sheet("Data")!.values).toThrow(/its part xl\/worksheets\/sheet1\.xml is damaged/);
  });
});
