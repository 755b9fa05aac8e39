import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { fingerprint } from "../../src/cycle/fingerprint";
import { loadCycle } from "../../src/cycle/inputs";
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
