import { attr, columnIndex, decode, EXCEL_ROWS, openArchive, sheetParts, unprefixed, WorkbookFileProblem, ZipFile } from "./fastRead";
import { ZipWriter } from "./zip";
import { columnLetter } from "../../workbook/address";
import {
  CellValue,
  FlagsApplied,
  HIGHLIGHT_MARKER,
  Progress,
  ReadOptions,
  SheetFlags,
  SheetValues,
  WorkbookPort,
  WriteOptions,
} from "../../workbook/port";

/**
 * One workbook seen two ways, for `ubill validate --out`: its values come from the fast reader (the
 * one input layer, with its limits and its reading of prefixed, Strict and 1904 workbooks), and
 * what the review writes is kept by a FlagWriter, which writes the flagged copy. Both address cells
 * from A1, so a row read is the row flagged. The review only reads and flags.
 */
export class FlaggedCopy implements WorkbookPort {
  constructor(
    private readonly values: WorkbookPort,
    private readonly flags: FlagWriter,
  ) {}

  sheetNames(): Promise<string[]> {
    return this.values.sheetNames();
  }

  readSheet(name: string, options?: ReadOptions): Promise<SheetValues | undefined> {
    return this.values.readSheet(name, options);
  }

  readHeads(maxRows: number): Promise<SheetValues[]> {
    return this.values.readHeads(maxRows);
  }

  async applyFlags(sheet: string, flags: SheetFlags): Promise<FlagsApplied> {
    return this.flags.applyFlags(sheet, flags);
  }

  replaceSheet(name: string, _rows: readonly (readonly CellValue[])[], _options?: WriteOptions, _progress?: Progress): Promise<void> {
    return Promise.reject(new Error(`a flagged copy only takes flags; it cannot replace sheet ${name}`));
  }

  removeSheet(name: string): Promise<void> {
    return Promise.reject(new Error(`a flagged copy only takes flags; it cannot remove sheet ${name}`));
  }

  async select(): Promise<void> {}

  async recalculate(): Promise<void> {}
}

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
/** Excel's built-in "@" (text) number format: the add-in's own text cells are text. */
const TEXT_FORMAT = 49;

/**
 * Elements that come after <conditionalFormatting> in a worksheet (ECMA-376 Part 1, 18.3.1.99
 * CT_Worksheet): a highlight is written before the first of them there is.
 */
const AFTER_CONDITIONAL_FORMATS = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/**
 * A part in the worksheet's own default namespace: a part written with a prefix on every element
 * (`<x:worksheet xmlns:x=...>`, the Open XML SDK) is given its namespace as the default, so the
 * elements added here, written without a prefix, are in it too.
 */
function withDefaultNamespace(xml: string): string {
  const plain = unprefixed(xml);
  if (plain === xml) return xml;
  const prefix = /<([A-Za-z_][\w.-]*):[A-Za-z]/.exec(xml.slice(0, 4000))![1];
  return plain.replace(new RegExp(`xmlns:${prefix}=`), "xmlns=");
}

/** One list in the styles part (fills, cellXfs, dxfs): its entries as written, and those added. */
class StyleList {
  readonly entries: string[];
  readonly added: string[] = [];

  constructor(
    readonly element: string,
    child: string,
    xml: string,
  ) {
    const body = new RegExp(`<${element}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${element}>)`).exec(xml)?.[1] ?? "";
    this.entries = [...body.matchAll(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g"))].map((m) => m[0]);
  }

  /** The index of an entry written exactly so (one the add-in wrote before), added when there is none. */
  indexOf(entry: string): number {
    const at = this.entries.indexOf(entry);
    if (at >= 0) return at;
    this.entries.push(entry);
    this.added.push(entry);
    return this.entries.length - 1;
  }
}

/**
 * The styles the flags need, added to the workbook's own: a text format with each fill, and each
 * highlight's fill. An entry the add-in wrote before is used again, so flagging a flagged copy
 * again adds nothing.
 */
class StylesPatch {
  private readonly fills: StyleList;
  private readonly xfs: StyleList;
  private readonly dxfs: StyleList;

  constructor(private readonly xml: string) {
    this.fills = new StyleList("fills", "fill", xml);
    this.xfs = new StyleList("cellXfs", "xf", xml);
    this.dxfs = new StyleList("dxfs", "dxf", xml);
  }

  /** The cell style index for the add-in's text cells with `fill` (null: none). */
  cell(fill: string | null): number {
    const fillId = fill
      ? this.fills.indexOf(
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    return this.xfs.indexOf(
      `<xf numFmtId="${TEXT_FORMAT}" fontId="0" fillId="${fillId}" borderId="0" xfId="0" applyNumberFormat="1"${fill ? ` applyFill="1"` : ""}/>`,
    );
  }

  /** The cell style index for a number shown in one of Excel's built-in formats (0 General, 4 #,##0.00). */
  number(numFmtId: number): number {
    return this.xfs.indexOf(`<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
  }

  /** The differential format index for a highlight's fill. */
  highlight(fill: string): number {
    return this.dxfs.indexOf(`<dxf><fill><patternFill><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`);
  }

  /** The styles part with what was asked for added. */
  patched(): string {
    let xml = this.xml;
    const append = (list: StyleList, before: string[]) => {
      if (!list.added.length) return;
      const { element } = list;
      const full = new RegExp(`<${element}\\b([^>]*?)(/>|>([\\s\\S]*?)</${element}>)`).exec(xml);
      const total = list.entries.length;
      if (full) {
        const attrs = full[1].replace(/\s+count=["']\d+["']/, "");
        xml = xml.replace(full[0], () => `<${element}${attrs} count="${total}">${full[3] ?? ""}${list.added.join("")}</${element}>`);
        return;
      }
      const at = before.map((b) => xml.search(new RegExp(`<${b}\\b`))).find((i) => i >= 0) ?? xml.lastIndexOf("</styleSheet>");
      xml = `${xml.slice(0, at)}<${element} count="${total}">${list.added.join("")}</${element}>${xml.slice(at)}`;
    };
    append(this.fills, ["borders", "cellStyleXfs", "cellXfs"]);
    append(this.xfs, ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"]);
    append(this.dxfs, ["tableStyles", "colors", "extLst"]);
    return xml;
  }
}

/** The minimal styles part (one font, the two fills Excel reserves, one border, one style) for a workbook without one. */
const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;

/** Excel's built-in number formats the add-in's own sheets use (ECMA-376 Part 1, 18.8.30). */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  "#,##0.00": 4,
  "0.00": 2,
  "#,##0": 3,
  "0": 1,
  "yyyy-mm-dd": 14,
  "m/d/yyyy": 14,
};

/**
 * A sheet of the add-in's own, written whole: its values (numbers in their column's format when it
 * is one of Excel's built-in ones, text as text, never a formula) and its column widths.
 */
function wholeSheet(
  rows: readonly (readonly CellValue[])[],
  widths: readonly number[],
  formats: readonly (string | undefined)[],
  styles: StylesPatch,
): string {
  const cols = widths.length
    ? `<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const numberStyle = formats.map((f) => styles.number(f === undefined ? 0 : (BUILT_IN_FORMATS[f] ?? 0)));
  const text = styles.cell(null);
  const data = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${columnLetter(c)}${r + 1}`;
          if (v === null || v === "") return "";
          if (typeof v === "number")
            return `<c r="${ref}" s="${numberStyle[c] ?? styles.number(0)}"><v>${Number.isFinite(v) ? v : 0}</v></c>`;
          if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
          return `<c r="${ref}" s="${text}" t="inlineStr"><is><t xml:space="preserve">${xmlText(String(v))}</t></is></c>`;
        })
        .join("");
      return cells ? `<row r="${r + 1}">${cells}</row>` : "";
    })
    .join("");
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${columnLetter(width - 1)}${Math.max(1, rows.length)}"/>${cols}<sheetData>${data}</sheetData><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup orientation="portrait" fitToWidth="1" fitToHeight="0"/></worksheet>`;
}

/** The add-in's cells for one row: column -> its <c> element. */
type RowCells = Map<number, string>;

/** The flags' cells by row, each written as text (never a formula) in its style. */
function flaggedCells(flags: SheetFlags, styles: StylesPatch): Map<number, RowCells> {
  const rows = new Map<number, RowCells>();
  const value = new Map<string, CellValue>();
  const format = new Map<string, string>();
  const fill = new Map<string, string | null>();
  const at = (r: number, c: number) => `${r},${c}`;
  for (const block of flags.blocks ?? [])
    block.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        value.set(at(block.top + i, block.left + j), v);
        const f = block.formats?.[j];
        if (f && typeof v === "number") format.set(at(block.top + i, block.left + j), f);
      }),
    );
  for (const run of flags.fills ?? [])
    for (let r = run.top; r < run.top + run.height; r++) for (let c = run.left; c < run.left + run.width; c++) fill.set(at(r, c), run.fill);
  for (const key of new Set([...value.keys(), ...fill.keys()])) {
    const [r, c] = key.split(",").map(Number);
    const v = value.get(key) ?? null;
    const ref = `${columnLetter(c)}${r + 1}`;
    const f = format.get(key);
    // A number in a date or money format gets Excel's built-in format for it (a date sorts and filters as a date).
    const s = ` s="${f && BUILT_IN_FORMATS[f] !== undefined ? styles.number(BUILT_IN_FORMATS[f]) : styles.cell(fill.get(key) ?? null)}"`;
    let cell: string;
    if (v === null || v === "") cell = `<c r="${ref}"${s}/>`;
    else if (typeof v === "number") cell = `<c r="${ref}"${s}><v>${v}</v></c>`;
    else if (typeof v === "boolean") cell = `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
    else cell = `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(v))}</t></is></c>`;
    if (!rows.has(r)) rows.set(r, new Map());
    rows.get(r)!.set(c, cell);
  }
  return rows;
}

/** One <row> with the add-in's cells put in (replacing whatever was in those cells), in column order. */
function patchRow(rowAttrs: string, body: string, own: RowCells): string {
  const cells: { column: number; xml: string }[] = [];
  const cellRe = /<c\b([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/g;
  let column = -1;
  for (let m = cellRe.exec(body); m; m = cellRe.exec(body)) {
    const ref = attr(m[1], "r");
    column = ref ? columnIndex(ref) : column + 1;
    if (!own.has(column))
      cells.push({ column, xml: ref ? m[0] : m[0].replace(/^<c\b/, `<c r="${columnLetter(column)}${rowOf(rowAttrs)}"`) });
  }
  for (const [c, xml] of own) cells.push({ column: c, xml });
  cells.sort((a, b) => a.column - b.column);
  // `spans` is a hint of the row's columns, which the add-in's cells may widen: left out.
  return `<row${rowAttrs.replace(/\s+spans=["'][^"']*["']/, "")}>${cells.map((c) => c.xml).join("")}</row>`;
}

const rowOf = (rowAttrs: string) => attr(rowAttrs, "r") ?? "";

/** The sheet's <sheetData> with the add-in's cells merged in, rows in order (a row the sheet lacks is added). */
function patchSheetData(sheetData: string, own: Map<number, RowCells>): string {
  const wanted = [...own.keys()].sort((a, b) => a - b);
  let next = 0;
  const out: string[] = [];
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  let last = 0;
  let rowIndex = -1;
  const addUpTo = (limit: number) => {
    for (; next < wanted.length && wanted[next] < limit; next++) out.push(patchRow(` r="${wanted[next] + 1}"`, "", own.get(wanted[next])!));
  };
  for (let m = rowRe.exec(sheetData); m; m = rowRe.exec(sheetData)) {
    const r = attr(m[1], "r");
    rowIndex = r ? Number(r) - 1 : rowIndex + 1;
    out.push(sheetData.slice(last, m.index));
    last = m.index + m[0].length;
    addUpTo(rowIndex);
    const cells = own.get(rowIndex);
    if (cells) {
      next++;
      out.push(patchRow(r ? m[1] : ` r="${rowIndex + 1}"${m[1]}`, m[2] ?? "", cells));
    } else out.push(m[0]);
  }
  out.push(sheetData.slice(last));
  // Rows after the sheet's last: before its closing tag.
  const tail = out.pop()!;
  addUpTo(EXCEL_ROWS);
  out.push(tail);
  return out.join("");
}

/** The highlights as conditional formats, each rule's priority as exceljs and Excel give them (the last added first). */
function conditionalFormats(flags: SheetFlags, styles: StylesPatch): string {
  const count = flags.highlights?.length ?? 0;
  return (flags.highlights ?? [])
    .map((h, i) => {
      const a = h.area;
      const sqref = `${columnLetter(a.left)}${a.top + 1}:${columnLetter(a.left + a.width - 1)}${a.top + a.height}`;
      return `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="${styles.highlight(h.fill)}" priority="${count - i}"><formula>${xmlText(h.formula.replace(/^=/, ""))}</formula></cfRule></conditionalFormatting>`;
    })
    .join("");
}

/** The worksheet part with the flags written in. */
function patchSheet(xml: string, flags: SheetFlags, styles: StylesPatch): string {
  xml = withDefaultNamespace(xml);
  const own = flaggedCells(flags, styles);
  const data = /<sheetData\b[^>]*?(?:\/>|>[\s\S]*?<\/sheetData>)/.exec(xml);
  if (!data) throw new WorkbookFileProblem("a sheet has no <sheetData>");
  const body = data[0].endsWith("/>") ? "" : data[0].slice(data[0].indexOf(">") + 1, -"</sheetData>".length);
  const open = data[0].endsWith("/>") ? data[0].slice(0, -2) + ">" : data[0].slice(0, data[0].indexOf(">") + 1);
  let out = xml.slice(0, data.index) + open + patchSheetData(body, own) + "</sheetData>" + xml.slice(data.index + data[0].length);
  if (flags.highlights) {
    // The add-in's previous highlights go (they carry its marker); everyone else's stay.
    out = out.replace(/<conditionalFormatting\b[^>]*>[\s\S]*?<\/conditionalFormatting>/g, (cf) =>
      decode(cf).includes(HIGHLIGHT_MARKER) ? "" : cf,
    );
    const after = out.indexOf("</sheetData>");
    const positions = AFTER_CONDITIONAL_FORMATS.map((name) => out.slice(after).search(new RegExp(`<${name}\\b`))).filter((i) => i >= 0);
    const at = positions.length ? after + Math.min(...positions) : out.lastIndexOf("</worksheet>");
    out = out.slice(0, at) + conditionalFormats(flags, styles) + out.slice(at);
  }
  // The used range Excel records: widened to the add-in's cells.
  const dimension = /<dimension\b([^>]*?)\/>/.exec(out);
  if (dimension && own.size) {
    const ref = attr(dimension[1], "ref") ?? "A1";
    const [from, to = from] = ref.split(":");
    let lastRow = Number(/\d+$/.exec(to)?.[0] ?? 1);
    let lastColumn = columnIndex(to.replace(/\d+$/, ""));
    // A loop, not Math.max(...): a sheet of 100,000 flagged rows would overflow the call stack.
    for (const [r, cells] of own) {
      lastRow = Math.max(lastRow, r + 1);
      for (const c of cells.keys()) lastColumn = Math.max(lastColumn, c);
    }
    out = out.replace(dimension[0], `<dimension ref="${from}:${columnLetter(lastColumn)}${lastRow}"/>`);
  }
  return out;
}

/**
 * Keeps the flags a review writes and writes the flagged copy of the workbook: every part of the
 * input copied as it is, but for the flagged sheets (the add-in's cells, fills and highlights put
 * in) and the styles they need. The other parts are copied as the archive stores them, never
 * inflated, so a 53 MB workbook is copied in seconds (exceljs, which holds the whole workbook as
 * objects, took 34 s and 2.8 GB for 10 MB, and ran out of memory at 53 MB). Cell notes are not written here: each note's message
 * is in the UB Edit Notes column, and the add-in writes notes in Excel.
 */
export class FlagWriter {
  private readonly flags = new Map<string, SheetFlags>();

  constructor(
    private readonly source: string,
    private readonly limits: { maxFileBytes?: number; maxPartBytes?: number } = {},
  ) {}

  /** Sheets the copy gets whole, by lower-cased name: the add-in's own, new or written again. */
  private readonly whole = new Map<
    string,
    { name: string; rows: readonly (readonly CellValue[])[]; widths: readonly number[]; formats: readonly (string | undefined)[] }
  >();

  applyFlags(sheet: string, flags: SheetFlags): FlagsApplied {
    const key = sheet.toLowerCase();
    const earlier = this.flags.get(key);
    // Flags given twice for one sheet (a posted batch, then its header cell) are kept together; later cells win.
    this.flags.set(
      key,
      earlier
        ? {
            blocks: [...(earlier.blocks ?? []), ...(flags.blocks ?? [])],
            fills: [...(earlier.fills ?? []), ...(flags.fills ?? [])],
            highlights: flags.highlights ?? earlier.highlights,
            notes: [...(earlier.notes ?? []), ...(flags.notes ?? [])],
          }
        : flags,
    );
    return { notes: { supported: false, written: 0, skipped: flags.notes?.length ?? 0 } };
  }

  /**
   * Gives the copy a sheet of the add-in's own, whole: a new sheet is added after the others; a
   * sheet of that name already in the workbook is written again in its place. Values only: numbers
   * as numbers, text as text (never a formula).
   */
  putSheet(
    name: string,
    rows: readonly (readonly CellValue[])[],
    columnWidths: readonly number[] = [],
    columnFormats: readonly (string | undefined)[] = [],
  ): void {
    this.flags.delete(name.toLowerCase());
    this.whole.set(name.toLowerCase(), { name, rows, widths: columnWidths, formats: columnFormats });
  }

  /** Writes the copy at `to`. Throws WorkbookFileProblem for an input part it cannot read. */
  async save(to: string): Promise<void> {
    const files = openArchive(this.source, this.limits);
    const text = (name: string) => {
      const part = files.get(name);
      return part ? unprefixed(part().toString("utf8")) : undefined;
    };
    const workbookXml = text("xl/workbook.xml");
    const relsXml = text("xl/_rels/workbook.xml.rels");
    if (!workbookXml || !relsXml) throw new WorkbookFileProblem("it has no xl/workbook.xml");
    const flagged = new Map<string, SheetFlags>();
    const rewritten = new Map<
      string,
      { whole: { rows: readonly (readonly CellValue[])[]; widths: readonly number[]; formats: readonly (string | undefined)[] } }
    >();
    const added = new Map(this.whole);
    for (const { name, path } of sheetParts(workbookXml, relsXml)) {
      const flags = this.flags.get(name.toLowerCase());
      if (flags && path) flagged.set(path, flags);
      const whole = added.get(name.toLowerCase());
      if (whole && path) {
        rewritten.set(path, { whole });
        added.delete(name.toLowerCase());
      }
    }
    const stylesPath = "xl/styles.xml";
    const stylesPart = files.get(stylesPath);
    const styles = new StylesPatch(stylesPart ? withDefaultNamespace(stylesPart().toString("utf8")) : EMPTY_STYLES);
    const patched = new Map<string, string>();
    for (const [path, flags] of flagged) {
      const part = files.get(path);
      if (part) patched.set(path, patchSheet(part().toString("utf8"), flags, styles));
    }
    for (const [path, { whole }] of rewritten) patched.set(path, wholeSheet(whole.rows, whole.widths, whole.formats, styles));
    if (added.size) {
      const parts = new Set(files.keys());
      let n = 1;
      let sheetId = Math.max(0, ...[...workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => Number(attr(m[1], "sheetId") ?? 0)));
      // The parts as stored (a prefixed workbook given its namespace as the default), not as read.
      let wb = withDefaultNamespace(files.get("xl/workbook.xml")!().toString("utf8"));
      let rels = files.get("xl/_rels/workbook.xml.rels")!().toString("utf8");
      let types = patched.get("[Content_Types].xml") ?? files.get("[Content_Types].xml")!().toString("utf8");
      for (const { name, rows, widths, formats } of added.values()) {
        while (parts.has(`xl/worksheets/sheet${n}.xml`)) n++;
        const path = `xl/worksheets/sheet${n}.xml`;
        parts.add(path);
        const rId = `rIdUbSheet${n}`;
        patched.set(path, wholeSheet(rows, widths, formats, styles));
        wb = wb.replace(/<\/sheets>/, () => `<sheet name="${xmlText(name)}" sheetId="${++sheetId}" r:id="${rId}"/></sheets>`);
        if (!/xmlns:r=/.test(wb.slice(0, wb.indexOf(">", wb.indexOf("<workbook")))))
          wb = wb.replace(/<workbook\b/, `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
        rels = rels.replace(
          /<\/(?:\w+:)?Relationships>/,
          (end) =>
            `<Relationship xmlns="http://schemas.openxmlformats.org/package/2006/relationships" Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>${end}`,
        );
        types = types.replace(
          /<\/(\w+:)?Types>/,
          (end) =>
            `<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${end}`,
        );
      }
      patched.set("xl/workbook.xml", wb);
      patched.set("xl/_rels/workbook.xml.rels", rels);
      patched.set("[Content_Types].xml", types);
    }
    if (patched.size || !stylesPart) patched.set(stylesPath, styles.patched());
    if (!stylesPart) {
      patched.set(
        "[Content_Types].xml",
        withStylesType(patched.get("[Content_Types].xml") ?? files.get("[Content_Types].xml")!().toString("utf8")),
      );
      patched.set(
        "xl/_rels/workbook.xml.rels",
        withStylesRelationship(patched.get("xl/_rels/workbook.xml.rels") ?? files.get("xl/_rels/workbook.xml.rels")!().toString("utf8")),
      );
    }
    const zip = new ZipWriter(to);
    try {
      for (const [name, part] of files as Map<string, ZipFile>) {
        const replaced = patched.get(name);
        // Every part but the flagged sheets and the styles is copied as stored, never inflated.
        if (replaced === undefined) zip.addRaw(name, part.raw);
        else await zip.add(name, [replaced]);
        patched.delete(name);
      }
      for (const [name, xml] of patched) await zip.add(name, [xml]);
      await zip.close();
    } catch (error) {
      zip.abort();
      throw error;
    }
  }
}

function withStylesType(types: string): string {
  return types.replace(
    /<\/(\w+:)?Types>/,
    (end) =>
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${end}`,
  );
}

function withStylesRelationship(rels: string): string {
  return rels.replace(
    /<\/(\w+:)?Relationships>/,
    (end) =>
      `<Relationship Id="rIdUbStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${end}`,
  );
}
