import { columnLetter } from "../../workbook/address";
import type { MemorySheet, MemoryWorkbook } from "../../workbook/memoryWorkbook";
import type { CellValue } from "../../workbook/port";
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
  let chunk = "";
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
    let cells = "";
    let lines = 1;
    for (let c = 0; c < row.length; c++) {
      const v: CellValue = row[c];
      const fill = sheet.fills.size ? sheet.fills.get(`${r}:${c}`) : undefined;
      if (v === null && !fill) continue;
      const numeric = typeof v === "number";
      const fmt = numeric ? (cellFormats.size ? (cellFormats.get(`${r}:${c}`) ?? columnFormats[c] ?? 0) : (columnFormats[c] ?? 0)) : 0;
      const s = xfFor(c, isBold, numeric, fill, fmt);
      const open = s ? `<c r="${letters[c]}${rowNumber}" s="${s}"` : `<c r="${letters[c]}${rowNumber}"`;
      if (v === null) cells += `${open}/>`;
      else if (numeric) cells += `${open}><v>${Number.isFinite(v) ? v : 0}</v></c>`;
      else if (typeof v === "boolean") cells += `${open} t="b"><v>${v ? 1 : 0}</v></c>`;
      else {
        cells += `${open} t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
        if (wrapping[c])
          lines = Math.max(
            lines,
            v.split("\n").reduce((n, p) => n + Math.max(1, Math.ceil(p.length / Math.max(10, (options.columnWidths?.[c] ?? 10) - 6))), 0),
          );
      }
    }
    if (cells) chunk += `<row r="${rowNumber}"${lines > 1 ? ` ht="${15 * lines}" customHeight="1"` : ""}>${cells}</row>`;
    if (r % 1000 === 999) {
      yield chunk;
      chunk = "";
      onRows(r + 1);
    }
  }
  let tail = chunk + "</sheetData>";
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
  const breaks = (print?.pageBreaks ?? []).filter((b) => b > 0);
  // Excel would drop or refuse breaks past its limit (cycle/sheets/split.ts splits sheets well before).
  if (breaks.length > EXCEL_MAX_PAGE_BREAKS)
    throw new Error(`${breaks.length} page breaks on one sheet; Excel keeps at most ${EXCEL_MAX_PAGE_BREAKS}`);
  if (breaks.length)
    tail += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  yield tail + "</worksheet>";
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * Writes an .xlsx file a sheet at a time, fast: sheet XML is generated row by row and deflated as
 * it goes, so a cycle of 100,000 bills writes in seconds, never sits in memory as one document,
 * and a sheet can be let go as soon as it is added. It writes values, column widths and formats,
 * bold rows, fills, wrapped text, the add-in's conditional highlights, print set-up (orientation,
 * fit to width, print area, repeated header rows, page breaks) and frozen headers. Strings are
 * stored as strings; cell notes are not written (the codes and messages columns carry the same
 * text).
 */
export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly styles = new Styles();
  private readonly names: string[] = [];
  private readonly definedNames: string[] = [];

  constructor(path: string) {
    this.zip = new ZipWriter(path);
  }

  /** The sheet names added so far, in order. */
  get sheetNames(): readonly string[] {
    return this.names;
  }

  async addSheet(name: string, sheet: MemorySheet, progress?: (sheet: string, rows: number) => void): Promise<void> {
    const i = this.names.length;
    this.names.push(name);
    await this.zip.add(
      `xl/worksheets/sheet${i + 1}.xml`,
      sheetXml(sheet, this.styles, (rows) => progress?.(name, rows)),
    );
    const print = sheet.options?.print;
    if (print) {
      const width = Math.max(
        1,
        sheet.values.reduce((w, r) => Math.max(w, r.length), 0),
      );
      // A growing record sheet sets no print area: every row appended later prints (PrintSetup.growing).
      if (!print.growing)
        this.definedNames.push(
          `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${esc(quoteSheet(name))}!$A$1:$${columnLetter(width - 1)}$${Math.max(1, sheet.values.length)}</definedName>`,
        );
      if (print.repeatRows)
        this.definedNames.push(
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(quoteSheet(name))}!$1:$${print.repeatRows}</definedName>`,
        );
    }
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
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ]);
    zip.close();
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
  for (const name of sheetNames ?? [...workbook.sheets.keys()]) await writer.addSheet(name, workbook.sheet(name)!, progress);
  await writer.close();
}
