/**
 * One progress figure for a run (issue 14): recorded phase reports of a Generate, as the engine
 * and the workbook send them, never move the figure back, and the time left is estimated.
 */
import { RunProgress, timeLeftText } from "../../src/taskpane/generate/runProgress";

/** Phase reports in the order a Generate of a city sends them: reads, checks, then each sheet with its own rows from 0. */
function generateReports(): [string, number, number, boolean][] {
  const reports: [string, number, number, boolean][] = [];
  for (const sheet of ["Reads", "Accounts", "Usage History", "Balances", "Payments", "Adjustments"]) {
    for (let d = 0; d <= 20_000; d += 4_000) reports.push([`Reading ${sheet}`, d, 20_000, true]);
  }
  reports.push(["Checking reads", 0, 20_000, false], ["Checking reads", 20_000, 20_000, false]);
  const outputs = ["Bills", "E-Bills", "Bill Register", "Reconciliation", "Letters", "Door Hangers"];
  outputs.forEach((sheet, i) => {
    reports.push([`Writing ${sheet}`, i, outputs.length, false]);
    for (let d = 0; d <= 1_000_000; d += 100_000) reports.push([`Writing ${sheet}`, d, 1_000_000, true]);
  });
  reports.push(["Done", outputs.length, outputs.length, false]);
  return reports;
}

describe("RunProgress", () => {
  it("never goes back over a whole Generate, and ends at 100%", () => {
    const run = new RunProgress(true, 0);
    const seen = generateReports().map(([phase, done, total, rows], i) => run.update(phase, done, total, i * 100, rows).fraction);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(1);
    // Reading is the first part of the bar, writing the rest: it is not full before the writing.
    const firstWrite = generateReports().findIndex(([p]) => p.startsWith("Writing"));
    expect(seen[firstWrite - 1]).toBeLessThanOrEqual(0.4);
    expect(seen.filter((f) => f > 0.4 && f < 1).length).toBeGreaterThan(30);
  });

  it("goes from 0 to nearly all on reading alone for a preview", () => {
    const run = new RunProgress(false, 0);
    let last = 0;
    for (const [phase, done, total, rows] of generateReports().filter(([p]) => !p.startsWith("Writing") && p !== "Done")) {
      last = run.update(phase, done, total, 0, rows).fraction;
    }
    expect(last).toBeGreaterThan(0.8);
  });

  it("says the time left once a twentieth of the run has taken two seconds", () => {
    const run = new RunProgress(true, 0);
    expect(run.update("Reading Reads", 0, 10, 500, true).secondsLeft).toBeUndefined();
    const half = run.update("Writing Bills", 3, 6, 30_000);
    expect(half.fraction).toBeCloseTo(0.7);
    expect(half.secondsLeft).toBe(13);
    expect([timeLeftText(13), timeLeftText(200), timeLeftText(undefined)]).toEqual(["about 15 s left", "about 3 min left", ""]);
  });
});
