import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsxFast } from "../../src/adapters/xlsx/fastRead";
import { demo } from "../../src/cli/demo";
import { MAX_PAGE_BREAKS } from "../../src/cycle/sheets/split";

describe("npm run demo", () => {
  it("writes Demo City's paper bills and its letters on sheets of at most 1,000 page breaks each", async () => {
    const out = mkdtempSync(join(tmpdir(), "ub-demo-"));
    let printed = "";
    await demo(["--out", out], (t) => (printed += t));
    expect(printed).toMatch(/reconciliation difference 0\.00/);
    const cycle = readXlsxFast(join(out, "demo-cycle.xlsx"));
    const breaks = [...cycle.sheets].map(([name, sheet]) => [name, sheet.printSetup?.pageBreaks.length ?? 0] as const);
    for (const [name, count] of breaks) expect([name, count <= MAX_PAGE_BREAKS]).toEqual([name, true]);
    const bills = breaks.filter(([name]) => /^Bills( \d+)?$/.test(name));
    // Every paper bill on its own page: a part of 1,001 bills holds 1,000 breaks; the parts, with
    // the e-bills (not printed), hold every bill of the cycle.
    expect(bills.length).toBeGreaterThan(10);
    const pages = bills.reduce((n, [, count]) => n + count + 1, 0);
    const eBills = cycle.sheet("E-Bills")!.values.length - 1;
    expect(printed).toContain(`bills ${(pages + eBills).toLocaleString("en-US")} (`);
  }, 120_000);
});
