import { existsSync } from "fs";
import { join } from "path";
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import { availableParallelism } from "os";
import { parseArgs, text, UsageError } from "./args";
import { readAhead } from "./historyThread";
import { billPrintPath, cycle } from "./cycle";
import { removePartials, signalExitCode, STOP_SIGNALS } from "./files";

/** The options `ubill cycle` takes: its values and its flags. */
export const CYCLE_VALUES = ["out", "sheet", "bill-date", "schedule", "schedule-id"];
export const CYCLE_FLAGS = ["json"];

/**
 * The young generation of the thread that bills the cycle, in MB (nodejs.org/api/worker_threads.html,
 * resourceLimits.maxYoungGenerationSizeMb). A cycle makes millions of short-lived values (rows of
 * bills, their XML) that outlive V8's default 16 MB semi-space and are copied into the old
 * generation only to die there; with room for them the collector's work falls by about a third
 * (docs/performance.md).
 */
export const CYCLE_YOUNG_MB = 96;

type Reply = { kind: "done"; text: string } | { kind: "usage"; message: string } | { kind: "failed"; stack: string };

/**
 * Runs `ubill cycle` on a thread of its own sized for it when the CLI runs compiled (bin/ubill.js);
 * in this thread otherwise (the tests run the TypeScript). The output is the same either way.
 */
export async function cycleCommand(argv: readonly string[], now: string): Promise<string> {
  const thread = join(__dirname, "cycleThread.js");
  if (!__filename.endsWith(".js") || !existsSync(thread)) return cycle(parseArgs(argv, CYCLE_VALUES, CYCLE_FLAGS), now);
  // The arguments are checked here first, so a mistake in them is reported without starting a thread.
  const out = text(parseArgs(argv, CYCLE_VALUES, CYCLE_FLAGS), "out");
  const worker = new Worker(thread, {
    workerData: { ubillCycle: { argv: [...argv], now } },
    resourceLimits: { maxYoungGenerationSizeMb: CYCLE_YOUNG_MB },
  });
  // Signals reach only this thread (nodejs.org/api/worker_threads.html: signals are not delivered
  // through process.on in workers): it stops the billing thread, then removes what it was writing.
  const onSignal = (signal: NodeJS.Signals) => {
    void worker.terminate().finally(() => {
      if (out) removePartials([out, billPrintPath(out)]);
      process.exit(signalExitCode(signal));
    });
  };
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  let reply: Reply;
  try {
    reply = await new Promise<Reply>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the billing thread stopped (exit code ${code}) before it finished`)));
    });
  } finally {
    for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
  }
  if (reply.kind === "usage") throw new UsageError(reply.message);
  if (reply.kind === "failed") throw new Error(reply.stack);
  return reply.text;
}

// The thread itself: bill, reply once, and end.
if (!isMainThread && parentPort && (workerData as { ubillCycle?: unknown } | undefined)?.ubillCycle) {
  const { argv, now } = (workerData as { ubillCycle: { argv: string[]; now: string } }).ubillCycle;
  const port = parentPort;
  // With a second core, the usage history and the billing sheets are read on a thread of its own while this one reads the reads and accounts (ADR 0015).
  cycle(parseArgs(argv, CYCLE_VALUES, CYCLE_FLAGS), now, availableParallelism() > 1 ? { readAhead } : {}).then(
    (text) => port.postMessage({ kind: "done", text } satisfies Reply),
    (error: unknown) =>
      port.postMessage(
        (error instanceof UsageError
          ? { kind: "usage", message: error.message }
          : { kind: "failed", stack: error instanceof Error ? (error.stack ?? error.message) : String(error) }) satisfies Reply,
      ),
  );
}
