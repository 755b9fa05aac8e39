/**
 * Native charts through Office.js (ExcelWorkbook.replaceSheet) on the fake Excel, which keeps what
 * Excel does with charts: an unknown type is refused, charts stay when cells are cleared and go
 * with their sheet, the axis number format needs ExcelApi 1.8, and Excel guesses categories.
 */
import { ExcelWorkbook } from "../../src/adapters/excel/excelWorkbook";
import { FakeExcel } from "../../src/fakes/fakeExcel";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue, ChartSpec } from "../../src/workbook/port";

let uninstall: () => void = () => {};
afterEach(() => uninstall());

function excel(workbook: MemoryWorkbook, apiVersion = "1.18") {
  const fake = new FakeExcel(workbook, { apiVersion });
  uninstall = fake.install();
  const { Excel } = fake.globals() as { Excel: any };
  return { fake, Excel, port: new ExcelWorkbook(20000) };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Revenue by month for two schedules (A1:C13), and accounts by bill change (E1:F6). */
function rows(months: readonly CellValue[] = MONTHS): CellValue[][] {
  const bands = ["Under -$5", "-$5 to $0", "$0 to $5", "$5 to $10", "Over $10"];
  const counts = [12, 40, 310, 95, 18];
  return [
    ["Month", "Residential", "Commercial", null, "Bill change", "Accounts"],
    ...months.map((m, i) => [m, 410_000 + 9_000 * i, 150_000 + 4_000 * i, null, bands[i] ?? null, counts[i] ?? null]),
  ];
}

const REVENUE: ChartSpec = {
  type: "line",
  title: "Revenue by month",
  data: { top: 0, left: 0, rows: 13, columns: 3 },
  at: { row: 14, column: 0, columns: 6, rows: 16 },
  xTitle: "Month",
  yTitle: "Revenue",
  valueFormat: "$#,##0",
};
const BANDS: ChartSpec = {
  type: "column",
  title: "Accounts by bill change",
  data: { top: 0, left: 4, rows: 6, columns: 2 },
  at: { row: 14, column: 7, columns: 6, rows: 16 },
  xTitle: "Bill change",
  yTitle: "Accounts",
};

const MONTH_SERIES = [
  { name: "Residential", values: "B2:B13", categories: "A2:A13" },
  { name: "Commercial", values: "C2:C13", categories: "A2:A13" },
];

describe("ExcelWorkbook charts", () => {
  it("draws a line and a clustered column chart with their titles, series and places (ExcelApi 1.18)", async () => {
    const workbook = new MemoryWorkbook();
    const { port } = excel(workbook);
    await port.replaceSheet("Rate Impact", rows(), { headerRows: 1, charts: [REVENUE, BANDS] });
    expect(workbook.sheet("Rate Impact")!.charts).toEqual([
      {
        name: "UB Workbench chart 1",
        type: "Line",
        source: "B1:C13",
        series: MONTH_SERIES,
        title: "Revenue by month",
        categoryTitle: "Month",
        valueTitle: "Revenue",
        valueFormat: "$#,##0",
        position: { start: "A15", end: "F30" },
      },
      {
        name: "UB Workbench chart 2",
        type: "ColumnClustered",
        source: "F1:F6",
        series: [{ name: "Accounts", values: "F2:F6", categories: "E2:E6" }],
        title: "Accounts by bill change",
        categoryTitle: "Bill change",
        valueTitle: "Accounts",
        position: { start: "H15", end: "M30" },
      },
    ]);
  });

  it("leaves the value axis in Excel's own format below ExcelApi 1.8, and draws the rest (ExcelApi 1.7)", async () => {
    const workbook = new MemoryWorkbook();
    const { port } = excel(workbook, "1.7");
    await port.replaceSheet("Rate Impact", rows(), { charts: [REVENUE, BANDS] });
    const [revenue, bands] = workbook.sheet("Rate Impact")!.charts!;
    expect(revenue).toMatchObject({ type: "Line", title: "Revenue by month", series: MONTH_SERIES, valueTitle: "Revenue" });
    expect(revenue.valueFormat).toBeUndefined();
    expect(bands).toMatchObject({ type: "ColumnClustered", series: [{ name: "Accounts", values: "F2:F6", categories: "E2:E6" }] });
  });

  it("gives Excel the whole block before ExcelApi 1.7, where text categories are found as labels", async () => {
    const workbook = new MemoryWorkbook();
    const { port } = excel(workbook, "1.6");
    await port.replaceSheet("Rate Impact", rows(), { charts: [REVENUE] });
    expect(workbook.sheet("Rate Impact")!.charts).toMatchObject([{ source: "A1:C13", series: MONTH_SERIES, title: "Revenue by month" }]);
  });

  it("keeps a column of month dates as the categories, not one more series", async () => {
    const workbook = new MemoryWorkbook();
    const { port } = excel(workbook);
    const serials = MONTHS.map((_, i) => 46023 + 31 * i);
    await port.replaceSheet("Rate Impact", rows(serials), { columnFormats: ["mmm yyyy"], charts: [REVENUE] });
    expect(workbook.sheet("Rate Impact")!.charts![0].series).toEqual(MONTH_SERIES);
  });

  it("leaves only the new charts when the sheet is written again, and a chart of the user's where it was", async () => {
    const workbook = new MemoryWorkbook();
    const { port, Excel } = excel(workbook);
    await port.replaceSheet("Rate Impact", rows(), { charts: [REVENUE, BANDS] });
    await Excel.run(async (ctx: any) => {
      const sheet = ctx.workbook.worksheets.getItem("Rate Impact");
      sheet.charts.add(Excel.ChartType.pie, sheet.getRangeByIndexes(0, 4, 6, 2), Excel.ChartSeriesBy.columns);
      await ctx.sync();
    });
    await port.replaceSheet("Rate Impact", rows(), { charts: [{ ...BANDS, title: "Accounts by bill change, proposed" }] });
    const charts = workbook.sheet("Rate Impact")!.charts!;
    expect(charts.map((c) => [c.name, c.type, c.title])).toEqual([
      ["Chart 3", "Pie", undefined],
      ["UB Workbench chart 1", "ColumnClustered", "Accounts by bill change, proposed"],
    ]);
    await port.replaceSheet("Rate Impact", rows());
    expect(workbook.sheet("Rate Impact")!.charts!.map((c) => c.name)).toEqual(["Chart 3"]);
  });

  it("adds no round trip: a sheet with charts takes the syncs of the same sheet without them", async () => {
    const syncs = async (charts?: ChartSpec[]) => {
      const { fake, port } = excel(new MemoryWorkbook({ Other: [["x"]] }));
      await port.replaceSheet("Rate Impact", rows(), { headerRows: 1, charts });
      const added = fake.stats.syncs;
      await port.replaceSheet("Rate Impact", rows(), { headerRows: 1, charts });
      uninstall();
      return [added, fake.stats.syncs - added];
    };
    const plain = await syncs();
    expect(await syncs([REVENUE, BANDS])).toEqual(plain);
    expect(plain[0]).toBeLessThanOrEqual(3);
  });

  it("takes the charts into the print area", async () => {
    const workbook = new MemoryWorkbook();
    const { port } = excel(workbook);
    await port.replaceSheet("Rate Impact", rows(), { charts: [REVENUE, BANDS], print: { orientation: "landscape" } });
    expect(workbook.sheet("Rate Impact")!.printSetup!.printArea).toBe("A1:M30");
  });

  it("refuses a chart over cells that were not written, before touching the workbook", async () => {
    const workbook = new MemoryWorkbook();
    const { fake, port } = excel(workbook);
    const tooFar = { ...BANDS, data: { top: 0, left: 4, rows: 20, columns: 2 } };
    await expect(port.replaceSheet("Rate Impact", rows(), { charts: [tooFar] })).rejects.toThrow(/beyond the 13 rows/);
    expect(fake.stats.syncs).toBe(0);
  });
});

describe("the fake Excel's charts", () => {
  const add = async (Excel: any, type: string, top: number, left: number, height: number, width: number) =>
    Excel.run(async (ctx: any) => {
      const sheet = ctx.workbook.worksheets.getItem("Rate Impact");
      const chart = sheet.charts.add(type, sheet.getRangeByIndexes(top, left, height, width), "Columns");
      await ctx.sync();
      return chart;
    });

  it("refuses a chart type Excel does not have, with InvalidArgument", async () => {
    const { Excel } = excel(new MemoryWorkbook({ "Rate Impact": rows() }));
    await expect(add(Excel, "Sparkline", 0, 0, 13, 3)).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("takes a column of numbers under a header for a series, as Excel guesses", async () => {
    const workbook = new MemoryWorkbook({ "Rate Impact": rows(MONTHS.map((_, i) => 46023 + 31 * i)) });
    const { Excel } = excel(workbook);
    await add(Excel, "Line", 0, 0, 13, 3);
    expect(workbook.sheet("Rate Impact")!.charts![0].series.map((s) => [s.name, s.categories])).toEqual([
      ["Month", undefined],
      ["Residential", undefined],
      ["Commercial", undefined],
    ]);
  });

  it("refuses the value axis's number format below ExcelApi 1.8", async () => {
    const { Excel } = excel(new MemoryWorkbook({ "Rate Impact": rows() }), "1.7");
    const chart = await add(Excel, "Line", 0, 0, 13, 3);
    expect(() => (chart.axes.valueAxis.numberFormat = "$#,##0")).toThrow(/ExcelApi 1.8/);
  });

  it("keeps charts when the cells are cleared, and deletes them with their sheet", async () => {
    const workbook = new MemoryWorkbook({ "Rate Impact": rows(), Other: [["x"]] });
    const { Excel } = excel(workbook);
    await add(Excel, "ColumnClustered", 0, 4, 6, 2);
    const count = await Excel.run(async (ctx: any) => {
      const sheet = ctx.workbook.worksheets.getItem("Rate Impact");
      sheet.getRange().clear("All");
      const n = sheet.charts.getCount();
      await ctx.sync();
      return n.value;
    });
    expect(count).toBe(1);
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("Rate Impact").delete();
      await ctx.sync();
    });
    expect(workbook.sheet("Rate Impact")).toBeUndefined();
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.add("Rate Impact");
      const charts = ctx.workbook.worksheets.getItem("Rate Impact").charts.load("items/name");
      await ctx.sync();
      expect(charts.items).toHaveLength(0);
    });
  });
});
