import { statSync } from "fs";
import { join } from "path";
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import { readXlsxFast } from "../adapters/xlsx/fastRead";
import { UsageHistory, type UsageHistoryColumns } from "../engine";
import { findSheets } from "../review/findSheets";
import type { HistoryParse } from "../review/runReview";
import { parseHistorySheet } from "../workbook/contextSheets";

/** The young generation of the thread reading the history, in MB: room for a block of the sheet's rows, which die young. */
export const HISTORY_YOUNG_MB = 48;

/** What the history thread sends back: the sheet it found and read, and what parseHistorySheet made of it. */
type Reply =
  | { kind: "none" }
  | { kind: "read"; file: string; sheet: string; columns: UsageHistoryColumns; problems: string[] }
  | { kind: "unusable"; file: string; sheet: string; message: string };

/** The file as it was when opened: its size and modification time, to tell whether both threads read the same one. */
function fileStamp(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * Starts reading the usage history of the workbook at `input` on a thread of its own, while this
 * thread reads the reads, the accounts and the rest (ADR 0015). The history comes back as its
 * columns (typed arrays, moved rather than copied). Returns what the review asks for: given the
 * history sheet it found, the same parse it would have made, or undefined when the other thread
 * found another sheet, could not finish, or found the file changed since this thread opened it:
 * the review then reads the history itself, as it always did, so nothing there changes what is
 * billed. Called before this thread reads the file, so a file saved again while either thread
 * reads it shows in its stamp. The thread ends once it has replied; a run that ends first (a
 * mistake in the input) ends it with the process.
 */
export function readHistoryAhead(input: string, readsSheet: string | undefined): (sheet: string) => Promise<HistoryParse | undefined> {
  const opened = fileStamp(input);
  const worker = new Worker(join(__dirname, "historyThread.js"), {
    workerData: { ubillHistory: { input, readsSheet } },
    resourceLimits: { maxYoungGenerationSizeMb: HISTORY_YOUNG_MB },
  });
  const reply = new Promise<Reply | undefined>((resolve) => {
    worker.once("message", (r: Reply) => resolve(r));
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
  return async (sheet) => {
    const r = await reply;
    void worker.terminate();
    if (!r || r.kind === "none" || r.sheet !== sheet || opened === undefined || r.file !== opened) return undefined;
    if (r.kind === "unusable") return { ok: false, message: r.message };
    return { ok: true, value: { history: UsageHistory.fromColumns(r.columns), problems: r.problems } };
  };
}

/** The thread: find the history sheet as the review does, parse it, and send it back once. */
async function readHistory(input: string, readsSheet: string | undefined): Promise<{ reply: Reply; transfer: ArrayBuffer[] }> {
  const workbook = readXlsxFast(input, { lazy: true });
  const file = fileStamp(input);
  if (file === undefined) return { reply: { kind: "none" }, transfer: [] };
  const sheet = findSheets(await workbook.readHeads(50), readsSheet).history;
  const data = sheet ? await workbook.readSheet(sheet) : undefined;
  if (!sheet || !data) return { reply: { kind: "none" }, transfer: [] };
  const parsed = parseHistorySheet(data);
  if (!parsed.ok) return { reply: { kind: "unusable", file, sheet, message: parsed.message }, transfer: [] };
  const columns = parsed.value.history.columns();
  const transfer = [columns.start, columns.period, columns.usage, columns.days, columns.code].map((a) => a.buffer as ArrayBuffer);
  return { reply: { kind: "read", file, sheet, columns, problems: parsed.value.problems }, transfer };
}

if (!isMainThread && parentPort && (workerData as { ubillHistory?: unknown } | undefined)?.ubillHistory) {
  const { input, readsSheet } = (workerData as { ubillHistory: { input: string; readsSheet?: string } }).ubillHistory;
  const port = parentPort;
  readHistory(input, readsSheet).then(
    ({ reply, transfer }) => port.postMessage(reply, transfer),
    // Anything that stops it here is met again, and reported, when the review reads the sheet itself.
    () => port.postMessage({ kind: "none" } satisfies Reply),
  );
}
