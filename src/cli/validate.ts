import { existsSync } from "fs";
import { checkOutput, writeAtomically } from "./files";
import { checkWorkbookFile } from "./inputFile";
import { DEFAULT_READ_EDIT_SETTINGS } from "../engine";
import { readXlsxFast, WorkbookFileProblem } from "../adapters/xlsx/fastRead";
import { FlaggedCopy, FlagWriter } from "../adapters/xlsx/flaggedCopy";
import type { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { runReview } from "../review/runReview";
import { columnLetter } from "../workbook/address";
import { COUNT_WORDS } from "../cycle/summary";
import { atMost, ParsedArgs, text, UsageError } from "./args";

export const VALIDATE_HELP = `ubill validate READS.xlsx [--sheet NAME] [--out FLAGGED.xlsx] [--json]
  Runs the read edits over a reads workbook and prints a summary by edit code.
  --sheet NAME       the reads sheet (default: the first visible sheet with a reads header)
  --out FILE.xlsx    also write a flagged copy: codes and messages in the add-in's own columns,
                     offending cells coloured; the input file is never written
  --json             print every edit (sheet, row, account, meter, code, severity, message)`;

/** Runs `ubill validate`: returns the text to print. A workbook found damaged or too large part-way is one line. */
export async function validate(args: ParsedArgs): Promise<string> {
  try {
    return await validateReads(args);
  } catch (error) {
    if (error instanceof WorkbookFileProblem) throw new UsageError(`${args.positional[0]} cannot be read: ${error.message}`);
    throw error;
  }
}

async function validateReads(args: ParsedArgs): Promise<string> {
  const [input] = args.positional;
  if (!input) throw new UsageError("validate needs a reads workbook: ubill validate READS.xlsx");
  atMost(args, 1, "ubill validate READS.xlsx takes one workbook");
  if (!existsSync(input)) throw new UsageError(`cannot read ${input}: no such file`);
  const out = text(args, "out");
  if (out) checkOutput(out, input);
  checkWorkbookFile(input);
  let values: MemoryWorkbook;
  try {
    values = readXlsxFast(input, { lazy: true });
  } catch (error) {
    if (error instanceof WorkbookFileProblem) throw error;
    throw new UsageError(`${input} is not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const copy = out ? new FlagWriter(input) : undefined;
  const port = copy ? new FlaggedCopy(values, copy) : values;
  const outcome = await runReview(port, { readsSheet: text(args, "sheet"), settings: DEFAULT_READ_EDIT_SETTINGS, write: Boolean(copy) });
  if (!outcome.ok) throw new UsageError(outcome.message);
  if (out && copy) await writeAtomically(out, (partial) => copy.save(partial));
  const r = outcome.result;
  if (args.options.has("json")) {
    return JSON.stringify(
      {
        sheet: r.sheet,
        reads: r.reads,
        blankRows: r.blankRows,
        counts: Object.fromEntries(r.counts.map((c) => [c.code, c.open + c.resolved])),
        held: r.standing!.held,
        estimated: r.standing!.estimated,
        unmatchedRows: r.standing!.unmatchedRows,
        disabled: r.disabled,
        contextProblems: r.contextProblems,
        edits: r.items.map((i) => ({
          sheet: r.sheet,
          row: i.row + 1,
          account: i.account,
          meter: i.meter,
          code: i.code,
          severity: i.severity,
          message: i.message,
        })),
        ...(out ? { out } : {}),
      },
      null,
      2,
    );
  }
  const width = Math.max(4, ...r.counts.map((c) => c.code.length));
  const lines = [
    `${r.reads.toLocaleString("en-US")} reads on sheet ${r.sheet} (header row ${r.headerRow + 1})${r.blankRows ? `, ${r.blankRows} blank row(s) skipped` : ""}`,
    `Context: ${[r.sheets.accounts ? `accounts from ${r.sheets.accounts}` : "no Accounts sheet", r.sheets.history ? `history from ${r.sheets.history}` : "no Usage History sheet"].join("; ")}`,
    "",
    `${"Edit".padEnd(width)}  Severity  Count`,
    ...r.counts.map((c) => `${c.code.padEnd(width)}  ${c.severity.padEnd(8)}  ${String(c.open + c.resolved).padStart(5)}`),
    "",
    `${r.items.length} edit(s) on ${new Set(r.items.map((i) => i.row)).size} read(s).`,
    `Billing as the reads stand: ${r.standing!.held.length} ${COUNT_WORDS.held}, ${r.standing!.estimated} to be billed on an estimate, ${r.standing!.unmatchedRows} ${COUNT_WORDS.unmatched}.`,
  ];
  if (r.disabled.length)
    lines.push(
      `Off for missing context: ${r.disabled.map((d) => d.code).join(", ")} (${[...new Set(r.disabled.map((d) => d.reason))].join("; ")}).`,
    );
  for (const p of r.contextProblems.slice(0, 10)) lines.push(`Context problem: ${p}`);
  if (out)
    lines.push(
      `Wrote ${out}: codes and messages in columns ${columnLetter(r.columns.codes)}:${columnLetter(r.columns.messages)} of ${r.sheet}, offending cells coloured.`,
    );
  return lines.join("\n");
}
