import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { runUbill as run } from "../support/cli";
import { readXlsxFast } from "../../src/adapters/xlsx/fastRead";
import { writeXlsx } from "../../src/adapters/xlsx/fastXlsx";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { ratesSheets } from "../../src/workbook/ratesSheet";
import { demoCity } from "../../src/samples/demoCity";
import { dec, rateImpact, scaleSchedule } from "../../src/engine";
import { loadImpactData } from "../../src/impact/impactData";
import { loadSchedule } from "../support/samples";

const schedule = loadSchedule("demo-city");
const dir = mkdtempSync(join(tmpdir(), "ubill-impact-"));
const input = join(dir, "demo.xlsx");
let sheets: ReturnType<typeof demoCity>;

beforeAll(async () => {
  sheets = demoCity(schedule, { accounts: 300, seed: 3, historyMonths: 13 });
  await writeXlsx(input, new MemoryWorkbook({ ...sheets, ...ratesSheets([schedule]).sheets }));
});

/** A cell of the Rate Impact sheet's row that starts with `label`. */
const rowOf = (wb: MemoryWorkbook, label: string) => wb.sheet("Rate Impact")!.values.find((r) => r[0] === label);

describe("ubill impact", () => {
  it("prices Demo City's last 12 months under the current schedule and a 10% block increase, and writes the four sheets with their charts", async () => {
    const out = join(dir, "impact.xlsx");
    const r = await run("impact", input, "--current", "demo-city", "--increase", "10", "--charge", "water-usage", "--out", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Priced 3,\d{3} bills of 2025-10 to 2026-09 under demo-city and demo-city\+10%-water-usage in [\d.]+ s/);
    const wb = readXlsxFast(out);
    expect([...wb.sheets.keys()]).toEqual(["Rate Impact", "Impact Revenue", "Bill Frequency", "Impact by Account"]);
    // The sheet's totals are the engine's, over the same bills.
    const data = await loadImpactData(new MemoryWorkbook(sheets), 12);
    if (!data.ok) throw new Error(data.message);
    const engine = rateImpact({ ...data.value, schedules: [schedule, scaleSchedule(schedule, dec(10), "water-usage")] });
    if (!engine.ok) throw new Error(engine.problem.message);
    const total = wb.sheet("Rate Impact")!.values.find((row) => row[0] === "Total")!;
    expect(total.slice(1, 3)).toEqual([engine.value.totals[0].toNumber(), engine.value.totals[1].toNumber()]);
    expect(rowOf(wb, "Current")).toBeUndefined();
    expect(wb.sheet("Rate Impact")!.values.some((row) => row[0] === "Current: demo-city, " + schedule.name)).toBe(true);
    expect(wb.sheet("Impact by Account")!.values).toHaveLength(engine.value.accounts.length + 1);
    // Native charts: a line chart of revenue by month and a column chart of accounts by change band.
    const zip = readFileSync(out).toString("latin1");
    expect(zip).toContain("xl/charts/chart1.xml");
    expect(zip).toContain("xl/charts/chart2.xml");
    // Impact by Account prints its header and the 50 accounts moved most, not the whole city.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.getWorksheet("Impact by Account")!.pageSetup.printArea).toMatch(/^A1:[A-Z]+51$/);
    // Every printed page says which run it is, and its sheet and page.
    expect(book.getWorksheet("Bill Frequency")!.headerFooter).toMatchObject({
      oddHeader: "&CRate impact, 2025-10 to 2026-09: demo-city+10%-water-usage against demo-city",
      oddFooter: "&L&A&RPage &P of &N",
    });
  });

  it("solves a revenue target from the current schedule, and prices the schedule it finds as the proposed one", async () => {
    const out = join(dir, "target.xlsx");
    const first = await run("impact", input, "--current", "demo-city", "--increase", "0", "--out", join(dir, "zero.xlsx"));
    const now = Number(/Revenue: \$([\d,.]+) now/.exec(first.out)![1].replace(/,/g, ""));
    const target = (now * 1.05).toFixed(2);
    const r = await run("impact", input, "--current", "demo-city", "--target", target, "--out", out);
    expect(r.err).toBe("");
    const line = r.out.split("\n").find((l) => l.startsWith("Target"))!;
    const [, percent, revenue] =
      /^Target \$[\d,.]+: \+([\d.]+)% on every price of demo-city brings in \$([\d,.]+) \([\d.]+%: \$[\d,.]+\); the sheets price it as the proposed schedule, demo-city\+[\d.]+%\.$/.exec(
        line,
      )!;
    expect(Number(percent)).toBeGreaterThan(4);
    expect(Number(percent)).toBeLessThan(6);
    expect(Number(revenue.replace(/,/g, ""))).toBeGreaterThanOrEqual(Number(target));
    // The sheets are the solved schedule's: its revenue is the proposed total.
    const values = readXlsxFast(out).sheet("Rate Impact")!.values;
    expect(values.find((row) => row[0] === "Total")![2]).toBe(Number(revenue.replace(/,/g, "")));
    // The prices side by side, each with its own change (rounded to its places, each moves by its own percent).
    const at = values.findIndex((row) => row[0] === "Charge" && row[1] === "Current");
    expect(values[at]).toEqual(["Charge", "Current", "Proposed", "Difference", "Change"]);
    const base = values.find((row) => row[0] === "Water base charge, each bill")!;
    expect(base[1]).toBe(24);
    expect(base[3]).toBeCloseTo((base[2] as number) - 24, 6);
  });

  it("takes a target as revenue growth in percent: --target 4% is 4% over the current schedule's revenue", async () => {
    const zero = await run("impact", input, "--current", "demo-city", "--increase", "0", "--out", join(dir, "zero2.xlsx"));
    const now = Number(/Revenue: \$([\d,.]+) now/.exec(zero.out)![1].replace(/,/g, ""));
    const r = await run(
      "impact",
      input,
      "--current",
      "demo-city",
      "--target",
      "+4%",
      "--charge",
      "water-usage",
      "--out",
      join(dir, "growth.xlsx"),
    );
    expect(r.err).toBe("");
    const [, target, revenue] = /^Target \$([\d,.]+): \+[\d.]+% on water-usage of demo-city brings in \$([\d,.]+)/m.exec(r.out)!;
    expect(Number(target.replace(/,/g, ""))).toBeCloseTo(now * 1.04, 1);
    expect(Number(revenue.replace(/,/g, ""))).toBeGreaterThanOrEqual(Number(target.replace(/,/g, "")));
    expect((await run("impact", input, "--current", "demo-city", "--target", "four%", "--out", join(dir, "x.xlsx"))).err).toBe(
      'ubill: --target must be a revenue in dollars, such as 12500000, or a change in percent, such as 4%; got "four%"\n',
    );
  });

  it("compares several proposed schedules, each account's change against the first", async () => {
    const out = join(dir, "three.xlsx");
    const json = JSON.parse(readFileSync(join(__dirname, "../../samples/rates/demo-city.json"), "utf8"));
    json.id = "demo-city-flat";
    json.versions[0].charges.find((c: { id: string }) => c.id === "water-base").amount = "30.00";
    writeFileSync(join(dir, "flat.json"), JSON.stringify(json));
    const r = await run("impact", input, "--current", "demo-city", "--proposed", `demo-city, ${join(dir, "flat.json")}`, "--out", out);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/under demo-city, demo-city and demo-city-flat in/);
    expect(r.out).toMatch(/Revenue under demo-city-flat: \$[\d,.]+: \+\$[\d,.]+ \(\d+\.\d\d%\)\./);
    const header = readXlsxFast(out).sheet("Impact Revenue")!.values[0];
    expect(header).toEqual(["Month", "Class", "Service", "Current", "Proposed 1", "Proposed 2", "Proposed 1 less Current", "Change"]);
  });

  it("refuses unclear requests with one line each", async () => {
    const out = join(dir, "x.xlsx");
    expect((await run("impact", input, "--current", "demo-city", "--out", out)).err).toBe(
      "ubill: give the proposed schedule (--proposed B), the increase to apply to the current one (--increase PCT), or a revenue target (--target DOLLARS)\n",
    );
    // A proposed schedule without a class the accounts use would shrink the city being compared: refused.
    const json = JSON.parse(readFileSync(join(__dirname, "../../samples/rates/demo-city.json"), "utf8"));
    json.id = "residential-only";
    json.classes = ["residential"];
    json.versions[0].charges = json.versions[0].charges.filter((c: { classes?: string[] }) => !c.classes);
    writeFileSync(join(dir, "resonly.json"), JSON.stringify(json));
    expect((await run("impact", input, "--current", "demo-city", "--proposed", join(dir, "resonly.json"), "--out", out)).err).toMatch(
      /^ubill: .*: [\d,]+ bills cannot be priced under every schedule, and leaving them out of both would compare a smaller city; the first: account \d+, [\d-]+: schedule residential-only: rate class "commercial" is not in schedule residential-only/,
    );
    expect((await run("impact", input, "--current", "nope", "--increase", "5", "--out", out)).err).toBe(
      'ubill: --current nope: no such schedule file, and the Rates sheet has no schedule "nope"; it has demo-city\n',
    );
    expect((await run("impact", input, "--current", "demo-city", "--increase", "5", "--charge", "x", "--out", out)).err).toMatch(
      /^ubill: --charge x: schedule demo-city has no such charge; its charges: water-base, water-usage, /,
    );
    expect((await run("impact", input, "--current", "demo-city", "--increase", "ten", "--out", out)).err).toBe(
      'ubill: --increase must be a percentage from -99.99 to 1000, such as 10 or 2.5, got "ten"\n',
    );
    expect((await run("impact", input, "--current", "demo-city", "--increase", "5", "--out", input)).code).toBe(2);
    const empty = join(dir, "empty.xlsx");
    await writeXlsx(
      empty,
      new MemoryWorkbook({
        Accounts: [
          ["Account", "Status"],
          ["1", "Active"],
        ],
        ...ratesSheets([schedule]).sheets,
      }),
    );
    expect((await run("impact", empty, "--current", "demo-city", "--increase", "5", "--out", out)).err).toMatch(
      /has no Usage History sheet/,
    );
    expect(
      (await run("impact", input, "--current", "demo-city", "--increase", "0", "--charge", "water-usage", "--target", "1", "--out", out))
        .err,
    ).toMatch(
      /^ubill: .*the revenue target: even -99\.99% on charge water-usage brings in \$[\d,]+\.\d\d, more than the target \$1\.00: no change brings in as little/,
    );
    writeFileSync(join(dir, "bad.json"), "{}");
    expect((await run("impact", input, "--current", join(dir, "bad.json"), "--increase", "5", "--out", out)).code).toBe(2);
  });
});
