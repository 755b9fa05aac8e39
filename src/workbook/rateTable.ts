import { compareSizes, Dec, isDecimalText, isIsoDate } from "../engine";
import type { Charge, RateSchedule } from "../engine";
import { cellAddress } from "./address";
import { cellDate, cellDecimal, isBlank, shown } from "./cells";
import type { CellValue, SheetValues } from "./port";

/**
 * The Rates sheet as a rate table (docs/rate-schedules.md): one row per price, so a specialist
 * reads the tariff the way the city publishes it and edits a price in place. What is not a price
 * (a schedule's name, usage unit, rounding) sits on the Rate Schedules sheet, one row per schedule.
 * `rateTableSheets` writes both; `readRateTable` reads them back to each schedule's JSON, which
 * validateSchedule then checks like any other.
 */
export const PRICE_COLUMNS = [
  "Schedule",
  "Effective",
  "Charge",
  "Description",
  "Service",
  "Kind",
  "Classes",
  "Season",
  "Size",
  "From",
  "To",
  "Price",
  "Unit",
  "Per",
  "Options",
] as const;

export const SCHEDULE_COLUMNS = [
  "Schedule",
  "Name",
  "Utility",
  "Usage Unit",
  "Frequency",
  "Cycle Days",
  "Rounding",
  "Prorate Blocks",
  "Blocks Per Month",
  "Classes",
  "Default Meter Size",
  "Source",
  "Notes",
] as const;

type PriceColumn = (typeof PRICE_COLUMNS)[number];
type ScheduleColumn = (typeof SCHEDULE_COLUMNS)[number];

/** What a row's Price is charged per, in the words the table uses. */
const PER = {
  account: "account",
  dwellingUnit: "dwelling unit",
  occurrence: "occurrence",
  included: "included",
  includedPerDwellingUnit: "included per dwelling unit",
  firstCart: "first cart",
  additionalCart: "additional cart",
  pickup: "weekly pickup",
  additionalContainer: "additional container",
} as const;

/** Option names in the Options column ("percent of usage: 90; whole units: down"). */
const OPTIONS = ["add-on", "percent of usage", "cap", "cap default", "whole units", "of"] as const;
type OptionName = (typeof OPTIONS)[number];

// ---------------------------------------------------------------------------------------------
// Writing

/** A size table's entries smallest first (5/8, 3/4, 1, 1.5, 8), as tariffs list them. */
const bySize = <T>(sizes: Readonly<Record<string, T>>) => Object.entries(sizes).sort(([a], [b]) => compareSizes(a, b));

/** A decimal as a cell: a number when the number is the same decimal, else its exact text. */
function decimalCell(d: Dec): CellValue {
  const n = d.toNumber();
  return Number.isFinite(n) && new Dec(String(n)).equals(d) ? n : d.toString();
}

const list = (items: readonly string[] | undefined) => (items ?? []).join(", ");

function chargeOptions(charge: Charge): string {
  const options: string[] = [];
  if (charge.addOn !== undefined) options.push(`add-on: ${charge.addOn}`);
  if (charge.kind === "blocks") {
    if (charge.basis?.percentOfUsage !== undefined) options.push(`percent of usage: ${charge.basis.percentOfUsage.toString()}`);
    if (charge.basis?.cap !== undefined) options.push("cap: winter average");
    if (charge.basis?.capDefault !== undefined) options.push(`cap default: ${charge.basis.capDefault.toString()}`);
    if (charge.wholeUnits !== undefined) options.push(`whole units: ${charge.wholeUnits}`);
  }
  if (charge.kind === "percentOfLines") options.push(`of: ${list(charge.of)}`);
  return options.join("; ");
}

/** The texts a schedule puts in a list cell or an option: none may hold the separators. */
function separatorProblem(schedule: RateSchedule): string | undefined {
  const bad = (s: string) => /[,;]/.test(s);
  const named = [
    ...schedule.classes.map((c) => ["class", c]),
    ...schedule.versions.flatMap((v) =>
      v.charges.flatMap((c) => [["charge id", c.id], ...(c.addOn !== undefined ? [["add-on", c.addOn]] : [])]),
    ),
  ].find(([, s]) => bad(s));
  return named
    ? `Rate schedule "${schedule.id}" was not put on the Rates sheet: its ${named[0]} "${named[1]}" has a comma or semicolon, which the sheet's lists cannot hold. Export it to a JSON file instead.`
    : undefined;
}

function priceRows(schedule: RateSchedule): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const version of schedule.versions) {
    for (const charge of version.charges) {
      const season = charge.season ? `${charge.season.from} to ${charge.season.to}` : "";
      const common = [
        schedule.id,
        version.effective ?? "",
        charge.id,
        charge.description,
        charge.service,
        charge.kind,
        list(charge.classes),
        season,
      ];
      const options = chargeOptions(charge);
      const row = (size: string, from: Dec | number | "", to: Dec | "", price: Dec | "", unit: string, per: string) =>
        rows.push([
          ...common,
          size,
          from === "" ? "" : typeof from === "number" ? from : decimalCell(from),
          to === "" ? "" : decimalCell(to),
          price === "" ? "" : decimalCell(price),
          unit,
          per,
          options,
        ]);
      switch (charge.kind) {
        case "fixed":
          row(
            "",
            "",
            "",
            charge.amount,
            "",
            charge.per === "dwellingUnit" ? PER.dwellingUnit : charge.per === "occurrence" ? PER.occurrence : PER.account,
          );
          break;
        case "meterBase":
          for (const [size, amount] of bySize(charge.amounts))
            row(size, "", "", amount, "", charge.perDwellingUnit ? PER.dwellingUnit : PER.account);
          break;
        case "thresholdBase":
          row("", 0, charge.threshold, charge.atOrBelow, charge.unit, PER.account);
          row("", charge.threshold, "", charge.above, charge.unit, PER.account);
          break;
        case "blocks": {
          const included = charge.allowancePerDwellingUnit ? PER.includedPerDwellingUnit : PER.included;
          if (charge.allowance instanceof Dec) row("", "", charge.allowance, "", charge.unit, included);
          else if (charge.allowance)
            for (const [size, volume] of bySize(charge.allowance)) row(size, "", volume, "", charge.unit, included);
          let from: Dec | number = 0;
          for (const block of charge.blocks) {
            row("", from, block.upTo ?? "", block.price, charge.unit, charge.blocksPerDwellingUnit ? PER.dwellingUnit : PER.account);
            if (block.upTo) from = block.upTo;
          }
          break;
        }
        case "carts":
          for (const [size, price] of bySize(charge.sizes)) {
            row(size, "", "", price.first, "", PER.firstCart);
            row(size, "", "", price.additional, "", PER.additionalCart);
          }
          break;
        case "containers":
          for (const [size, price] of bySize(charge.sizes)) {
            row(size, "", "", price.perPickup, "", PER.pickup);
            row(size, "", "", price.base, "", PER.account);
            row(size, "", "", price.additionalContainer, "", PER.additionalContainer);
          }
          break;
        case "percentOfLines":
          row("", "", "", charge.percent, "%", "");
          break;
      }
    }
  }
  return rows;
}

function scheduleRow(s: RateSchedule): CellValue[] {
  const values: Record<ScheduleColumn, CellValue> = {
    Schedule: s.id,
    Name: s.name,
    Utility: s.utility ?? "",
    "Usage Unit": s.usageUnit,
    Frequency: s.frequency,
    "Cycle Days": s.cycleDays,
    Rounding: s.rounding,
    "Prorate Blocks": s.prorateBlocks,
    // Blank unless set: a bi-monthly or quarterly bill whose blocks apply to each month's usage.
    "Blocks Per Month": s.blocksPerMonth === undefined ? "" : s.blocksPerMonth,
    Classes: list(s.classes),
    "Default Meter Size": s.defaultMeterSize ?? "",
    Source: s.source ?? "",
    Notes: s.notes ?? "",
  };
  return SCHEDULE_COLUMNS.map((c) => values[c]);
}

export interface RateTableSheets {
  /** The Rates sheet: a header, then one row per price. */
  readonly prices: CellValue[][];
  /** The Rate Schedules sheet: a header, then one row per schedule. */
  readonly schedules: CellValue[][];
  /** Schedules the sheets cannot hold, each in one line. */
  readonly problems: string[];
}

/** Both sheets for these schedules, in their order. */
export function rateTableSheets(schedules: readonly RateSchedule[]): RateTableSheets {
  const prices: CellValue[][] = [[...PRICE_COLUMNS]];
  const scheduleRows: CellValue[][] = [[...SCHEDULE_COLUMNS]];
  const problems: string[] = [];
  for (const schedule of schedules) {
    const problem = separatorProblem(schedule);
    if (problem) {
      problems.push(problem);
      continue;
    }
    prices.push(...priceRows(schedule));
    scheduleRows.push(scheduleRow(schedule));
  }
  return { prices, schedules: scheduleRows, problems };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A problem found on a row, naming the cell. */
class CellProblem extends Error {}

const fold = (v: CellValue | undefined) =>
  String(v ?? "")
    .trim()
    .toLowerCase();

/** Each column's index in a header row; undefined for a column the sheet does not have. */
function columnsOf<C extends string>(header: readonly CellValue[], columns: readonly C[]): Map<C, number> {
  const found = new Map<C, number>();
  const cells = header.map(fold);
  for (const c of columns) {
    const i = cells.indexOf(c.toLowerCase());
    if (i >= 0) found.set(c, i);
  }
  return found;
}

/** The first row of the first 50 that has every one of `needed`, or -1. */
export function findHeader(data: SheetValues, needed: readonly string[]): number {
  return data.values.slice(0, 50).findIndex((row) => {
    const cells = row.map(fold);
    return needed.every((h) => cells.includes(h.toLowerCase()));
  });
}

/** One row of a sheet with its cells by column name and the address of each. */
class Row<C extends string> {
  constructor(
    private readonly data: SheetValues,
    private readonly index: number,
    private readonly columns: Map<C, number>,
  ) {}

  raw(c: C): CellValue | undefined {
    const i = this.columns.get(c);
    return i === undefined ? undefined : this.data.values[this.index][i];
  }

  where(c: C): string {
    const i = this.columns.get(c) ?? 0;
    return cellAddress(this.data.sheet, this.data.top + this.index, this.data.left + i);
  }

  fail(c: C, expected: string): never {
    throw new CellProblem(`${this.where(c)}: expected ${expected}, found ${shown(this.raw(c))}`);
  }

  text(c: C): string {
    const v = this.raw(c);
    if (isBlank(v)) return "";
    return typeof v === "number" ? String(v) : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v).trim();
  }

  /** An exact decimal: a number cell, or a decimal written as text (in the workbook's culture too). */
  decimal(c: C): string | undefined {
    const v = this.raw(c);
    if (isBlank(v)) return undefined;
    if (typeof v === "string" && isDecimalText(v.trim())) return new Dec(v.trim()).toString();
    const d = cellDecimal(v ?? null, this.data.culture);
    if (d === undefined && typeof v === "number" && Number.isFinite(v))
      this.fail(c, "a number from -1,000,000,000,000 to 1,000,000,000,000");
    if (d === undefined) this.fail(c, "a number such as 1.30");
    return d.toString();
  }
}

function splitList(text: string): string[] {
  return text === ""
    ? []
    : text
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
}

function readOptions(row: Row<PriceColumn>): Map<OptionName, string> {
  const options = new Map<OptionName, string>();
  for (const part of row.text("Options").split(";")) {
    if (part.trim() === "") continue;
    const m = /^([^:]+):(.*)$/.exec(part.trim());
    const name = m?.[1].trim().toLowerCase() as OptionName | undefined;
    if (!m || !name || !OPTIONS.includes(name))
      row.fail("Options", `options such as "percent of usage: 90; whole units: down" (${OPTIONS.join(", ")})`);
    if (options.has(name)) row.fail("Options", `each option once ("${name}" is given twice)`);
    options.set(name, m[2].trim());
  }
  return options;
}

function readSeason(row: Row<PriceColumn>): { from: string; to: string } | undefined {
  const text = row.text("Season");
  if (text === "") return undefined;
  const m = /^(\d\d-\d\d)\s*(?:to|–|—)\s*(\d\d-\d\d)$/i.exec(text);
  if (!m) row.fail("Season", 'a season such as "05-01 to 09-30"');
  return { from: m[1], to: m[2] };
}

/** The rows of one charge of one version, and what every row of it must agree on. */
interface ChargeRows {
  readonly rows: Row<PriceColumn>[];
}

/** The cells every row of a charge repeats: they must agree, or the sheet is ambiguous. */
const SHARED: readonly PriceColumn[] = ["Description", "Service", "Kind", "Classes", "Season", "Options"];

function perOf(row: Row<PriceColumn>, allowed: readonly string[]): string {
  const per = row.text("Per").toLowerCase();
  if (!allowed.includes(per)) row.fail("Per", `one of ${allowed.map((a) => `"${a}"`).join(", ")} for a ${row.text("Kind")} charge`);
  return per;
}

function priceOf(row: Row<PriceColumn>): string {
  const price = row.decimal("Price");
  if (price === undefined) row.fail("Price", "a price");
  return price;
}

function sizeOf(row: Row<PriceColumn>): string {
  const size = row.text("Size");
  if (size === "") row.fail("Size", "a meter or container size");
  return size;
}

/** A record without a prototype: sizes come from the sheet. */
const table = <T>() => Object.create(null) as Record<string, T>;

function addSized<T>(target: Record<string, T>, row: Row<PriceColumn>, value: T): void {
  const size = sizeOf(row);
  if (size in target) row.fail("Size", `each size once for this charge ("${size}" is listed twice)`);
  target[size] = value;
}

/** One charge's JSON from its rows; records the cell behind each field for problems. */
function readCharge(group: ChargeRows, path: string, cells: Map<string, string>): Record<string, unknown> {
  const [first] = group.rows;
  for (const row of group.rows.slice(1)) {
    for (const c of SHARED) {
      if (row.text(c) !== first.text(c))
        throw new CellProblem(
          `${row.where(c)}: every row of charge "${first.text("Charge")}" must give the same ${c} as ${first.where(c)} (${shown(first.raw(c))})`,
        );
    }
  }
  const kind = first.text("Kind");
  const options = readOptions(first);
  const allowedOptions: Record<string, readonly OptionName[]> = {
    blocks: ["add-on", "percent of usage", "cap", "cap default", "whole units"],
    percentOfLines: ["add-on", "of"],
  };
  for (const name of options.keys()) {
    if (name !== "add-on" && !(allowedOptions[kind] ?? []).includes(name)) first.fail("Options", `no "${name}" option on a ${kind} charge`);
  }
  const charge: Record<string, unknown> = {
    id: first.text("Charge"),
    service: first.text("Service"),
    description: first.text("Description"),
    kind,
  };
  cells.set(path, first.where("Charge"));
  for (const c of ["Service", "Description", "Kind"] as const) cells.set(`${path}.${c.toLowerCase()}`, first.where(c));
  const classes = splitList(first.text("Classes"));
  if (classes.length > 0) {
    charge.classes = classes;
    cells.set(`${path}.classes`, first.where("Classes"));
  }
  const season = readSeason(first);
  if (season) {
    charge.season = season;
    cells.set(`${path}.season`, first.where("Season"));
  }
  if (options.has("add-on")) {
    charge.addOn = options.get("add-on");
    cells.set(`${path}.addOn`, first.where("Options"));
  }
  const at = (field: string, row: Row<PriceColumn>, column: PriceColumn) => cells.set(`${path}.${field}`, row.where(column));
  switch (kind) {
    case "fixed": {
      if (group.rows.length !== 1) group.rows[1].fail("Charge", `one row for a fixed charge ("${charge.id}" has ${group.rows.length})`);
      const per = perOf(first, [PER.account, PER.dwellingUnit, PER.occurrence]);
      charge.amount = priceOf(first);
      charge.per = per === PER.dwellingUnit ? "dwellingUnit" : per;
      at("amount", first, "Price");
      at("per", first, "Per");
      break;
    }
    case "meterBase": {
      const amounts = table<string>();
      const pers = new Set<string>();
      for (const row of group.rows) {
        pers.add(perOf(row, [PER.account, PER.dwellingUnit]));
        addSized(amounts, row, priceOf(row));
        at(`amounts.${row.text("Size")}`, row, "Price");
      }
      if (pers.size > 1) group.rows[group.rows.length - 1].fail("Per", "the same Per on every size of a meter base");
      charge.amounts = amounts;
      charge.perDwellingUnit = pers.has(PER.dwellingUnit);
      break;
    }
    case "thresholdBase": {
      if (group.rows.length !== 2)
        first.fail(
          "Charge",
          `two rows for a threshold base, at or below the threshold and above it ("${charge.id}" has ${group.rows.length})`,
        );
      const [below, above] = group.rows;
      for (const row of group.rows) perOf(row, [PER.account]);
      const threshold = below.decimal("To") ?? below.fail("To", "the threshold (the most usage billed at this price)");
      const from = above.decimal("From");
      if (from === undefined || !new Dec(from).equals(threshold))
        above.fail("From", `the threshold, ${threshold}, where the price above it starts`);
      if (above.decimal("To") !== undefined) above.fail("To", "no upper limit on the price above the threshold");
      if (above.text("Unit") !== below.text("Unit")) above.fail("Unit", `the same unit as ${below.where("Unit")}`);
      Object.assign(charge, { unit: below.text("Unit"), threshold, atOrBelow: priceOf(below), above: priceOf(above) });
      at("threshold", below, "To");
      at("atOrBelow", below, "Price");
      at("above", above, "Price");
      at("unit", below, "Unit");
      break;
    }
    case "blocks":
      readBlocks(group, charge, options, path, cells);
      break;
    case "carts":
    case "containers": {
      const names: Record<string, string> =
        kind === "carts"
          ? { [PER.firstCart]: "first", [PER.additionalCart]: "additional" }
          : { [PER.pickup]: "perPickup", [PER.account]: "base", [PER.additionalContainer]: "additionalContainer" };
      const sizes = table<Record<string, string>>();
      for (const row of group.rows) {
        const per = perOf(row, Object.keys(names));
        const size = sizeOf(row);
        const prices = sizes[size] ?? (sizes[size] = table<string>());
        const field = names[per];
        if (field in prices) row.fail("Per", `"${per}" once for size ${size}`);
        prices[field] = priceOf(row);
        at(`sizes.${size}.${field}`, row, "Price");
      }
      // A cart size needs both prices; a container's base and extra container may be left out (0).
      for (const [size, prices] of Object.entries(sizes)) {
        const missing = (kind === "carts" ? ["first", "additional"] : ["perPickup"]).find((f) => !(f in prices));
        if (missing) {
          const row = group.rows.find((r) => r.text("Size") === size)!;
          row.fail("Per", `a row for the ${Object.keys(names).find((k) => names[k] === missing)} price of size ${size} too`);
        }
      }
      charge.sizes = sizes;
      break;
    }
    case "percentOfLines": {
      if (group.rows.length !== 1)
        group.rows[1].fail("Charge", `one row for a percentage charge ("${charge.id}" has ${group.rows.length})`);
      if (!["", "%"].includes(first.text("Unit"))) first.fail("Unit", '"%" (the price is a percentage)');
      charge.percent = priceOf(first);
      charge.of = splitList(options.get("of") ?? "");
      at("percent", first, "Price");
      at("of", first, "Options");
      break;
    }
    default:
      first.fail("Kind", `one of fixed, meterBase, thresholdBase, blocks, carts, containers, percentOfLines`);
  }
  return charge;
}

function readBlocks(
  group: ChargeRows,
  charge: Record<string, unknown>,
  options: Map<OptionName, string>,
  path: string,
  cells: Map<string, string>,
): void {
  const includedRows = group.rows.filter((r) => r.text("Per").toLowerCase().startsWith("included"));
  const blockRows = group.rows.filter((r) => !r.text("Per").toLowerCase().startsWith("included"));
  const unit = group.rows[0].text("Unit");
  for (const row of group.rows)
    if (row.text("Unit") !== unit)
      row.fail("Unit", `the same unit on every row of a blocks charge (${group.rows[0].where("Unit")} says "${unit}")`);
  charge.unit = unit;
  cells.set(`${path}.unit`, group.rows[0].where("Unit"));
  if (includedRows.length > 0) {
    const pers = new Set(includedRows.map((r) => perOf(r, [PER.included, PER.includedPerDwellingUnit])));
    if (pers.size > 1) includedRows[1].fail("Per", "the same Per on every included row");
    for (const row of includedRows) {
      if (row.decimal("Price") !== undefined && !new Dec(row.decimal("Price")!).isZero())
        row.fail("Price", "no price on an included volume (it is billed at zero)");
      if (row.decimal("From") !== undefined && !new Dec(row.decimal("From")!).isZero())
        row.fail("From", "an included volume counted from 0");
    }
    const volume = (row: Row<PriceColumn>) => {
      const to = row.decimal("To");
      if (to === undefined) row.fail("To", "the volume included");
      return to;
    };
    if (includedRows.length === 1 && includedRows[0].text("Size") === "") {
      charge.allowance = volume(includedRows[0]);
      cells.set(`${path}.allowance`, includedRows[0].where("To"));
    } else {
      const allowance = table<string>();
      for (const row of includedRows) {
        addSized(allowance, row, volume(row));
        cells.set(`${path}.allowance.${row.text("Size")}`, row.where("To"));
      }
      charge.allowance = allowance;
    }
    charge.allowancePerDwellingUnit = pers.has(PER.includedPerDwellingUnit);
  }
  if (blockRows.length === 0)
    group.rows[0].fail("Per", `at least one priced block ("account" or "dwelling unit") for charge "${charge.id as string}"`);
  const pers = new Set(blockRows.map((r) => perOf(r, [PER.account, PER.dwellingUnit, PER.included, PER.includedPerDwellingUnit])));
  if (pers.size > 1) blockRows[blockRows.length - 1].fail("Per", "the same Per on every block");
  charge.blocksPerDwellingUnit = pers.has(PER.dwellingUnit);
  let previous: string | undefined = "0";
  charge.blocks = blockRows.map((row, i) => {
    if (row.text("Size") !== "") row.fail("Size", "no size on a block (sizes belong to included volumes)");
    const from = row.decimal("From") ?? "0";
    if (previous === undefined || !new Dec(from).equals(previous))
      row.fail("From", previous === undefined ? "no block after one without an upper limit" : `${previous}, where the block before ends`);
    const upTo = row.decimal("To") ?? null;
    if (upTo !== null && !new Dec(upTo).greaterThan(from)) row.fail("To", `a limit above ${from}, where this block starts`);
    previous = upTo ?? undefined;
    cells.set(`${path}.blocks[${i}]`, row.where("From"));
    cells.set(`${path}.blocks[${i}].upTo`, row.where("To"));
    cells.set(`${path}.blocks[${i}].price`, row.where("Price"));
    return { upTo, price: priceOf(row) };
  });
  const basis: Record<string, unknown> = {};
  const percent = options.get("percent of usage");
  if (percent !== undefined) basis.percentOfUsage = percent.replace(/%$/, "").trim();
  const cap = options.get("cap");
  if (cap !== undefined) {
    if (cap.toLowerCase() !== "winter average") group.rows[0].fail("Options", '"cap: winter average"');
    basis.cap = "winterAverage";
  }
  if (options.has("cap default")) basis.capDefault = options.get("cap default");
  if (Object.keys(basis).length > 0) {
    charge.basis = basis;
    cells.set(`${path}.basis`, group.rows[0].where("Options"));
  }
  if (options.has("whole units")) {
    charge.wholeUnits = options.get("whole units");
    cells.set(`${path}.wholeUnits`, group.rows[0].where("Options"));
  }
}

function yesNo(row: Row<ScheduleColumn>, c: ScheduleColumn): boolean | undefined {
  const v = row.raw(c);
  if (isBlank(v)) return undefined;
  if (typeof v === "boolean") return v;
  const t = fold(v);
  if (["yes", "true", "y"].includes(t)) return true;
  if (["no", "false", "n"].includes(t)) return false;
  return row.fail(c, "yes or no");
}

/** One schedule's JSON, with the cell behind each of its fields for problems. */
export interface RateTableSchedule {
  readonly id: string;
  readonly json: unknown;
  /** The schedule's row on the Rate Schedules sheet. */
  readonly where: string;
  /** The cell a JSON path came from ("versions[0].charges[1].blocks[2].price" -> "Rates!L14"). */
  readonly cells: ReadonlyMap<string, string>;
}

export interface RateTableRead {
  readonly schedules: RateTableSchedule[];
  readonly problems: string[];
}

/** Reads the Rates sheet (a rate table) with the Rate Schedules sheet beside it. */
export function readRateTable(
  prices: SheetValues,
  headerIndex: number,
  schedulesSheet: SheetValues | undefined,
  schedulesName: string,
): RateTableRead {
  const problems: string[] = [];
  const columns = columnsOf(prices.values[headerIndex], PRICE_COLUMNS);
  const missing = PRICE_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0)
    return {
      schedules: [],
      problems: [`${prices.sheet}: the rate table's header row has no column ${missing.map((m) => `"${m}"`).join(", ")}`],
    };
  if (!schedulesSheet)
    return {
      schedules: [],
      problems: [
        `${prices.sheet}: the rate table needs its "${schedulesName}" sheet (each schedule's name and usage unit); it is not in this workbook`,
      ],
    };
  const scheduleHeader = findHeader(schedulesSheet, ["Schedule", "Name", "Usage Unit"]);
  if (scheduleHeader < 0)
    return {
      schedules: [],
      problems: [`${schedulesSheet.sheet}: no header row with the columns Schedule, Name, Usage Unit in the first 50 rows`],
    };

  // Prices by schedule, then version (by its Effective text), then charge, each in first-seen order.
  // A schedule with a row that cannot be read is not imported at all: without the row it would price differently.
  const unreadable = new Set<string>();
  /** Records a row's problem and the schedule it keeps out; returns the schedule's id. */
  const refuse = (row: Row<PriceColumn> | Row<ScheduleColumn>, error: unknown): string => {
    if (!(error instanceof CellProblem)) throw error;
    const id = (row as Row<"Schedule">).text("Schedule");
    problems.push(id === "" ? error.message : `${error.message}; rate schedule "${id}" is not used until it is put right`);
    return id;
  };
  const bySchedule = new Map<
    string,
    { first: string; versions: Map<string, { effective: string | null; where: string; charges: Map<string, ChargeRows> }> }
  >();
  for (let i = headerIndex + 1; i < prices.values.length; i++) {
    const row = new Row(prices, i, columns);
    if (PRICE_COLUMNS.every((c) => isBlank(row.raw(c)))) continue;
    try {
      const id = row.text("Schedule");
      if (id === "") row.fail("Schedule", "the schedule this price belongs to");
      const charge = row.text("Charge");
      if (charge === "") row.fail("Charge", "the charge this price belongs to");
      let effective: string | null = null;
      if (!isBlank(row.raw("Effective"))) {
        const date = cellDate(row.raw("Effective") ?? null);
        effective =
          date && isIsoDate(date) ? date : row.fail("Effective", "a date such as 2025-10-01, or blank for rates in force from the start");
      }
      const key = id.toLowerCase();
      let schedule = bySchedule.get(key);
      if (!schedule) bySchedule.set(key, (schedule = { first: row.where("Schedule"), versions: new Map() }));
      let version = schedule.versions.get(effective ?? "");
      if (!version) schedule.versions.set(effective ?? "", (version = { effective, where: row.where("Effective"), charges: new Map() }));
      let group = version.charges.get(charge);
      if (!group) version.charges.set(charge, (group = { rows: [] }));
      group.rows.push(row);
    } catch (error) {
      unreadable.add(refuse(row, error).toLowerCase());
    }
  }

  const scheduleColumns = columnsOf(schedulesSheet.values[scheduleHeader], SCHEDULE_COLUMNS);
  const schedules: RateTableSchedule[] = [];
  const listed = new Set<string>();
  for (let i = scheduleHeader + 1; i < schedulesSheet.values.length; i++) {
    const row = new Row(schedulesSheet, i, scheduleColumns);
    if (SCHEDULE_COLUMNS.every((c) => isBlank(row.raw(c)))) continue;
    try {
      const id = row.text("Schedule");
      if (id === "") row.fail("Schedule", "the schedule's id");
      const key = id.toLowerCase();
      if (listed.has(key)) row.fail("Schedule", `each schedule once ("${id}" is listed twice)`);
      listed.add(key);
      if (unreadable.has(key)) continue;
      const found = bySchedule.get(key) ?? row.fail("Schedule", `a schedule with prices on the ${prices.sheet} sheet ("${id}" has none)`);
      const cells = new Map<string, string>();
      const json: Record<string, unknown> = { id, name: row.text("Name"), usageUnit: row.text("Usage Unit") };
      const optional = (c: ScheduleColumn, field: string, value: unknown) => {
        cells.set(field, row.where(c));
        if (value !== undefined && value !== "") json[field] = value;
      };
      cells.set("id", row.where("Schedule"));
      cells.set("name", row.where("Name"));
      cells.set("usageUnit", row.where("Usage Unit"));
      optional("Utility", "utility", row.text("Utility"));
      optional("Source", "source", row.text("Source"));
      optional("Notes", "notes", row.text("Notes"));
      optional("Frequency", "frequency", row.text("Frequency"));
      const days = row.raw("Cycle Days");
      optional(
        "Cycle Days",
        "cycleDays",
        isBlank(days) ? undefined : typeof days === "number" ? days : Number(row.text("Cycle Days")) || row.text("Cycle Days"),
      );
      optional("Rounding", "rounding", row.text("Rounding"));
      optional("Prorate Blocks", "prorateBlocks", yesNo(row, "Prorate Blocks"));
      optional("Blocks Per Month", "blocksPerMonth", yesNo(row, "Blocks Per Month"));
      const classes = splitList(row.text("Classes"));
      optional("Classes", "classes", classes.length > 0 ? classes : undefined);
      optional("Default Meter Size", "defaultMeterSize", row.text("Default Meter Size"));
      json.versions = [...found.versions.values()].map((version, v) => {
        cells.set(`versions[${v}]`, version.where);
        cells.set(`versions[${v}].effective`, version.where);
        return {
          effective: version.effective,
          charges: [...version.charges.values()].map((group, c) => readCharge(group, `versions[${v}].charges[${c}]`, cells)),
        };
      });
      schedules.push({ id, json, where: row.where("Schedule"), cells });
    } catch (error) {
      refuse(row, error);
    }
  }
  for (const [key, found] of bySchedule) {
    if (!listed.has(key) && !unreadable.has(key))
      problems.push(
        `${found.first}: schedule "${key}" has prices but no row on the ${schedulesSheet.sheet} sheet (its name and usage unit)`,
      );
  }
  return { schedules, problems };
}

/**
 * A schedule's validation problem placed on the cell it came from: validateSchedule names a JSON
 * path ("rate schedule "x": versions[0].charges[1].blocks[1].upTo: ..."); the longest path the
 * sheet recorded names the cell.
 */
export function placeProblem(entry: { readonly where: string; readonly cells?: ReadonlyMap<string, string> }, message: string): string {
  const m = /^rate schedule [^:]*: ([^:]+):/.exec(message);
  if (m && entry.cells) {
    let path = m[1].trim();
    while (path !== "") {
      const cell = entry.cells.get(path);
      if (cell) return `${cell}: ${message}`;
      const shorter = path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
      if (shorter === path) break;
      path = shorter;
    }
  }
  return `${entry.where}: ${message}`;
}
