import { closeSync, fstatSync, openSync, readSync, statSync } from "fs";
import { constants as zlibConstants, crc32, createInflateRaw, inflateRawSync } from "zlib";
import { emptySheet, MemorySheet, MemoryWorkbook } from "../../workbook/memoryWorkbook";
import { utf16Text } from "../../workbook/textBytes";
import type { CellValue } from "../../workbook/port";

/** A workbook file that cannot be read as it is: damaged, or past a limit (docs/inputs.md). */
export class WorkbookFileProblem extends Error {}

/** The largest .xlsx file read (a 100,000-account workbook is about 30 MB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/**
 * The most one part (a sheet's XML) may inflate to: a ZIP bomb (2 MB inflating to 2 GB) stops
 * here, and below it the part's text fits a JavaScript string (at most about 512 MB).
 */
export const MAX_PART_BYTES = 480 * 1024 * 1024;

/** Excel's sheet size and cell length (learn.microsoft.com, "Excel specifications and limits"). */
export const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;
const EXCEL_CELL_CHARACTERS = 32_767;

function checkFileSize(path: string, maxFile: number): void {
  const size = statSync(path).size;
  if (size > maxFile)
    throw new WorkbookFileProblem(`it is ${Math.round(size / 1048576)} MB; a workbook may be at most ${Math.round(maxFile / 1048576)} MB`);
}

/** A file inside a ZIP archive, inflated on demand: whole, or only about its first `bytes`. */
export type ZipFile = ((start?: { bytes: number }) => Buffer) & {
  readonly raw: RawEntry;
  /** What the archive's directory says of the part, without reading it. */
  readonly about: Omit<RawEntry, "data">;
};

/** A part as the archive stores it, to be copied into another archive without inflating it. */
export interface RawEntry {
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Buffer;
}

/** An archive's bytes, given from `start` to `end` (the whole archive in memory, or the file read as it is asked). */
interface ArchiveBytes {
  readonly length: number;
  bytes(start: number, end: number): Buffer;
}

/**
 * A workbook file read where it is asked, not whole: its directory when it is opened, a part's
 * bytes when the part is inflated. Whole, a 100,000-account workbook was 53 MB held by each thread
 * for the whole run. The file must stay as it was opened (its size and time): one saved again
 * meanwhile is refused rather than read half old, half new.
 */
function onDisk(path: string): ArchiveBytes {
  const opened = statSync(path);
  const changed = () => new WorkbookFileProblem("it was changed while it was being read: run again once it is saved");
  return {
    length: opened.size,
    bytes(start, end) {
      let fd: number;
      try {
        fd = openSync(path, "r");
      } catch (error) {
        // Moved or removed since it was opened: not a problem of the output's, whatever the error's code says.
        const code = (error as NodeJS.ErrnoException).code;
        throw new WorkbookFileProblem(
          code === "ENOENT"
            ? "it was moved or removed while it was being read: run again with the file in place"
            : `it could no longer be opened while it was being read (${code ?? (error as Error).message})`,
        );
      }
      try {
        const now = fstatSync(fd);
        if (now.size !== opened.size || now.mtimeMs !== opened.mtimeMs) throw changed();
        const out = Buffer.allocUnsafe(Math.max(0, end - start));
        for (let at = 0; at < out.length;) {
          const read = readSync(fd, out, at, out.length - at, start + at);
          if (read === 0) throw changed();
          at += read;
        }
        return out;
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** The files inside a ZIP archive, inflated on demand. */
function unzip(archive: ArchiveBytes, maxPartBytes: number): Map<string, ZipFile> {
  // The end of central directory record is in the last 22 bytes, or before a comment of at most 65,535.
  const tailStart = Math.max(0, archive.length - 22 - 65535);
  const tail = archive.bytes(tailStart, archive.length);
  let end = tail.length - 22;
  while (end >= 0 && tail.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a ZIP file (no central directory)");
  const limit = `${Math.round(maxPartBytes / 1048576)} MB`;
  const count = tail.readUInt16LE(end + 10);
  const directoryAt = tail.readUInt32LE(end + 16);
  // The directory runs from its offset to the end record (what the record says of its size is not trusted further).
  const directoryEnd = tailStart + end;
  if (directoryAt > directoryEnd) throw new Error("damaged ZIP central directory");
  const buffer = directoryAt >= tailStart ? tail.subarray(directoryAt - tailStart, end) : archive.bytes(directoryAt, directoryEnd);
  let at = 0;
  const files = new Map<string, ZipFile>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) throw new Error("damaged ZIP central directory");
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    // Two parts of one name: which one a reader takes is anyone's guess (a damaged or doctored file).
    if (files.has(name)) throw new WorkbookFileProblem(`it holds two parts named ${name} (a damaged or altered file)`);
    const crc = buffer.readUInt32LE(at + 16);
    // The part's bytes as stored, or only their first `most` (its local header says where they start).
    const stored = (most = compressed) => {
      const header = archive.bytes(local, Math.min(archive.length, local + 30));
      if (header.length < 30) throw new Error(`damaged ZIP entry ${name}`);
      const start = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      return archive.bytes(start, Math.min(archive.length, start + Math.min(most, compressed)));
    };
    const inflate = (start?: { bytes: number }) => {
      if (size > maxPartBytes)
        throw new WorkbookFileProblem(`its part ${name} is ${Math.round(size / 1048576)} MB; a part may be at most ${limit}`);
      // A whole part is checked against the archive's checksum: bytes changed in the file are not read as data.
      const checked = (out: Buffer) => {
        if (crc32(out) >>> 0 !== crc) throw new WorkbookFileProblem(`its part ${name} is damaged (its checksum does not match)`);
        return out;
      };
      if (method === 0) return start ? stored(start.bytes) : checked(stored());
      // The start of the stream only (the caller reads the whole file if this held too little).
      const headBytes = start ? Math.ceil(start.bytes / 20) + 1024 : Infinity;
      const data = stored(headBytes);
      let whole: Buffer;
      try {
        if (start && headBytes < compressed)
          return inflateRawSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: maxPartBytes });
        // One output chunk of the known size, so a large sheet is not copied chunk by chunk; never
        // more than the limit, whatever the archive claims (a ZIP bomb understates its sizes).
        whole = inflateRawSync(data, { chunkSize: Math.min(Math.max(size, 64 * 1024), 1 << 30), maxOutputLength: maxPartBytes });
      } catch (error) {
        const e = error as { code?: string; message?: string };
        throw new WorkbookFileProblem(
          e.code === "ERR_BUFFER_TOO_LARGE" || /larger than|maxOutputLength/i.test(e.message ?? "")
            ? `its part ${name} inflates past ${limit} (a ZIP bomb?)`
            : `its part ${name} is damaged (${e.message})`,
        );
      }
      return checked(whole);
    };
    // A getter, read only when asked (Object.assign would read it now: the part's bytes from the file).
    Object.defineProperty(inflate, "raw", { get: (): RawEntry => ({ method, crc, size, data: stored() }) });
    Object.defineProperty(inflate, "about", { value: { method, crc, size } });
    files.set(name, inflate as ZipFile);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

const ENTITIES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
});

/** Text that may hold CDATA sections (taken as written) between stretches with entities. */
function decodeWithCdata(text: string): string {
  if (!text.includes("<![CDATA[")) return decode(text);
  let out = "";
  let at = 0;
  for (let start = text.indexOf("<![CDATA[", at); start >= 0; start = text.indexOf("<![CDATA[", at)) {
    const end = text.indexOf("]]>", start);
    if (end < 0) break;
    out += decode(text.slice(at, start)) + text.slice(start + 9, end);
    at = end + 3;
  }
  return out + decode(text.slice(at));
}

export function decode(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? whole),
  );
}

/**
 * All the <t> text of an element (a shared string or an inline string, rich text included), but
 * not its phonetic runs (<rPh>, the furigana of a Japanese name), which Excel does not show.
 */
function texts(xml: string): string {
  if (xml.includes("<rPh")) xml = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out += decodeWithCdata(m[1]);
  return detached(out);
}

/**
 * The text as a string of its own. V8 makes a substring of 13 characters or more a view into the
 * string it was cut from (and sees through a string joined and cut again), so one customer's name
 * kept from a sheet's XML would keep all of that XML alive (117 MB for a 100,000-account Accounts
 * sheet). Encoded and decoded again, the text is copied into a string as long as itself: UTF-8,
 * or UTF-16 code units when it holds surrogates (lossless for any text, a lone surrogate included).
 */
export function detached(text: string): string {
  if (text.length < 13) return text;
  const encoding = /[\uD800-\uDFFF]/.test(text) ? "utf16le" : "utf8";
  return Buffer.from(text, encoding).toString(encoding);
}

/**
 * An attribute's value from an element's attribute text, found by indexOf (this runs per cell);
 * XML allows either quote.
 */
export function attr(attrs: string, name: string): string | undefined {
  for (const quote of ['"', "'"]) {
    let at = attrs.indexOf(` ${name}=${quote}`);
    if (at < 0) {
      if (!attrs.startsWith(`${name}=${quote}`)) continue;
      at = -1;
    }
    const start = at + name.length + 3;
    return attrs.slice(start, attrs.indexOf(quote, start));
  }
  // XML allows white space around "=" (name = "Reads"): rare, so looked for only when there is some.
  if (/\s=|=\s/.test(attrs)) {
    const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(["'])([\\s\\S]*?)\\1`).exec(attrs);
    if (m) return m[2];
  }
  return undefined;
}

/**
 * SpreadsheetML whose elements carry a namespace prefix (`<x:worksheet>`, as the Open XML SDK
 * writes it) as plain element names: Excel and LibreOffice open both.
 */
export function unprefixed(xml: string): string {
  return withoutPrefix(xml, spreadsheetPrefix(xml.slice(0, 4000)));
}

/** The namespace prefix a part's root element carries, if it is SpreadsheetML's, from the part's start. */
function spreadsheetPrefix(head: string): string | undefined {
  const m = /^(?:\uFEFF)?\s*(?:<\?[^>]*\?>\s*)?<([A-Za-z_][\w.-]*):[A-Za-z]/.exec(head);
  // Only SpreadsheetML's own prefix (Transitional or Strict): docProps' cp: or dc: stay as they are.
  if (!m || !new RegExp(`xmlns:${m[1]}=["'][^"']*spreadsheetml/(?:2006/)?main["']`).test(head)) return undefined;
  return m[1];
}

function withoutPrefix(xml: string, prefix: string | undefined): string {
  return prefix === undefined ? xml : xml.replace(new RegExp(`<(/?)${prefix}:`, "g"), "<$1");
}

/** Built-in number formats that show a date (ECMA-376 18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * The style indexes (a cell's `s`) whose number format shows a date: built-in date formats, and
 * custom codes with a day or year once quoted text and [colour] brackets are set aside.
 */
function dateStyles(stylesXml: string | undefined): Set<number> {
  const styles = new Set<number>();
  if (!stylesXml) return styles;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)\/?>/g))
    custom.set(Number(attr(m[1], "numFmtId")), decode(attr(m[1], "formatCode") ?? ""));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "";
  [...xfs.matchAll(/<xf\b([^>]*)\/?>/g)].forEach((m, i) => {
    const id = Number(attr(m[1], "numFmtId") ?? 0);
    const code = (custom.get(id) ?? "").replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
    if (DATE_FORMAT_IDS.has(id) || /[dy]/i.test(code)) styles.add(i);
  });
  return styles;
}

/** Days from the 1904 date system's day 0 to the 1900 system's (learn.microsoft.com, "Date systems in Excel"). */
const DAYS_1904 = 1462;

/**
 * A date cell written as ISO 8601 text (`t="d"`, as Strict OOXML may store dates) as the serial
 * number Excel shows for it, time of day as the fraction.
 */
function isoSerial(text: string, ref: string | undefined, where: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?Z?$/.exec(text.trim());
  const ms = m
    ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000
    : NaN;
  const date = m ? new Date(ms) : undefined;
  if (!m || !date || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3]))
    throw new WorkbookFileProblem(`cell ${ref ?? ""} of ${where} is a date written "${text.slice(0, 40)}", which is not an ISO 8601 date`);
  return ms / 86_400_000 + 25569;
}

export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n - 1;
}

/**
 * The sheet's rows from A1; with `maxRows`, only the rows above it (the rest is not scanned).
 * `where` names the sheet in a problem ('sheet "Reads"').
 */
function parseSheet(
  xml: string,
  shared: readonly string[],
  maxRows = Infinity,
  dates1904?: ReadonlySet<number>,
  where = "a sheet",
): CellValue[][] {
  const rows = new SheetRows(shared, maxRows, dates1904, where);
  rows.add(xml);
  return rows.rows();
}

/**
 * A sheet's rows, read from its XML a stretch at a time (each stretch ending between rows), so a
 * sheet of 230 MB of XML is never one string (readXlsxFast's pieces).
 */
class SheetRows {
  private readonly values: CellValue[][] = [];
  // Inline strings repeat (an account on each of its history rows): one copy of each, across stretches.
  private readonly strings = new Map<string, string>();
  private rowIndex = -1;
  private carry = "";

  constructor(
    private readonly shared: readonly string[],
    private readonly maxRows: number,
    private readonly dates1904: ReadonlySet<number> | undefined,
    private readonly where: string,
  ) {}

  /** Reads the rows in a stretch of the sheet's XML; false once the rows above maxRows are read. */
  /**
   * Reads the rows in a stretch of the sheet's XML; false once the rows above maxRows are read. A
   * row begun and not ended in the stretch (broken XML, which a cut after a row's closing tag may
   * leave open) is read with the next stretch, or at the end, as reading the part whole reads it.
   */
  add(xml: string, last = false): boolean {
    const { shared, maxRows, dates1904, where, values, strings } = this;
    if (this.carry) {
      xml = this.carry + xml;
      this.carry = "";
    }
    const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
    const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    let rowIndex = this.rowIndex;
    let read = 0;
    for (let row = rowRe.exec(xml); row; read = rowRe.lastIndex, row = rowRe.exec(xml)) {
      // A "<" inside a tag: the XML is broken there (a cell read past it would be read wrong or not at all).
      if (row[1].includes("<"))
        throw new WorkbookFileProblem(`${where} is damaged: its XML is broken at row ${rowIndex + 2} ("<row${row[1].slice(0, 40)}")`);
      const r = attr(row[1], "r");
      rowIndex = r ? Number(r) - 1 : rowIndex + 1;
      if (!(rowIndex >= 0 && rowIndex < EXCEL_ROWS))
        throw new WorkbookFileProblem(
          `${where} has a row numbered ${r ?? rowIndex + 1}; Excel's rows are 1 to ${EXCEL_ROWS.toLocaleString("en-US")}`,
        );
      if (rowIndex >= maxRows) {
        this.rowIndex = rowIndex;
        return false;
      }
      const cells: CellValue[] = [];
      let column = -1;
      const body = row[2] ?? "";
      cellRe.lastIndex = 0;
      for (let cell = cellRe.exec(body); cell; cell = cellRe.exec(body)) {
        if (cell[1].includes("<"))
          throw new WorkbookFileProblem(`${where} is damaged: its XML is broken in row ${rowIndex + 1} ("<c${cell[1].slice(0, 40)}")`);
        const ref = attr(cell[1], "r");
        column = ref ? columnIndex(ref) : column + 1;
        if (!(column >= 0 && column < EXCEL_COLUMNS))
          throw new WorkbookFileProblem(`${where} has a cell ${ref ?? `in column ${column + 1}`}; Excel's columns are A to XFD`);
        const inner = cell[2];
        if (!inner) continue;
        const type = attr(cell[1], "t");
        const vStart = inner.indexOf("<v>");
        const rawV = vStart < 0 ? undefined : inner.slice(vStart + 3, inner.indexOf("</v>", vStart));
        const v = rawV !== undefined && rawV.startsWith("<![CDATA[") ? decodeWithCdata(rawV) : rawV;
        // A formula saved without its result (by a program that does not calculate): its value is unknown.
        if (v === undefined && type !== "inlineStr" && /<f[\s>/]/.test(inner))
          throw new WorkbookFileProblem(
            `cell ${ref ?? ""} of ${where} holds a formula that was never calculated (the file was saved by a program that does not calculate): open it in Excel and save it`,
          );
        let value: CellValue = null;
        if (type === "s") {
          if (v !== undefined && shared[Number(v)] === undefined)
            throw new WorkbookFileProblem(
              shared.length === 0
                ? `cell ${ref ?? ""} of ${where} refers to shared text, but the workbook has none (its part xl/sharedStrings.xml is missing)`
                : `cell ${ref ?? ""} of ${where} refers to shared text number ${v}, but the workbook has ${shared.length.toLocaleString("en-US")}`,
            );
          value = v === undefined ? null : shared[Number(v)];
        } else if (type === "d") value = v === undefined ? null : isoSerial(v, ref, where);
        else if (type === "inlineStr") value = texts(inner);
        else if (type === "b") value = v === "1";
        else if (type === "str" || type === "e") value = v === undefined ? null : detached(rawV === v ? decode(v) : v);
        else if (v !== undefined) {
          value = Number(v);
          // A date in a workbook that counts from 1904, as a 1900-system serial like every other date.
          if (dates1904 && dates1904.has(Number(attr(cell[1], "s") ?? -1))) value += DAYS_1904;
        }
        if (typeof value === "string" && value.length > EXCEL_CELL_CHARACTERS)
          throw new WorkbookFileProblem(
            `cell ${ref ?? ""} of ${where} holds ${value.length.toLocaleString("en-US")} characters; a cell holds at most ${EXCEL_CELL_CHARACTERS.toLocaleString("en-US")}`,
          );
        if (value === "") value = null;
        else if (typeof value === "string" && type !== "s" && value.length <= 32) {
          // Inline strings repeat (an account on each of its history rows): one copy of each.
          const seen = strings.get(value);
          if (seen === undefined) {
            if (strings.size < 500_000) strings.set(value, value);
          } else value = seen;
        }
        while (cells.length < column) cells.push(null);
        cells[column] = value;
      }
      // A copy of exactly its length: the array grown cell by cell holds spare room, and a sheet can have a million rows.
      values[rowIndex] = cells.slice();
    }
    this.rowIndex = rowIndex;
    if (!last) {
      const open = /<row\b/g;
      open.lastIndex = read;
      if (open.exec(xml)) this.carry = xml.slice(open.lastIndex - 4);
    }
    return true;
  }

  /** The rows read, a row missing from the XML as an empty one. */
  rows(): CellValue[][] {
    if (this.carry) this.add("", true);
    const values = this.values;
    for (let i = 0; i < values.length; i++) if (!values[i]) values[i] = [];
    return values;
  }
}

const HEAD_ROWS = 64;

/**
 * A sheet parsed from its XML each time it is read and not kept: the CLI reads a 900,000-row
 * history once, parses it into records, and lets the rows go. Its first rows (what finding the
 * sheets by their headers reads) are kept. Anything that asks for `values` itself (writing the
 * sheet out, flagging it) gets them parsed once and kept from then on.
 */
function lazySheet(
  xml: (start: { bytes: number }) => string | undefined,
  pieces: () => Iterable<string>,
  streamed: () => AsyncIterable<string>,
  shared: readonly string[],
  dates1904: ReadonlySet<number> | undefined,
  where: string,
): MemorySheet {
  const sheet = emptySheet([], false);
  let kept: CellValue[][] | undefined;
  let head: CellValue[][] | undefined;
  const parse = (maxRows = Infinity) => {
    const rows = new SheetRows(shared, maxRows, dates1904, where);
    for (const text of pieces()) if (!rows.add(text)) break;
    return rows.rows();
  };
  // The first rows from the start of the sheet's XML alone; the whole sheet when the start holds too few.
  const parseHead = () => {
    const start = xml({ bytes: 2 << 20 });
    const rows = start ? parseSheet(start, shared, HEAD_ROWS, dates1904, where) : [];
    return rows.length >= HEAD_ROWS || !start || start.includes("</sheetData>") ? rows : parse(HEAD_ROWS);
  };
  Object.defineProperty(sheet, "values", {
    enumerable: true,
    get: () => (kept ??= parse()),
    set: (rows: CellValue[][]) => {
      kept = rows;
    },
  });
  sheet.lazy = (maxRows) => {
    if (kept) return kept;
    if (maxRows !== undefined && maxRows <= HEAD_ROWS) {
      head ??= parseHead();
      return head.slice(0, maxRows);
    }
    return parse(maxRows);
  };
  // As lazy, parsing the XML as it is inflated. The whole part is inflated even when fewer rows are
  // wanted, and a damaged part is named as such before anything its damage broke in the rows.
  sheet.lazyAsync = async (maxRows) => {
    if (kept || (maxRows !== undefined && maxRows <= HEAD_ROWS)) return sheet.lazy!(maxRows);
    const rows = new SheetRows(shared, maxRows ?? Infinity, dates1904, where);
    let more = true;
    let problem: unknown;
    for await (const text of streamed()) {
      if (!more || problem !== undefined) continue;
      try {
        more = rows.add(text);
      } catch (error) {
        problem = error;
      }
    }
    if (problem !== undefined) throw problem;
    return rows.rows();
  };
  return sheet;
}

/** Each sheet's name and the path of its part in the archive, in the workbook's order. */
export function sheetParts(workbookXml: string, relsXml: string): { name: string; path: string | undefined; hidden: boolean }[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  return [...workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => {
    // The relationship id, whatever prefix its namespace was given (r:id as Excel writes it).
    const target = targets.get(attr(m[1], "r:id") ?? /\s[\w.-]+:id=["']([^"']*)["']/.exec(` ${m[1]}`)?.[1] ?? "");
    const state = attr(m[1], "state");
    return {
      name: decode(attr(m[1], "name") ?? ""),
      path: target ? `xl/${target}` : undefined,
      hidden: state === "hidden" || state === "veryHidden",
    };
  });
}

/**
 * The parts of an .xlsx file, each inflated on demand within the limits (a ZIP bomb or a damaged
 * part throws WorkbookFileProblem when it is inflated).
 */
export function openArchive(path: string, options: { maxFileBytes?: number; maxPartBytes?: number } = {}): Map<string, ZipFile> {
  checkFileSize(path, options.maxFileBytes ?? MAX_FILE_BYTES);
  try {
    return unzip(onDisk(path), options.maxPartBytes ?? MAX_PART_BYTES);
  } catch (error) {
    if (error instanceof WorkbookFileProblem) throw error;
    throw new WorkbookFileProblem((error as Error).message);
  }
}

/**
 * A part's text in the encoding its XML declares (UTF-8 unless it says otherwise, or starts with a
 * UTF-16 byte-order mark): Latin-1 or UTF-16 parts, which LibreOffice and Excel read, are read the
 * same; an encoding there is no decoder for is named.
 */
function partText(name: string, data: Buffer): string {
  const utf16 = utf16Text(data);
  if (utf16 !== undefined) return utf16;
  const declared = declaredEncoding(data);
  if (!declared || /^utf-?8$/i.test(declared)) return data.toString("utf8");
  try {
    return new TextDecoder(declared).decode(data);
  } catch {
    throw new WorkbookFileProblem(`its part ${name} is written in the ${declared} encoding, which cannot be read: save it again as UTF-8`);
  }
}

/** The encoding a part's XML declaration names, if it names one. */
const declaredEncoding = (data: Buffer) =>
  /^(?:\uFEFF)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(data.toString("latin1", 0, 200))?.[1];

/** A part in another encoding than UTF-8: a UTF-16 byte-order mark, or a declaration naming another. */
function notUtf8(data: Buffer): boolean {
  const declared = declaredEncoding(data);
  return (declared !== undefined && !/^utf-?8$/i.test(declared)) || utf16Text(data.subarray(0, 4)) !== undefined;
}

/** How much of a sheet's XML is made one string at a time (readXlsxFast's pieces). */
export const PIECE_BYTES = 16 * 1024 * 1024;

/**
 * A part's XML as text in pieces of about `size` bytes, each ending just after a row's closing tag
 * (so no element is cut in two), decoded and unprefixed one at a time: a 100,000-account Usage
 * History is 230 MB of XML, and made one string it was a second copy of the part beside its bytes.
 * A part in another encoding than UTF-8, or no larger than a piece, is one piece. A whole part is
 * checked as wholeXml checks it.
 */
function* xmlPieces(name: string, data: Buffer, size: number): Generator<string> {
  if (data.length <= size || notUtf8(data)) {
    const text = partText(name, data);
    wholeXml(name, text);
    yield unprefixed(text);
    return;
  }
  const head = headText(data);
  wholeEnds(name, head, data.toString("utf8", data.length - 400), undefined);
  const prefix = spreadsheetPrefix(head);
  const closes = rowCloses(prefix);
  for (let from = 0; from < data.length;) {
    let cut = from + size >= data.length ? data.length : lastRowEnd(data, closes, from + size);
    if (cut <= from) cut = firstRowEnd(data, closes, from + size);
    if (cut <= from || cut > data.length) cut = data.length;
    yield withoutPrefix(data.toString("utf8", from, cut), prefix);
    from = cut;
  }
}

/** A part's first 4,000 characters (as wholeXml reads them; 16,000 bytes hold at least that many). */
const headText = (data: Buffer) => data.toString("utf8", 0, 16000).slice(0, 4000);

/**
 * The closing tags a piece may be cut after: a row's, with the part's prefix if it has one and
 * without (a prefixed root may hold rows in the default namespace). Each is ASCII, so a cut after
 * one never splits a character's UTF-8 bytes.
 */
const rowCloses = (prefix: string | undefined) => [
  Buffer.from("</row>"),
  ...(prefix === undefined ? [] : [Buffer.from(`</${prefix}:row>`)]),
];

/** Where the last row closing tag that starts at or before `at` ends; -1 when there is none. */
function lastRowEnd(data: Buffer, closes: readonly Buffer[], at: number): number {
  let end = -1;
  for (const close of closes) {
    const found = data.lastIndexOf(close, at);
    if (found >= 0) end = Math.max(end, found + close.length);
  }
  return end;
}

/** Where the first row closing tag at or after `at` ends; -1 when there is none. */
function firstRowEnd(data: Buffer, closes: readonly Buffer[], at: number): number {
  let end = -1;
  for (const close of closes) {
    const found = data.indexOf(close, at);
    if (found >= 0 && (end < 0 || found + close.length < end)) end = found + close.length;
  }
  return end;
}

/**
 * xmlPieces as the part is inflated, so no more than about a piece of its XML is held at a time
 * (a 230 MB history read whole was 230 MB of bytes beside its parse). The checks the whole read
 * makes are made in the same order and with the same messages: the limit on the part's size and
 * the inflating itself as the bytes come; then, once the whole part is in, its checksum, that it
 * starts as XML, and its root's closing tag. A part stored without compression, no larger than
 * a piece, or in another encoding than UTF-8, is read whole.
 */
async function* xmlPiecesStreamed(name: string, part: ZipFile, size: number, maxPartBytes: number): AsyncGenerator<string> {
  const about = part.about;
  if (about.method === 0 || about.size <= size) {
    yield* xmlPieces(name, part(), size);
    return;
  }
  if (about.size > maxPartBytes)
    throw new WorkbookFileProblem(
      `its part ${name} is ${Math.round(about.size / 1048576)} MB; a part may be at most ${Math.round(maxPartBytes / 1048576)} MB`,
    );
  const inflater = createInflateRaw({ chunkSize: Math.min(1 << 20, Math.max(64, size)) });
  inflater.end(part.raw.data);
  // The bytes inflated and not yet given, and where the last row among them ends (0: none yet).
  let chunks: Buffer[] = [];
  let pending = 0;
  let cut = 0;
  let total = 0;
  let crc = 0;
  let tail = Buffer.alloc(0);
  let head: string | undefined;
  let prefix: string | undefined;
  let closes = rowCloses(undefined);
  // Found at the start, said only once the whole part is in (after its checksum), as the whole read says them.
  let notXml = false;
  let otherEncoding = false;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxPartBytes)
        throw new WorkbookFileProblem(`its part ${name} inflates past ${Math.round(maxPartBytes / 1048576)} MB (a ZIP bomb?)`);
      crc = crc32(chunk, crc);
      // Only the bytes new since the last search are searched (with the end of those before, where a tag may begin).
      const reach = closes[closes.length - 1].length - 1;
      const overlap = tail.subarray(Math.max(0, tail.length - reach, tail.length - pending));
      tail = Buffer.concat([tail, chunk.subarray(Math.max(0, chunk.length - 400))]).subarray(-400);
      if (notXml || otherEncoding) continue;
      const before = pending;
      chunks.push(chunk);
      pending += chunk.length;
      if (head === undefined) {
        // The first piece holds at least the part's start: its declaration, root element and namespaces.
        if (pending < Math.max(size, 16000)) continue;
        const bytes = Buffer.concat(chunks, pending);
        chunks = [bytes];
        otherEncoding = notUtf8(bytes);
        head = headText(bytes);
        notXml = !rootOf(head);
        if (notXml || otherEncoding) continue;
        prefix = spreadsheetPrefix(head);
        closes = rowCloses(prefix);
        cut = Math.max(0, lastRowEnd(bytes, closes, bytes.length));
      } else {
        const found = lastRowEnd(Buffer.concat([overlap, chunk]), closes, overlap.length + chunk.length);
        if (found > 0 && before - overlap.length + found > cut) cut = before - overlap.length + found;
      }
      if (pending < size || cut === 0) continue;
      const bytes = Buffer.concat(chunks, pending);
      yield withoutPrefix(bytes.toString("utf8", 0, cut), prefix);
      chunks = cut < bytes.length ? [Buffer.from(bytes.subarray(cut))] : [];
      pending = bytes.length - cut;
      cut = 0;
    }
  } catch (error) {
    if (error instanceof WorkbookFileProblem) throw error;
    throw new WorkbookFileProblem(`its part ${name} is damaged (${(error as Error).message})`);
  } finally {
    // Also when the reader stops early: the rest is not inflated.
    inflater.destroy();
  }
  if (crc >>> 0 !== about.crc) throw new WorkbookFileProblem(`its part ${name} is damaged (its checksum does not match)`);
  if (head === undefined || otherEncoding) {
    // Less than a piece after all, whatever the archive said of its size, or another encoding: read whole.
    yield* xmlPieces(name, head === undefined ? Buffer.concat(chunks, pending) : part(), Infinity);
    return;
  }
  if (notXml) throw new WorkbookFileProblem(`its part ${name} is damaged: it is not XML`);
  wholeEnds(name, head, tail.toString("utf8"), undefined);
  yield withoutPrefix(Buffer.concat(chunks, pending).toString("utf8"), prefix);
}

/** The name of a part's root element, from its start. */
function rootOf(head: string): string | undefined {
  return /^(?:\uFEFF)?\s*(?:<\?[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/.exec(head)?.[1];
}

/**
 * A whole XML part must end with its root element's closing tag: a part cut short (a truncated
 * file) would otherwise be read as far as it goes, its last rows silently missing.
 */
function wholeXml(name: string, text: string): void {
  wholeEnds(name, text.slice(0, 4000), text.slice(-400), text.length < 4000 ? text : undefined);
}

/** wholeXml from a part's first 4,000 and last 400 characters, and the whole text when it is shorter. */
function wholeEnds(name: string, head: string, tail: string, short: string | undefined): void {
  if (!/\.(xml|rels)$/i.test(name)) return;
  const root = rootOf(head);
  if (!root) throw new WorkbookFileProblem(`its part ${name} is damaged: it is not XML`);
  if (tail.trimEnd().endsWith(`</${root}>`)) return;
  // A root with nothing in it, written <sst/>: the whole part is one short element.
  const esc = root.replace(/[.]/g, "\\.");
  if (short !== undefined && new RegExp(`<${esc}\\b[^>]*/>\\s*$`).test(short) && !short.includes(`</${root}>`)) return;
  throw new WorkbookFileProblem(`its part ${name} is damaged: it is cut short (it does not end with </${root}>)`);
}

/**
 * Reads every sheet's values from an .xlsx file quickly: the archive is unzipped with zlib and
 * each sheet's XML scanned once, with no per-cell objects. Values only: dates arrive as Excel
 * serial numbers, formulas as their cached results, and the cells of a merged range after the
 * first are blank, as Excel shows them (they hold no value in the file).
 */
export function readXlsxFast(
  path: string,
  options: { lazy?: boolean; maxFileBytes?: number; maxPartBytes?: number; pieceBytes?: number } = {},
): MemoryWorkbook {
  checkFileSize(path, options.maxFileBytes ?? MAX_FILE_BYTES);
  const files = unzip(onDisk(path), options.maxPartBytes ?? MAX_PART_BYTES);
  const read = (name: string, start?: { bytes: number }) => {
    const part = files.get(name);
    if (!part) return undefined;
    const text = partText(name, part(start));
    if (!start) wholeXml(name, text);
    return unprefixed(text);
  };
  const pieces = (name: string): Iterable<string> => {
    const part = files.get(name);
    return part ? xmlPieces(name, part(), options.pieceBytes ?? PIECE_BYTES) : [];
  };
  const sharedXml = read("xl/sharedStrings.xml");
  const shared: string[] = [];
  if (sharedXml) {
    const re = /<si>([\s\S]*?)<\/si>/g;
    for (let m = re.exec(sharedXml); m; m = re.exec(sharedXml)) shared.push(texts(m[1]));
    // Fewer strings than the part says it holds: some could not be found (broken XML inside it).
    const declared = Number(attr(/<sst\b([^>]*)>/.exec(sharedXml)?.[1] ?? "", "uniqueCount") ?? NaN);
    if (shared.length < declared)
      throw new WorkbookFileProblem(
        `its part xl/sharedStrings.xml is damaged: it says it holds ${declared.toLocaleString("en-US")} texts, but ${shared.length.toLocaleString("en-US")} can be read`,
      );
  }
  const workbookXml = read("xl/workbook.xml");
  const relsXml = read("xl/_rels/workbook.xml.rels");
  if (!workbookXml || !relsXml) throw new Error("not an .xlsx workbook (no xl/workbook.xml)");
  // The 1904 date system (Excel for Mac's old default): its date cells are moved to the 1900 system.
  const pr = /<workbookPr\b([^>]*)\/?>/.exec(workbookXml)?.[1] ?? "";
  const date1904 = ["1", "true"].includes(attr(pr, "date1904") ?? "");
  const dates1904 = date1904 ? dateStyles(read("xl/styles.xml")) : undefined;
  // Read whole (not lazily), a sheet also keeps its manual page breaks, as an output check needs them.
  const parse = (part: string, strings: readonly string[], where: string) => {
    const rows = new SheetRows(strings, Infinity, dates1904, where);
    const breaks: number[] = [];
    for (const xml of pieces(part)) {
      rows.add(xml);
      for (const b of xml.matchAll(/<brk\b([^>]*)\/?>/g)) breaks.push(Number(attr(b[1], "id")));
    }
    const sheet = emptySheet(rows.rows(), false);
    if (breaks.length) sheet.printSetup = { pageBreaks: breaks };
    return sheet;
  };
  const workbook = new MemoryWorkbook();
  for (const { name, path, hidden } of sheetParts(workbookXml, relsXml)) {
    // A sheet the workbook lists without its part: Excel would call the file damaged, and reading on
    // without that sheet would drop whatever it holds (a history, the accounts) without a word.
    if (!path || !files.has(path))
      throw new WorkbookFileProblem(`its sheet "${name}" has no part in the file (${path ?? "no relationship"} is missing)`);
    const where = `sheet "${name}"`;
    const sheet = options.lazy
      ? lazySheet(
          (start) => read(path, start),
          () => pieces(path),
          () => xmlPiecesStreamed(path, files.get(path)!, options.pieceBytes ?? PIECE_BYTES, options.maxPartBytes ?? MAX_PART_BYTES),
          shared,
          dates1904,
          where,
        )
      : parse(path, shared, where);
    if (hidden) sheet.hidden = true;
    workbook.sheets.set(name, sheet);
  }
  return workbook;
}
