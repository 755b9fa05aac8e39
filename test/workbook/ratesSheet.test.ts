import fc from "fast-check";
import {
  RATE_SCHEDULES_SHEET,
  RATES_SHEET,
  ratesSheets,
  readRatesSheet,
  readWorkbookRates,
  writeRatesSheets,
  placeProblem,
} from "../../src/workbook/ratesSheet";
import { PRICE_COLUMNS } from "../../src/workbook/rateTable";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { FakeExcel } from "../../src/fakes/fakeExcel";
import { ExcelWorkbook } from "../../src/adapters/excel/excelWorkbook";
import { RateSchedule, scheduleToJson, validateSchedule } from "../../src/engine";
import type { CellValue } from "../../src/workbook/port";
import { fieldLayoutRows, loadSchedule, sampleScheduleIds } from "../support/samples";

/** Writes schedules as the Rates view's export does and reads them back as import and start-up do. */
async function roundTrip(schedules: readonly RateSchedule[], edit?: (sheets: MemoryWorkbook) => Promise<void>) {
  const workbook = new MemoryWorkbook();
  expect(await writeRatesSheets(workbook, schedules)).toEqual([]);
  if (edit) await edit(workbook);
  const read = (await readWorkbookRates(workbook))!;
  expect(read.problems).toEqual([]);
  return read.schedules.map((entry) => {
    const v = validateSchedule(entry.json);
    if (!v.ok) throw new Error(placeProblem(entry, v.problem.message));
    return v.value;
  });
}

const column = (name: (typeof PRICE_COLUMNS)[number]) => PRICE_COLUMNS.indexOf(name);

describe("Rates sheet as a rate table", () => {
  it("round-trips every sample schedule exactly, one row per price", async () => {
    const schedules = sampleScheduleIds().map(loadSchedule);
    const back = await roundTrip(schedules);
    expect(back.map(scheduleToJson)).toEqual(schedules.map(scheduleToJson));
  });

  it("round-trips through Excel: sizes such as 5/8 and dates stay text, prices stay numbers", async () => {
    const schedules = sampleScheduleIds().map(loadSchedule);
    const fake = new FakeExcel(new MemoryWorkbook({ Sheet1: [[null]] }));
    const restore = fake.install();
    try {
      const excel = new ExcelWorkbook();
      expect(await writeRatesSheets(excel, schedules)).toEqual([]);
      // Excel would read "5/8" as the 8th of May and "04-01 to 11-30" is text anyway: every string is written as text ("@").
      expect(fake.stats.coercions).toEqual([]);
      const read = (await readWorkbookRates(excel))!;
      expect(read.problems).toEqual([]);
      const back = read.schedules.map((e) => validateSchedule(e.json));
      expect(back.map((v) => v.ok && scheduleToJson(v.value))).toEqual(schedules.map(scheduleToJson));
    } finally {
      restore();
    }
  });

  it("reads Chubbuck's tariff as published: a row per price with its size, block and unit", () => {
    const { sheets } = ratesSheets([loadSchedule("chubbuck")]);
    const rows = sheets[RATES_SHEET];
    expect(rows[0]).toEqual([...PRICE_COLUMNS]);
    const pick = (row: CellValue[]) => [
      row[column("Charge")],
      row[column("Size")],
      row[column("From")],
      row[column("To")],
      row[column("Price")],
      row[column("Unit")],
      row[column("Per")],
    ];
    expect(rows.slice(1).map(pick)).toEqual([
      ["water-base", "", "", "", 24, "", "account"],
      ["water-usage", "", 0, "", 1.15, "kgal", "account"],
      ["sewer", "", "", "", 44.95, "", "account"],
      ["sewer-interceptor", "", "", "", 10.45, "", "account"],
      ["sanitation", "standard", "", "", 17.8, "", "first cart"],
      ["sanitation", "standard", "", "", 11.2, "", "additional cart"],
    ]);
    expect(sheets[RATE_SCHEDULES_SHEET][1].slice(0, 4)).toEqual([
      "chubbuck",
      loadSchedule("chubbuck").name,
      "City of Chubbuck, Idaho",
      "gal",
    ]);
  });

  it("reads a price edited in place", async () => {
    const harlingen = loadSchedule("harlingen");
    const [back] = await roundTrip([harlingen], async (workbook) => {
      const sheet = (await workbook.readSheet(RATES_SHEET))!;
      const rows = sheet.values.map((r) => [...r]);
      const block = rows.findIndex((r) => r[column("Charge")] === "water-usage" && r[column("From")] === 0);
      expect(block).toBeGreaterThan(0);
      rows[block][column("Price")] = 2.05;
      await workbook.replaceSheet(RATES_SHEET, rows);
    });
    const charge = back.versions[0].charges.find((c) => c.id === "water-usage");
    expect(charge?.kind === "blocks" && charge.blocks[0].price.toString()).toBe("2.05");
  });

  it("round-trips any schedule the validator accepts: every kind, size, season, option and version (property)", async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArbitrary(), async (json) => {
        const schedule = validateSchedule(json);
        if (!schedule.ok) throw new Error(schedule.problem.message);
        const [back] = await roundTrip([schedule.value]);
        expect(scheduleToJson(back)).toEqual(scheduleToJson(schedule.value));
      }),
      { numRuns: 200 },
    );
  });

  it("still imports the earlier field/value layout", () => {
    const schedules = sampleScheduleIds().map(loadSchedule);
    const read = readRatesSheet({ sheet: "Rates", top: 0, left: 0, values: fieldLayoutRows(schedules) });
    expect(read.problems).toEqual([]);
    for (const [i, entry] of read.schedules.entries()) {
      const v = validateSchedule(entry.json);
      expect(v.ok && scheduleToJson(v.value)).toEqual(scheduleToJson(schedules[i]));
    }
  });

  it("names the cell of a problem: an unreadable price, a gap between blocks, limits that do not rise", async () => {
    const chubbuck = loadSchedule("chubbuck");
    const { sheets } = ratesSheets([loadSchedule("harlingen"), chubbuck]);
    const rows = sheets[RATES_SHEET].map((r) => [...r]);
    const at = (charge: string, from: number) => rows.findIndex((r) => r[column("Charge")] === charge && r[column("From")] === from);
    const schedulesSheet = { sheet: RATE_SCHEDULES_SHEET, top: 0, left: 0, values: sheets[RATE_SCHEDULES_SHEET] };

    const priceText = rows.map((r) => [...r]);
    priceText[at("water-usage", 0)][column("Price")] = "1,15 per kgal";
    expect(readRatesSheet({ sheet: "Rates", top: 0, left: 0, values: priceText }, schedulesSheet).problems).toEqual([
      `Rates!L${at("water-usage", 0) + 1}: expected a number such as 1.30, found "1,15 per kgal"; rate schedule "harlingen" is not used until it is put right`,
    ]);

    // A limit at or below where its block starts names its own cell.
    const below = rows.map((r) => [...r]);
    below[at("water-usage", 0)][column("To")] = -1;
    expect(readRatesSheet({ sheet: "Rates", top: 0, left: 0, values: below }, schedulesSheet).problems).toEqual([
      `Rates!K${at("water-usage", 0) + 1}: expected a limit above 0, where this block starts, found -1; rate schedule "harlingen" is not used until it is put right`,
    ]);

    // A row that cannot be read keeps its whole schedule out (without the row it would price differently); the others import.
    const badDate = rows.map((r) => [...r]);
    badDate[at("water-usage", 0)][column("Effective")] = "May 2024";
    const partly = readRatesSheet({ sheet: "Rates", top: 0, left: 0, values: badDate }, schedulesSheet);
    expect(partly.problems).toEqual([
      `Rates!B${at("water-usage", 0) + 1}: expected a date such as 2025-10-01, or blank for rates in force from the start, found "May 2024"; rate schedule "harlingen" is not used until it is put right`,
    ]);
    expect(partly.schedules.map((s) => s.id)).toEqual(["chubbuck"]);

    const gap = rows.map((r) => [...r]);
    const second = gap.findIndex((r, i) => i > 0 && r[column("Charge")] === "water-usage" && r[column("From")] !== 0);
    gap[second][column("From")] = 999;
    const gapRead = readRatesSheet({ sheet: "Rates", top: 0, left: 0, values: gap }, schedulesSheet);
    expect(gapRead.problems).toHaveLength(1);
    expect(gapRead.problems[0]).toMatch(
      new RegExp(
        `^Rates!J${second + 1}: expected \\d+, where the block before ends, found 999; rate schedule "harlingen" is not used until it is put right$`,
      ),
    );

    // What the schedule's own checks find is placed on its cell too: a class the schedule does not have.
    const unknownClass = rows.map((r) => [...r]);
    unknownClass[second][column("Classes")] = "commercial";
    unknownClass[second - 1][column("Classes")] = "commercial";
    unknownClass[second + 1][column("Classes")] = "commercial";
    unknownClass[second + 2][column("Classes")] = "commercial";
    const read = readRatesSheet({ sheet: "Rates", top: 0, left: 0, values: unknownClass }, schedulesSheet);
    expect(read.problems).toEqual([]);
    const entry = read.schedules.find((s) => s.id === "harlingen")!;
    const v = validateSchedule(entry.json);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(placeProblem(entry, v.problem.message)).toBe(
        `Rates!G${second}: rate schedule "harlingen": versions[0].charges[1].classes: class "commercial" is not one of residential`,
      );
  });

  it("says what is missing: the Rate Schedules sheet, a schedule's row, a header", async () => {
    const { sheets } = ratesSheets([loadSchedule("chubbuck")]);
    const workbook = new MemoryWorkbook({ [RATES_SHEET]: sheets[RATES_SHEET] });
    expect((await readWorkbookRates(workbook))!.problems).toEqual([
      'Rates: the rate table needs its "Rate Schedules" sheet (each schedule\'s name and usage unit); it is not in this workbook',
    ]);
    const noRow = readRatesSheet(
      { sheet: "Rates", top: 0, left: 0, values: sheets[RATES_SHEET] },
      { sheet: RATE_SCHEDULES_SHEET, top: 0, left: 0, values: [sheets[RATE_SCHEDULES_SHEET][0]] },
    );
    expect(noRow.problems).toEqual([
      'Rates!A2: schedule "chubbuck" has prices but no row on the Rate Schedules sheet (its name and usage unit)',
    ]);
    expect(readRatesSheet({ sheet: "Rates", top: 0, left: 0, values: [["a", "b"]] }).problems[0]).toMatch(
      /^Rates: no header row in the first 50 rows with the rate table's columns \(Schedule, Effective, Charge/,
    );
    expect(await readWorkbookRates(new MemoryWorkbook({ Sheet1: [[1]] }))).toBeUndefined();
  });

  it("leaves out, and says so, a schedule whose names hold the sheet's list separators", () => {
    const json = scheduleToJson(loadSchedule("chubbuck"));
    json.classes = ["residential", "commercial, multi-unit"];
    const v = validateSchedule(json);
    if (!v.ok) throw new Error(v.problem.message);
    const out = ratesSheets([v.value, loadSchedule("sheffield")]);
    expect(out.problems).toEqual([
      'Rate schedule "chubbuck" was not put on the Rates sheet: its class "commercial, multi-unit" has a comma or semicolon, which the sheet\'s lists cannot hold. Export it to a JSON file instead.',
    ]);
    expect(out.sheets[RATE_SCHEDULES_SHEET].map((r) => r[0])).toEqual(["Schedule", "sheffield"]);
  });

  it("finds the field/value header wherever it sits and names cells in problems", () => {
    const read = readRatesSheet({
      sheet: "My Rates",
      top: 3,
      left: 1,
      values: [
        ["Rates for 2026", null, null],
        ["schedule", " FIELD ", "value"],
        ["x", "id", "x"],
        ["x", "versions[0]..a", "1"],
        ["", "name", "y"],
      ],
    });
    expect(read.problems).toEqual([
      "'My Rates'!C8: each row needs a schedule id and a field",
      "'My Rates'!C7: field \"versions[0]..a\" is not a path such as versions[0].charges[1].amount",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Random schedules the validator accepts: every kind and option the rate table has to carry.

const decimalText = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 4 }))
  .map(([n, places]) => (places === 0 ? String(n) : (n / 10 ** places).toFixed(places)));
const positive = decimalText.filter((d) => Number(d) > 0);
const unit = fc.constantFrom("gal", "kgal", "cf", "ccf", "hcf", "unit748");
const sizes = (pool: string[]) => fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: pool.length });
const priced = <T>(keys: string[], value: fc.Arbitrary<T>) =>
  fc.tuple(...keys.map(() => value)).map((vals) => Object.fromEntries(keys.map((k, i) => [k, vals[i]])));
const monthDay = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([m, d]) => `${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

function chargeArbitrary(id: string, earlier: string[]): fc.Arbitrary<Record<string, unknown>> {
  const common = fc.record(
    {
      service: fc.constantFrom("water", "sewer", "garbage", "fee"),
      description: fc.constantFrom("Water base", "Usage", "Sewer at 90%", "Carts", "Yard waste (seasonal)"),
      classes: fc.constantFrom(["residential"], ["commercial"], ["residential", "commercial"]),
      season: fc.record({ from: monthDay, to: monthDay }),
      addOn: fc.constantFrom("yardWaste", "extraPickup"),
    },
    { requiredKeys: ["service", "description"] },
  );
  const kinds: fc.Arbitrary<Record<string, unknown>>[] = [
    fc.record({ kind: fc.constant("fixed"), amount: decimalText, per: fc.constantFrom("account", "dwellingUnit", "occurrence") }),
    fc.record({
      kind: fc.constant("meterBase"),
      perDwellingUnit: fc.boolean(),
      amounts: sizes(["5/8", "3/4", "1", "1.5", "2", "8"]).chain((k) => priced(k, decimalText)),
    }),
    fc.record({ kind: fc.constant("thresholdBase"), unit, threshold: positive, atOrBelow: decimalText, above: decimalText }),
    fc
      .record({
        kind: fc.constant("blocks"),
        unit,
        limits: fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { maxLength: 4 }),
        prices: fc.array(decimalText, { minLength: 5, maxLength: 5 }),
        allowance: fc.option(
          fc.oneof(
            positive,
            sizes(["5/8", "1", "2"]).chain((k) => priced(k, positive)),
          ),
          { nil: undefined },
        ),
        allowancePerDwellingUnit: fc.boolean(),
        blocksPerDwellingUnit: fc.boolean(),
        basis: fc.option(
          fc.record({ percentOfUsage: decimalText, cap: fc.constant("winterAverage"), capDefault: decimalText }, { requiredKeys: [] }),
          { nil: undefined },
        ),
        wholeUnits: fc.option(fc.constantFrom("halfUp", "halfEven", "up", "down"), { nil: undefined }),
      })
      .map(({ limits, prices, allowance, allowancePerDwellingUnit, basis, ...rest }) => ({
        ...rest,
        blocks: [
          ...[...limits].sort((a, b) => a - b).map((l, i) => ({ upTo: String(l / 10), price: prices[i] })),
          { upTo: null, price: prices[4] },
        ],
        ...(allowance === undefined ? {} : { allowance, allowancePerDwellingUnit }),
        ...(basis === undefined || Object.keys(basis).length === 0 ? {} : { basis }),
      })),
    fc.record({
      kind: fc.constant("carts"),
      sizes: sizes(["35", "64", "96"]).chain((k) => priced(k, fc.record({ first: decimalText, additional: decimalText }))),
    }),
    fc.record({
      kind: fc.constant("containers"),
      sizes: sizes(["2yd", "3yd", "6yd"]).chain((k) =>
        priced(k, fc.record({ perPickup: decimalText, base: decimalText, additionalContainer: decimalText })),
      ),
    }),
  ];
  if (earlier.length > 0)
    kinds.push(
      fc.record({
        kind: fc.constant("percentOfLines"),
        percent: decimalText,
        of: fc.uniqueArray(fc.constantFrom(...earlier), { minLength: 1 }),
      }),
    );
  return fc.tuple(common, fc.oneof(...kinds)).map(([c, k]) => {
    const charge: Record<string, unknown> = { id, ...c, ...k };
    // A charge per occurrence counts occurrences of an add-on: without one it is per account.
    if (charge.per === "occurrence" && charge.addOn === undefined) charge.per = "account";
    return charge;
  });
}

function scheduleArbitrary(): fc.Arbitrary<Record<string, unknown>> {
  const charges = fc.integer({ min: 1, max: 5 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        chargeArbitrary(
          `c${i}-${["base", "usage", "fee"][i % 3]}`,
          Array.from({ length: i }, (_, j) => `c${j}-${["base", "usage", "fee"][j % 3]}`),
        ),
      ),
    ),
  );
  const version = (effective: string | null) => charges.map((list) => ({ effective, charges: list }));
  return (
    fc
      .record({
        id: fc.constantFrom("pocatello-water", "city.of.x", "A_1"),
        name: fc.constantFrom("Pocatello water", "Rates: 2026 (proposed)"),
        utility: fc.option(fc.constantFrom("City of Pocatello"), { nil: undefined }),
        notes: fc.option(fc.constantFrom('Sizes 5/8" and 1"; "quoted" text'), { nil: undefined }),
        frequency: fc.constantFrom("monthly", "bimonthly", "quarterly"),
        cycleDays: fc.integer({ min: 1, max: 366 }),
        usageUnit: unit,
        rounding: fc.constantFrom("halfUp", "halfEven", "up", "down"),
        prorateBlocks: fc.boolean(),
        blocksPerMonth: fc.option(fc.boolean(), { nil: undefined }),
        classes: fc.constant(["residential", "commercial"]),
        defaultMeterSize: fc.option(fc.constantFrom("5/8", "1"), { nil: undefined }),
        versions: fc.oneof(
          version(null).map((v) => [v]),
          fc.tuple(version("2025-10-01"), version("2026-10-01")),
        ),
      })
      // Blocks by month only on a bill of more than one month (the validator's rule).
      .map((s) => ({ ...s, blocksPerMonth: s.frequency === "monthly" ? undefined : s.blocksPerMonth }))
      .map((s) => JSON.parse(JSON.stringify(s)) as Record<string, unknown>)
  );
}
