import { statSync } from "fs";
import { join } from "path";
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import { readXlsxFast } from "../adapters/xlsx/fastRead";
import { UsageHistory, type UsageHistoryColumns } from "../engine";
import { findSheets } from "../review/findSheets";
import type { HistoryParse } from "../review/runReview";
import { cycleInputSheets } from "../cycle/inputs";
import type { SheetValues } from "../workbook/port";
import { parseHistorySheet } from "../workbook/contextSheets";

/** The young generation of the thread reading the history, in MB: room for a block of the sheet's rows, which die young. */
export const HISTORY_YOUNG_MB = 48;

/**
 * What the thread sends back, in two messages: first the history sheet it found and what
 * parseHistorySheet made of it, with the sheets it reads next; then those sheets' values.
 */
type Reply =
  | { kind: "none" }
  | { kind: "read"; file: string; sheet: string; columns: UsageHistoryColumns; problems: string[]; ahead: string[] }
  | { kind: "unusable"; file: string; sheet: string; message: string; ahead: string[] }
  | { kind: "sheets"; sheets: SheetValues[] };

/** What the billing thread asks of the other: the history, and the sheets it read after it. */
export interface ReadAhead {
  /** Given the history sheet the review found: the parse, or undefined to read it here. */
  readonly history: (sheet: string) => Promise<HistoryParse | undefined>;
  /** Given a sheet the cycle reads: its values, or undefined to read it here. Each sheet is given once. */
  readonly sheet: (name: string) => Promise<SheetValues | undefined>;
}

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
 * Starts reading the workbook at `input` on a thread of its own, while this thread reads the reads
 * and the accounts (ADR 0015): the usage history, which comes back as its columns (typed arrays,
 * moved rather than copied), then the Balances (or Ledger), Payments and Adjustments sheets'
 * values. What comes back is used only for the sheet asked for by name and only when the other
 * thread read the file this thread opened (its stamp is taken here, before this thread reads
 * it); anything else, or a failure over there, is undefined, and this thread reads the sheet
 * itself as it always did. So the other thread can make the run faster, never different. It
 * ends once it has replied; a run that ends first (a mistake in the input) ends it with the
 * process.
 */
export function readAhead(input: string, readsSheet: string | undefined): ReadAhead {
  const opened = fileStamp(input);
  const worker = new Worker(join(__dirname, "historyThread.js"), {
    workerData: { ubillHistory: { input, readsSheet } },
    resourceLimits: { maxYoungGenerationSizeMb: HISTORY_YOUNG_MB },
  });
  type First = Exclude<Reply, { kind: "sheets" }>;
  type Second = Extract<Reply, { kind: "sheets" }>;
  let first: (r: First | undefined) => void = () => undefined;
  let second: (r: Second | undefined) => void = () => undefined;
  const history = new Promise<First | undefined>((resolve) => (first = resolve));
  const sheets = new Promise<Second | undefined>((resolve) => (second = resolve));
  const end = () => {
    first(undefined);
    second(undefined);
  };
  worker.on("message", (r: Reply) => {
    if (r.kind === "sheets") second(r);
    else {
      first(r);
      if (r.kind === "none" || r.ahead.length === 0) second(undefined);
    }
  });
  worker.once("error", end);
  worker.once("exit", end);
  const same = async () => {
    const r = await history;
    return r && r.kind !== "none" && opened !== undefined && r.file === opened ? r : undefined;
  };
  const given = new Set<string>();
  return {
    history: async (sheet) => {
      const r = await same();
      if (!r || r.sheet !== sheet) return undefined;
      if (r.kind === "unusable") return { ok: false, message: r.message };
      return { ok: true, value: { history: UsageHistory.fromColumns(r.columns), problems: r.problems } };
    },
    sheet: async (name) => {
      const r = await same();
      // Waits only for a sheet the other thread said it is reading, and gives each once.
      if (!r || !r.ahead.includes(name) || given.has(name)) return undefined;
      given.add(name);
      const read = await sheets;
      if (given.size === r.ahead.length) void worker.terminate();
      return read?.sheets.find((s) => s.sheet === name);
    },
  };
}

/** The thread: find the sheets as the review and the cycle do, send the history's parse, then the other sheets' values. */
async function readForCycle(input: string, readsSheet: string | undefined, send: (reply: Reply, transfer?: ArrayBuffer[]) => void) {
  const workbook = readXlsxFast(input, { lazy: true });
  const file = fileStamp(input);
  if (file === undefined) return send({ kind: "none" });
  const heads = await workbook.readHeads(50);
  const found = findSheets(heads, readsSheet);
  const cycle = found.reads ? cycleInputSheets(heads, found.reads) : undefined;
  const ahead = [cycle?.balances ?? cycle?.ledger, cycle?.payments, cycle?.adjustments].filter(
    (name): name is string => name !== undefined && name !== found.history,
  );
  const sheet = found.history;
  const data = sheet ? await workbook.readSheet(sheet) : undefined;
  if (!sheet || !data) return send({ kind: "none" });
  const parsed = parseHistorySheet(data);
  if (!parsed.ok) send({ kind: "unusable", file, sheet, message: parsed.message, ahead });
  else {
    const columns = parsed.value.history.columns();
    const transfer = [columns.start, columns.period, columns.usage, columns.days, columns.code].map((a) => a.buffer as ArrayBuffer);
    send({ kind: "read", file, sheet, columns, problems: parsed.value.problems, ahead }, transfer);
  }
  if (ahead.length === 0) return;
  const sheets: SheetValues[] = [];
  for (const name of ahead) {
    const values = await workbook.readSheet(name);
    if (values) sheets.push(values);
  }
  send({ kind: "sheets", sheets });
}

if (!isMainThread && parentPort && (workerData as { ubillHistory?: unknown } | undefined)?.ubillHistory) {
  const { input, readsSheet } = (workerData as { ubillHistory: { input: string; readsSheet?: string } }).ubillHistory;
  const port = parentPort;
  // Anything that stops it here is met again, and reported, when the billing thread reads the sheet itself.
  readForCycle(input, readsSheet, (reply, transfer) => port.postMessage(reply, transfer ?? [])).catch(() => port.close());
}
