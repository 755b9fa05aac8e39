import { copyFileSync, mkdtempSync, utimesSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsxFast } from "../../src/adapters/xlsx/fastRead";
import { findSheets } from "../../src/review/findSheets";
import type { HistoryParse } from "../../src/review/runReview";
import type { ReadAhead } from "../../src/cli/historyThread";
import { cycleInputSheets } from "../../src/cycle/inputs";
import { parseHistorySheet } from "../../src/workbook/contextSheets";
import type { UsageRecord } from "../../src/engine";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "cycle.xlsx");

// The compiled module, as bin/ubill.js runs it: a worker thread needs JavaScript to start.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readAhead } = require(join(ROOT, "lib", "cli", "historyThread.js")) as {
  readAhead: (input: string, readsSheet: string | undefined) => ReadAhead;
};
const readHistoryAhead = (input: string, readsSheet: string | undefined) => readAhead(input, readsSheet).history;

const plain = (parse: HistoryParse | undefined) =>
  parse?.ok
    ? {
        problems: parse.value.problems,
        accounts: [...parse.value.history].map(([account, list]) => [
          account,
          list.map((r: UsageRecord) => ({ ...r, usage: r.usage.toString() })),
        ]),
      }
    : parse;

describe("the usage history and billing sheets read on a second thread (ubill cycle, ADR 0015)", () => {
  it("gives the cycle the Balances, Payments and Adjustments sheets' values as reading them here, each once", async () => {
    const workbook = readXlsxFast(SAMPLE, { lazy: true });
    const heads = await workbook.readHeads(50);
    const found = findSheets(heads, undefined);
    const names = cycleInputSheets(heads, found.reads!);
    const ahead = readAhead(SAMPLE, undefined);
    // Not one it reads: answered at once, without waiting for the other thread.
    expect(await ahead.sheet(names.accounts!)).toBeUndefined();
    expect(await ahead.history(found.history!)).toBeDefined();
    for (const name of [names.balances!, names.payments!, names.adjustments!]) {
      const there = await ahead.sheet(name);
      expect(there?.values.length).toBeGreaterThan(1);
      expect(there).toEqual(await workbook.readSheet(name));
      expect(await ahead.sheet(name)).toBeUndefined();
    }
  });

  it("gives the review the same history, problems included, as reading it in this thread", async () => {
    const workbook = readXlsxFast(SAMPLE, { lazy: true });
    const sheet = findSheets(await workbook.readHeads(50), undefined).history!;
    expect(sheet).toBeDefined();
    const here = parseHistorySheet((await workbook.readSheet(sheet))!);
    expect(here.ok && here.value.history.size).toBeGreaterThan(10);
    const there = await readHistoryAhead(SAMPLE, undefined)(sheet);
    expect(plain(there)).toEqual(plain(here));
  });

  it("leaves the history to the review when the thread read another sheet than the review found", async () => {
    expect(await readHistoryAhead(SAMPLE, undefined)("Some Other History")).toBeUndefined();
  });

  it("leaves the history to the review when the file changed after this thread opened it", async () => {
    const copy = join(mkdtempSync(join(tmpdir(), "history-thread-")), "cycle.xlsx");
    copyFileSync(SAMPLE, copy);
    const sheet = findSheets(await readXlsxFast(copy, { lazy: true }).readHeads(50), undefined).history!;
    const read = readHistoryAhead(copy, undefined);
    // Saved again (a new modification time) before the other thread has opened it.
    utimesSync(copy, new Date(), new Date(Date.now() + 60_000));
    expect(await read(sheet)).toBeUndefined();
  });

  it("leaves the history to the review when the thread cannot read the file (the review then reports it)", async () => {
    expect(await readHistoryAhead(join(ROOT, "no-such-workbook.xlsx"), undefined)("Usage History")).toBeUndefined();
  });
});
