/**
 * A small-size run of `npm run bench`, so the bench cannot rot: every figure is produced and has
 * the right shape. Timings are never asserted (docs/performance.md has the real run).
 */
import { join } from "path";
import { QUICK, runBench } from "../../src/bench/bench";
import { reportTable } from "../../src/bench/report";

it("produces every figure of the bench at small sizes", async () => {
  const r = await runBench(QUICK, join(__dirname, "..", ".."));
  expect(r.engine.cycle.map((c) => c.accounts)).toEqual(QUICK.cycle);
  expect(r.engine.cycle.every((c) => c.ms > 0 && c.accountsPerSecond > 0)).toBe(true);
  expect(r.engine.floor.agree).toBe(true);
  expect(r.engine.floor.fixedMs).toBeGreaterThan(0);
  expect(r.engine.cycle.every((c) => c.peakMemoryMB > 0)).toBe(true);
  expect(r.excel.review.map((x) => x.reads)).toEqual(QUICK.excel);
  expect(r.excel.review.every((x) => x.syncs > 0 && x.maxRequestBytes > 0 && x.maxCellsRead > 0)).toBe(true);
  expect(r.excel.writeBillsAndRegister.rows).toBeGreaterThan(QUICK.write);
  expect(r.functions.tieredPerSecond).toBeGreaterThan(0);
  expect(r.functions.billPerSecond).toBeGreaterThan(0);
  expect(r.impact).toMatchObject({ accounts: QUICK.impact, sameAsBills: true });
  expect(r.impact.bills).toBeGreaterThan(QUICK.impact * 11);
  expect(r.cli.wallMs).toBeGreaterThan(0);
  expect(r.cli.peakMemoryMB).toBeGreaterThan(0);
  expect(r.cli.validate.wallMs).toBeGreaterThan(0);
  expect(r.cli.validate.fileMB).toBeGreaterThan(0);
  expect(r.targets.map((t) => t.name.split(",")[0])).toEqual([
    "engine cycle",
    "engine cycle",
    "engine cost per account",
    "engine rate math vs integer floor",
    "Excel syncs",
    "largest Excel request",
    "largest Excel read",
    "UB.TIERED",
    "rate impact",
    "ubill cycle",
    "ubill validate --out",
    "longest task on the pane's thread",
  ]);
  // The quick run does not start a browser; npm run bench measures the pane in Chromium.
  expect(r.pane).toBeNull();
  expect(reportTable(r)).toMatch(/^Machine: /);
}, 120_000);
