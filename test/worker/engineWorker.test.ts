import { readFileSync } from "fs";
import { join } from "path";
import { DEFAULT_READ_EDIT_SETTINGS, POCATELLO_POLICY } from "../../src/engine";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { inlineEngine, workerEngine } from "../../src/taskpane/engine/engineRunner";
import type { CycleJob, CycleJobResult, FromWorker, ToWorker } from "../../src/worker/protocol";
import type { ReviewView } from "../../src/worker/reviewSession";
import { serveEngine } from "../../src/worker/serve";
import type { Decision } from "../../src/review/decisions";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { RATES_DIR } from "../support/samples";

/**
 * A Web Worker as the browser gives one: each message is copied with structuredClone (so a
 * decimal, whose instances carry a function, would fail as it fails in Chromium) and delivered
 * in a later task; the engine's side is the worker's own code (worker/serve.ts).
 */
class FakeWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  terminate(): void {
    this.terminated = true;
  }
  readonly sent: ToWorker[] = [];
  readonly received: FromWorker[] = [];
  private readonly handle = serveEngine((message) => {
    const copy = structuredClone(message);
    this.received.push(copy);
    setImmediate(() => this.onmessage?.({ data: copy } as MessageEvent<FromWorker>));
  });
  postMessage(message: ToWorker): void {
    const copy = structuredClone(message);
    this.sent.push(copy);
    setImmediate(() => this.handle(copy));
  }
}

const chubbuck = JSON.parse(readFileSync(join(RATES_DIR, "chubbuck.json"), "utf8")) as unknown;

function cycleJob(kind: CycleJob["kind"]): CycleJob {
  return {
    kind,
    scheduleJson: chubbuck,
    settings: DEFAULT_CYCLE_SETTINGS,
    readEdits: DEFAULT_READ_EDIT_SETTINGS,
    decisions: [],
    dates: {},
    now: "2026-11-01T09:00:00.000Z",
  };
}

describe("the engine in its worker", () => {
  it("generates the sample cycle through the worker as in the pane's own thread, sheets crossing in slices", async () => {
    const inWorker = new MemoryWorkbook(sampleCycleWorkbook());
    const worker = new FakeWorker();
    const phases: string[] = [];
    const viaWorker = (await workerEngine(inWorker, () => worker as unknown as Worker).run(
      { kind: "cycle", job: cycleJob("generate") },
      { progress: (phase) => phases.push(phase) },
    )) as CycleJobResult;
    const inline = new MemoryWorkbook(sampleCycleWorkbook());
    const direct = (await inlineEngine(inline).run({ kind: "cycle", job: cycleJob("generate") })) as CycleJobResult;
    expect(viaWorker).toEqual(direct);
    expect(viaWorker.ok && viaWorker.run.totalDue).toBe("3155.43");
    for (const name of inline.sheets.keys())
      expect({ name, values: inWorker.sheet(name)?.values }).toEqual({ name, values: inline.sheet(name)!.values });
    expect(phases).toContain("Writing the Bills sheet");
    // The bills (over 1,000 rows) went to the pane in slices of at most 4,000 rows.
    const slices = worker.received.filter((m) => m.type === "rows");
    expect(slices.length).toBeGreaterThan(0);
    expect(Math.max(...slices.map((m) => (m.type === "rows" ? m.rows.length : 0)))).toBeLessThanOrEqual(4000);
  });

  it("validates, decides and recounts in the worker's review session, the pane getting plain data", async () => {
    const workbook = new MemoryWorkbook(sampleCycleWorkbook());
    const engine = workerEngine(workbook, () => new FakeWorker() as unknown as Worker);
    const outcome = (await engine.run({
      kind: "review",
      job: { settings: DEFAULT_READ_EDIT_SETTINGS, policy: POCATELLO_POLICY, decisions: [] },
    })) as { ok: true; view: ReviewView };
    expect(outcome.ok).toBe(true);
    const item = outcome.view.items.find((i) => !i.decision && i.severity === "error")!;
    expect(outcome.view.contexts.get(item.row)?.account).toBe(item.account);
    const decision = (await engine.run({
      kind: "decide",
      job: { row: item.row, code: item.code, kind: "approved", reason: "Checked on site", at: "2026-11-01T09:00:00.000Z" },
    })) as Decision;
    expect(decision).toMatchObject({ account: item.account, code: item.code, kind: "approved" });
    const view = (await engine.run({
      kind: "afterDecision",
      decision,
      row: item.row,
      all: [decision],
      policy: POCATELLO_POLICY,
    })) as ReviewView;
    expect(view.items.find((i) => i.row === item.row && i.code === item.code)?.decision?.kind).toBe("approved");
    expect(view.standing!.held.length).toBeLessThan(outcome.view.standing!.held.length + 1);
    expect(workbook.sheet("Review Log")!.values.some((r) => r.includes(item.account))).toBe(true);
  });

  it("drops a worker that failed to load, and starts a new one for the next job", async () => {
    const made: FakeWorker[] = [];
    const engine = workerEngine(new MemoryWorkbook(sampleCycleWorkbook()), () => {
      const w = new FakeWorker();
      if (made.length === 0) w.postMessage = () => setImmediate(() => w.onerror?.({ message: "404 engine.js" } as ErrorEvent));
      made.push(w);
      return w as unknown as Worker;
    });
    await expect(engine.run({ kind: "cycle", job: cycleJob("preview") })).rejects.toThrow("The engine's worker stopped: 404 engine.js");
    expect(made[0].terminated).toBe(true);
    const preview = (await engine.run({ kind: "cycle", job: cycleJob("preview") })) as CycleJobResult;
    expect(preview.ok).toBe(true);
    expect(made).toHaveLength(2);
  });

  it("stops a cycle at the worker's next workbook call once cancelled: no sheet after it is written", async () => {
    const workbook = new MemoryWorkbook(sampleCycleWorkbook());
    let cancel = false;
    const engine = workerEngine(workbook, () => new FakeWorker() as unknown as Worker);
    const run = engine.run(
      { kind: "cycle", job: cycleJob("generate") },
      {
        progress: (phase) => {
          if (phase === "Writing the Bills sheet") cancel = true;
        },
        cancelled: () => cancel,
      },
    );
    await expect(run).rejects.toBeInstanceOf((await import("../../src/workbook/port")).Cancelled);
    expect(workbook.sheet("Bill Register")).toBeUndefined();
    expect(workbook.sheet("Run Log")).toBeUndefined();
  });
});
