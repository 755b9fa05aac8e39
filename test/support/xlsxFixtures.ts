/**
 * Hand-written .xlsx files for the hostile-input tests (issue 13): SpreadsheetML written the ways
 * other tools write it (a namespace prefix on every element as the Open XML SDK does, single-quoted
 * attributes, Strict OOXML's namespaces, the 1904 date system, phonetic runs), and damaged on
 * purpose (no shared strings part). Every fixture is made at test time in a temporary folder.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { openArchive } from "../../src/adapters/xlsx/fastRead";
import { ZipWriter } from "../../src/adapters/xlsx/zip";
import { fromExcelSerial } from "../../src/engine";
import { columnLetter } from "../../src/workbook/address";
import type { CellValue } from "../../src/workbook/port";

const TRANSITIONAL = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
/** ISO/IEC 29500 Strict's namespaces (Excel's "Strict Open XML Spreadsheet"). */
const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

export interface FixtureParts {
  /** Elements written `<prefix:worksheet>` with `xmlns:prefix`. */
  prefix?: string;
  quote?: '"' | "'";
  strict?: boolean;
  /** The prefix given to the relationships namespace in workbook.xml ("r" as Excel writes it). */
  relPrefix?: string;
  /** Inside <workbook> before <sheets>, e.g. `<workbookPr date1904="1"/>`. */
  workbookPr?: string;
  /** A sheet's name and its <sheetData> body; the first is sheet1.xml. */
  sheets: { name: string; data: string | Iterable<string> }[];
  /** The <sst> body; none: no sharedStrings part. */
  shared?: string;
  /** The <styleSheet> body. */
  styles?: string;
}

/** Writes the parts as book.xlsx in a new temporary folder and returns its path. */
export async function writeFixture(parts: FixtureParts, name = "book.xlsx"): Promise<string> {
  const ns = parts.strict ? STRICT : TRANSITIONAL;
  const p = parts.prefix ? `${parts.prefix}:` : "";
  const q = parts.quote ?? '"';
  const xmlns = parts.prefix ? `xmlns:${parts.prefix}=${q}${ns.main}${q}` : `xmlns=${q}${ns.main}${q}`;
  const path = join(mkdtempSync(join(tmpdir(), "xlsx-fixture-")), name);
  const zip = new ZipWriter(path);
  const sheetTypes = parts.sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  await zip.add("[Content_Types].xml", [
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetTypes}${parts.shared === undefined ? "" : `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`}${parts.styles === undefined ? "" : `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`}</Types>`,
  ]);
  await zip.add("_rels/.rels", [
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  const rels = parts.sheets.map(
    (_, i) => `<Relationship Id=${q}rId${i + 1}${q} Type=${q}${ns.rel}/worksheet${q} Target=${q}worksheets/sheet${i + 1}.xml${q}/>`,
  );
  if (parts.shared !== undefined)
    rels.push(`<Relationship Id=${q}rIdS${q} Type=${q}${ns.rel}/sharedStrings${q} Target=${q}sharedStrings.xml${q}/>`);
  if (parts.styles !== undefined) rels.push(`<Relationship Id=${q}rIdY${q} Type=${q}${ns.rel}/styles${q} Target=${q}styles.xml${q}/>`);
  await zip.add("xl/_rels/workbook.xml.rels", [
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  ]);
  const r = parts.relPrefix ?? "r";
  const sheets = parts.sheets
    .map((s, i) => `<${p}sheet name=${q}${s.name}${q} sheetId=${q}${i + 1}${q} ${r}:id=${q}rId${i + 1}${q}/>`)
    .join("");
  await zip.add("xl/workbook.xml", [
    `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${xmlns} xmlns:${r}=${q}${ns.rel}${q}${parts.strict ? ` conformance=${q}strict${q}` : ""}>${parts.workbookPr ?? ""}<${p}sheets>${sheets}</${p}sheets></${p}workbook>`,
  ]);
  if (parts.shared !== undefined)
    await zip.add("xl/sharedStrings.xml", [`<?xml version="1.0" encoding="UTF-8"?><${p}sst ${xmlns}>${parts.shared}</${p}sst>`]);
  if (parts.styles !== undefined)
    await zip.add("xl/styles.xml", [`<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${xmlns}>${parts.styles}</${p}styleSheet>`]);
  for (const [i, s] of parts.sheets.entries())
    await zip.add(
      `xl/worksheets/sheet${i + 1}.xml`,
      (function* () {
        yield `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${xmlns}><${p}sheetData>`;
        if (typeof s.data === "string") yield s.data;
        else yield* s.data;
        yield `</${p}sheetData></${p}worksheet>`;
      })(),
    );
  await zip.close();
  return path;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * <sheetData> rows for a grid of values: strings inline (or as shared-string indexes through
 * `shared`), numbers as numbers, a RawCell as given. With a prefix, every element carries it.
 */
/** A cell written as given: its type (`t`), style (`s`) and <v> text. */
export interface RawCell {
  readonly t?: string;
  readonly s?: number;
  readonly v: string;
}

export type FixtureCell = string | number | null | RawCell;

export function sheetRows(rows: readonly (readonly FixtureCell[])[], options: { prefix?: string; shared?: string[] } = {}): string {
  const p = options.prefix ? `${options.prefix}:` : "";
  return rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          if (v === null) return "";
          const ref = `${columnLetter(c)}${r + 1}`;
          if (typeof v === "object")
            return `<${p}c r="${ref}"${v.s === undefined ? "" : ` s="${v.s}"`}${v.t ? ` t="${v.t}"` : ""}><${p}v>${escape(v.v)}</${p}v></${p}c>`;
          if (typeof v === "number") return `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`;
          if (options.shared) {
            let at = options.shared.indexOf(v);
            if (at < 0) at = options.shared.push(v) - 1;
            return `<${p}c r="${ref}" t="s"><${p}v>${at}</${p}v></${p}c>`;
          }
          return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${escape(v)}</${p}t></${p}is></${p}c>`;
        })
        .join("");
      return `<${p}row r="${r + 1}">${cells}</${p}row>`;
    })
    .join("");
}

/** An <sst> body for shared strings, with the given prefix. */
export function sharedStrings(strings: readonly string[], prefix?: string): string {
  const p = prefix ? `${prefix}:` : "";
  return strings.map((s) => `<${p}si><${p}t>${escape(s)}</${p}t></${p}si>`).join("");
}

/** A column whose header names a date: its numbers are Excel dates. */
const DATE_HEADER = /date|period|requested/i;
/** Days from the 1904 date system's day 0 to the 1900 system's. */
const DAYS_1904 = 1462;

export type Variant = "prefixed" | "strict" | "single quotes" | "shared strings with furigana" | "1904 dates";
export const VARIANTS: Variant[] = ["prefixed", "strict", "single quotes", "shared strings with furigana", "1904 dates"];

/** The sheets written as `variant`: dates found by their column's header. */
export async function writeVariant(sheets: Record<string, CellValue[][]>, variant: Variant): Promise<string> {
  const shared: string[] = [];
  const prefix = variant === "prefixed" ? "x" : undefined;
  const written = Object.entries(sheets).map(([name, rows]) => {
    const headerRow = rows.findIndex((r) => r.filter((c) => typeof c === "string").length >= 3);
    const dates = new Set((rows[headerRow] ?? []).flatMap((h, i) => (typeof h === "string" && DATE_HEADER.test(h) ? [i] : [])));
    const grid: FixtureCell[][] = rows.map((row, r) =>
      row.map((v, c) => {
        if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
        if (typeof v !== "number" || r <= headerRow || !dates.has(c)) return v ?? null;
        if (variant === "strict") return { t: "d", v: `${fromExcelSerial(v)}T00:00:00` };
        if (variant === "1904 dates") return { s: 1, v: String(v - DAYS_1904) };
        return { s: 1, v: String(v) };
      }),
    );
    return { name, data: sheetRows(grid, { prefix, shared: variant === "shared strings with furigana" ? shared : undefined }) };
  });
  const p = prefix ? `${prefix}:` : "";
  const parts: FixtureParts = {
    sheets: written,
    prefix,
    strict: variant === "strict",
    quote: variant === "single quotes" ? "'" : '"',
    workbookPr: variant === "1904 dates" ? `<${p}workbookPr date1904="1"/>` : undefined,
    styles: `<${p}cellXfs count="2"><${p}xf numFmtId="0"/><${p}xf numFmtId="14"/></${p}cellXfs>`,
  };
  if (variant === "shared strings with furigana")
    // Every text with a phonetic run after it, as Japanese Excel keeps furigana: Excel shows none of it.
    parts.shared = shared
      .map((s) => `<si><t>${s.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t><rPh sb="0" eb="1"><t>フリガナ</t></rPh></si>`)
      .join("");
  return writeFixture(parts);
}

/**
 * A reads sheet of `rows` rows in all (the header and rows - 1 reads), written as it is generated:
 * a sheet to Excel's last row is some 100 MB of XML and never one string here.
 */
export function* readsRows(rows: number): Generator<string> {
  yield `<row r="1"><c r="A1" t="inlineStr"><is><t>Account</t></is></c><c r="B1" t="inlineStr"><is><t>Meter</t></is></c><c r="C1" t="inlineStr"><is><t>Previous Read</t></is></c><c r="D1" t="inlineStr"><is><t>Current Read</t></is></c></row>`;
  let chunk = "";
  for (let r = 2; r <= rows; r++) {
    const account = 100000 + r;
    chunk += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${account}</t></is></c><c r="B${r}" t="inlineStr"><is><t>M${account}</t></is></c><c r="C${r}"><v>${1000 + (r % 50) * 10}</v></c><c r="D${r}"><v>${7000 + (r % 50) * 10}</v></c></row>`;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk;
}

/** What to do with one part when an archive is written again: keep it, replace its bytes, store it raw, or leave it out. */
export type PartEdit = Buffer | { raw: { method: number; crc: number; size: number; data: Buffer } } | null | undefined;

/**
 * Writes the archive at `path` again at `to`, each part through `edit` (undefined keeps it as it
 * was), then `extra` parts: for files damaged or written oddly on purpose.
 */
export async function rewriteArchive(
  path: string,
  to: string,
  edit: (name: string, data: Buffer) => PartEdit,
  extra: [string, Buffer][] = [],
): Promise<string> {
  const zip = new ZipWriter(to);
  for (const [name, part] of openArchive(path)) {
    const data = part();
    const change = edit(name, data);
    if (change === null) continue;
    if (change && "raw" in change) zip.addRaw(name, change.raw);
    else await zip.add(name, [change ?? data]);
  }
  for (const [name, data] of extra) await zip.add(name, [data]);
  await zip.close();
  return to;
}
