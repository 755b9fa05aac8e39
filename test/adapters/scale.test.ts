/**
 * Excel requests at scale, on the fake Excel that counts them: validating and flagging reads
 * takes a number of syncs that grows with row blocks, not rows, and no request exceeds 4 MB.
 * Counts, not timings: speed is for `npm run bench`.
 */
import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { ExcelWorkbook } from "../../src/adapters/excel/excelWorkbook";
import { FakeExcel } from "../../src/fakes/fakeExcel";
import { runReview } from "../../src/review/runReview";
import { syntheticReadsSheet } from "../../src/samples/syntheticReads";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

async function flag(count: number) {
  const fake = new FakeExcel(new MemoryWorkbook({ Reads: syntheticReadsSheet(count) }));
  const uninstall = fake.install();
  try {
    const outcome = await runReview(new ExcelWorkbook(20000), { settings: DEFAULT_READ_EDIT_SETTINGS });
    if (!outcome.ok) throw new Error(outcome.message);
    return { stats: fake.stats, result: outcome.result, sheet: fake.workbook.sheet("Reads")! };
  } finally {
    uninstall();
  }
}

describe("review at scale on the fake Excel", () => {
  let small: Awaited<ReturnType<typeof flag>>;
  let large: Awaited<ReturnType<typeof flag>>;

  beforeAll(async () => {
    small = await flag(1000);
    large = await flag(100_000);
  }, 120_000);

  it("flags all 100,000 reads", () => {
    expect(large.result.reads).toBe(100_000);
    expect(large.result.items.filter((i) => i.code === "NEGATIVE_USAGE").length).toBe(2000);
    expect(large.sheet.values[100_000][9]).toBeDefined();
  });

  it("takes at most 25 syncs for 100,000 reads", () => {
    expect(large.stats.syncs).toBeLessThanOrEqual(25);
  });

  it("grows with blocks, not rows: 100x the rows costs at most a read and a write per extra 20,000-row block, plus one request per 5,000 flag operations", () => {
    const blocks = Math.ceil(100_001 / 20_000);
    const flagOps = Math.ceil((large.result.items.length * 2) / 5000);
    expect(large.stats.syncs - small.stats.syncs).toBeLessThanOrEqual(2 * blocks + flagOps);
    expect(large.stats.syncs).toBeLessThan(small.stats.syncs * 3);
  });

  it("keeps every request under 4 MB and every read under 5,000,000 cells", () => {
    expect(Math.max(...large.stats.requestBytes)).toBeLessThan(4 * 1024 * 1024);
    expect(Math.max(...large.stats.responseBytes)).toBeLessThan(5 * 1024 * 1024);
    expect(large.stats.maxCellsRead).toBeLessThanOrEqual(200_000);
  });

  it("suspends screen updating and turns events off for its writes", () => {
    expect(large.stats.screenSuspends).toBeGreaterThan(0);
    expect(large.stats.writesWithEventsOn).toBe(0);
    expect(large.stats.delayForCellEditRuns).toBe(large.stats.runs);
  });
});
