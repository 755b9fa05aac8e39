import { spawnSync } from "child_process";
import { cpus, totalmem, tmpdir } from "os";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import { join } from "path";
import {
  billPricer,
  billTotalCents,
  computeBill,
  dec,
  DEFAULT_READ_EDIT_SETTINGS,
  RateSchedule,
  runCycle,
  validateSchedule,
} from "../engine";
import type { Adjustment, CycleAccount, CycleInput, OpeningBalance, Payment } from "../engine";
import { ExcelWorkbook } from "../adapters/excel/excelWorkbook";
import { writeXlsx } from "../adapters/xlsx/fastXlsx";
import { previewCycle } from "../cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../cycle/settings";
import { billsSheets } from "../cycle/sheets/bills";
import { registerSheet } from "../cycle/sheets/register";
import { FakeExcel } from "../fakes/fakeExcel";
import * as UB from "../functions/functions";
import { runReview } from "../review/runReview";
import { demoCity } from "../samples/demoCity";
import { syntheticReadsSheet } from "../samples/syntheticReads";
import { scheduleCache } from "../storage/scheduleCache";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { integerBill, integerPlan } from "./integerFloor";
import { rateImpact, revenueUnder, scaleSchedule, solveRevenue, tabulateBills, UsageHistory, UsageHistoryBuilder } from "../engine";
import { loadImpactData } from "../impact/impactData";
import { bestOf, perSecond } from "./measure";
import schedulesJson from "../../samples/rates/demo-city.json";

export interface BenchSizes {
  readonly cycle: readonly number[];
  /** Demo City's accounts made for the cycle, at most; a larger cycle is these accounts copied under new numbers. */
  readonly generated: number;
  readonly floor: number;
  readonly excel: readonly number[];
  readonly write: number;
  readonly cli: number;
  readonly functionsMs: number;
  /** Measure the task pane's thread in Chromium (builds dist/ first); off in the quick run. */
  readonly pane: boolean;
  /** Demo City accounts whose 12 months the rate impact prices under two schedules. */
  readonly impact: number;
}

export const FULL: BenchSizes = {
  cycle: [1000, 10000, 100000, 1000000],
  generated: 100000,
  floor: 100000,
  excel: [1000, 10000, 100000, 1000000],
  write: 100000,
  cli: 100000,
  functionsMs: 1000,
  pane: true,
  impact: 20000,
};
export const QUICK: BenchSizes = {
  cycle: [200, 500, 1000],
  generated: 500,
  floor: 2000,
  excel: [500, 2000],
  write: 300,
  cli: 300,
  functionsMs: 50,
  pane: false,
  impact: 300,
};

export interface Target {
  readonly name: string;
  readonly target: string;
  readonly value: string;
  /** Null when the run was too small to judge (npm test's --quick run). */
  readonly met: boolean | null;
}

export interface BenchReport {
  readonly machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGB: number };
  readonly engine: {
    /** `peakMemoryMB`: the measuring process's peak resident memory, its input included. */
    readonly cycle: { accounts: number; ms: number; accountsPerSecond: number; peakMemoryMB: number }[];
    /** The same bills priced by computeBill (decimal lines), by the engine's fixed point (billTotalCents) and by the integer floor. */
    readonly floor: {
      bills: number;
      decimalMs: number;
      fixedMs: number;
      integerMs: number;
      ratio: number;
      fixedRatio: number;
      agree: boolean;
    };
  };
  readonly excel: {
    readonly review: { reads: number; syncs: number; maxRequestBytes: number; maxResponseBytes: number; maxCellsRead: number }[];
    readonly writeBillsAndRegister: { accounts: number; rows: number; sheets: number; syncs: number; maxRequestBytes: number };
  };
  readonly functions: { tieredPerSecond: number; billPerSecond: number };
  /** Demo City's 12 months priced under its schedule and a 10% block increase (rateImpact), and the revenue solver. */
  readonly impact: {
    accounts: number;
    bills: number;
    distinct: number;
    ms: number;
    solveMs: number;
    evaluations: number;
    sameAsBills: boolean;
  };
  readonly cli: {
    accounts: number;
    wallMs: number;
    peakMemoryMB: number;
    /** `ubill validate --out` over the same workbook: its file size, and the flagged copy's time and peak. */
    validate: { fileMB: number; wallMs: number; peakMemoryMB: number };
  };
  /** The pane's thread while Demo City is validated and generated in Chromium (test/browser/longTasks.e2e.ts). */
  readonly pane: PaneTasks | null;
  readonly targets: Target[];
}

const schedule = (): RateSchedule => {
  const r = validateSchedule(schedulesJson);
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
};

async function cycleInput(s: RateSchedule, accounts: number) {
  const preview = await previewCycle(new MemoryWorkbook(demoCity(s, { accounts, seed: 7, historyMonths: 3 })), {
    schedule: s,
    settings: DEFAULT_CYCLE_SETTINGS,
    readEdits: DEFAULT_READ_EDIT_SETTINGS,
  });
  if (!preview.ok) throw new Error(preview.message);
  return preview;
}

async function engineCycle(s: RateSchedule, sizes: readonly number[], generated: number) {
  const rows = [];
  for (const accounts of sizes) {
    const { loaded } = await cycleInput(s, Math.min(accounts, generated));
    const input = accounts > generated ? copiedCity(loaded.input, Math.ceil(accounts / generated)) : loaded.input;
    // Each run's result is let go before the next starts, as in the add-in and the CLI.
    const { ms } = await bestOf(accounts > generated ? 1 : accounts >= 100000 ? 2 : 3, () => {
      runCycle(input, s, DEFAULT_CYCLE_SETTINGS.policy);
    });
    rows.push({
      accounts: input.accounts.length,
      ms: round(ms),
      accountsPerSecond: Math.round(input.accounts.length / (ms / 1000)),
      peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024),
    });
  }
  return rows;
}

/**
 * A city `copies` times the size of `input`: every account, with its reads, balance, history,
 * payments and adjustments, again under a new account number (the copy's number, a dash, the
 * account's). The records themselves are shared, as immutable inputs may be.
 */
function copiedCity(input: CycleInput, copies: number): CycleInput {
  const id = (k: number, account: string) => (k === 0 ? account : `${k}-${account}`);
  const map = <V>(m: ReadonlyMap<string, V>) => {
    const out = new Map<string, V>();
    for (let k = 0; k < copies; k++) m.forEach((v, account) => out.set(id(k, account), v));
    return out;
  };
  const accounts: CycleAccount[] = [];
  const payments: Payment[] = [];
  const adjustments: Adjustment[] = [];
  for (let k = 0; k < copies; k++) {
    for (const a of input.accounts) accounts.push(k === 0 ? a : { ...a, account: id(k, a.account) });
    for (const p of input.payments) payments.push(k === 0 ? p : { ...p, account: id(k, p.account) });
    for (const a of input.adjustments) adjustments.push(k === 0 ? a : { ...a, account: id(k, a.account) });
  }
  const balances = new Map<string, OpeningBalance>();
  for (let k = 0; k < copies; k++)
    input.balances.forEach((b, account) => balances.set(id(k, account), k === 0 ? b : { ...b, account: id(k, account) }));
  return {
    ...input,
    accounts,
    payments,
    adjustments,
    balances,
    readings: map(input.readings),
    history: copiedHistory(input.history, copies, id),
    held: map(input.held),
  };
}

/** The history of each copy under its new account numbers, held in columns as a read history is. */
function copiedHistory(history: CycleInput["history"], copies: number, id: (k: number, account: string) => string): UsageHistory {
  const builder = new UsageHistoryBuilder();
  for (let k = 0; k < copies; k++)
    history.forEach((records, account) => {
      for (const r of records) builder.add(id(k, account), r.periodEnd, r.usage, r.days, r.readCode);
    });
  return builder.finish();
}

/** Rounds of the floor's integer and fixed-point pricing (a few milliseconds each at 100,000 bills). */
const FAST_ROUNDS = 15;

async function floor(s: RateSchedule, bills: number) {
  const inputs = Array.from({ length: bills }, (_, i) => ({ usage: 1000 + ((i * 7919) % 60000), commercial: i % 12 === 0 }));
  const plans = { residential: integerPlan(s, "residential"), commercial: integerPlan(s, "commercial") };
  const decimalInputs = inputs.map((x) => ({
    usage: dec(x.usage),
    asOf: "2026-10-30",
    rateClass: x.commercial ? "commercial" : "residential",
    carts: { count: x.commercial ? 0 : 1 },
    containers: x.commercial ? { count: 1, pickupsPerWeek: 2 } : undefined,
  }));
  const decimal = await bestOf(3, () =>
    decimalInputs.map((input) => {
      const b = computeBill(s, input);
      return b.ok ? b.value.total : undefined;
    }),
  );
  // The two fast ones take a few milliseconds a round: the best of many rounds, so the figure is
  // their steady speed rather than how soon the JIT optimised them.
  const integer = await bestOf(FAST_ROUNDS, () =>
    inputs.map((x) =>
      integerBill(
        x.commercial ? plans.commercial : plans.residential,
        x.usage,
        x.commercial ? 0 : 1,
        x.commercial ? { count: 1, pickups: 2 } : undefined,
      ),
    ),
  );
  // The engine's fixed point as the floor is used: one pricer per kind of account, then each bill's usage.
  const pricer = (input: (typeof decimalInputs)[number]) => {
    const made = billPricer(s, input);
    if (!made.ok) throw new Error(made.problem.message);
    return made.value;
  };
  const pricers = { residential: pricer(decimalInputs[1]), commercial: pricer(decimalInputs[0]) };
  const fixed = await bestOf(FAST_ROUNDS, () =>
    decimalInputs.map((input, i) => (inputs[i].commercial ? pricers.commercial : pricers.residential)(input.usage)),
  );
  // And through billTotalCents, which finds the pricer for each bill itself.
  const total = decimalInputs.map((input) => {
    const b = billTotalCents(s, input);
    return b.ok ? b.value : undefined;
  });
  const agree = decimal.value.every(
    (m, i) => m !== undefined && m.cents === integer.value[i] && fixed.value[i] === integer.value[i] && total[i] === integer.value[i],
  );
  return {
    bills,
    decimalMs: round(decimal.ms),
    fixedMs: round(fixed.ms),
    integerMs: round(integer.ms),
    ratio: round(decimal.ms / integer.ms),
    fixedRatio: round(fixed.ms / integer.ms),
    agree,
  };
}

async function withFake<T>(workbook: MemoryWorkbook, fn: (port: ExcelWorkbook) => Promise<T>) {
  const fake = new FakeExcel(workbook);
  const uninstall = fake.install();
  try {
    await fn(new ExcelWorkbook(20000));
    return fake.stats;
  } finally {
    uninstall();
  }
}

async function excelReview(sizes: readonly number[]) {
  const rows = [];
  for (const reads of sizes) {
    const stats = await withFake(new MemoryWorkbook({ Reads: syntheticReadsSheet(reads) }), async (port) => {
      const r = await runReview(port, { settings: DEFAULT_READ_EDIT_SETTINGS });
      if (!r.ok) throw new Error(r.message);
    });
    rows.push({
      reads,
      syncs: stats.syncs,
      maxRequestBytes: Math.max(...stats.requestBytes),
      maxResponseBytes: Math.max(...stats.responseBytes),
      maxCellsRead: stats.maxCellsRead,
    });
  }
  return rows;
}

async function excelWrite(s: RateSchedule, accounts: number) {
  const { result } = await cycleInput(s, accounts);
  const sheets = [
    ...billsSheets(result.statements, DEFAULT_CYCLE_SETTINGS.office, s.usageUnit),
    registerSheet(result, ["water", "sewer", "garbage"]),
  ];
  const workbook = new MemoryWorkbook();
  const stats = await withFake(workbook, async (port) => {
    for (const sheet of sheets) {
      await port.replaceSheet(sheet.name, sheet.rows, sheet.options);
      // What is measured is the requests; the fake's copy of a written sheet (a map entry per
      // cell's format) is let go, so 100,000 bills (5.4 million rows) fit in the bench's heap.
      workbook.sheets.delete(sheet.name);
    }
  });
  return {
    accounts,
    rows: sheets.reduce((n, x) => n + x.rows.length, 0),
    sheets: sheets.length,
    syncs: stats.syncs,
    maxRequestBytes: Math.max(...stats.requestBytes),
  };
}

async function functions(s: RateSchedule, ms: number) {
  scheduleCache.replaceAll([s]);
  scheduleCache.markReady();
  const blocks = [
    [3000, 1.3],
    [10000, 1.8],
    [20000, 2.55],
    ["", 3.05],
  ];
  // Best of three rounds, as the other timings are best of their runs.
  const best = async (fn: (i: number) => unknown) => Math.max(await perSecond(ms, fn), await perSecond(ms, fn), await perSecond(ms, fn));
  const tieredPerSecond = await best((i) => UB.tiered(1000 + (i % 30000), blocks, 9.91, 1000));
  const billPerSecond = await best((i) => UB.bill(s.id, 1000 + (i % 30000), null as never, 1 as never, null as never, "2026-10-30"));
  return { tieredPerSecond, billPerSecond };
}

async function cli(s: RateSchedule, accounts: number, root: string) {
  const dir = mkdtempSync(join(tmpdir(), "ub-bench-"));
  try {
    const input = join(dir, "city.xlsx");
    await writeXlsx(input, new MemoryWorkbook(demoCity(s, { accounts, seed: 11, historyMonths: 9 })));
    const ubill = (...args: string[]) => {
      rmSync(join(dir, "out.xlsx"), { force: true });
      const run = spawnSync(process.execPath, ["--max-semi-space-size=64", join(root, "bin", "ubill.js"), ...args], {
        env: { ...process.env, UBILL_STATS: "1" },
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.status !== 0) throw new Error(`ubill ${args[0]} failed: ${run.stderr}`);
      return JSON.parse(/ubill-stats (.*)/.exec(run.stderr)![1]) as { wallMs: number; maxRssMB: number };
    };
    const cycle = () =>
      ubill("cycle", input, "--out", join(dir, "out.xlsx"), "--schedule", join(root, "samples", "rates", "demo-city.json"));
    const validate = () => ubill("validate", input, "--out", join(dir, "out.xlsx"));
    // Two runs each: the faster one's time (the least disturbed), and the larger of their peaks.
    const best = (runs: { wallMs: number; maxRssMB: number }[]) => ({
      wallMs: Math.min(...runs.map((r) => r.wallMs)),
      peakMemoryMB: Math.max(...runs.map((r) => r.maxRssMB)),
    });
    return {
      accounts,
      ...best([cycle(), cycle()]),
      validate: { fileMB: Math.round((statSync(input).size / 1048576) * 10) / 10, ...best([validate(), validate()]) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The bench's measurements, each of which can run alone (in its own process). */
export const SECTIONS = ["cycle", "floor", "excelReview", "excelWrite", "functions", "impact", "cli", "pane"] as const;

export interface PaneTasks {
  readonly validate: { ms: number; longTasks: number; longestMs: number };
  readonly generate: { ms: number; longTasks: number; longestMs: number };
}

/**
 * Builds the add-in and runs the long-task browser test, which validates and generates Demo City
 * in Chromium with a PerformanceObserver on the pane's long tasks, and reads what it recorded.
 */
function paneTasks(root: string): PaneTasks {
  const out = join(root, ".tmp", "long-tasks.json");
  rmSync(out, { force: true });
  const run = spawnSync("npm run build --silent && npm run build:try --silent && npx jest -c jest.browser.config.js longTasks", {
    cwd: root,
    shell: true,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (!existsSync(out)) throw new Error(`the long-task browser test wrote nothing (exit ${run.status})`);
  const { validate, generate } = JSON.parse(readFileSync(out, "utf8")) as PaneTasks;
  return { validate, generate };
}
export type Section = (typeof SECTIONS)[number];

/**
 * The rate impact of a 10% increase in the water blocks over Demo City's last 12 months: the
 * engine's time to price every bill under both schedules (rateImpact; the workbook read is not
 * counted), checked against the revenue of the same bills priced once each (revenueUnder), and a
 * revenue target 1% above the proposed revenue solved.
 */
async function impact(s: RateSchedule, accounts: number) {
  const workbook = new MemoryWorkbook(demoCity(s, { accounts, seed: 1, historyMonths: 13 }));
  const data = await loadImpactData(workbook, 12);
  if (!data.ok) throw new Error(data.message);
  const { bills, inputsOf } = data.value;
  const proposed = scaleSchedule(s, dec(10), "water-usage");
  const run = await bestOf(1, () => rateImpact({ bills, inputsOf, schedules: [s, proposed] }));
  if (!run.value.ok) throw new Error(run.value.problem.message);
  const r = run.value.value;
  const table = tabulateBills(bills, inputsOf);
  const check = revenueUnder(table, s);
  const target = r.totals[1].times("1.01").toDecimalPlaces(2);
  const solve = await bestOf(1, () => solveRevenue({ base: proposed, target, revenueOf: (x) => revenueUnder(table, x) }));
  if (!solve.value.ok) throw new Error(solve.value.problem.message);
  return {
    accounts,
    bills: r.billsPriced,
    distinct: r.distinctBills,
    ms: Math.round(run.ms),
    solveMs: Math.round(solve.ms),
    evaluations: solve.value.value.evaluations,
    sameAsBills: check.ok && check.value.equals(r.totals[0]),
  };
}

/** One measurement at the given sizes. */
export async function runSection(section: Section, sizes: BenchSizes, root: string): Promise<unknown> {
  const s = schedule();
  switch (section) {
    case "cycle":
      return engineCycle(s, sizes.cycle, sizes.generated);
    case "floor":
      return floor(s, sizes.floor);
    case "excelReview":
      return excelReview(sizes.excel);
    case "excelWrite":
      return excelWrite(s, sizes.write);
    case "functions":
      return functions(s, sizes.functionsMs);
    case "impact":
      return impact(s, sizes.impact);
    case "cli":
      return cli(s, sizes.cli, root);
    case "pane":
      return sizes.pane ? paneTasks(root) : null;
  }
}

const LABELS: Record<Section, string> = {
  cycle: "engine: cycle throughput",
  floor: "engine: integer floor",
  excelReview: "excel: review on the fake Excel",
  excelWrite: "excel: bills and register",
  functions: "functions",
  impact: "engine: rate impact of a 10% block increase",
  cli: "cli: ubill cycle",
  pane: "pane: Demo City in Chromium, the longest task on the pane's thread",
};

/**
 * Runs every measurement at the given sizes. `root` is the project folder (for the CLI run).
 * `run` runs one section: in this process by default; `npm run bench` runs each in a fresh
 * process, so what one measurement leaves on the heap does not slow the next.
 */
export async function runBench(
  sizes: BenchSizes,
  root: string,
  log: (line: string) => void = () => {},
  run: (section: Section) => Promise<unknown> = (section) => runSection(section, sizes, root),
): Promise<BenchReport> {
  const results = {} as Record<Section, unknown>;
  for (const section of SECTIONS) {
    log(LABELS[section]);
    results[section] = await run(section);
  }
  const cycle = results.cycle as Awaited<ReturnType<typeof engineCycle>>;
  const fl = results.floor as Awaited<ReturnType<typeof floor>>;
  const review = results.excelReview as Awaited<ReturnType<typeof excelReview>>;
  const write = results.excelWrite as Awaited<ReturnType<typeof excelWrite>>;
  const fns = results.functions as Awaited<ReturnType<typeof functions>>;
  const c = results.cli as Awaited<ReturnType<typeof cli>>;
  const imp = results.impact as Awaited<ReturnType<typeof impact>>;
  const pane = results.pane as PaneTasks | null;
  const longest = pane ? Math.max(pane.validate.longestMs, pane.generate.longestMs) : 0;
  const cycle100k = cycle.find((c) => c.accounts === 100000) ?? cycle[cycle.length - 1];
  const biggestCycle = cycle[cycle.length - 1];
  const cycle10k = cycle.find((c) => c.accounts === 10000) ?? cycle[0];
  const costRatio = biggestCycle.ms / biggestCycle.accounts / (cycle10k.ms / cycle10k.accounts);
  const review100k = review.find((r) => r.reads === 100000) ?? review[review.length - 1];
  const at = (size: number, needed: number, ok: boolean) => (size >= needed ? ok : null);
  const targets: Target[] = [
    {
      name: `engine cycle, ${cycle100k.accounts.toLocaleString("en-US")} accounts`,
      target: "100,000 accounts under 1.5 s",
      value: `${(cycle100k.ms / 1000).toFixed(2)} s`,
      met: at(cycle100k.accounts, 100000, cycle100k.ms < 1500),
    },
    {
      name: `engine cycle, ${biggestCycle.accounts.toLocaleString("en-US")} accounts (time and memory)`,
      target: "1,000,000 accounts under 20 s and 4 GB",
      value: `${(biggestCycle.ms / 1000).toFixed(2)} s, ${biggestCycle.peakMemoryMB} MB`,
      met: at(biggestCycle.accounts, 1000000, biggestCycle.ms < 20000 && biggestCycle.peakMemoryMB < 4096),
    },
    {
      name: `engine cost per account, ${cycle10k.accounts.toLocaleString("en-US")} to ${biggestCycle.accounts.toLocaleString("en-US")} accounts`,
      target: "flat from 10,000 to 1,000,000 accounts (within 25%)",
      value: `${costRatio.toFixed(2)}x`,
      met: at(biggestCycle.accounts, 1000000, costRatio <= 1.25 && costRatio >= 0.8),
    },
    {
      name: "engine rate math vs integer floor",
      target: "fixed point within 3x of the integer floor, same cents",
      value: `${fl.fixedRatio.toFixed(1)}x (decimal lines ${fl.ratio.toFixed(1)}x; same cents: ${fl.agree ? "yes" : "NO"})`,
      met: at(fl.bills, 100000, fl.fixedRatio <= 3 && fl.agree),
    },
    {
      name: `Excel syncs, ${review100k.reads.toLocaleString("en-US")} reads`,
      target: "at most 25 for 100,000 reads",
      value: String(review100k.syncs),
      met: review100k.syncs <= 25,
    },
    {
      name: "largest Excel request",
      target: "under 4 MB at every size",
      value: `${(Math.max(...review.map((r) => r.maxRequestBytes), write.maxRequestBytes) / 1048576).toFixed(2)} MB`,
      met: Math.max(...review.map((r) => r.maxRequestBytes), write.maxRequestBytes) < 4 * 1048576,
    },
    {
      name: "largest Excel read",
      target: "no read over 5,000,000 cells",
      value: `${Math.max(...review.map((r) => r.maxCellsRead)).toLocaleString("en-US")} cells`,
      met: Math.max(...review.map((r) => r.maxCellsRead)) <= 5_000_000,
    },
    {
      name: "UB.TIERED",
      target: "200,000 calls/s or more",
      value: `${fns.tieredPerSecond.toLocaleString("en-US")}/s`,
      met: at(sizes.functionsMs, 1000, fns.tieredPerSecond >= 200_000),
    },
    {
      name: `rate impact, ${imp.bills.toLocaleString("en-US")} bills under two schedules`,
      target: "Demo City's 12 months (about 240,000 bills) under 5 s in the engine",
      value: `${(imp.ms / 1000).toFixed(2)} s (${imp.distinct.toLocaleString("en-US")} distinct bills; revenue = the bills: ${imp.sameAsBills ? "yes" : "NO"})`,
      met: at(imp.accounts, 20000, imp.ms < 5000 && imp.sameAsBills),
    },
    {
      name: `ubill cycle, ${c.accounts.toLocaleString("en-US")} accounts`,
      target: "100,000 accounts under 30 s and 1 GB",
      value: `${(c.wallMs / 1000).toFixed(1)} s, ${c.peakMemoryMB} MB`,
      met: at(c.accounts, 100000, c.wallMs < 30000 && c.peakMemoryMB < 1024),
    },
    {
      name: `ubill validate --out, ${c.validate.fileMB} MB workbook`,
      target: "a 50 MB workbook under 60 s and 2 GB",
      value: `${(c.validate.wallMs / 1000).toFixed(1)} s, ${c.validate.peakMemoryMB} MB`,
      met: at(c.accounts, 100000, c.validate.wallMs < 60000 && c.validate.peakMemoryMB < 2048),
    },
    {
      name: "longest task on the pane's thread, Demo City validate and generate",
      target: "under 200 ms",
      value: pane ? `${longest} ms` : "not measured",
      met: pane ? longest < 200 : null,
    },
  ];
  const cpu = cpus();
  return {
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? "unknown",
      memoryGB: Math.round(totalmem() / 1024 ** 3),
    },
    engine: { cycle, floor: fl },
    excel: { review, writeBillsAndRegister: write },
    functions: fns,
    impact: imp,
    cli: c,
    pane,
    targets,
  };
}
