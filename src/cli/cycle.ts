import { closeSync, existsSync, openSync, writeSync } from "fs";
import { DEFAULT_READ_EDIT_SETTINGS, isIsoDate, RateSchedule, validateSchedule } from "../engine";
import { checkOutput, writeAllAtomically } from "./files";
import { checkWorkbookFile } from "./inputFile";
import { readXlsxFast, WorkbookFileProblem } from "../adapters/xlsx/fastRead";
import { XlsxWriter } from "../adapters/xlsx/fastXlsx";
import { XlsxOutputPort } from "../adapters/xlsx/xlsxOutputPort";
import type { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { CycleRun, generateCycle, servicesOf } from "../cycle/generateCycle";
import { printExtract } from "../cycle/printExtract";
import { DEFAULT_CYCLE_SETTINGS } from "../cycle/settings";
import { TEMPLATES_SHEET } from "../cycle/letters";
import { OFFICE_SHEET } from "../cycle/office";
import { COUNT_WORDS, cycleCounts, decisionText, noticeText } from "../cycle/summary";
import { parseReviewLog, REVIEW_LOG_SHEET } from "../review/decisions";
import type { ReadAhead } from "./historyThread";
import { placeProblem, RATES_SHEET, readWorkbookRates } from "../workbook/ratesSheet";
import type { RatesSheetSchedule } from "../workbook/ratesSheet";
import { atMost, ParsedArgs, text, UsageError } from "./args";
import { loadScheduleFile } from "./quote";
import { join } from "path";

/** Held accounts named on the summary line; --json lists them all. */
const HELD_SHOWN = 10;

export const CYCLE_HELP = `ubill cycle WORKBOOK.xlsx --out OUT.xlsx [--sheet NAME] [--bill-date DATE] [--schedule FILE | --schedule-id ID] [--json]
  Bills the cycle and writes every output sheet (Bills, Bill Register, Reconciliation, Delinquency
  List, Letters, Door Hangers, Shutoff List, Collections List, Work Orders, Run Log, and the Letter
  Templates it used) into OUT.xlsx;
  the input file is never written. OUT.xlsx holds only the output sheets.
  --sheet NAME       the reads sheet (default: the first visible sheet with a reads header)
  --bill-date DATE   the bill date (default: the period's end, the most common current read date);
                     on or after the period's end and at most 60 days after it
  --schedule FILE    a rate schedule JSON file; otherwise the workbook's Rates sheet, otherwise the
                     bundled Chubbuck sample
  --schedule-id ID   which schedule on the Rates sheet (default: the first)
  --json             print the run's counts and totals as JSON`;

function scheduleFor(args: ParsedArgs, workbookRates: readonly RatesSheetSchedule[]): RateSchedule {
  const file = text(args, "schedule");
  if (file) return loadScheduleFile(file);
  const wanted = text(args, "schedule-id");
  const entry = wanted ? workbookRates.find((s) => s.id === wanted) : workbookRates[0];
  if (wanted && !entry)
    throw new UsageError(`the Rates sheet has no schedule "${wanted}"; it has ${workbookRates.map((s) => s.id).join(", ") || "none"}`);
  if (!entry) return loadScheduleFile(join(__dirname, "..", "..", "samples", "rates", "chubbuck.json"));
  const result = validateSchedule(entry.json);
  if (!result.ok) throw new UsageError(placeProblem(entry, result.problem.message));
  return result.value;
}

/** All of the text's UTF-8 bytes at the file's end (a write may take fewer bytes than it was given). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** The bill-print extract written beside OUT.xlsx. */
export const billPrintPath = (out: string): string => `${out.replace(/\.xlsx$/i, "")}-bill-print.csv`;

/** How `ubill cycle` runs, beyond its arguments. */
export interface CycleRunOptions {
  /**
   * Starts reading the input's usage history and billing sheets elsewhere (historyThread.ts: on a
   * second thread) before this thread reads the file; the cycle takes what it can from there.
   */
  readonly readAhead?: (input: string, readsSheet: string | undefined) => ReadAhead;
}

/** Runs `ubill cycle`: returns the text to print. A workbook found damaged or too large part-way is one line. */
export async function cycle(args: ParsedArgs, now: string, options: CycleRunOptions = {}): Promise<string> {
  try {
    return await billCycle(args, now, options);
  } catch (error) {
    if (error instanceof WorkbookFileProblem) throw new UsageError(`${args.positional[0]} cannot be read: ${error.message}`);
    throw error;
  }
}

async function billCycle(args: ParsedArgs, now: string, options: CycleRunOptions): Promise<string> {
  const [input] = args.positional;
  if (!input) throw new UsageError("cycle needs a workbook: ubill cycle WORKBOOK.xlsx --out OUT.xlsx");
  if (!existsSync(input)) throw new UsageError(`cannot read ${input}: no such file`);
  atMost(args, 1, "ubill cycle WORKBOOK.xlsx --out OUT.xlsx");
  const out = text(args, "out");
  if (!out) throw new UsageError("--out is required: the outputs go into a new workbook, never the input");
  checkOutput(out, input);
  // The bill-print extract beside OUT.xlsx is checked as OUT is: both are written, or neither.
  const extract = billPrintPath(out);
  checkOutput(extract, input);
  checkWorkbookFile(input);
  const billDate = text(args, "bill-date");
  if (billDate !== undefined && !(isIsoDate(billDate) && billDate >= "1900-01-01" && billDate <= "2199-12-31"))
    throw new UsageError(`--bill-date must be a date from 1900-01-01 to 2199-12-31 such as 2026-10-31, got "${billDate}"`);
  // Started before this thread reads the file: the other thread's copy is checked against it (historyThread.ts).
  const ahead = options.readAhead?.(input, text(args, "sheet"));
  let workbook: MemoryWorkbook;
  try {
    // Values only, parsed straight from the sheet XML when read and then let go: a 100,000-account
    // workbook reads in seconds and its input rows are not held while the cycle is billed.
    workbook = readXlsxFast(input, { lazy: true });
  } catch (error) {
    if (error instanceof WorkbookFileProblem) throw error;
    throw new UsageError(`${input} is not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const read = await readWorkbookRates(workbook);
  // A Rates sheet that cannot be read stops the run: a schedule is never dropped and replaced silently.
  if (read && read.problems.length > 0 && !text(args, "schedule"))
    throw new UsageError(
      `${read.problems[0]}${read.problems.length > 1 ? ` (and ${read.problems.length - 1} more problem(s) on the ${RATES_SHEET} sheet)` : ""}`,
    );
  const schedule = scheduleFor(args, read?.schedules ?? []);
  const log = await workbook.readSheet(REVIEW_LOG_SHEET);
  const bill = async (writer: XlsxWriter): Promise<CycleRun> => {
    const outcome = await generateCycle(new XlsxOutputPort(workbook, writer), {
      schedule,
      settings: DEFAULT_CYCLE_SETTINGS,
      readEdits: DEFAULT_READ_EDIT_SETTINGS,
      decisions: log ? parseReviewLog(log).decisions : [],
      dates: { billDate },
      readsSheet: text(args, "sheet"),
      historyRead: ahead?.history,
      sheetRead: ahead?.sheet,
      now,
    });
    if (!outcome.ok) throw new UsageError(outcome.message);
    // OUT.xlsx holds what the cycle produced and the letter templates it used; the inputs stay in the input workbook.
    for (const name of [TEMPLATES_SHEET, OFFICE_SHEET]) {
      const used = workbook.sheet(name);
      if (used && !writer.sheetNames.includes(name)) await writer.addSheet(name, used);
    }
    await writer.close();
    return outcome.run;
  };
  // Sheets go into OUT.xlsx.partial as they are made, then the bill-print extract for a
  // print-and-mail vendor beside it (docs/outputs.md); both are renamed only when both are complete.
  let billed: CycleRun | undefined;
  let extracted = -1;
  await writeAllAtomically([out, extract], async ([partial, extractPartial]) => {
    const writer = new XlsxWriter(partial);
    try {
      billed = await bill(writer);
    } catch (error) {
      writer.abort();
      throw error;
    }
    const office = billed.loaded.office ?? DEFAULT_CYCLE_SETTINGS.office;
    // Written a thousand lines at a time: a 100,000-account cycle's extract is 70 MB, and joined
    // whole it was made twice more (the text, then its bytes) at the end of the run, its peak.
    const fd = openSync(extractPartial, "w");
    let complete = false;
    try {
      let lines: string[] = [];
      for (const line of printExtract(
        billed.result.statements,
        servicesOf(schedule),
        office,
        DEFAULT_CYCLE_SETTINGS.policy,
        schedule.usageUnit,
      )) {
        lines.push(line);
        extracted++;
        if (lines.length === 1000) {
          writeAll(fd, lines.join(""));
          lines = [];
        }
      }
      writeAll(fd, lines.join(""));
      complete = true;
    } catch (error) {
      // A write's error names no file (its path is the descriptor's): this one is the extract's.
      const e = error as { code?: string; path?: string };
      if (e.code !== undefined && e.path === undefined) e.path = extractPartial;
      throw error;
    } finally {
      // Closing after a failed write must not hide why it failed.
      try {
        closeSync(fd);
      } catch (error) {
        if (complete) throw error;
      }
    }
  });
  const run = billed!;
  const { result, loaded, written, problems } = run;
  const r = result.register;
  const counts = cycleCounts(loaded, result);
  const summary = {
    schedule: schedule.id,
    readsSheet: loaded.review.sheet,
    billDate: loaded.input.billDate,
    period: { start: loaded.input.periodStart, end: loaded.input.periodEnd },
    reads: r.readsReceived,
    bills: r.billed,
    bases: Object.fromEntries([...counts.byDecision].filter(([code]) => !code.startsWith("HELD_"))),
    estimated: r.estimated,
    final: r.final,
    held: result.held.map((h) => ({ account: h.account, code: h.code, reason: h.reason })),
    notBilled: result.notBilled,
    unmatchedRows: counts.unmatchedRows,
    currentCharges: r.currentCharges.toCents(),
    byService: Object.fromEntries([...r.charges].map(([k, v]) => [k, v.toCents()])),
    adjustments: r.adjustments.toCents(),
    fees: r.fees.toCents(),
    payments: r.payments.toCents(),
    totalDue: r.totalDue.toCents(),
    reconciliationDifference: result.reconciliation.difference.toCents(),
    delinquent: result.delinquency.length,
    notices: Object.fromEntries(counts.notices),
    keptOff: counts.keptOff,
    doorHangers: result.doorHangers.length,
    collections: result.collections.length,
    written,
    problems,
    out,
    extract: { path: extract, bills: extracted },
  };
  if (args.options.has("json")) return JSON.stringify(summary, null, 2);
  return [
    `Billed ${r.billed} account(s) for ${loaded.input.periodStart} to ${loaded.input.periodEnd}, bill date ${loaded.input.billDate}, rates ${schedule.id}, reads from sheet ${loaded.review.sheet}`,
    `Bills: ${decisionText(counts, "billed") || "none"}; final bills ${r.final}`,
    `Current charges ${summary.currentCharges} (${Object.entries(summary.byService)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}); adjustments ${summary.adjustments}; fees ${summary.fees}; payments ${summary.payments}`,
    `Total due on the bills ${summary.totalDue}; reconciliation difference ${summary.reconciliationDifference}`,
    `${capital(COUNT_WORDS.held)} ${result.held.length}: ${
      result.held
        .slice(0, HELD_SHOWN)
        .map((h) => `${h.account} (${h.reason})`)
        .join("; ") || "none"
    }${result.held.length > HELD_SHOWN ? `; and ${result.held.length - HELD_SHOWN} more (all in --json and the Bill Register)` : ""}`,
    `${capital(COUNT_WORDS.unmatched)} ${counts.unmatchedRows}; ${COUNT_WORDS.notBilled} ${result.notBilled}`,
    `Notices: ${noticeText(counts)}; kept off ${counts.keptOff}`,
    `Delinquent ${result.delinquency.length}; door hangers ${result.doorHangers.length}; work orders for carts ${result.cartOrders.length}`,
    ...problems.map((p) => `Problem: ${p}`),
    `Wrote ${out}: ${written.join(", ")}`,
    `Wrote ${extract}: ${extracted} printed bill(s) for the print-and-mail vendor`,
  ].join("\n");
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
