import type { BenchReport } from "./bench";

const n = (x: number) => x.toLocaleString("en-US");
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;

/** The bench as one table of figures, then the targets. */
export function reportTable(r: BenchReport): string {
  const rows: [string, string][] = [
    ...r.engine.cycle.map((c): [string, string] => [
      `Engine cycle, ${n(c.accounts)} accounts`,
      `${n(c.ms)} ms (${n(c.accountsPerSecond)} accounts/s), peak ${n(c.peakMemoryMB)} MB`,
    ]),
    [
      `Rate math, ${n(r.engine.floor.bills)} bills: decimal / fixed point / integer floor`,
      `${n(r.engine.floor.decimalMs)} ms / ${n(r.engine.floor.fixedMs)} ms / ${n(r.engine.floor.integerMs)} ms = ${r.engine.floor.ratio}x / ${r.engine.floor.fixedRatio}x (same cents: ${r.engine.floor.agree ? "yes" : "NO"})`,
    ],
    ...r.excel.review.map((x): [string, string] => [
      `Excel: validate and flag ${n(x.reads)} reads`,
      `${x.syncs} syncs, largest request ${mb(x.maxRequestBytes)}, response ${mb(x.maxResponseBytes)}, read ${n(x.maxCellsRead)} cells`,
    ]),
    [
      `Excel: write bills and register, ${n(r.excel.writeBillsAndRegister.accounts)} accounts`,
      `${n(r.excel.writeBillsAndRegister.rows)} rows on ${r.excel.writeBillsAndRegister.sheets} sheets, ${r.excel.writeBillsAndRegister.syncs} syncs, largest request ${mb(r.excel.writeBillsAndRegister.maxRequestBytes)}`,
    ],
    ["UB.TIERED", `${n(r.functions.tieredPerSecond)} calls/s`],
    ["UB.BILL", `${n(r.functions.billPerSecond)} calls/s`],
    [
      `Rate impact, ${n(r.impact.bills)} bills x 2 schedules`,
      `${n(r.impact.ms)} ms (${n(r.impact.distinct)} distinct bills); revenue target solved in ${n(r.impact.solveMs)} ms (${r.impact.evaluations} revenues)`,
    ],
    [`ubill cycle, ${n(r.cli.accounts)} accounts`, `${(r.cli.wallMs / 1000).toFixed(1)} s, peak ${n(r.cli.peakMemoryMB)} MB`],
    [
      `ubill validate --out, the same ${r.cli.validate.fileMB} MB workbook`,
      `${(r.cli.validate.wallMs / 1000).toFixed(1)} s, peak ${n(r.cli.validate.peakMemoryMB)} MB`,
    ],
    ...(r.pane
      ? (["validate", "generate"] as const).map((step): [string, string] => [
          `Pane thread, Demo City ${step} in Chromium`,
          `longest task ${r.pane![step].longestMs} ms (${r.pane![step].longTasks} over 50 ms in ${(r.pane![step].ms / 1000).toFixed(1)} s)`,
        ])
      : []),
  ];
  const width = Math.max(...rows.map(([a]) => a.length));
  const table = rows.map(([a, b]) => `${a.padEnd(width)}  ${b}`);
  const targets = r.targets.map((t) => `${t.met === null ? "n/a " : t.met ? "met " : "MISS"}  ${t.name}: ${t.value} (target: ${t.target})`);
  return [
    `Machine: ${r.machine.cpus} x ${r.machine.cpuModel}, ${r.machine.memoryGB} GB, Node ${r.machine.node}, ${r.machine.platform}`,
    "",
    ...table,
    "",
    "Targets:",
    ...targets,
  ].join("\n");
}
