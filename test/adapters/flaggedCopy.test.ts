/**
 * `ubill validate --out`'s flagged copy (src/adapters/xlsx/flaggedCopy.ts): the input copied part
 * for part, the reads sheet and the styles patched. It opens in exceljs and in LibreOffice, keeps
 * everything it does not flag byte for byte, keeps the user's own conditional formats, and flagging
 * a flagged copy again gives the same file.
 */
import { execFileSync } from "child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { inflateRawSync } from "zlib";
import { openArchive } from "../../src/adapters/xlsx/fastRead";
import { sampleReadsWorkbook } from "../../src/samples/sampleReads";
import { runUbill } from "../support/cli";
import { writeVariant } from "../support/xlsxFixtures";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "reads.xlsx");
const folder = () => mkdtempSync(join(tmpdir(), "ub-flagged-"));

/** Every part of an archive, inflated, by name. */
function parts(path: string): Map<string, string> {
  return new Map([...openArchive(path)].map(([name, part]) => [name, part().toString("utf8")]));
}

async function flag(input: string, out: string): Promise<void> {
  const r = await runUbill("validate", input, "--out", out);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
}

describe("the flagged copy", () => {
  it("has the codes, the messages, a fill on each code and the highlights, as exceljs reads it", async () => {
    const out = join(folder(), "flagged.xlsx");
    await flag(SAMPLE, out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.getWorksheet("Reads")!;
    const high = ws.getColumn(3).values.findIndex((v) => v === "100102");
    expect([ws.getCell("R3").value, ws.getCell("S3").value, ws.getCell(`R${high}`).value]).toEqual([
      "UB Edits",
      "UB Edit Notes",
      "HIGH_USAGE",
    ]);
    expect(ws.getCell(`R${high}`).numFmt).toBe("@");
    expect((ws.getCell(`R${high}`).fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/^FF[0-9A-F]{6}$/);
    expect((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length).toBeGreaterThan(5);
  });

  it("copies every part it does not flag as the input stores it", async () => {
    const out = join(folder(), "flagged.xlsx");
    await flag(SAMPLE, out);
    const before = openArchive(SAMPLE);
    const after = openArchive(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...before].filter(([name, part]) => !after.get(name)!.raw.data.equals(part.raw.data)).map(([name]) => name);
    expect(changed.sort()).toEqual(["xl/styles.xml", "xl/worksheets/sheet1.xml"]);
    // The copied bytes inflate to the input's parts.
    const history = after.get("xl/worksheets/sheet3.xml")!.raw;
    expect(inflateRawSync(history.data).toString("utf8")).toBe(before.get("xl/worksheets/sheet3.xml")!().toString("utf8"));
  });

  it("is the same file when a flagged copy is flagged again: the add-in's highlights and styles replaced, not added", async () => {
    const dir = folder();
    await flag(SAMPLE, join(dir, "once.xlsx"));
    await flag(join(dir, "once.xlsx"), join(dir, "twice.xlsx"));
    const once = parts(join(dir, "once.xlsx"));
    const twice = parts(join(dir, "twice.xlsx"));
    expect(twice).toEqual(once);
  });

  it("keeps a conditional format the user made", async () => {
    const dir = folder();
    const input = join(dir, "reads.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(SAMPLE);
    book.getWorksheet("Reads")!.addConditionalFormatting({
      ref: "A4:A40",
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: ['A4="12"'],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF00FF00" } } },
        },
      ],
    });
    await book.xlsx.writeFile(input);
    await flag(input, join(dir, "flagged.xlsx"));
    const sheet = parts(join(dir, "flagged.xlsx")).get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain("A4=&quot;12&quot;");
    expect(sheet.match(/<conditionalFormatting /g)!.length).toBeGreaterThan(6);
  });

  it.each(["plain", "prefixed"] as const)(
    "opens in LibreOffice (%s input), the codes in their columns",
    async (kind) => {
      const soffice = execFileSync("bash", [join(ROOT, "scripts", "ensure-libreoffice.sh")], { encoding: "utf8" }).trim();
      const dir = folder();
      const input = kind === "plain" ? join(dir, "reads.xlsx") : await writeVariant(sampleReadsWorkbook(), "prefixed");
      if (kind === "plain") copyFileSync(SAMPLE, input);
      const out = join(dir, "flagged.xlsx");
      await flag(input, out);
      execFileSync(
        soffice,
        ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "csv", "--outdir", dir, out],
        {
          stdio: "pipe",
          timeout: 120_000,
        },
      );
      const csv = readFileSync(join(dir, "flagged.csv"), "utf8").split("\n");
      expect(csv[2]).toMatch(/,UB Edits,UB Edit Notes/);
      expect(csv.find((line) => line.includes("100102"))).toMatch(/HIGH_USAGE/);
    },
    300_000,
  );
});
