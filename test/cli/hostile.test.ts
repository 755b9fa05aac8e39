/**
 * Hostile and damaged inputs (issue 13): each case answers with one line and exit code 2, leaves
 * the input's bytes as they were, and leaves no OUT or OUT.partial behind. Fixtures are made here,
 * at test time, from the committed samples.
 */
import { execFileSync, spawn } from "child_process";
import { createHash } from "crypto";
// The module object itself (an import namespace's members cannot be replaced), so a test can put a
// failing write where the product calls it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fs = require("fs");
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runUbill } from "../support/cli";
import { writeXlsx } from "../../src/adapters/xlsx/fastXlsx";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { sampleReadsWorkbook } from "../../src/samples/sampleReads";
import { demoCity } from "../../src/samples/demoCity";
import { fromExcelSerial } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { PRICE_COLUMNS, RATES_SHEET, ratesSheets } from "../../src/workbook/ratesSheet";
import type { CellValue } from "../../src/workbook/port";
import { fieldLayoutRows, loadSchedule } from "../support/samples";
import { readsRows, rewriteArchive, writeFixture } from "../support/xlsxFixtures";
import { openArchive } from "../../src/adapters/xlsx/fastRead";

const ROOT = join(__dirname, "..", "..");
const CYCLE = join(ROOT, "samples", "cycle.xlsx");
const READS = join(ROOT, "samples", "reads.xlsx");
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

const run = runUbill;

function folder(): string {
  return mkdtempSync(join(tmpdir(), "ubill-hostile-"));
}

/** Expects one line on stderr matching `message`, exit 2, and nothing written beside `dir`'s inputs. */
async function refused(dir: string, inputs: string[], message: RegExp, ...argv: string[]) {
  const before = inputs.map(hash);
  const listed = readdirSync(dir).sort();
  const r = await run(...argv);
  expect({ code: r.code, lines: r.err.trim().split("\n").length }).toEqual({ code: 2, lines: 1 });
  expect(r.err).toMatch(message);
  expect(inputs.map(hash)).toEqual(before);
  expect(readdirSync(dir).sort()).toEqual(listed);
}

async function cycleWorkbook(dir: string, change: (sheets: Record<string, CellValue[][]>) => void): Promise<string> {
  const sheets = sampleCycleWorkbook();
  change(sheets);
  const path = join(dir, "in.xlsx");
  await writeXlsx(path, new MemoryWorkbook(sheets));
  return path;
}

describe("ubill never writes its input", () => {
  it.each(["symlink", "hard link"])("refuses an --out that is a %s to the input", async (kind) => {
    const dir = folder();
    const input = join(dir, "reads.xlsx");
    copyFileSync(READS, input);
    const out = join(dir, "out.xlsx");
    if (kind === "symlink") symlinkSync(input, out);
    else linkSync(input, out);
    await refused(dir, [input], /^ubill: --out must name a new file: .* is a link to the input workbook/, "validate", input, "--out", out);
    await refused(dir, [input], /is a link to the input workbook/, "cycle", input, "--out", out);
  });
});

describe("files that are not .xlsx workbooks, named as what they are", () => {
  const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const cases: [string, (path: string) => Promise<void> | void, RegExp][] = [
    [
      "a password-protected workbook",
      (p) => writeFileSync(p, Buffer.concat([CFB, Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(64)])),
      /is password-protected \(an encrypted workbook\)/,
    ],
    [
      "an Excel 97-2003 workbook",
      (p) => writeFileSync(p, Buffer.concat([CFB, Buffer.alloc(1024)])),
      /is an Excel 97-2003 workbook \(\.xls\)/,
    ],
    [
      "an OpenDocument spreadsheet",
      // An .ods begins with its "mimetype" entry stored uncompressed (OpenDocument 1.2, part 3, 3.3).
      (p) =>
        writeFileSync(
          p,
          Buffer.concat([
            Buffer.from("PK\u0003\u0004", "latin1"),
            Buffer.alloc(26),
            Buffer.from("mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
          ]),
        ),
      /is an OpenDocument spreadsheet \(\.ods\)/,
    ],
    ["a CSV file", (p) => writeFileSync(p, "Account,Meter,Read\n100101,M1,51210\n"), /is a text file \(CSV\?\), not an \.xlsx workbook/],
    ["an empty file", (p) => writeFileSync(p, ""), /is empty/],
  ];
  it.each(cases)("names %s", async (_what, make, message) => {
    const dir = folder();
    const input = join(dir, "input.xlsx");
    await make(input);
    await refused(dir, [input], message, "validate", input);
    await refused(dir, [input], message, "cycle", input, "--out", join(dir, "out.xlsx"));
  });
});

describe("damaged workbooks", () => {
  it.each(["removed", "moved"])("names an input %s while the cycle reads it as the input's problem, not the output's", async (how) => {
    const dir = folder();
    const input = join(dir, "cycle.xlsx");
    copyFileSync(CYCLE, input);
    // The workbook is read where it is asked: the moment OUT.xlsx.partial is opened, the user moves the input away (or removes it).
    const realOpen = fs.openSync;
    const spy = jest.spyOn(fs, "openSync").mockImplementation(((path: fs.PathLike, ...rest: unknown[]) => {
      if (String(path).endsWith("out.xlsx.partial") && existsSync(input)) {
        if (how === "removed") fs.unlinkSync(input);
        else fs.renameSync(input, join(dir, "archived.xlsx"));
      }
      return (realOpen as (...a: unknown[]) => number)(path, ...rest);
    }) as typeof fs.openSync);
    const r = await run("cycle", input, "--out", join(dir, "out.xlsx")).finally(() => spy.mockRestore());
    expect({ code: r.code, lines: r.err.trim().split("\n").length }).toEqual({ code: 2, lines: 1 });
    expect(r.err).toMatch(
      /^ubill: .*cycle\.xlsx cannot be read: it was moved or removed while it was being read: run again with the file in place$/m,
    );
    expect(readdirSync(dir).sort()).toEqual(how === "removed" ? [] : ["archived.xlsx"]);
  });

  it("names a sheet whose compressed data is damaged, in one line, for validate and cycle", async () => {
    const dir = folder();
    const input = join(dir, "cycle.xlsx");
    copyFileSync(CYCLE, input);
    const buffer = readFileSync(input);
    // The Accounts sheet's compressed bytes, overwritten in the middle.
    const name = Buffer.from("xl/worksheets/sheet2.xml");
    const local = buffer.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4])]), 0);
    let at = local;
    while (at >= 0 && !buffer.subarray(at + 30, at + 30 + name.length).equals(name))
      at = buffer.indexOf(Buffer.from([0x50, 0x4b, 3, 4]), at + 4);
    const dataStart = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
    buffer.fill(0xff, dataStart + 20, dataStart + 80);
    writeFileSync(input, buffer);
    await refused(
      dir,
      [input],
      /^ubill: .*cycle\.xlsx (is not a readable \.xlsx workbook|cannot be read): its part xl\/worksheets\/sheet2\.xml is damaged/,
      "validate",
      input,
    );
    await refused(
      dir,
      [input],
      /^ubill: .*cycle\.xlsx cannot be read: its part xl\/worksheets\/sheet2\.xml is damaged/,
      "cycle",
      input,
      "--out",
      join(dir, "out.xlsx"),
    );
  });
});

describe("outputs that cannot be written", () => {
  it("names a missing folder in one line and leaves no partial file", async () => {
    const dir = folder();
    const input = join(dir, "cycle.xlsx");
    copyFileSync(CYCLE, input);
    await refused(
      dir,
      [input],
      /^ubill: cannot write .*: the folder .* does not exist/,
      "cycle",
      input,
      "--out",
      join(dir, "missing", "out.xlsx"),
    );
    await refused(
      dir,
      [input],
      /^ubill: cannot write .*: the folder .* does not exist/,
      "validate",
      READS,
      "--out",
      join(dir, "missing", "out.xlsx"),
    );
  });

  it("names a folder it may not write in (sysfs refuses even root), with the reason and its code", async () => {
    const dir = folder();
    const input = join(dir, "cycle.xlsx");
    copyFileSync(CYCLE, input);
    await refused(
      dir,
      [input],
      /^ubill: cannot write \/sys\/ubill-out\.xlsx: permission denied \(EACCES\)/,
      "cycle",
      input,
      "--out",
      "/sys/ubill-out.xlsx",
    );
    await refused(
      dir,
      [input],
      /^ubill: cannot write \/sys\/ubill-out\.xlsx: permission denied \(EACCES\)/,
      "validate",
      READS,
      "--out",
      "/sys/ubill-out.xlsx",
    );
  });

  it("names an --out that is a folder", async () => {
    const dir = folder();
    mkdirSync(join(dir, "out.xlsx"));
    const input = join(dir, "cycle.xlsx");
    copyFileSync(CYCLE, input);
    await refused(dir, [input], /^ubill: cannot write .*out\.xlsx: it is a directory/, "cycle", input, "--out", join(dir, "out.xlsx"));
  });

  describe("a full disk or a read-only file system, met part-way (the error injected where Node would raise it)", () => {
    afterEach(() => jest.restoreAllMocks());
    const failure = (code: string, path?: string) => Object.assign(new Error(`${code}: injected`), { code, ...(path ? { path } : {}) });

    it("names a full disk while validate writes its flagged copy, and leaves no partial file", async () => {
      const dir = folder();
      const input = join(dir, "reads.xlsx");
      copyFileSync(READS, input);
      let calls = 0;
      const real = fs.writeSync;
      jest.spyOn(fs, "writeSync").mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
        if (++calls > 3) throw failure("ENOSPC");
        return (real as (...a: unknown[]) => number)(...args);
      }) as typeof fs.writeSync);
      await refused(
        dir,
        [input],
        /^ubill: cannot write .*flagged\.xlsx: the disk is full \(ENOSPC\)$/m,
        "validate",
        input,
        "--out",
        join(dir, "flagged.xlsx"),
      );
      expect(calls).toBeGreaterThan(3);
    });

    it("names a full disk on the cycle's last file, and leaves neither OUT.xlsx nor the extract", async () => {
      const dir = folder();
      const input = join(dir, "cycle.xlsx");
      copyFileSync(CYCLE, input);
      // The extract is written a thousand lines at a time: the disk fills on a write to its file.
      const realOpen = fs.openSync;
      const realWrite = fs.writeSync;
      const extracts = new Set<number>();
      jest.spyOn(fs, "openSync").mockImplementation(((path: fs.PathLike, ...rest: unknown[]) => {
        const fd = (realOpen as (...a: unknown[]) => number)(path, ...rest);
        if (String(path).endsWith("-bill-print.csv.partial")) extracts.add(fd);
        return fd;
      }) as typeof fs.openSync);
      jest.spyOn(fs, "writeSync").mockImplementation(((fd: number, ...rest: unknown[]) => {
        // As Node raises it: a write's error has a code and no path (checked against /dev/full).
        if (extracts.has(fd)) throw failure("ENOSPC");
        return (realWrite as (...a: unknown[]) => number)(fd, ...rest);
      }) as typeof fs.writeSync);
      await refused(
        dir,
        [input],
        /^ubill: cannot write .*out-bill-print\.csv: the disk is full \(ENOSPC\)$/m,
        "cycle",
        input,
        "--out",
        join(dir, "out.xlsx"),
      );
    });

    it.each(["cycle", "validate"])("names a read-only file system for %s", async (command) => {
      const dir = folder();
      const input = join(dir, "in.xlsx");
      copyFileSync(command === "cycle" ? CYCLE : READS, input);
      const real = fs.openSync;
      jest.spyOn(fs, "openSync").mockImplementation(((path: fs.PathLike, ...rest: unknown[]) => {
        if (String(path).endsWith(".partial")) throw failure("EROFS", String(path));
        return (real as (...a: unknown[]) => number)(path, ...rest);
      }) as typeof fs.openSync);
      await refused(
        dir,
        [input],
        /^ubill: cannot write .*out\.xlsx: the file system is read-only \(EROFS\)$/m,
        command,
        input,
        "--out",
        join(dir, "out.xlsx"),
      );
    });
  });

  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)(
    "removes its partial file when stopped by %s part-way (Ctrl-C sends SIGINT, a closed terminal SIGHUP)",
    async (signal) => {
      const dir = folder();
      const input = join(dir, "city.xlsx");
      // Big enough to be stopped while it writes: Demo City's 20,000 accounts.
      await writeXlsx(input, new MemoryWorkbook(demoCity(loadSchedule("demo-city"), { accounts: 20_000, seed: 3, historyMonths: 3 })));
      const before = hash(input);
      const child = spawn(process.execPath, [join(ROOT, "bin", "ubill.js"), "cycle", input, "--out", join(dir, "out.xlsx")], {
        stdio: "ignore",
      });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      // Stopped once its partial file has begun.
      for (let i = 0; i < 600 && !existsSync(join(dir, "out.xlsx.partial")); i++) await new Promise((r) => setTimeout(r, 50));
      expect(existsSync(join(dir, "out.xlsx.partial"))).toBe(true);
      child.kill(signal);
      expect(await exited).toBe({ SIGHUP: 129, SIGINT: 130, SIGTERM: 143 }[signal]);
      expect(readdirSync(dir)).toEqual(["city.xlsx"]);
      expect(hash(input)).toBe(before);
    },
    120_000,
  );

  it("writes validate's flagged copy through a partial file", async () => {
    const dir = folder();
    const r = await run("validate", READS, "--out", join(dir, "flagged.xlsx"));
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(["flagged.xlsx"]);
  });
});

describe("command lines and files that are not what they seem", () => {
  const fifo = (dir: string) => {
    const path = join(dir, "pipe");
    execFileSync("mkfifo", [path]);
    return path;
  };

  it.each<[string, (dir: string) => string[], RegExp]>([
    ["a folder as the workbook", (dir) => ["validate", dir], /^ubill: cannot read .*: it is a directory, not a workbook file$/m],
    [
      "a named pipe as the workbook (which would wait forever)",
      (dir) => ["validate", fifo(dir)],
      /^ubill: cannot read .*pipe: it is not an ordinary file/m,
    ],
    [
      "/dev/zero as the workbook",
      () => ["cycle", "/dev/zero", "--out", join(folder(), "o.xlsx")],
      /^ubill: cannot read \/dev\/zero: it is not an ordinary file/m,
    ],
    [
      "a second workbook",
      (dir) => ["validate", READS, join(dir, "other.xlsx")],
      /^ubill: too many arguments: .*other\.xlsx; ubill validate READS\.xlsx takes one workbook$/m,
    ],
    [
      "--bill-date given twice",
      (dir) => ["cycle", CYCLE, "--out", join(dir, "o.xlsx"), "--bill-date", "2026-10-30", "--bill-date", "2026-11-15"],
      /^ubill: --bill-date is given twice; give it once$/m,
    ],
    [
      "--out given twice",
      (dir) => ["validate", READS, "--out", join(dir, "a.xlsx"), "--out", join(dir, "b.xlsx")],
      /^ubill: --out is given twice/m,
    ],
    [
      "a named pipe as --out (a device such as /dev/null would be replaced)",
      (dir) => ["validate", READS, "--out", fifo(dir)],
      /^ubill: cannot write .*pipe: it is not an ordinary file \(a device or a pipe\); name a new file$/m,
    ],
    [
      "a folder where the partial file goes",
      (dir) => {
        mkdirSync(join(dir, "o.xlsx.partial"));
        return ["validate", READS, "--out", join(dir, "o.xlsx")];
      },
      /^ubill: cannot write .*o\.xlsx: .*o\.xlsx\.partial is in the way \(not a file\); remove it$/m,
    ],
    [
      "a folder where the bill-print extract goes",
      (dir) => {
        mkdirSync(join(dir, "o-bill-print.csv"));
        return ["cycle", CYCLE, "--out", join(dir, "o.xlsx")];
      },
      /^ubill: cannot write .*o-bill-print\.csv: it is a directory$/m,
    ],
    [
      "a folder as the schedule file",
      (dir) => ["quote", "--schedule", dir, "--usage", "0"],
      /^ubill: cannot read schedule file .*: it is a directory$/m,
    ],
  ])("refuses %s in one line, writing nothing", async (_what, argv, message) => {
    const dir = folder();
    const args = argv(dir);
    const listed = readdirSync(dir).sort();
    const r = await run(...args);
    expect({ code: r.code, lines: r.err.trim().split("\n").length }).toEqual({ code: 2, lines: 1 });
    expect(r.err).toMatch(message);
    expect(readdirSync(dir).sort()).toEqual(listed);
  });

  it("says which edits are off when the reads sheet lacks a column they read (a merged header cell)", async () => {
    const dir = folder();
    const input = await cycleWorkbook(dir, (sheets) => {
      const header = sheets.Reads.find((r) => r.includes("Previous Read Date"))!;
      header[header.indexOf("Previous Read Date")] = null;
    });
    const v = JSON.parse((await run("validate", input, "--json")).out) as { disabled: { code: string; reason: string }[] };
    expect(v.disabled).toEqual([
      { code: "READ_DATES_OUT_OF_ORDER", reason: "no Previous Read Date column on Reads" },
      { code: "CYCLE_LENGTH", reason: "no Previous Read Date column on Reads" },
    ]);
    const c = JSON.parse((await run("cycle", input, "--out", join(dir, "o.xlsx"), "--json")).out) as { problems: string[] };
    expect(c.problems).toContain("Read edits off (no Previous Read Date column on Reads): READ_DATES_OUT_OF_ORDER, CYCLE_LENGTH");
  });

  it("reads a schedule file saved as UTF-16 (Notepad's Unicode)", async () => {
    const dir = folder();
    const file = join(dir, "chubbuck.json");
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(readFileSync(join(ROOT, "samples", "rates", "chubbuck.json"), "utf8"), "utf16le"),
      ]),
    );
    const r = await run("quote", "--schedule", file, "--usage", "0", "--carts", "1", "--json");
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).total).toBe("97.20");
  });

  it("bills the visible reads sheet, not a hidden one before it, says which it billed, and takes --sheet", async () => {
    const dir = folder();
    const input = await rewriteArchive(
      CYCLE,
      join(dir, "hidden.xlsx"),
      (name, data) => {
        const xml = data.toString("utf8");
        if (name === "xl/workbook.xml")
          return Buffer.from(xml.replace("<sheets>", '<sheets><sheet name="Reads (Sept)" sheetId="99" state="hidden" r:id="rIdOld"/>'));
        if (name === "xl/_rels/workbook.xml.rels")
          return Buffer.from(
            xml.replace(
              "</Relationships>",
              '<Relationship Id="rIdOld" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>',
            ),
          );
        if (name === "[Content_Types].xml")
          return Buffer.from(
            xml.replace(
              "</Types>",
              '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
            ),
          );
        return undefined;
      },
      [
        [
          "xl/worksheets/sheet99.xml",
          Buffer.from(openArchive(CYCLE).get("xl/worksheets/sheet1.xml")!().toString("utf8").replace(">51210<", ">91210<")),
        ],
      ],
    );
    const sample = JSON.parse((await run("cycle", CYCLE, "--out", join(dir, "s.xlsx"), "--json")).out);
    const visible = JSON.parse((await run("cycle", input, "--out", join(dir, "v.xlsx"), "--json")).out);
    expect([visible.readsSheet, visible.totalDue]).toEqual(["Reads", sample.totalDue]);
    const chosen = await run("cycle", input, "--out", join(dir, "h.xlsx"), "--sheet", "Reads (Sept)");
    expect(chosen.out).toMatch(/reads from sheet Reads \(Sept\)/);
    expect(JSON.parse((await run("validate", input, "--json")).out).sheet).toBe("Reads");
  });
});

describe("periods as billing systems export them", () => {
  /** The reads sample with its Usage History periods rewritten by `period` (from the ISO period end). */
  async function readsWith(dir: string, period: (iso: string) => CellValue): Promise<string> {
    const sheets = sampleReadsWorkbook();
    const history = sheets["Usage History"];
    const col = history[0].findIndex((h) => /period/i.test(String(h)));
    for (const row of history.slice(1)) {
      const v = row[col];
      const iso = typeof v === "number" ? fromExcelSerial(v) : String(v);
      row[col] = period(iso);
    }
    const path = join(dir, "reads.xlsx");
    await writeXlsx(path, new MemoryWorkbook(sheets));
    return path;
  }

  it.each([
    ["2025-10", (iso: string) => iso.slice(0, 7)],
    ["10/2025", (iso: string) => `${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`],
    [
      "Oct 2025",
      (iso: string) =>
        `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`,
    ],
  ])("reads history periods written as months (%s) and finds the same edits as with dates", async (_label, period) => {
    const dir = folder();
    const asDates = await run("validate", READS, "--json");
    const asMonths = await run("validate", await readsWith(dir, period), "--json");
    expect(asMonths.code).toBe(0);
    const counts = (r: { out: string }) => JSON.parse(r.out).counts as Record<string, number>;
    expect(JSON.parse(asMonths.out).contextProblems).toEqual([]);
    expect(counts(asMonths)).toEqual(counts(asDates));
  });

  it("refuses a history none of whose rows can be read, in one line that sums up the rows", async () => {
    const dir = folder();
    const input = await readsWith(dir, () => "last month");
    await refused(
      dir,
      [input],
      /^ubill: Usage History cannot be used: none of its \d+ rows could be read\. Usage History: \d+ rows: Period must be a date or a month .*\(rows 2-\d+\)\n/m,
      "validate",
      input,
    );
  });
});

describe("money never changed silently", () => {
  it("refuses a Rates sheet row whose field reaches a prototype, and leaves every object as it was", async () => {
    const dir = folder();
    const input = await cycleWorkbook(dir, (sheets) => {
      sheets[RATES_SHEET] = [...fieldLayoutRows([loadSchedule("chubbuck")]), ["chubbuck", "__proto__.rounding", "down"]];
    });
    await refused(
      dir,
      [input],
      /^ubill: Rates!B\d+: field "__proto__.rounding" uses "__proto__", which is not a field of a rate schedule/,
      "cycle",
      input,
      "--out",
      join(dir, "out.xlsx"),
    );
    expect(({} as Record<string, unknown>).rounding).toBeUndefined();
  });

  it("refuses a Rates sheet row it cannot read instead of billing at a bundled sample", async () => {
    const dir = folder();
    const input = await cycleWorkbook(dir, (sheets) => {
      sheets[RATES_SHEET] = [...fieldLayoutRows([loadSchedule("chubbuck")]), ["chubbuck", "versions[0]..charges", "1"]];
    });
    await refused(
      dir,
      [input],
      /^ubill: Rates!B\d+: field "versions\[0\]\.\.charges" is not a path/,
      "cycle",
      input,
      "--out",
      join(dir, "out.xlsx"),
    );
  });

  it("refuses a rate table price it cannot read, naming the cell, and bills at a price edited in place", async () => {
    const dir = folder();
    const table = ratesSheets([loadSchedule("chubbuck")]).sheets;
    const sewer = table[RATES_SHEET].findIndex((r) => r[PRICE_COLUMNS.indexOf("Charge")] === "sewer");
    const withPrice = (price: CellValue) =>
      cycleWorkbook(dir, (sheets) => {
        Object.assign(sheets, table);
        sheets[RATES_SHEET] = table[RATES_SHEET].map((r, i) =>
          i === sewer ? r.map((v, c) => (c === PRICE_COLUMNS.indexOf("Price") ? price : v)) : r,
        );
      });
    const bad = await withPrice("44,95 a month");
    await refused(
      dir,
      [bad],
      new RegExp(
        `^ubill: Rates!L${sewer + 1}: expected a number such as 1.30, found "44,95 a month"; rate schedule "chubbuck" is not used until it is put right\n$`,
      ),
      "cycle",
      bad,
      "--out",
      join(dir, "out.xlsx"),
    );
    const published = JSON.parse((await run("cycle", await withPrice(44.95), "--out", join(dir, "a.xlsx"), "--json")).out);
    const raised = JSON.parse((await run("cycle", await withPrice(45.95), "--out", join(dir, "b.xlsx"), "--json")).out);
    const sample = JSON.parse((await run("cycle", CYCLE, "--out", join(dir, "c.xlsx"), "--json")).out);
    expect(published.totalDue).toBe(sample.totalDue);
    expect(Number(raised.totalDue)).toBeGreaterThan(Number(published.totalDue));
  });

  it.each([
    [
      "a price past the largest number a schedule holds",
      "Price",
      1e13,
      /^ubill: Rates!L4: expected a number from -1,000,000,000,000 to 1,000,000,000,000, found 10000000000000; rate schedule "chubbuck" is not used until it is put right\n$/,
    ],
    [
      "an option that names an object's prototype",
      "Options",
      "__proto__: polluted",
      /^ubill: Rates!O4: expected options such as "percent of usage: 90; whole units: down"/,
    ],
  ])("refuses a rate table row with %s, naming the cell, and pollutes nothing", async (_what, column, value, message) => {
    const dir = folder();
    const table = ratesSheets([loadSchedule("chubbuck")]).sheets;
    const sewer = table[RATES_SHEET].findIndex((r) => r[PRICE_COLUMNS.indexOf("Charge")] === "sewer");
    const input = await cycleWorkbook(dir, (sheets) => {
      Object.assign(sheets, table);
      sheets[RATES_SHEET] = table[RATES_SHEET].map((r, i) =>
        i === sewer ? r.map((v, c) => (c === PRICE_COLUMNS.indexOf(column as "Price") ? value : v)) : r,
      );
    });
    expect(sewer).toBe(3);
    await refused(dir, [input], message, "cycle", input, "--out", join(dir, "out.xlsx"));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("bills from a rate table whose charge is called __proto__, as an ordinary name", async () => {
    const dir = folder();
    const table = ratesSheets([loadSchedule("chubbuck")]).sheets;
    const input = await cycleWorkbook(dir, (sheets) => {
      Object.assign(sheets, table);
      sheets[RATES_SHEET] = table[RATES_SHEET].map((r) =>
        r[PRICE_COLUMNS.indexOf("Charge")] === "sewer" ? r.map((v, c) => (c === PRICE_COLUMNS.indexOf("Charge") ? "__proto__" : v)) : r,
      );
    });
    const r = await run("cycle", input, "--out", join(dir, "out.xlsx"), "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).totalDue).toMatch(/^\d+\.\d\d$/);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it("refuses a Rates field that names a list item past 999", async () => {
    const dir = folder();
    const input = await cycleWorkbook(dir, (sheets) => {
      sheets[RATES_SHEET] = [...fieldLayoutRows([loadSchedule("chubbuck")]), ["chubbuck", "versions[4294967294].effective", "2026-01-01"]];
    });
    await refused(dir, [input], /a list in a schedule has at most 1000 items/, "cycle", input, "--out", join(dir, "out.xlsx"));
  });

  it.each([
    ["1900-01-01", /^ubill: The bill date 1900-01-01 is before the end of the period it bills \(2026-10-30\)/],
    ["2199-12-31", /^ubill: The bill date 2199-12-31 is more than 60 days after the end of the period it bills \(2026-10-30\)/],
  ])("refuses --bill-date %s, a date it reads, because of the period it bills", async (date, message) => {
    const dir = folder();
    const input = join(dir, "cycle.xlsx");
    copyFileSync(CYCLE, input);
    await refused(dir, [input], message, "cycle", input, "--out", join(dir, "o.xlsx"), "--bill-date", date);
  });

  it("bills with --bill-date 60 days after the period", async () => {
    const dir = folder();
    const r = await run("cycle", CYCLE, "--out", join(dir, "o.xlsx"), "--bill-date", "2026-12-29", "--json");
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).billDate).toBe("2026-12-29");
  });

  it.each(["9999-12-31", "0001-01-01"])("refuses --bill-date %s", async (date) => {
    const dir = folder();
    const input = join(dir, "cycle.xlsx");
    copyFileSync(CYCLE, input);
    await refused(
      dir,
      [input],
      /^ubill: --bill-date must be a date from 1900-01-01 to 2199-12-31/,
      "cycle",
      input,
      "--out",
      join(dir, "o.xlsx"),
      "--bill-date",
      date,
    );
  });

  it("prices a meter size called constructor as an unknown size, in one line", async () => {
    const r = await run("quote", "--schedule", join(ROOT, "samples", "rates", "harlingen.json"), "--usage", "0", "--meter", "constructor");
    expect({ code: r.code, lines: r.err.trim().split("\n").length }).toEqual({ code: 2, lines: 1 });
    expect(r.err).toMatch(/constructor/);
  });

  it("bills the cycle when one account's meter size is constructor and its cart size __proto__", async () => {
    const dir = folder();
    const input = await cycleWorkbook(dir, (sheets) => {
      const accounts = sheets.Accounts;
      const header = accounts[0].map((h) => String(h).toLowerCase());
      const size = header.indexOf("meter size");
      const cart = header.indexOf("cart size");
      if (size >= 0) accounts[1][size] = "constructor";
      if (cart >= 0) accounts[2][cart] = "__proto__";
    });
    const r = await run("cycle", input, "--out", join(dir, "out.xlsx"), "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).bills).toBeGreaterThan(15);
  });

  it.each([
    [
      "a schedule file of 108 MB",
      (p: string) => writeFileSync(p, Buffer.alloc(108 * 1024 * 1024, 0x20)),
      /it is 113,246,208 bytes; a schedule file may be at most 4,194,304 bytes \(4 MB\)/,
    ],
    [
      "a schedule nested a million deep",
      (p: string) => writeFileSync(p, "[".repeat(1_000_000) + "]".repeat(1_000_000)),
      /its lists and objects nest more than 32 deep/,
    ],
  ])("refuses %s in one line", async (_what, make, message) => {
    const dir = folder();
    const file = join(dir, "schedule.json");
    make(file);
    const r = await run("quote", "--schedule", file, "--usage", "0");
    expect({ code: r.code, lines: r.err.trim().split("\n").length }).toEqual({ code: 2, lines: 1 });
    expect(r.err).toMatch(message);
  });

  it("reads a schedule JSON saved with a byte-order mark (Notepad)", async () => {
    const dir = folder();
    const file = join(dir, "chubbuck.json");
    writeFileSync(file, "\uFEFF" + readFileSync(join(ROOT, "samples", "rates", "chubbuck.json"), "utf8"));
    const r = await run("quote", "--schedule", file, "--usage", "0", "--carts", "1", "--json");
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).total).toBe("97.20");
    expect(existsSync(file)).toBe(true);
  });
});

describe("sheets to Excel's last row (docs/inputs.md)", () => {
  it("validates a reads sheet filled to row 1,048,576, and names a row past it in one line", async () => {
    const last = await writeFixture({ sheets: [{ name: "Reads", data: readsRows(1_048_576) }] });
    const r = await run("validate", last, "--json");
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).reads).toBe(1_048_575);
    const dir = folder();
    const past = join(dir, "past.xlsx");
    copyFileSync(
      await writeFixture({
        sheets: [{ name: "Reads", data: [...readsRows(2)].join("") + `<row r="1048577"><c r="A1048577"><v>1</v></c></row>` }],
      }),
      past,
    );
    await refused(
      dir,
      [past],
      /^ubill: .*past\.xlsx cannot be read: sheet "Reads" has a row numbered 1048577; Excel's rows are 1 to 1,048,576$/m,
      "validate",
      past,
    );
  }, 300_000);
});

describe("numbers past the limits (docs/inputs.md)", () => {
  it.each([
    ["Cart Count", 50, 51],
    ["Cart Count", 50, "99999999999999999999"],
    ["Dwelling Units", 10000, 10001],
  ])("bills an Accounts %s of %s and names one of %s, leaving that account out", async (column, atLimit, past) => {
    const dir = folder();
    const input = await cycleWorkbook(dir, (sheets) => {
      const header = sheets.Accounts[0];
      let at = header.indexOf(column);
      if (at < 0) at = header.push(column) - 1;
      sheets.Accounts[1][at] = atLimit;
      sheets.Accounts[2][at] = past;
    });
    const r = await run("cycle", input, "--out", join(dir, "out.xlsx"), "--json");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { problems: string[]; bills: number };
    const limit = atLimit.toLocaleString("en-US");
    expect(summary.problems.filter((p) => p.includes(`expected a whole number from 0 to ${limit}`))).toEqual([
      expect.stringMatching(new RegExp(`^Accounts!.3: expected a whole number from 0 to ${limit}; got "?${past}"?$`)),
    ]);
    expect(summary.problems.join("\n")).not.toMatch(/Accounts!.2:/);
  });

  const CHUBBUCK = join(ROOT, "samples", "rates", "chubbuck.json");
  it.each([
    [["--usage", "1e999999999"], /^ubill: --usage must be a number from 0 to 1,000,000,000,000/],
    [["--usage", "1000000000001"], /^ubill: --usage must be a number from 0 to 1,000,000,000,000/],
    [["--carts", "99999999999999999999"], /^ubill: --carts must be a whole number from 0 to 50/],
    [["--carts", "51"], /^ubill: --carts must be a whole number from 0 to 50/],
    [["--days", "367"], /^ubill: --days must be/],
    [["--days", "0"], /^ubill: --days must be/],
    [["--days", "61"], /^ubill: days of service must be above 0 and at most 60, got 61$/m],
  ])("refuses quote %j in one line", async (extra, message) => {
    const usage = (extra as string[]).includes("--usage") ? [] : ["--usage", "0"];
    const r = await run("quote", "--schedule", CHUBBUCK, ...usage, ...(extra as string[]));
    expect({ code: r.code, lines: r.err.trim().split("\n").length }).toEqual({ code: 2, lines: 1 });
    expect(r.err).toMatch(message);
  });

  it("prices usage at the limit", async () => {
    const r = await run("quote", "--schedule", CHUBBUCK, "--usage", "1000000000000", "--carts", "50", "--days", "60", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).total).toMatch(/^\d+\.\d\d$/);
  });

  it("takes a read written 1e999999999 as a read that is not a number, not a calculation", async () => {
    const dir = folder();
    const sheets = sampleReadsWorkbook();
    const reads = sheets.Reads;
    const header = reads.findIndex((r) => r.some((c) => /current read/i.test(String(c))));
    const col = reads[header].findIndex((c) => /current read/i.test(String(c)));
    reads[header + 1][col] = "1e999999999";
    const input = join(dir, "reads.xlsx");
    await writeXlsx(input, new MemoryWorkbook(sheets));
    const r = await run("validate", input, "--json");
    expect(r.code).toBe(0);
    const edits = JSON.parse(r.out).edits as { row: number; code: string }[];
    expect(edits.some((e) => e.row === header + 2 && e.code === "INVALID_VALUE")).toBe(true);
  });
});
