import { Dec, moneyText, mostAffected, quantityText, selectVersion, unitLabel, ZERO } from "../engine";
import type { ImpactResult, RateSchedule, Solved } from "../engine";
import { MONEY, OutputSheet, PRICE, QUANTITY } from "../cycle/sheets/output";
import type { CellValue, ChartSpec } from "../workbook/port";

export const RATE_IMPACT_SHEET = "Rate Impact";
export const IMPACT_REVENUE_SHEET = "Impact Revenue";
export const BILL_FREQUENCY_SHEET = "Bill Frequency";
export const IMPACT_ACCOUNTS_SHEET = "Impact by Account";
export const IMPACT_SHEETS = [RATE_IMPACT_SHEET, IMPACT_REVENUE_SHEET, BILL_FREQUENCY_SHEET, IMPACT_ACCOUNTS_SHEET] as const;

const PERCENT = "0.00%;-0.00%";

/** What the sheets say besides the result: the bills read, the months asked for, a solved target. */
export interface ImpactContext {
  readonly billsRead: number;
  readonly monthsAsked: number;
  readonly solved?: Solved & { readonly target: Dec; readonly chargeId?: string; readonly base: RateSchedule };
}
const COUNT = "#,##0";

/** The difference column's header: the first proposed schedule less the current one. */
const differenceHeader = (schedules: readonly RateSchedule[]) => (schedules.length > 2 ? "Proposed 1 less Current" : "Difference");

/** Proposed less current, and that as a share of current (null when current is zero). */
function change(amounts: readonly Dec[]): [number, number | null] {
  const diff = amounts[1].minus(amounts[0]);
  return [diff.toNumber(), amounts[0].isZero() ? null : diff.div(amounts[0]).toDecimalPlaces(6, Dec.ROUND_HALF_UP).toNumber()];
}

/** What the typical bill is priced on, in words: ' (3/4" meter, 1 cart)'. */
function typicalShape(inputs: ImpactResult["typical"]["inputs"]): string {
  const parts = [
    inputs.meterSize ? `${inputs.meterSize}" meter` : "",
    inputs.dwellingUnits && inputs.dwellingUnits > 1 ? `${inputs.dwellingUnits} units` : "",
    inputs.carts ? `${inputs.carts.count} cart${inputs.carts.count === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** What every printed page of a run says at its top: which schedules, over which months. */
function printTitle(r: ImpactResult, schedules: readonly RateSchedule[]): string {
  const months = r.months.length ? `, ${r.months[0]} to ${r.months.at(-1)}` : "";
  return `Rate impact${months}: ${schedules
    .slice(1)
    .map((s) => s.id)
    .join(", ")} against ${schedules[0].id}`;
}

/** The schedules as column headers (and chart series): Current, then Proposed (Proposed 1, 2, ... when more than one). */
function headers(schedules: readonly RateSchedule[]): string[] {
  return schedules.map((_, i) => (i === 0 ? "Current" : schedules.length > 2 ? `Proposed ${i}` : "Proposed"));
}

/** One price of a schedule: the charge, what it is for, and the price. */
type PriceLine = { readonly charge: string; readonly what: string; readonly price: Dec };

/** Every price of the version of a schedule in effect on a date, keyed "charge id|what". */
function pricesOf(schedule: RateSchedule, asOf: string): Map<string, PriceLine> {
  const lines = new Map<string, PriceLine>();
  const version = selectVersion(schedule, asOf);
  if (!version.ok) return lines;
  for (const c of version.value.charges) {
    const add = (what: string, price: Dec) => lines.set(`${c.id}|${what}`, { charge: c.description, what, price });
    if (c.kind === "fixed")
      add(c.per === "account" ? "each bill" : `per ${c.per === "dwellingUnit" ? "dwelling unit" : "occurrence"}`, c.amount);
    else if (c.kind === "meterBase") for (const k of Object.keys(c.amounts)) add(`${k}" meter`, c.amounts[k]);
    else if (c.kind === "thresholdBase") {
      add(`at or below ${quantityText(c.threshold)}`, c.atOrBelow);
      add(`above ${quantityText(c.threshold)}`, c.above);
    } else if (c.kind === "blocks") {
      let from = ZERO;
      c.blocks.forEach((b) => {
        const what =
          c.blocks.length === 1
            ? `per ${unitLabel(c.unit)}`
            : b.upTo
              ? `${quantityText(from)} to ${quantityText(b.upTo)} ${unitLabel(c.unit)}`
              : `over ${quantityText(from)} ${unitLabel(c.unit)}`;
        add(what, b.price);
        from = b.upTo ?? from;
      });
    } else if (c.kind === "carts")
      for (const k of Object.keys(c.sizes)) {
        add(`${k} cart`, c.sizes[k].first);
        add(`${k}, each more`, c.sizes[k].additional);
      }
    else if (c.kind === "containers")
      for (const k of Object.keys(c.sizes)) {
        add(`${k}, per pickup`, c.sizes[k].perPickup);
        add(`${k}, base`, c.sizes[k].base);
        add(`${k}, each more`, c.sizes[k].additionalContainer);
      }
  }
  return lines;
}

/** The current and the proposed prices side by side, with each price's own change: what a council adopts. */
function priceRows(current: RateSchedule, proposed: RateSchedule, asOf: string): CellValue[][] {
  const now = pricesOf(current, asOf);
  const then = pricesOf(proposed, asOf);
  const rows: CellValue[][] = [];
  for (const key of new Set([...then.keys(), ...now.keys()])) {
    const a = now.get(key);
    const b = then.get(key);
    const line = (b ?? a)!;
    rows.push([
      `${line.charge}, ${line.what}`,
      a ? a.price.toNumber() : "(none)",
      b ? b.price.toNumber() : "(none)",
      a && b ? b.price.minus(a.price).toNumber() : null,
      a && b && !a.price.isZero() ? b.price.minus(a.price).div(a.price).toDecimalPlaces(6, Dec.ROUND_HALF_UP).toNumber() : null,
    ]);
  }
  return rows;
}

/**
 * The Rate Impact sheet: what was compared, revenue by month (with a line chart), by service and by
 * class, the typical residential bill, how each account's average bill changes (percentiles, and a
 * histogram of accounts by change band), and, when a revenue target was solved, the change that
 * meets it and the prices it implies.
 */
export function rateImpactSheet(r: ImpactResult, schedules: readonly RateSchedule[], context: ImpactContext): OutputSheet {
  const n = schedules.length;
  const width = n + 3;
  const rows: CellValue[][] = [];
  const cellFormats: { row: number; column: number; format: string }[] = [];
  const boldRows: number[] = [];
  const charts: ChartSpec[] = [];
  const names = headers(schedules);
  const title = (text: string) => {
    boldRows.push(rows.length);
    rows.push([text]);
  };
  const table = (label: string, entries: { name: string; amounts: readonly Dec[] }[], total = true) => {
    boldRows.push(rows.length);
    const top = rows.length;
    rows.push([label, ...names, differenceHeader(schedules), "Change"]);
    for (const e of entries) rows.push([e.name, ...e.amounts.map((a) => a.toNumber()), ...change(e.amounts)]);
    if (total) {
      const sums = schedules.map((_, s) => entries.reduce((t, e) => t.plus(e.amounts[s]), ZERO));
      boldRows.push(rows.length);
      rows.push(["Total", ...sums.map((a) => a.toNumber()), ...change(sums)]);
    }
    return top;
  };

  title("Rate impact");
  names.forEach((name, i) => rows.push([`${name}: ${schedules[i].id}, ${schedules[i].name}`]));
  rows.push([
    `${r.billsPriced.toLocaleString("en-US")} bills of ${r.months[0] ?? "-"} to ${r.months.at(-1) ?? "-"} priced under each schedule (${r.distinctBills.toLocaleString("en-US")} distinct), each account as it was then${r.months.length < context.monthsAsked ? `; only ${r.months.length} of the ${context.monthsAsked} months asked for are on the Usage History` : ""}; ${r.skipped.length ? `${r.skipped.length.toLocaleString("en-US")} of ${context.billsRead.toLocaleString("en-US")} left out (the first: ${r.skipped[0].account} ${r.skipped[0].periodEnd}, ${r.skipped[0].reason})` : "none left out"}.`,
  ]);
  rows.push([]);

  const byMonth = new Map<string, Dec[]>();
  const byService = new Map<string, Dec[]>();
  const byClass = new Map<string, Dec[]>();
  const add = (map: Map<string, Dec[]>, key: string, amounts: readonly Dec[]) => {
    const row = map.get(key) ?? schedules.map(() => ZERO);
    map.set(
      key,
      row.map((v, i) => v.plus(amounts[i])),
    );
  };
  for (const row of r.revenue) {
    add(byMonth, row.month, row.amounts);
    add(byService, row.service, row.amounts);
    add(byClass, row.rateClass, row.amounts);
  }
  const monthTop = table(
    "Revenue by month",
    [...byMonth].map(([name, amounts]) => ({ name, amounts })),
  );
  charts.push({
    type: "line",
    title: "Revenue by month",
    data: { top: monthTop, left: 0, rows: byMonth.size + 1, columns: n + 1 },
    at: { row: monthTop, column: width + 1, columns: 8, rows: 16 },
    xTitle: "Month",
    yTitle: "Revenue",
    valueFormat: "$#,##0",
  });
  rows.push([]);
  table(
    "Revenue by service",
    [...byService].map(([name, amounts]) => ({ name, amounts })),
  );
  rows.push([]);
  table(
    "Revenue by class",
    [...byClass].map(([name, amounts]) => ({ name, amounts })),
  );
  rows.push([]);
  table(
    `Typical ${r.typical.rateClass} bill${typicalShape(r.typical.inputs)}, thousand gal`,
    r.typical.bills.map((t) => ({ name: String(t.thousandGallons), amounts: t.bills })),
    false,
  );
  rows.push([]);

  title(`Each account's average monthly bill: ${names[1]} less ${names[0]}`);
  rows.push([
    `${r.distribution.increased.toLocaleString("en-US")} accounts pay more, ${r.distribution.unchanged.toLocaleString("en-US")} the same, ${r.distribution.decreased.toLocaleString("en-US")} less.`,
  ]);
  boldRows.push(rows.length);
  rows.push(["Percentile", "Change a Month"]);
  for (const p of r.distribution.percentiles) rows.push([`${p.percentile}th`, p.change.toNumber()]);
  if (r.byClass.length > 1) {
    rows.push([]);
    boldRows.push(rows.length);
    rows.push(["By class", "Accounts", "Median", "90th", "95th"]);
    for (const c of r.byClass) {
      const at = (p: number) => c.distribution.percentiles.find((x) => x.percentile === p)?.change.toNumber() ?? null;
      cellFormats.push({ row: rows.length, column: 1, format: COUNT });
      const accounts = c.distribution.increased + c.distribution.unchanged + c.distribution.decreased;
      rows.push([c.rateClass, accounts, at(50), at(90), at(95)]);
    }
  }
  rows.push([]);
  const bandTop = rows.length;
  boldRows.push(rows.length);
  rows.push(["Change a Month", "Accounts"]);
  for (const b of r.distribution.bands) {
    cellFormats.push({ row: rows.length, column: 1, format: COUNT });
    rows.push([b.label, b.accounts]);
  }
  charts.push({
    type: "column",
    title: "Accounts by change in the average monthly bill",
    data: { top: bandTop, left: 0, rows: r.distribution.bands.length + 1, columns: 2 },
    // Under the revenue chart, so both print on the first page beside the tables.
    at: { row: monthTop + 18, column: width + 1, columns: 8, rows: 16 },
    xTitle: "Change in the average monthly bill",
    yTitle: "Accounts",
    valueFormat: "#,##0",
  });

  rows.push([]);
  // The versions in effect at the last month priced (a string date after every day of that month).
  const asOf = r.months.length ? `${r.months.at(-1)}-31` : "9999-12-31";
  title(`Prices, ${names[0]} and ${names[1]}`);
  boldRows.push(rows.length);
  rows.push(["Charge", names[0], names[1], "Difference", "Change"]);
  for (const row of priceRows(schedules[0], schedules[1], asOf)) {
    for (const column of [1, 2, 3]) cellFormats.push({ row: rows.length, column, format: PRICE });
    rows.push(row);
  }
  const solved = context.solved;
  if (solved) {
    rows.push([]);
    title(`Revenue target ${moneyText(solved.target)}${solved.chargeId ? `, moving ${solved.chargeId} only` : ", moving every price"}`);
    rows.push([
      `${solved.percent.isNegative() ? "" : "+"}${solved.percent.toString()}% on ${solved.base.id} is the smallest change, in steps of 0.01%, whose bills bring in at least the target: ${moneyText(solved.revenue)}${solved.below ? `; ${solved.below.percent.toString()}% brings in ${moneyText(solved.below.revenue)}` : ""}. Each price is rounded to the places it had, so each moves by its own percent (the table above); the sheets price this schedule as the proposed one.`,
    ]);
  }
  const padded = rows.map((row) => [...row, ...Array.from({ length: Math.max(0, width - row.length) }, () => null)]);
  return {
    name: RATE_IMPACT_SHEET,
    rows: padded,
    options: {
      columnWidths: [36, ...schedules.map(() => 18), 16, 10],
      columnFormats: [undefined, ...schedules.map(() => MONEY), MONEY, PERCENT],
      cellFormats,
      boldRows,
      charts,
      print: { orientation: "landscape", fitToWidth: true, title: printTitle(r, schedules) },
    },
  };
}

/** Every month, class and service's revenue under each schedule: the table the summary adds up. */
export function impactRevenueSheet(r: ImpactResult, schedules: readonly RateSchedule[]): OutputSheet {
  const rows: CellValue[][] = [["Month", "Class", "Service", ...headers(schedules), differenceHeader(schedules), "Change"]];
  for (const row of r.revenue)
    rows.push([row.month, row.rateClass, row.service, ...row.amounts.map((a) => a.toNumber()), ...change(row.amounts)]);
  return {
    name: IMPACT_REVENUE_SHEET,
    rows,
    options: {
      headerRows: 1,
      columnWidths: [10, 14, 14, ...schedules.map(() => 22), 14, 10],
      columnFormats: [undefined, undefined, undefined, ...schedules.map(() => MONEY), MONEY, PERCENT],
      print: { orientation: "landscape", fitToWidth: true, repeatRows: 1, title: printTitle(r, schedules) },
    },
  };
}

/** The bill tabulation of the current schedule's blocks: bills, accounts and volume by block. */
export function billFrequencySheet(r: ImpactResult, schedules: readonly RateSchedule[]): OutputSheet {
  const rows: CellValue[][] = [
    ["Schedule", "Charge", "Block", "From", "To", "Bills", "Share of Bills", "Accounts", "Volume", "Share of Volume"],
  ];
  const name = (id: string) => (id === schedules[0].id ? `Current: ${id}` : `Proposed: ${id}`);
  for (const f of r.frequency) {
    const bills = f.blocks.reduce((t, b) => t + b.bills, 0);
    const volume = f.blocks.reduce((t, b) => t.plus(b.volume), ZERO);
    f.blocks.forEach((b, i) =>
      rows.push([
        name(f.scheduleId),
        `${f.description} (${f.unit})`,
        i + 1,
        b.from.toNumber(),
        b.to?.toNumber() ?? null,
        b.bills,
        bills ? b.bills / bills : null,
        b.accounts,
        b.volume.toNumber(),
        volume.isZero() ? null : b.volume.div(volume).toDecimalPlaces(6, Dec.ROUND_HALF_UP).toNumber(),
      ]),
    );
  }
  // AWWA M1's tabulation by usage level: bills and gallons a thousand gallons at a time, with running shares.
  const cellFormats: { row: number; column: number; format: string }[] = [];
  const boldRows: number[] = [];
  rows.push([]);
  boldRows.push(rows.length);
  rows.push(["Bills by usage", "Thousand gal", "", "", "", "Bills", "Share of Bills", "Bills so far", "Gallons", "Gallons so far"]);
  const totalBills = r.brackets.reduce((t, b) => t + b.bills, 0);
  const totalGallons = r.brackets.reduce((t, b) => t.plus(b.gallons), ZERO);
  let billsSoFar = 0;
  let gallonsSoFar = ZERO;
  for (const b of r.brackets) {
    billsSoFar += b.bills;
    gallonsSoFar = gallonsSoFar.plus(b.gallons);
    cellFormats.push({ row: rows.length, column: 7, format: PERCENT }, { row: rows.length, column: 9, format: PERCENT });
    rows.push([
      null,
      b.to === null ? `${b.from} or more` : `${b.from} to ${b.to}`,
      null,
      b.from,
      b.to,
      b.bills,
      totalBills ? b.bills / totalBills : null,
      totalBills ? billsSoFar / totalBills : null,
      b.gallons.toNumber(),
      totalGallons.isZero() ? null : gallonsSoFar.div(totalGallons).toDecimalPlaces(6, Dec.ROUND_HALF_UP).toNumber(),
    ]);
  }
  return {
    name: BILL_FREQUENCY_SHEET,
    rows,
    options: {
      headerRows: 1,
      boldRows,
      cellFormats,
      columnWidths: [26, 34, 8, 12, 12, 12, 14, 12, 16, 16],
      columnFormats: [undefined, undefined, "0", QUANTITY, QUANTITY, COUNT, PERCENT, COUNT, QUANTITY, PERCENT],
      print: { orientation: "landscape", fitToWidth: true, repeatRows: 1, title: printTitle(r, schedules) },
    },
  };
}

/** Every account's bills under each schedule, most affected first (by the dollars its average bill moves). */
export function impactAccountsSheet(r: ImpactResult, schedules: readonly RateSchedule[]): OutputSheet {
  const rows: CellValue[][] = [
    ["Account", "Class", "Bills", `Usage (${unitLabel(schedules[0].usageUnit)})`, ...headers(schedules), "Change a Month", "Change"],
  ];
  for (const a of mostAffected(r.accounts, r.accounts.length))
    rows.push([
      a.account,
      a.rateClass,
      a.bills,
      a.usage.toNumber(),
      ...a.totals.map((t) => t.toNumber()),
      a.monthlyChange.toNumber(),
      a.percentChange === null ? null : a.percentChange.div(100).toNumber(),
    ]);
  return {
    name: IMPACT_ACCOUNTS_SHEET,
    rows,
    options: {
      headerRows: 1,
      columnWidths: [12, 14, 8, 14, ...schedules.map(() => 22), 16, 10],
      columnFormats: ["@", undefined, COUNT, QUANTITY, ...schedules.map(() => MONEY), MONEY, PERCENT],
      // Printed: the header and the 50 accounts moved most; the sheet keeps every account.
      print: { orientation: "landscape", fitToWidth: true, repeatRows: 1, rows: 51, title: printTitle(r, schedules) },
    },
  };
}

/** The four sheets of a rate impact, ready to write. */
export function impactSheets(r: ImpactResult, schedules: readonly RateSchedule[], context: ImpactContext): OutputSheet[] {
  return [
    rateImpactSheet(r, schedules, context),
    impactRevenueSheet(r, schedules),
    billFrequencySheet(r, schedules),
    impactAccountsSheet(r, schedules),
  ];
}
