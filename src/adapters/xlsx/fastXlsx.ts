import { columnLetter } from "../../workbook/address";
import type { MemorySheet, MemoryWorkbook } from "../../workbook/memoryWorkbook";
import { CHART_PREFIX, checkCharts, printedHeight, type CellValue, type ChartSpec } from "../../workbook/port";
import { ZipWriter } from "./zip";
import { EXCEL_MAX_PAGE_BREAKS } from "../../workbook/excelLimits";

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text safe inside XML: escaped, and without the control characters XML forbids. */
function esc(text: string): string {
  if (!/[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text)) return text;
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Whether text needs xml:space="preserve" to come back as written: white space at either end, a
 * tab or line break, or a run of spaces (W3C XML 1.0, 2.10 White Space Handling; Excel writes the
 * attribute only then). Leaving it off the rest takes a fifth off a cycle's sheet XML.
 */
function keepsSpace(text: string): boolean {
  if (text.length === 0) return false;
  const space = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  if (space(text.charCodeAt(0)) || space(text.charCodeAt(text.length - 1))) return true;
  return text.includes("  ") || text.includes("\n") || text.includes("\t") || text.includes("\r");
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** The workbook's cell styles: each distinct (number format, bold, fill, wrap) gets one index. */
class Styles {
  private readonly formats = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly dxfs: string[] = [];
  private readonly xfs = new Map<string, number>([["0|0|0|0", 0]]);

  numFmt(code: string | undefined): number {
    if (!code || code === "General") return 0;
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = 164 + this.formats.size));
    return id;
  }

  fill(color: string | undefined): number {
    if (!color) return 0;
    let id = this.fills.get(color);
    if (id === undefined) this.fills.set(color, (id = 2 + this.fills.size));
    return id;
  }

  xf(numFmt: number, bold: boolean, fill: number, wrap: boolean): number {
    const key = `${numFmt}|${bold ? 1 : 0}|${fill}|${wrap ? 1 : 0}`;
    let id = this.xfs.get(key);
    if (id === undefined) this.xfs.set(key, (id = this.xfs.size));
    return id;
  }

  dxf(color: string): number {
    this.dxfs.push(`<dxf><fill><patternFill patternType="solid"><bgColor rgb="${argb(color)}"/></patternFill></fill></dxf>`);
    return this.dxfs.length - 1;
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join("");
    const fills = [...this.fills.keys()]
      .map((c) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb(c)}"/><bgColor indexed="64"/></patternFill></fill>`)
      .join("");
    const xfs = [...this.xfs.keys()]
      .map((key) => {
        const [numFmt, bold, fill, wrap] = key.split("|").map(Number);
        return `<xf numFmtId="${numFmt}" fontId="${bold}" fillId="${fill}" borderId="0" xfId="0"${numFmt ? ' applyNumberFormat="1"' : ""}${bold ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${wrap ? ' applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' : "/>"}`;
      })
      .join("");
    return (
      `${XML}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${formats}</numFmts>` : "") +
      `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="${2 + this.fills.size}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills}</fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.size}">${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>` +
      `</styleSheet>`
    );
  }
}

/** The rows of one sheet as XML, a thousand rows a chunk. */
function* sheetXml(sheet: MemorySheet, styles: Styles, onRows: (rows: number) => void): Iterable<string> {
  const options = sheet.options ?? {};
  const width = Math.max(
    1,
    sheet.values.reduce((w, r) => Math.max(w, r.length), 0),
  );
  const height = sheet.values.length;
  const print = options.print;
  const columnFormats = (options.columnFormats ?? []).map((f) => styles.numFmt(f));
  const bold = new Set([...(options.boldRows ?? []), ...Array.from({ length: options.headerRows ?? 0 }, (_, i) => i)]);
  const wrap = new Set(options.wrapColumns ?? []);
  const cellFormats = new Map((options.cellFormats ?? []).map((f) => [`${f.row}:${f.column}`, styles.numFmt(f.format)]));
  const frozen = options.headerRows === 1 && height > 1 && !print;
  let head = `${XML}<worksheet ${NS}>`;
  if (print?.fitToWidth) head += `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
  head += `<dimension ref="A1:${columnLetter(width - 1)}${Math.max(1, height)}"/>`;
  head += frozen
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  head += options?.rowHeight
    ? `<sheetFormatPr defaultRowHeight="${options.rowHeight}" customHeight="1"/>`
    : `<sheetFormatPr defaultRowHeight="15"/>`;
  if (options.columnWidths?.length)
    head += `<cols>${options.columnWidths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`;
  yield head + "<sheetData>";
  // The pieces of a chunk are joined once: text built by += is a rope of thousands of pieces, and
  // flattening it to encode as UTF-8 took ten times as long as the encoding (docs/performance.md).
  let chunk: string[] = [];
  const letters = Array.from({ length: width }, (_, c) => columnLetter(c));
  const wrapping = letters.map((_, c) => wrap.has(c));
  // Style indexes by column, bold and kind, worked out once per sheet rather than once per cell.
  const xfCache = new Map<string, number>();
  const xfFor = (c: number, bold: boolean, numeric: boolean, fill: string | undefined, fmt: number) => {
    const key = `${c}|${bold ? 1 : 0}|${numeric ? fmt : -1}|${fill ?? ""}`;
    let s = xfCache.get(key);
    if (s === undefined) xfCache.set(key, (s = styles.xf(numeric ? fmt : 0, bold, styles.fill(fill), wrapping[c])));
    return s;
  };
  for (let r = 0; r < height; r++) {
    const row = sheet.values[r] ?? [];
    const isBold = bold.has(r);
    const rowNumber = r + 1;
    const start = chunk.length;
    let lines = 1;
    for (let c = 0; c < row.length; c++) {
      const v: CellValue = row[c];
      const fill = sheet.fills.size ? sheet.fills.get(`${r}:${c}`) : undefined;
      if (v === null && !fill) continue;
      const numeric = typeof v === "number";
      const fmt = numeric ? (cellFormats.size ? (cellFormats.get(`${r}:${c}`) ?? columnFormats[c] ?? 0) : (columnFormats[c] ?? 0)) : 0;
      const s = xfFor(c, isBold, numeric, fill, fmt);
      const open = s ? `<c r="${letters[c]}${rowNumber}" s="${s}"` : `<c r="${letters[c]}${rowNumber}"`;
      if (v === null) chunk.push(`${open}/>`);
      else if (numeric) chunk.push(`${open}><v>${Number.isFinite(v) ? v : 0}</v></c>`);
      else if (typeof v === "boolean") chunk.push(`${open} t="b"><v>${v ? 1 : 0}</v></c>`);
      else {
        // Asked of the text as written: esc drops the control characters XML forbids, which can leave a space at an end.
        const text = esc(v);
        chunk.push(`${open} t="inlineStr"><is>${keepsSpace(text) ? '<t xml:space="preserve">' : "<t>"}${text}</t></is></c>`);
        if (wrapping[c])
          lines = Math.max(
            lines,
            v.split("\n").reduce((n, p) => n + Math.max(1, Math.ceil(p.length / Math.max(10, (options.columnWidths?.[c] ?? 10) - 6))), 0),
          );
      }
    }
    if (chunk.length > start) {
      // The row's opening goes before its cells, in the slot of the row's first cell.
      const first = chunk[start];
      chunk[start] = `<row r="${rowNumber}"${lines > 1 ? ` ht="${15 * lines}" customHeight="1"` : ""}>${first}`;
      chunk.push("</row>");
    }
    if (r % 1000 === 999) {
      yield chunk.join("");
      chunk = [];
      onRows(r + 1);
    }
  }
  let tail = chunk.join("") + "</sheetData>";
  // The last highlight added has the first priority, as in Excel, so the most serious fill wins.
  sheet.highlights.forEach((h, i) => {
    const a = h.area;
    const ref = `${columnLetter(a.left)}${a.top + 1}:${columnLetter(a.left + a.width - 1)}${a.top + a.height}`;
    tail += `<conditionalFormatting sqref="${ref}"><cfRule type="expression" dxfId="${styles.dxf(h.fill)}" priority="${sheet.highlights.length - i}"><formula>${esc(h.formula.replace(/^=/, ""))}</formula></cfRule></conditionalFormatting>`;
  });
  tail += `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`;
  // paperSize 1 is US Letter, 9 is A4 (ECMA-376 Part 1, 18.3.1.63 pageSetup).
  if (print)
    tail += `<pageSetup paperSize="${print.paper === "A4" ? 9 : 1}"${print.scale ? ` scale="${print.scale}"` : ""} orientation="${print.orientation}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`;
  // Header and footer codes (ECMA-376 Part 1, 18.3.1.46 headerFooter): &C centre, &L left, &R right,
  // &A the sheet's name, &P the page, &N the pages; a "&" of the title's own is doubled.
  if (print?.title !== undefined)
    tail += `<headerFooter><oddHeader>${esc(`&C${print.title.replace(/&/g, "&&")}`)}</oddHeader><oddFooter>${esc("&L&A&RPage &P of &N")}</oddFooter></headerFooter>`;
  const breaks = (print?.pageBreaks ?? []).filter((b) => b > 0);
  // Excel would drop or refuse breaks past its limit (cycle/sheets/split.ts splits sheets well before).
  if (breaks.length > EXCEL_MAX_PAGE_BREAKS)
    throw new Error(`${breaks.length} page breaks on one sheet; Excel keeps at most ${EXCEL_MAX_PAGE_BREAKS}`);
  if (breaks.length)
    tail += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  // The drawing holding the charts comes after the page set-up and breaks (ECMA-376 Part 1,
  // 18.3.1.99 CT_Worksheet: ... pageMargins, pageSetup, headerFooter, rowBreaks, colBreaks, ...,
  // drawing); its relationship is the sheet's only one (XlsxWriter.addCharts).
  if (options.charts?.length) tail += `<drawing r:id="rId1"/>`;
  yield tail + "</worksheet>";
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
/** The ids joining a chart's plot to its two axes (any numbers, the same within one chart part). */
const CATEGORY_AXIS = 50010001;
const VALUE_AXIS = 50010002;
/**
 * Series colours, as Office's default theme's accents 1 to 6 (blue, orange, grey, gold, light
 * blue, green). They are written as RGB on each series, not as theme colours: the file has no
 * theme part, and LibreOffice draws a theme-coloured series with no line or fill at all.
 */
const SERIES_COLOURS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];
const thinLine = (rgb: string) => `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></a:ln></c:spPr>`;

/** The rows and columns a sheet's charts reach down and right to, for a print area that takes them in. */
function chartsExtent(charts: readonly ChartSpec[]): { rows: number; columns: number } {
  return {
    rows: Math.max(0, ...charts.map((c) => c.at.row + c.at.rows)),
    columns: Math.max(0, ...charts.map((c) => c.at.column + c.at.columns)),
  };
}

/**
 * A sheet's drawing part: each chart in a two-cell anchor (it moves and sizes with the cells under
 * it) holding a graphic frame whose c:chart names the chart part by relationship id, rId1 the
 * first (ECMA-376 Part 1, 20.5.2.33 twoCellAnchor, 20.5.2.16 graphicFrame; 21.2.2.27 chart).
 */
function drawingXml(charts: readonly ChartSpec[]): string {
  const anchors = charts.map((chart, k) => {
    const { row, column, rows, columns } = chart.at;
    const corner = (tag: string, r: number, c: number) =>
      `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor>${corner("from", row, column)}${corner("to", row + rows, column + columns)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${CHART_PREFIX}${k + 1}" descr="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${DOC_RELS}" r:id="rId${k + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${DRAWING_NS}">${anchors.join("")}</xdr:wsDr>`;
}

/** A title's text (a chart's or an axis's), written as rich text; a value axis's title reads upwards. */
function titleXml(text: string, upwards = false): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr${upwards ? ' rot="-5400000" vert="horz"' : ""}/><a:lstStyle/>` +
    `<a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:rPr lang="en-US"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

/**
 * A chart part (ECMA-376 Part 1, 21.2 DrawingML Charts): a c:lineChart, or a c:barChart with
 * barDir col and grouping clustered, one c:ser per series column. Each series names its header
 * cell (c:tx), the category column (c:cat) and its values (c:val) by reference to the sheet, with
 * the values cached as Excel caches them, so a reader that does not recalculate still draws them.
 * Elements are in the schema's order: CT_ChartSpace chart; CT_Chart title, autoTitleDeleted,
 * plotArea, legend, plotVisOnly, dispBlanksAs; CT_LineSer/CT_BarSer idx, order, tx, marker or
 * invertIfNegative, cat, val; CT_CatAx/CT_ValAx axId, scaling, delete, axPos, majorGridlines,
 * title, numFmt, majorTickMark, minorTickMark, tickLblPos, spPr, crossAx, crosses, .... Lines and
 * fills are given in RGB (SERIES_COLOURS).
 */
function chartXml(sheetName: string, sheet: MemorySheet, chart: ChartSpec): string {
  const { top, left, rows, columns } = chart.data;
  const quoted = esc(quoteSheet(sheetName));
  const ref = (c: number, r0: number, r1 = r0) =>
    `${quoted}!$${columnLetter(c)}$${r0 + 1}${r1 === r0 ? "" : `:$${columnLetter(c)}$${r1 + 1}`}`;
  const cell = (r: number, c: number): CellValue => sheet.values[r]?.[c] ?? null;
  const first = top + 1;
  const last = top + rows - 1;
  const column = (c: number) => Array.from({ length: rows - 1 }, (_, i) => cell(first + i, c));
  const strCache = (cells: readonly CellValue[]) =>
    `<c:strCache><c:ptCount val="${cells.length}"/>${cells
      .map((v, i) =>
        v === null ? "" : `<c:pt idx="${i}"><c:v>${esc(typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v))}</c:v></c:pt>`,
      )
      .join("")}</c:strCache>`;
  const numCache = (cells: readonly CellValue[], format: string | undefined) =>
    `<c:numCache><c:formatCode>${esc(format ?? "General")}</c:formatCode><c:ptCount val="${cells.length}"/>${cells
      .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
      .join("")}</c:numCache>`;
  const formats = sheet.options?.columnFormats ?? [];
  // Categories that are all numbers (a date serial, a band's lower bound) are referred to as
  // numbers, so the axis shows them in the column's format; anything else as text.
  const categories = column(left);
  const numeric = categories.every((v) => v === null || typeof v === "number") && categories.some((v) => typeof v === "number");
  const cat = numeric
    ? `<c:cat><c:numRef><c:f>${ref(left, first, last)}</c:f>${numCache(categories, formats[left])}</c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${ref(left, first, last)}</c:f>${strCache(categories)}</c:strRef></c:cat>`;
  const line = chart.type === "line";
  const series = Array.from({ length: columns - 1 }, (_, k) => {
    const c = left + 1 + k;
    const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
    return (
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
      `<c:tx><c:strRef><c:f>${ref(c, top)}</c:f>${strCache([cell(top, c)])}</c:strRef></c:tx>` +
      (line
        ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr>`
        : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>`) +
      // Excel's "Line" chart type draws no markers; a column that goes below zero keeps its colour.
      (line ? `<c:marker><c:symbol val="none"/></c:marker>` : `<c:invertIfNegative val="0"/>`) +
      cat +
      `<c:val><c:numRef><c:f>${ref(c, first, last)}</c:f>${numCache(column(c), formats[c])}</c:numRef></c:val>` +
      (line ? `<c:smooth val="0"/>` : "") +
      `</c:ser>`
    );
  }).join("");
  const axes = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const scaling = `<c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>`;
  const ticks = `<c:majorTickMark val="out"/><c:minorTickMark val="none"/>`;
  const categoryAxis =
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/>${scaling}<c:axPos val="b"/>` +
    (chart.xTitle ? titleXml(chart.xTitle) : "") +
    (numeric ? `<c:numFmt formatCode="${esc(formats[left] ?? "General")}" sourceLinked="1"/>` : "") +
    // Labels stay below the plot when values go below zero (a bill that fell).
    `${ticks}<c:tickLblPos val="low"/>${thinLine("BFBFBF")}<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS}"/>${scaling}<c:axPos val="l"/><c:majorGridlines>${thinLine("D9D9D9")}</c:majorGridlines>` +
    (chart.yTitle ? titleXml(chart.yTitle, true) : "") +
    (chart.valueFormat
      ? `<c:numFmt formatCode="${esc(chart.valueFormat)}" sourceLinked="0"/>`
      : `<c:numFmt formatCode="General" sourceLinked="1"/>`) +
    `${ticks}<c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  return (
    `${XML}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${DOC_RELS}">` +
    `<c:roundedCorners val="0"/><c:chart>${titleXml(chart.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${categoryAxis}${valueAxis}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

/**
 * Writes an .xlsx file a sheet at a time, fast: sheet XML is generated row by row and deflated as
 * it goes, so a cycle of 100,000 bills writes in seconds, never sits in memory as one document,
 * and a sheet can be let go as soon as it is added. It writes values, column widths and formats,
 * bold rows, fills, wrapped text, the add-in's conditional highlights, print set-up (orientation,
 * fit to width, print area, repeated header rows, page breaks), frozen headers and native charts
 * (line and clustered column, as DrawingML over the sheet). Strings are
 * stored as strings; cell notes are not written (the codes and messages columns carry the same
 * text).
 */
export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly styles = new Styles();
  private readonly names: string[] = [];
  private readonly definedNames: string[] = [];
  /** Parts written for charts, for [Content_Types].xml: one drawing per sheet with charts, one part per chart. */
  private drawings = 0;
  private charts = 0;

  constructor(path: string) {
    this.zip = new ZipWriter(path);
  }

  /** The sheet names added so far, in order. */
  get sheetNames(): readonly string[] {
    return this.names;
  }

  async addSheet(name: string, sheet: MemorySheet, progress?: (sheet: string, rows: number) => void): Promise<void> {
    const charts = sheet.options?.charts ?? [];
    if (charts.length)
      checkCharts(
        name,
        sheet.values.length,
        sheet.values.reduce((w, r) => Math.max(w, r.length), 0),
        charts,
      );
    const i = this.names.length;
    this.names.push(name);
    await this.zip.add(
      `xl/worksheets/sheet${i + 1}.xml`,
      sheetXml(sheet, this.styles, (rows) => progress?.(name, rows)),
    );
    if (charts.length) await this.addCharts(i + 1, name, sheet, charts);
    const print = sheet.options?.print;
    if (print) {
      // The print area takes in the charts too: a chart outside it would not print.
      const extent = chartsExtent(charts);
      const width = Math.max(
        1,
        extent.columns,
        sheet.values.reduce((w, r) => Math.max(w, r.length), 0),
      );
      // A growing record sheet sets no print area: every row appended later prints (PrintSetup.growing).
      if (!print.growing)
        this.definedNames.push(
          `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${esc(quoteSheet(name))}!$A$1:$${columnLetter(width - 1)}$${Math.max(1, extent.rows, printedHeight(print, sheet.values.length))}</definedName>`,
        );
      if (print.repeatRows)
        this.definedNames.push(
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(quoteSheet(name))}!$1:$${print.repeatRows}</definedName>`,
        );
    }
  }

  /**
   * Writes a sheet's charts: the sheet's relationship to its drawing (rId1, as sheetXml's
   * <drawing> names it), the drawing with one anchor per chart, the drawing's relationships (rIdK
   * to chart part K of this sheet) and the chart parts, numbered across the workbook.
   */
  private async addCharts(sheetNumber: number, name: string, sheet: MemorySheet, charts: readonly ChartSpec[]): Promise<void> {
    const drawing = ++this.drawings;
    const first = this.charts + 1;
    this.charts += charts.length;
    await this.zip.add(`xl/worksheets/_rels/sheet${sheetNumber}.xml.rels`, [
      `${XML}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/drawing" Target="../drawings/drawing${drawing}.xml"/></Relationships>`,
    ]);
    await this.zip.add(`xl/drawings/drawing${drawing}.xml`, [drawingXml(charts)]);
    await this.zip.add(`xl/drawings/_rels/drawing${drawing}.xml.rels`, [
      `${XML}<Relationships xmlns="${PACKAGE_RELS}">` +
        charts
          .map((_, k) => `<Relationship Id="rId${k + 1}" Type="${DOC_RELS}/chart" Target="../charts/chart${first + k}.xml"/>`)
          .join("") +
        `</Relationships>`,
    ]);
    for (let k = 0; k < charts.length; k++) await this.zip.add(`xl/charts/chart${first + k}.xml`, [chartXml(name, sheet, charts[k])]);
  }

  /** Closes an unfinished file (the caller removes it). */
  abort(): void {
    this.zip.abort();
  }

  /** Writes the workbook parts and closes the file. */
  async close(): Promise<void> {
    const { zip, names, definedNames } = this;
    await zip.add("xl/styles.xml", [this.styles.xml()]);
    await zip.add("xl/workbook.xml", [
      `${XML}<workbook ${NS}><bookViews><workbookView/></bookViews><sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
        (definedNames.length ? `<definedNames>${definedNames.join("")}</definedNames>` : "") +
        `</workbook>`,
    ]);
    await zip.add("xl/_rels/workbook.xml.rels", [
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        names
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("") +
        `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ]);
    await zip.add("_rels/.rels", [
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ]);
    await zip.add("[Content_Types].xml", [
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        names
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        Array.from(
          { length: this.drawings },
          (_, d) =>
            `<Override PartName="/xl/drawings/drawing${d + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
        ).join("") +
        Array.from(
          { length: this.charts },
          (_, k) =>
            `<Override PartName="/xl/charts/chart${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
        ).join("") +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ]);
    await zip.close();
  }
}

/** Writes the in-memory workbook (or the named sheets of it) as an .xlsx file with XlsxWriter. */
export async function writeXlsx(
  path: string,
  workbook: MemoryWorkbook,
  sheetNames?: readonly string[],
  progress?: (sheet: string, rows: number) => void,
): Promise<void> {
  const writer = new XlsxWriter(path);
  try {
    for (const name of sheetNames ?? [...workbook.sheets.keys()]) await writer.addSheet(name, workbook.sheet(name)!, progress);
    await writer.close();
  } catch (error) {
    // Nothing more is written to a file that failed part way (the caller removes it).
    writer.abort();
    throw error;
  }
}
