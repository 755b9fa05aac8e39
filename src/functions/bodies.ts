import {
  computeBackBill,
  computeBill,
  computeConsumption,
  computeLeakCredit,
  Dec,
  estimateUsage,
  fail,
  ok,
  prorate,
  tieredTotal,
  addDec,
  Result,
  RateSchedule,
  selectVersion,
  winterQuarterAverage,
  winterBillAverage,
  IsoDate,
  BillInput,
  ZERO,
} from "../engine";
import { scheduleCache } from "../storage/scheduleCache";
import { readDate } from "./args";
import { readBlocksRange } from "./blocksArg";

/**
 * What each UB function does once its arguments are read: call the engine and convert the
 * answer to what a cell shows. Numbers leave Decimal here, as the last step.
 */

/** Today's date in the user's time zone: the default "as of" date, read at the edge. */
export function today(): IsoDate {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

export function consumption(previous: Dec, current: Dec, dials?: number, multiplier?: Dec, unitSize?: Dec): Result<number> {
  const r = computeConsumption({ previous, current, dials, multiplier, unitSize });
  return r.ok ? ok(r.value.usage.toNumber()) : r;
}

export function tiered(usage: Dec, grid: unknown[][], base?: Dec, unitSize?: Dec): Result<number> {
  const blocks = readBlocksRange(grid);
  if (!blocks.ok) return blocks;
  if (unitSize !== undefined && !unitSize.greaterThan(0)) return fail("INVALID_INPUT", "unitSize must be above 0");
  return ok(addDec(base ?? ZERO, tieredTotal(usage, blocks.value, { unitSize })).toNumber());
}

function schedule(id: string): Result<RateSchedule> {
  const found = scheduleCache.get(id);
  if (found) return ok(found);
  const ids = scheduleCache.ids();
  return fail(
    "UNKNOWN_SCHEDULE",
    `no rate schedule "${id}" is loaded; loaded: ${ids.length ? ids.join(", ") : "none (import one in the Rates view, or load the published samples there)"}`,
  );
}

interface Account {
  meterSize?: string;
  carts?: number;
  days?: Dec;
  asOf?: IsoDate;
  monthlyUsage?: (Dec | null)[];
}

/**
 * The months of a bill's monthly-usage range. Blank and 0 cells are left out: a blank cell reaches
 * a function as 0 on some desktop builds, and a month of no use adds nothing to any block. None
 * left means none given.
 */
function monthsOf(cells: (Dec | null)[] | undefined): Dec[] | undefined {
  const months = cells?.filter((v): v is Dec => !blankOrZero(v));
  return months && months.length > 0 ? months : undefined;
}

function billFor(id: string, usage: Dec, account: Account, services?: string[]) {
  const s = schedule(id);
  if (!s.ok) return s;
  const input: BillInput = {
    usage,
    asOf: account.asOf ?? today(),
    meterSize: account.meterSize,
    // A blank carts argument is no cart, as 0 is: some desktop builds pass a blank cell as 0.
    carts: { count: account.carts ?? 0 },
    days: account.days?.toNumber(),
    monthlyUsage: monthsOf(account.monthlyUsage),
    services,
  };
  return computeBill(s.value, input);
}

export function charge(id: string, service: string, usage: Dec, meterSize?: string, days?: Dec, asOf?: IsoDate): Result<number> {
  const s = schedule(id);
  if (!s.ok) return s;
  const when = asOf ?? today();
  const version = selectVersion(s.value, when);
  if (!version.ok) return version;
  const services = [...new Set(version.value.charges.map((c) => c.service))];
  const wanted = service.toLowerCase();
  if (!services.includes(wanted))
    return fail("UNKNOWN_SERVICE", `schedule ${s.value.id} has no "${service}" service; services: ${services.join(", ")}`);
  const bill = billFor(id, usage, { meterSize, days, asOf: when }, [wanted]);
  return bill.ok ? ok(bill.value.total.toNumber()) : bill;
}

export function bill(
  id: string,
  usage: Dec,
  meterSize?: string,
  carts?: number,
  days?: Dec,
  asOf?: IsoDate,
  monthlyUsage?: (Dec | null)[],
): Result<number> {
  const b = billFor(id, usage, { meterSize, carts, days, asOf, monthlyUsage });
  return b.ok ? ok(b.value.total.toNumber()) : b;
}

export const BILL_LINES_HEADER = ["Service", "Description", "Quantity", "Unit", "Price", "Amount"];

export function billLines(
  id: string,
  usage: Dec,
  meterSize?: string,
  carts?: number,
  days?: Dec,
  asOf?: IsoDate,
  monthlyUsage?: (Dec | null)[],
): Result<(string | number)[][]> {
  const b = billFor(id, usage, { meterSize, carts, days, asOf, monthlyUsage });
  if (!b.ok) return b;
  const rows: (string | number)[][] = [BILL_LINES_HEADER];
  for (const l of b.value.lines)
    rows.push([l.service, l.description, l.quantity.toNumber(), l.unit, l.price.toNumber(), l.amount.toNumber()]);
  rows.push(["", "Total", "", "", "", b.value.total.toNumber()]);
  return ok(rows);
}

const ZERO_DEC = new Dec(0);
const blankOrZero = (v: Dec | null | undefined) => v === null || v === undefined || v.isZero();

/**
 * Usage and days lined up cell by cell. A period of no days is a blank row (a blank cell reaches
 * a function as 0 on some desktop builds), so it is left out; a blank usage beside days is 0.
 */
function pairs(usages: (Dec | null)[], days: (Dec | null)[]): Result<{ usage: Dec; days: number }[]> {
  if (usages.length !== days.length)
    return fail("INVALID_INPUT", `usages and days must be ranges of the same size (${usages.length} and ${days.length} cells)`);
  const out: { usage: Dec; days: number }[] = [];
  usages.forEach((usage, i) => {
    if (!blankOrZero(days[i])) out.push({ usage: usage ?? ZERO_DEC, days: days[i]!.toNumber() });
  });
  return out.length > 0 ? ok(out) : fail("INVALID_INPUT", "days must have at least one period of more than 0 days");
}

export function estimate(usages: (Dec | null)[], days: (Dec | null)[], currentDays: Dec, excludeHighLow?: boolean): Result<number> {
  const history = pairs(usages, days);
  if (!history.ok) return history;
  const r = estimateUsage(history.value, currentDays.toNumber(), { excludeHighLow });
  return r.ok ? ok(r.value.estimate.toNumber()) : r;
}

/**
 * The winter average: per day of service (`method` "days", the default when days are given:
 * usage / days x 30.42) or the mean of the bills' usage ("bills", the default without days).
 * With days, usage and days line up cell by cell as for UB.ESTIMATE; without them, blank and 0
 * usage cells are left out (a blank reaches some desktop builds as 0).
 */
export function winterAverage(usages: (Dec | null)[], dayCells?: (Dec | null)[], method?: string): Result<number> {
  // A range of blank days is no days, on the builds that pass its blanks as 0s too.
  const days = dayCells?.some((d) => !blankOrZero(d)) ? dayCells : undefined;
  const how = (method ?? (days ? "days" : "bills")).toLowerCase();
  if (how !== "days" && how !== "bills") return fail("INVALID_INPUT", `method must be "days" or "bills", got "${method}"`);
  if (how === "days" && !days)
    return fail(
      "INVALID_INPUT",
      'days must be given to average per day of service; method "bills" averages the bills\' usage without them',
    );
  let r: Result<Dec>;
  if (days) {
    const periods = pairs(usages, days);
    if (!periods.ok) return periods;
    r = how === "days" ? winterQuarterAverage(periods.value) : winterBillAverage(periods.value.map((p) => p.usage));
  } else {
    const bills = usages.filter((v): v is Dec => !blankOrZero(v));
    if (bills.length === 0) return fail("INVALID_INPUT", "usages must have at least one winter bill above 0");
    r = winterBillAverage(bills);
  }
  return r.ok ? ok(r.value.toNumber()) : r;
}

export function leakAdjustment(
  id: string,
  usage: Dec,
  baselineCells: (Dec | null)[],
  share?: Dec,
  pricing?: string,
  creditStep?: Dec,
  adjustSewer?: boolean,
  asOf?: IsoDate,
  meterSize?: string,
  returns?: string,
): Result<number> {
  const wanted = (returns ?? "credit").toLowerCase();
  if (wanted !== "credit" && wanted !== "volume") return fail("INVALID_INPUT", `returns must be "credit" or "volume", got "${returns}"`);
  const s = schedule(id);
  if (!s.ok) return s;
  // A month of no use is not the customer's normal use; leaving 0 out also reads a blank cell
  // passed as 0 (some desktop builds) the same as one passed as null.
  const baseline = baselineCells.filter((v): v is Dec => !blankOrZero(v));
  if (baseline.length === 0) return fail("INVALID_INPUT", "baseline must have at least one month of use above 0");
  const method = (pricing ?? "blocks").toLowerCase();
  if (method !== "blocks" && method !== "lowest" && method !== "lowestblock")
    return fail("INVALID_INPUT", `pricing must be "blocks" or "lowest", got "${pricing}"`);
  if (creditStep !== undefined && !creditStep.greaterThan(0)) return fail("INVALID_INPUT", "creditStep must be above 0");
  const when = asOf ?? today();
  const r = computeLeakCredit({
    schedule: s.value,
    account: { meterSize },
    periods: [{ asOf: when, usage }],
    baseline: baseline.reduce((a, b) => a.plus(b), new Dec(0)).div(baseline.length),
    policy: {
      creditShare: share ?? new Dec("0.5"),
      pricing: method === "blocks" ? "blocks" : "lowestBlock",
      creditStep: creditStep ?? new Dec(1),
      creditRounding: "up",
      adjustSewer: adjustSewer ?? false,
      waterServices: ["water"],
      sewerServices: ["sewer"],
    },
    previousAdjustments: [],
    asOf: when,
  });
  if (!r.ok) return r;
  // The leak file records both: the credit in dollars, and the volume credited in the schedule's usage unit.
  return ok(wanted === "volume" ? r.value.creditedVolume.toNumber() : r.value.total.toNumber());
}

export function backBill(
  id: string,
  periodEnds: unknown[][],
  billedCells: (Dec | null)[],
  correctedCells: (Dec | null)[],
  lookbackMonths?: number,
  share?: Dec,
  asOf?: IsoDate,
  meterSize?: string,
): Result<number> {
  const s = schedule(id);
  if (!s.ok) return s;
  const cells = periodEnds.flat();
  if (cells.length !== billedCells.length || cells.length !== correctedCells.length) {
    return fail(
      "INVALID_INPUT",
      `periodEnds, billedUsages and correctedUsages must be ranges of the same size (${cells.length}, ${billedCells.length}, ${correctedCells.length} cells)`,
    );
  }
  // A row without a period end is a blank row (0 is how some desktop builds pass a blank cell).
  const dates: IsoDate[] = [];
  const billed: Dec[] = [];
  const corrected: Dec[] = [];
  for (const [i, cell] of cells.entries()) {
    if (cell === null || cell === undefined || cell === "" || cell === 0) continue;
    const date = readDate(cell);
    if (!date) return fail("INVALID_INPUT", `periodEnds item ${i + 1} must be a date; got ${JSON.stringify(cell)}`);
    dates.push(date);
    billed.push(billedCells[i] ?? ZERO_DEC);
    corrected.push(correctedCells[i] ?? ZERO_DEC);
  }
  if (dates.length === 0) return fail("INVALID_INPUT", "periodEnds must have at least one date");
  const periods = dates.map((d, i) => ({ asOf: d, billedUsage: billed[i], correctedUsage: corrected[i] }));
  const r = computeBackBill(s.value, { meterSize }, periods, { undercharge: share ?? new Dec(1), lookbackMonths }, asOf ?? today());
  return r.ok ? ok(r.value.amount.toNumber()) : r;
}

export function prorateAmount(amount: Dec, days: Dec, cycleDays: Dec): Result<number> {
  const r = prorate(amount, days.toNumber(), cycleDays.toNumber());
  return r.ok ? ok(r.value.toNumber()) : r;
}
