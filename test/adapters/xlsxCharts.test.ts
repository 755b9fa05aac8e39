/**
 * Native charts in the .xlsx the CLI writes (XlsxWriter): each chart is DrawingML that names the
 * sheet's cells, the parts are declared and related, and the file still reads back with ubill's
 * own reader and with exceljs.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { openArchive, readXlsxFast } from "../../src/adapters/xlsx/fastRead";
import { writeXlsx } from "../../src/adapters/xlsx/fastXlsx";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue, ChartSpec, WriteOptions } from "../../src/workbook/port";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Revenue by month for two schedules (A1:C13), then a histogram of bill changes (E1:F6). */
function rateImpactRows(): CellValue[][] {
  const rows: CellValue[][] = [["Month", "Residential", "Commercial", null, "Bill change", "Accounts"]];
  const bands = ["Under -$5", "-$5 to $0", "$0 to $5", "$5 to $10", "Over $10"];
  const counts = [12, 40, 310, 95, 18];
  MONTHS.forEach((m, i) => {
    rows.push([m, 410_000 + 9_000 * i, 150_000 + 4_000 * ((i * 7) % 12), null, bands[i] ?? null, counts[i] ?? null]);
  });
  return rows;
}

const CHARTS: readonly ChartSpec[] = [
  {
    type: "line",
    title: "Revenue by month",
    data: { top: 0, left: 0, rows: 13, columns: 3 },
    at: { row: 14, column: 0, columns: 6, rows: 16 },
    xTitle: "Month",
    yTitle: "Revenue",
    valueFormat: "$#,##0",
  },
  {
    type: "column",
    title: "Accounts by bill change",
    data: { top: 0, left: 4, rows: 6, columns: 2 },
    at: { row: 14, column: 7, columns: 6, rows: 16 },
    xTitle: "Bill change",
    yTitle: "Accounts",
    valueFormat: "#,##0",
  },
];

async function writeRateImpact(dir: string, options: WriteOptions = {}): Promise<string> {
  const workbook = new MemoryWorkbook({ Notes: [["Rate impact of the proposed schedule"]] });
  await workbook.replaceSheet("Rate Impact", rateImpactRows(), {
    headerRows: 1,
    columnWidths: [12, 14, 14, 4, 14, 10],
    columnFormats: [undefined, "$#,##0", "$#,##0", undefined, undefined, "#,##0"],
    charts: CHARTS,
    ...options,
  });
  const path = join(dir, "rate-impact.xlsx");
  await writeXlsx(path, workbook, ["Notes", "Rate Impact"]);
  return path;
}

const text = (parts: ReturnType<typeof openArchive>, name: string) => {
  const part = parts.get(name);
  if (!part) throw new Error(`no part ${name}`);
  return part().toString("utf8");
};
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);

describe("XlsxWriter charts", () => {
  let path: string;
  let parts: ReturnType<typeof openArchive>;
  beforeAll(async () => {
    path = await writeRateImpact(mkdtempSync(join(tmpdir(), "ub-charts-")));
    parts = openArchive(path);
  });

  it("draws a line chart whose series name their header cells and read the month column", () => {
    const chart = text(parts, "xl/charts/chart1.xml");
    expect(chart).toContain("<c:lineChart>");
    expect(chart).not.toContain("<c:barChart>");
    expect(all(chart, /<c:tx><c:strRef><c:f>([^<]+)<\/c:f>/g)).toEqual(["'Rate Impact'!$B$1", "'Rate Impact'!$C$1"]);
    expect(all(chart, /<c:strCache><c:ptCount val="1"\/><c:pt idx="0"><c:v>([^<]+)<\/c:v>/g)).toEqual(["Residential", "Commercial"]);
    expect(all(chart, /<c:cat><c:strRef><c:f>([^<]+)<\/c:f>/g)).toEqual(["'Rate Impact'!$A$2:$A$13", "'Rate Impact'!$A$2:$A$13"]);
    expect(all(chart, /<c:val><c:numRef><c:f>([^<]+)<\/c:f>/g)).toEqual(["'Rate Impact'!$B$2:$B$13", "'Rate Impact'!$C$2:$C$13"]);
    expect(all(chart, /<a:t>([^<]+)<\/a:t>/g)).toEqual(["Revenue by month", "Month", "Revenue"]);
    expect(chart).toContain('<c:valAx><c:axId val="50010002"/>');
    expect(chart).toContain('<c:numFmt formatCode="$#,##0" sourceLinked="0"/>');
  });

  it("draws the histogram as a clustered column chart with one series", () => {
    const chart = text(parts, "xl/charts/chart2.xml");
    expect(chart).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(all(chart, /<c:tx><c:strRef><c:f>([^<]+)<\/c:f>/g)).toEqual(["'Rate Impact'!$F$1"]);
    expect(all(chart, /<c:cat><c:strRef><c:f>([^<]+)<\/c:f>/g)).toEqual(["'Rate Impact'!$E$2:$E$6"]);
    expect(all(chart, /<c:val><c:numRef><c:f>([^<]+)<\/c:f>/g)).toEqual(["'Rate Impact'!$F$2:$F$6"]);
    expect(all(chart, /<c:v>([^<]+)<\/c:v>/g)).toEqual([
      "Accounts",
      "Under -$5",
      "-$5 to $0",
      "$0 to $5",
      "$5 to $10",
      "Over $10",
      "12",
      "40",
      "310",
      "95",
      "18",
    ]);
    expect(all(chart, /<a:t>([^<]+)<\/a:t>/g)).toEqual(["Accounts by bill change", "Bill change", "Accounts"]);
  });

  it("refers to numeric categories as numbers, cached in the column's format", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.replaceSheet(
      "Trend",
      [
        ["Month", "Revenue"],
        [46023, 10],
        [46054, 12],
      ],
      {
        columnFormats: ["mmm yyyy"],
        charts: [
          { type: "line", title: "Trend", data: { top: 0, left: 0, rows: 3, columns: 2 }, at: { row: 0, column: 3, columns: 4, rows: 8 } },
        ],
      },
    );
    const file = join(mkdtempSync(join(tmpdir(), "ub-charts-")), "trend.xlsx");
    await writeXlsx(file, workbook);
    const chart = text(openArchive(file), "xl/charts/chart1.xml");
    expect(chart).toContain(
      `<c:cat><c:numRef><c:f>'Trend'!$A$2:$A$3</c:f><c:numCache><c:formatCode>mmm yyyy</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>46023</c:v></c:pt>`,
    );
    expect(chart).not.toContain("<c:title><c:tx><c:rich><a:bodyPr rot");
  });

  it("anchors both charts in the sheet's drawing, each to its chart part", () => {
    const sheet = text(parts, "xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(/<pageMargins [^>]*\/><drawing r:id="rId1"\/><\/worksheet>$/);
    expect(text(parts, "xl/worksheets/sheet1.xml")).not.toContain("<drawing");
    expect(parts.has("xl/worksheets/_rels/sheet1.xml.rels")).toBe(false);
    const sheetRels = text(parts, "xl/worksheets/_rels/sheet2.xml.rels");
    expect(sheetRels).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"',
    );
    const drawing = text(parts, "xl/drawings/drawing1.xml");
    expect(all(drawing, /<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(?:\d+)<\/xdr:row>/g)).toEqual(["0", "7"]);
    expect(all(drawing, /<xdr:to><xdr:col>(\d+)<\/xdr:col>/g)).toEqual(["6", "13"]);
    expect(all(drawing, /<xdr:row>(\d+)<\/xdr:row>/g)).toEqual(["14", "30", "14", "30"]);
    expect(all(drawing, /name="([^"]+)"/g)).toEqual(["UB Workbench chart 1", "UB Workbench chart 2"]);
    expect(all(drawing, /<c:chart [^>]*r:id="(rId\d)"\/>/g)).toEqual(["rId1", "rId2"]);
    const drawingRels = text(parts, "xl/drawings/_rels/drawing1.xml.rels");
    expect(
      all(
        drawingRels,
        /Id="(rId\d)" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/chart" Target="([^"]+)"/g,
      ),
    ).toEqual(["rId1", "rId2"]);
    expect(all(drawingRels, /Target="([^"]+)"/g)).toEqual(["../charts/chart1.xml", "../charts/chart2.xml"]);
  });

  it("declares every drawing and chart part in [Content_Types].xml, and every declared part exists", () => {
    const types = text(parts, "[Content_Types].xml");
    expect(
      all(types, /<Override PartName="([^"]+)" ContentType="application\/vnd\.openxmlformats-officedocument\.drawing\+xml"\/>/g),
    ).toEqual(["/xl/drawings/drawing1.xml"]);
    expect(
      all(types, /<Override PartName="([^"]+)" ContentType="application\/vnd\.openxmlformats-officedocument\.drawingml\.chart\+xml"\/>/g),
    ).toEqual(["/xl/charts/chart1.xml", "/xl/charts/chart2.xml"]);
    for (const part of all(types, /PartName="\/([^"]+)"/g)) expect(parts.has(part)).toBe(true);
    const xml = [...parts.keys()].filter((k) => k.endsWith(".xml") && k !== "[Content_Types].xml");
    for (const part of xml) expect(types).toContain(`PartName="/${part}"`);
  });

  it("takes the charts into the print area", async () => {
    const printed = await writeRateImpact(mkdtempSync(join(tmpdir(), "ub-charts-")), { print: { orientation: "landscape" } });
    expect(text(openArchive(printed), "xl/workbook.xml")).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="1">'Rate Impact'!$A$1:$M$30</definedName>`,
    );
  });

  it("still reads back with ubill's reader and with exceljs", async () => {
    const back = readXlsxFast(path);
    const trimmed = (rows: CellValue[][]) =>
      rows.map((r) => {
        const row = [...r];
        while (row.length && row[row.length - 1] === null) row.pop();
        return row;
      });
    expect(trimmed(back.sheet("Rate Impact")!.values)).toEqual(trimmed(rateImpactRows()));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Notes", "Rate Impact"]);
    expect(book.getWorksheet("Rate Impact")!.getCell("B1").value).toBe("Residential");
    expect(book.getWorksheet("Rate Impact")!.getCell("F4").value).toBe(310);
  });

  it("refuses a chart over cells that were not written", async () => {
    const workbook = new MemoryWorkbook();
    const chart: ChartSpec = {
      type: "column",
      title: "Too far",
      data: { top: 0, left: 0, rows: 5, columns: 2 },
      at: { row: 0, column: 3, columns: 4, rows: 8 },
    };
    await expect(
      workbook.replaceSheet(
        "Short",
        [
          ["Band", "Accounts"],
          ["a", 1],
        ],
        { charts: [chart] },
      ),
    ).rejects.toThrow(/reads cells beyond the 2 rows and 2 columns written/);
  });
});
