import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { runUbill } from "../support/cli";
import { readXlsxFast } from "../../src/adapters/xlsx/fastRead";
import { writeXlsx } from "../../src/adapters/xlsx/fastXlsx";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const SAMPLE = join(__dirname, "..", "..", "samples", "cycle.xlsx");
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

const run = runUbill;

describe("ubill cycle", () => {
  it("bills the same on its own thread (bin/ubill.js, compiled) as in this one: the same summary, sheets and print extract", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ubill-cycle-thread-"));
    const here = await run("cycle", SAMPLE, "--out", join(dir, "here.xlsx"), "--json");
    const thread = spawnSync(
      process.execPath,
      [join(__dirname, "..", "..", "bin", "ubill.js"), "cycle", SAMPLE, "--out", join(dir, "thread.xlsx"), "--json"],
      {
        encoding: "utf8",
      },
    );
    expect(thread.status).toBe(0);
    expect(thread.stderr).toBe("");
    const strip = (summary: string) => ({
      ...JSON.parse(summary),
      out: undefined,
      extract: { ...JSON.parse(summary).extract, path: undefined },
    });
    expect(strip(thread.stdout)).toEqual(strip(here.out));
    expect(readFileSync(join(dir, "thread-bill-print.csv"), "utf8")).toBe(readFileSync(join(dir, "here-bill-print.csv"), "utf8"));
    const [a, b] = [readXlsxFast(join(dir, "here.xlsx")), readXlsxFast(join(dir, "thread.xlsx"))];
    expect(await b.sheetNames()).toEqual(await a.sheetNames());
    for (const name of await a.sheetNames())
      if (name !== "Run Log")
        expect({ name, values: (await b.readSheet(name))!.values }).toEqual({ name, values: (await a.readSheet(name))!.values });
  });

  it("bills the sample cycle into a new workbook and leaves the input untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ubill-cycle-"));
    const input = join(dir, "cycle.xlsx");
    copyFileSync(SAMPLE, input);
    const before = hash(input);
    const out = join(dir, "out.xlsx");
    const r = await run("cycle", input, "--out", out, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(hash(input)).toBe(before);
    const summary = JSON.parse(r.out);
    expect([summary.bills, summary.held.length, summary.currentCharges, summary.totalDue, summary.reconciliationDifference]).toEqual([
      20,
      7,
      "1884.02",
      "3155.43",
      "0.00",
    ]);
    expect([summary.estimated, summary.unmatchedRows, summary.notices, summary.doorHangers, summary.collections]).toEqual([
      5,
      2,
      { reminder: 3, "late notice": 3, "final notice": 1, "final bill": 1, collections: 1 },
      1,
      1,
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual([
      "Bills",
      "E-Bills",
      "Bill Register",
      "Reconciliation",
      "Delinquency List",
      "Letters",
      "Door Hangers",
      "Shutoff List",
      "Collections List",
      "Work Orders",
      "Letter Templates",
      "Run Log",
      "Office",
    ]);
    // The workbook's Office sheet, not a default: the add-in and ubill print the same bill.
    expect(book.getWorksheet("Bills")!.getCell("A1").value).toBe("City of Sampleton Utility Billing");
  });

  it("takes a bill date and a schedule file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ubill-cycle-"));
    const r = await run(
      "cycle",
      SAMPLE,
      "--out",
      join(dir, "o.xlsx"),
      "--bill-date",
      "2026-11-02",
      "--schedule",
      join(__dirname, "..", "..", "samples", "rates", "chubbuck.json"),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/bill date 2026-11-02, rates chubbuck/);
  });

  it("writes no OUT.xlsx, not even part of one, when billing cannot run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ubill-cycle-"));
    const input = join(dir, "reads-only.xlsx");
    const sample = readXlsxFast(SAMPLE);
    const reads = (await sample.readSheet("Reads"))!;
    await writeXlsx(input, new MemoryWorkbook({ Reads: reads.values }));
    const out = join(dir, "o.xlsx");
    const r = await run("cycle", input, "--out", out, "--schedule", join(__dirname, "..", "..", "samples", "rates", "chubbuck.json"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ubill: Billing needs an Accounts sheet/);
    expect(readdirSync(dir)).toEqual(["reads-only.xlsx"]);
  });

  it.each([
    [["cycle", SAMPLE], /^ubill: --out is required/],
    [["cycle", SAMPLE, "--out", SAMPLE], /^ubill: --out must name a new file/],
    [["cycle", SAMPLE, "--out", "/tmp/x.xlsx", "--bill-date", "Nov 2"], /^ubill: --bill-date must be a date/],
    [["cycle", "/nope.xlsx", "--out", "/tmp/x.xlsx"], /^ubill: cannot read \/nope.xlsx/],
  ])("refuses %j with one line and exit code 2", async (args, message) => {
    const r = await run(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
});
