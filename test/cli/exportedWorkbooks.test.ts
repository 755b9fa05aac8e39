/**
 * Workbooks saved the ways other tools save them (issue 13): `ubill validate` and `ubill cycle`
 * read each as Excel reads it and give exactly the result the sample gives. Each variant is the
 * committed sample written again here, at test time, by test/support/xlsxFixtures.ts: every element
 * prefixed (the Open XML SDK), Strict OOXML with dates as ISO 8601 text, single-quoted attributes,
 * shared strings with phonetic runs, and the 1904 date system.
 */
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { readXlsxFast } from "../../src/adapters/xlsx/fastRead";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { sampleReadsWorkbook } from "../../src/samples/sampleReads";
import { OWN_COLUMNS } from "../../src/workbook/readsSheet";
import { runUbill } from "../support/cli";
import { VARIANTS, writeVariant } from "../support/xlsxFixtures";

const ROOT = join(__dirname, "..", "..");

const withoutPaths = (json: string) =>
  JSON.parse(json, (key, value: unknown) => (["out", "outputs", "path"].includes(key) ? undefined : value));

describe("ubill validate reads workbooks saved other ways as Excel reads them", () => {
  let baseline: unknown;
  beforeAll(async () => {
    const r = await runUbill("validate", join(ROOT, "samples", "reads.xlsx"), "--json");
    baseline = withoutPaths(r.out);
  });

  it.each(VARIANTS)("%s: the same edits as the sample, and a flagged copy", async (variant) => {
    const input = await writeVariant(sampleReadsWorkbook(), variant);
    const before = readFileSync(input);
    const out = join(dirname(input), "flagged.xlsx");
    const r = await runUbill("validate", input, "--json", "--out", out);
    expect(r.err).toBe("");
    expect(withoutPaths(r.out)).toEqual(baseline);
    expect(readFileSync(input).equals(before)).toBe(true);
    const reads = readXlsxFast(out).sheet("Reads")!.values;
    expect(reads[2]).toContain(OWN_COLUMNS.codes);
  });
});

describe("ubill cycle bills workbooks saved other ways as Excel reads them", () => {
  let baseline: unknown;
  let extract: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "ubill-"));
    const r = await runUbill("cycle", join(ROOT, "samples", "cycle.xlsx"), "--out", join(dir, "out.xlsx"), "--json");
    baseline = withoutPaths(r.out);
    extract = readFileSync(join(dir, "out-bill-print.csv"), "utf8");
  });

  it.each(VARIANTS)("%s: the same bills and totals as the sample", async (variant) => {
    const input = await writeVariant(sampleCycleWorkbook(), variant);
    const before = readFileSync(input);
    const r = await runUbill("cycle", input, "--out", join(dirname(input), "out.xlsx"), "--json");
    expect(r.err).toBe("");
    expect(withoutPaths(r.out)).toEqual(baseline);
    // Every name, address, date and amount the printer gets, furigana left out.
    expect(readFileSync(join(dirname(input), "out-bill-print.csv"), "utf8")).toBe(extract);
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});
