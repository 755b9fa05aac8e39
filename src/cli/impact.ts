import { existsSync } from "fs";
import { dec, isDecimalText, moneyText, scalableCharges, scaleSchedule, validateSchedule } from "../engine";
import type { RateSchedule } from "../engine";
import { readXlsxFast, WorkbookFileProblem } from "../adapters/xlsx/fastRead";
import { writeXlsx } from "../adapters/xlsx/fastXlsx";
import { computeImpact, targetGrowthText } from "../impact/runImpact";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { placeProblem, RATES_SHEET, readWorkbookRates } from "../workbook/ratesSheet";
import type { RatesSheetSchedule } from "../workbook/ratesSheet";
import { atMost, ParsedArgs, text, UsageError } from "./args";
import { checkOutput, writeAtomically } from "./files";
import { checkWorkbookFile } from "./inputFile";
import { loadScheduleFile } from "./quote";

export const IMPACT_HELP = `ubill impact WORKBOOK.xlsx --current A (--proposed B | --increase PCT | --target DOLLARS) --out OUT.xlsx
             [--months 12] [--charge ID]
  What a proposed rate does to revenue and to each customer: every bill of the workbook's last
  months on its Usage History priced again under the current and the proposed schedule, each
  account with its class, meter size, units and carts as they were then. OUT.xlsx gets the Rate
  Impact sheet (revenue by month with a line chart, by service and class, the typical residential
  bill, each account's change with a histogram), Impact Revenue, Bill Frequency (bills and volume by
  block) and Impact by Account (most affected first).
  --current A, --proposed B  a schedule on the workbook's Rates sheet (its id) or a schedule JSON file;
                   --proposed B,C compares several (each account's change is against the first)
  --increase PCT   the proposed schedule is the current one with its prices raised PCT percent
                   (every price, or only --charge's): --increase 10 --charge water-usage
  --months N       how many of the latest months to price (default 12)
  --target DOLLARS|PCT%  solve for the smallest change of the proposed schedule (the current one when none
                   is given; or of --charge only) whose bills bring in at least DOLLARS over the
                   months (or PCT% more than the current schedule's revenue: --target 4%); the
                   sheets then price the schedule it finds as the proposed one`;

/** A schedule named on the command line: a JSON file, or an id on the workbook's Rates sheet. */
function scheduleNamed(name: string, option: string, rates: readonly RatesSheetSchedule[]): RateSchedule {
  if (/\.json$/i.test(name) || existsSync(name)) return loadScheduleFile(name);
  const entry = rates.find((s) => s.id === name);
  if (!entry)
    throw new UsageError(
      `--${option} ${name}: no such schedule file, and the ${RATES_SHEET} sheet has no schedule "${name}"; it has ${rates.map((s) => s.id).join(", ") || "none"}`,
    );
  const result = validateSchedule(entry.json);
  if (!result.ok) throw new UsageError(placeProblem(entry, result.problem.message));
  return result.value;
}

function decimalOption(args: ParsedArgs, name: string, low: number, high: number, what: string) {
  const v = text(args, name);
  if (v === undefined) return undefined;
  const plain = v.replace(/[$,]/g, "");
  if (!isDecimalText(plain) || dec(plain).lessThan(low) || dec(plain).greaterThan(high))
    throw new UsageError(`--${name} must be ${what}, got "${v}"`);
  return dec(plain);
}

/** Runs `ubill impact`: returns the text to print. */
export async function impact(args: ParsedArgs): Promise<string> {
  const [input] = args.positional;
  if (!input) throw new UsageError("impact needs a workbook: ubill impact WORKBOOK.xlsx --current A --proposed B --out OUT.xlsx");
  if (!existsSync(input)) throw new UsageError(`cannot read ${input}: no such file`);
  atMost(args, 1, "ubill impact WORKBOOK.xlsx --current A --proposed B --out OUT.xlsx");
  const out = text(args, "out");
  if (!out) throw new UsageError("--out is required: the impact sheets go into a new workbook, never the input");
  checkOutput(out, input);
  const months = decimalOption(args, "months", 1, 120, "a whole number of months from 1 to 120");
  if (months && !months.isInteger())
    throw new UsageError(`--months must be a whole number of months from 1 to 120, got "${text(args, "months")}"`);
  const increase = decimalOption(args, "increase", -99.99, 1000, "a percentage from -99.99 to 1000, such as 10 or 2.5");
  // A target in dollars, or as growth over the current revenue ("4%", "+4%", "-2.5%").
  const targetText = text(args, "target");
  const growth = targetGrowthText(targetText);
  if (growth !== undefined && !(isDecimalText(growth) && dec(growth).greaterThan(-100) && dec(growth).lessThanOrEqualTo(1000)))
    throw new UsageError(
      `--target must be a revenue in dollars, such as 12500000, or a change in percent, such as 4%; got "${targetText}"`,
    );
  const targetGrowth = growth === undefined ? undefined : dec(growth);
  const target =
    growth === undefined
      ? decimalOption(args, "target", 0, 1e12, "a revenue in dollars, such as 12500000, or a change in percent, such as 4%")
      : undefined;
  const currentName = text(args, "current");
  if (!currentName) throw new UsageError("--current is required: the schedule in use (a Rates sheet id or a JSON file)");
  const proposedName = text(args, "proposed");
  if (proposedName !== undefined && increase !== undefined)
    throw new UsageError(
      "give the proposed schedule (--proposed B) or the increase to apply to the current one (--increase PCT), not both",
    );
  const solving = target !== undefined || targetGrowth !== undefined;
  if (proposedName === undefined && increase === undefined && !solving)
    throw new UsageError(
      "give the proposed schedule (--proposed B), the increase to apply to the current one (--increase PCT), or a revenue target (--target DOLLARS)",
    );
  checkWorkbookFile(input);
  let workbook: MemoryWorkbook;
  try {
    workbook = readXlsxFast(input);
  } catch (error) {
    if (error instanceof WorkbookFileProblem) throw new UsageError(`${input} cannot be read: ${error.message}`);
    throw new UsageError(`${input} is not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const read = await readWorkbookRates(workbook);
  const rates = read?.schedules ?? [];
  const current = scheduleNamed(currentName, "current", rates);
  const chargeId = text(args, "charge");
  if (chargeId !== undefined && !scalableCharges(current).includes(chargeId) && proposedName === undefined)
    throw new UsageError(
      `--charge ${chargeId}: schedule ${current.id} has no such charge; its charges: ${scalableCharges(current).join(", ")}`,
    );
  // With a target alone, the solver moves the current schedule's prices: the proposed one is what it finds.
  const proposals = proposedName
    ? proposedName
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean)
        .map((name) => scheduleNamed(name, "proposed", rates))
    : increase !== undefined
      ? [scaleSchedule(current, increase, solving ? undefined : chargeId)]
      : [];
  if (proposedName !== undefined && proposals.length === 0) throw new UsageError("--proposed names no schedule");
  const base = proposals[0] ?? current;
  if (chargeId !== undefined && solving && !scalableCharges(base).includes(chargeId))
    throw new UsageError(`--charge ${chargeId}: schedule ${base.id} has no such charge; its charges: ${scalableCharges(base).join(", ")}`);
  const started = Date.now();
  const run = await computeImpact(workbook, {
    schedules: [current, ...proposals],
    months: months?.toNumber(),
    target,
    targetGrowth,
    chargeId: solving ? chargeId : undefined,
  });
  if (!run.ok) throw new UsageError(`${input}: ${run.message}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const r = run.value.result;
  const priced = run.value.schedules;
  const output = new MemoryWorkbook();
  for (const sheet of run.value.sheets) await output.replaceSheet(sheet.name, sheet.rows, sheet.options);
  await writeAtomically(out, (partial) => writeXlsx(partial, output));
  const [now, then] = r.totals;
  const diff = then.minus(now);
  const names = priced.map((s) => s.id);
  const lines = [
    `Priced ${r.billsPriced.toLocaleString("en-US")} bills of ${r.months[0]} to ${r.months.at(-1)} under ${names.slice(0, -1).join(", ")} and ${names.at(-1)} in ${seconds} s (${r.distinctBills.toLocaleString("en-US")} distinct)${r.months.length < (months?.toNumber() ?? 12) ? `; only ${r.months.length} of the ${months?.toNumber() ?? 12} months asked for are on the Usage History` : ""}${r.skipped.length ? `; ${r.skipped.length.toLocaleString("en-US")} left out, the first ${r.skipped[0].account} ${r.skipped[0].periodEnd}: ${r.skipped[0].reason}` : ""}.`,
    `Revenue: ${moneyText(now)} now, ${moneyText(then)} proposed: ${diff.isNegative() ? "" : "+"}${moneyText(diff)}${now.isZero() ? "" : ` (${diff.div(now).times(100).toFixed(2)}%)`}.`,
    ...priced.slice(2).map((p, i) => {
      const other = r.totals[i + 2].minus(now);
      return `Revenue under ${p.id}: ${moneyText(r.totals[i + 2])}: ${other.isNegative() ? "" : "+"}${moneyText(other)}${now.isZero() ? "" : ` (${other.div(now).times(100).toFixed(2)}%)`}.`;
    }),
    `Accounts: ${r.distribution.increased.toLocaleString("en-US")} pay more, ${r.distribution.unchanged.toLocaleString("en-US")} the same, ${r.distribution.decreased.toLocaleString("en-US")} less; median change ${moneyText(r.distribution.percentiles.find((p) => p.percentile === 50)?.change ?? dec(0))} a month.`,
  ];
  const solved = run.value.solved;
  if (solved)
    lines.push(
      `Target ${moneyText(solved.target)}: ${solved.percent.isNegative() ? "" : "+"}${solved.percent.toString()}% ${chargeId ? `on ${chargeId}` : "on every price"} of ${solved.base.id} brings in ${moneyText(solved.revenue)}${solved.below ? ` (${solved.below.percent.toString()}%: ${moneyText(solved.below.revenue)})` : ""}; the sheets price it as the proposed schedule, ${solved.schedule.id}.`,
    );
  lines.push(`Wrote ${out}: ${run.value.sheets.map((s) => s.name).join(", ")}.`);
  return lines.join("\n");
}
