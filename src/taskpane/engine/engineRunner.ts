import { EngineJob, FromWorker, ROWS_PER_MESSAGE, ToWorker } from "../../worker/protocol";
import type { JobHooks } from "../../worker/cycleJob";
import { runEngineJob } from "../../worker/runEngineJob";
import { ReviewSession } from "../../worker/reviewSession";
import { Cancelled, WorkbookPort } from "../../workbook/port";

/**
 * Runs the engine's jobs for the pane: in a worker in the add-in, in the same thread in tests.
 * The answer's type follows the job (see worker/runEngineJob.ts).
 */
export interface EngineRunner {
  run(job: EngineJob, hooks?: JobHooks): Promise<unknown>;
}

/** Resolves in a later task, so the pane's thread can paint and answer between two slices. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** In the caller's thread (jest, where there is no Worker). */
export function inlineEngine(workbook: WorkbookPort): EngineRunner {
  const session = new ReviewSession();
  return { run: (job, hooks = {}) => runEngineJob(workbook, session, job, hooks) };
}

/**
 * In a Web Worker: the job runs there and asks the pane for each workbook call, which the pane
 * runs with Office.js (only the pane's thread has it) and answers. One job at a time.
 */
export function workerEngine(workbook: WorkbookPort, makeWorker: () => Worker): EngineRunner {
  let worker: Worker | undefined;
  // One job at a time: a decision made while a cycle is generating waits for it.
  let queue: Promise<unknown> = Promise.resolve();
  const runOne = (job: EngineJob, hooks: JobHooks): Promise<unknown> => {
    const w = (worker ??= makeWorker());
    const send = (message: ToWorker) => w.postMessage(message);
    const incoming = new Map<number, unknown[][]>();
    /** Answers a call; a sheet's rows go first, in slices, each posted in its own task. */
    const reply = async (id: number, value: unknown) => {
      const sheet = value as { values?: unknown[][] } | undefined;
      if (sheet && typeof sheet === "object" && Array.isArray(sheet.values) && sheet.values.length > ROWS_PER_MESSAGE) {
        for (let i = 0; i < sheet.values.length; i += ROWS_PER_MESSAGE) {
          send({ type: "rows", id, rows: sheet.values.slice(i, i + ROWS_PER_MESSAGE) });
          await nextTask();
        }
        send({ type: "reply", id, value: { ...sheet, values: undefined } });
      } else send({ type: "reply", id, value });
    };
    return new Promise<unknown>((resolve, reject) => {
      let cancelSent = false;
      const cancelled = () => {
        if (!hooks.cancelled?.()) return false;
        if (!cancelSent) send({ type: "cancel" });
        cancelSent = true;
        return true;
      };
      /** A worker that failed to load, threw or sent what cannot be read is dropped: the next job starts a new one. */
      const broken = (why: string) => {
        w.terminate();
        if (worker === w) worker = undefined;
        reject(new Error(`The engine's worker stopped: ${why}`));
      };
      w.onerror = (event) => {
        event.preventDefault?.();
        broken(event.message || "it could not be loaded");
      };
      w.onmessageerror = () => broken("a message from it could not be read");
      w.onmessage = (event: MessageEvent<FromWorker>) => {
        const m = event.data;
        if (m.type === "progress") return hooks.progress?.(m.phase, m.done, m.total);
        if (m.type === "done") return resolve(m.result);
        if (m.type === "failed") return reject(m.cancelled ? new Cancelled() : new Error(m.message));
        if (m.type === "rows") {
          const got = incoming.get(m.id);
          if (got) for (const row of m.rows) got.push(row);
          else incoming.set(m.id, m.rows);
          return;
        }
        const rows = incoming.get(m.id);
        incoming.delete(m.id);
        // Cancelled: the worker's next call is refused, so nothing more is read or written,
        // as the pane's own thread would stop before its next sheet.
        if (cancelled()) return send({ type: "reply", id: m.id, error: { message: "cancelled", cancelled: true } });
        const args = [...m.args];
        if (m.method === "replaceSheet") args[1] = rows ?? [];
        // Progress of the pane's reads and writes, which the worker cannot see.
        const progress = (phase: string) => (done: number, total: number) => hooks.progress?.(phase, done, total, true);
        if (m.method === "readSheet")
          args[1] = { ...(args[1] as object), progress: progress(`Reading the ${String(args[0])} sheet`), cancelled };
        if (m.method === "applyFlags") args[2] = progress(`Writing flags on the ${String(args[0])} sheet`);
        if (m.method === "replaceSheet") args[3] = progress(`Writing the ${String(args[0])} sheet`);
        const method = workbook[m.method] as (...a: unknown[]) => Promise<unknown>;
        method.apply(workbook, args).then(
          (value) => reply(m.id, value),
          (error: Error) => send({ type: "reply", id: m.id, error: { message: error.message, cancelled: error instanceof Cancelled } }),
        );
      };
      send({ type: "start", job });
    });
  };
  return {
    run(job, hooks = {}) {
      const result = queue.then(() => runOne(job, hooks));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
