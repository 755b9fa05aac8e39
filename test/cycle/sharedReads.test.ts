import { DEFAULT_READ_EDIT_SETTINGS, usageHistoryOf } from "../../src/engine";
import { findSheets } from "../../src/review/findSheets";
import { parseHistorySheet } from "../../src/workbook/contextSheets";
import { fingerprint } from "../../src/cycle/fingerprint";
import { cycleInputSheets, loadCycle } from "../../src/cycle/inputs";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

/** A workbook that counts how often each sheet is read in full. */
class CountingWorkbook extends MemoryWorkbook {
  readonly reads = new Map<string, number>();
  override readSheet(...args: Parameters<MemoryWorkbook["readSheet"]>) {
    if (args[1]?.maxRows === undefined) this.reads.set(args[0], (this.reads.get(args[0]) ?? 0) + 1);
    return super.readSheet(...args);
  }
}

describe("the cycle's inputs and the read review", () => {
  it("read the reads and Accounts sheets once between them, with the same fingerprints as reading them again", async () => {
    const port = new CountingWorkbook(sampleCycleWorkbook());
    const loaded = await loadCycle(port, { dates: {}, readEdits: DEFAULT_READ_EDIT_SETTINGS });
    if (!loaded.ok) throw new Error(loaded.message);
    const reads = loaded.value.sheets.reads!;
    const accounts = loaded.value.sheets.accounts!;
    expect([port.reads.get(reads), port.reads.get(accounts)]).toEqual([1, 1]);
    const again = new MemoryWorkbook(sampleCycleWorkbook());
    for (const name of [reads, accounts]) {
      const data = await again.readSheet(name);
      expect(loaded.value.fingerprints[name]).toBe(fingerprint(data!.values));
    }
  });
});

describe("a usage history read elsewhere (ubill cycle's history thread)", () => {
  const options = { dates: {}, readEdits: DEFAULT_READ_EDIT_SETTINGS };
  const historySheet = async (port: MemoryWorkbook) => findSheets(await port.readHeads(50), undefined).history!;
  /** The cycle's inputs as plain values: each account's history, the review's counts and problems. */
  const plain = (loaded: Awaited<ReturnType<typeof loadCycle>>) => {
    if (!loaded.ok) return loaded;
    const { input, review, problems } = loaded.value;
    return {
      history: [...input.history].map(([account, list]) => [account, list.map((r) => ({ ...r, usage: r.usage.toString() }))]),
      counts: review.counts,
      contextProblems: review.contextProblems,
      problems,
    };
  };

  it("is taken in place of reading the sheet, for the sheet the review found, and gives the same inputs", async () => {
    const port = new CountingWorkbook(sampleCycleWorkbook());
    const sheet = await historySheet(port);
    const parsed = parseHistorySheet((await new MemoryWorkbook(sampleCycleWorkbook()).readSheet(sheet))!);
    const asked: string[] = [];
    const ahead = await loadCycle(port, {
      ...options,
      historyRead: async (name) => {
        asked.push(name);
        return parsed;
      },
    });
    expect(asked).toEqual([sheet]);
    expect(port.reads.get(sheet)).toBeUndefined();
    expect(plain(ahead)).toEqual(plain(await loadCycle(new MemoryWorkbook(sampleCycleWorkbook()), options)));
  });

  it("is what the cycle bills from: another history given is the one used", async () => {
    const read = await loadCycle(new MemoryWorkbook(sampleCycleWorkbook()), options);
    expect(read.ok && read.value.input.history.size).toBeGreaterThan(10);
    const port = new MemoryWorkbook(sampleCycleWorkbook());
    const none = await loadCycle(port, {
      ...options,
      historyRead: async () => ({ ok: true, value: { history: usageHistoryOf([]), problems: [] } }),
    });
    if (!none.ok) throw new Error(none.message);
    expect(none.value.input.history.size).toBe(0);
  });

  it("stops the review with the other thread's reason when the history sheet cannot be used, as reading it here would", async () => {
    const port = new MemoryWorkbook(sampleCycleWorkbook());
    const outcome = await loadCycle(port, {
      ...options,
      historyRead: async () => ({ ok: false, message: "Usage History: no Period column" }),
    });
    expect(outcome).toEqual({ ok: false, message: "Usage History: no Period column" });
  });

  it("is read here when the other thread has nothing for it", async () => {
    const port = new CountingWorkbook(sampleCycleWorkbook());
    const sheet = await historySheet(port);
    const here = await loadCycle(port, { ...options, historyRead: async () => undefined });
    expect(port.reads.get(sheet)).toBe(1);
    expect(plain(here)).toEqual(plain(await loadCycle(new MemoryWorkbook(sampleCycleWorkbook()), options)));
  });
});

describe("sheets read elsewhere (ubill cycle's second thread)", () => {
  const options = { dates: {}, readEdits: DEFAULT_READ_EDIT_SETTINGS };

  it("are taken in place of reading them, by name, and what they hold is what is billed from", async () => {
    const port = new CountingWorkbook(sampleCycleWorkbook());
    const names = cycleInputSheets(await port.readHeads(50), findSheets(await port.readHeads(50), undefined).reads!);
    const payments = (await new MemoryWorkbook(sampleCycleWorkbook()).readSheet(names.payments!))!;
    // The payments sheet with its rows taken off: the cycle must see no payments at all.
    const given = { ...payments, values: payments.values.slice(0, 1) };
    const asked: string[] = [];
    const loaded = await loadCycle(port, {
      ...options,
      sheetRead: async (name) => {
        asked.push(name);
        return name === names.payments ? given : undefined;
      },
    });
    if (!loaded.ok) throw new Error(loaded.message);
    expect(asked).toContain(names.payments);
    expect(port.reads.get(names.payments!)).toBeUndefined();
    expect(port.reads.get(names.balances!)).toBe(1);
    expect(loaded.value.input.payments).toEqual([]);
    const here = await loadCycle(new MemoryWorkbook(sampleCycleWorkbook()), options);
    expect(here.ok && here.value.input.payments.length).toBeGreaterThan(0);
  });
});
