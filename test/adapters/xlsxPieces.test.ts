/**
 * A large sheet's XML is made text a piece at a time (readXlsxFast's pieces), each piece ending
 * after a row: what is read must be exactly what reading the part as one string gives, whatever
 * the piece size, and a damaged part is refused the same way.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself, so jest can spy on readSync
import fs = require("fs");
import { copyFileSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { openArchive, readXlsxFast, WorkbookFileProblem } from "../../src/adapters/xlsx/fastRead";
import { writeXlsx } from "../../src/adapters/xlsx/fastXlsx";
import { ZipWriter } from "../../src/adapters/xlsx/zip";
import { crc32, deflateRawSync } from "zlib";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { writeFixture } from "../support/xlsxFixtures";

/** A thousand rows of what a sheet holds: text with two- to four-byte characters, numbers, shared text, CDATA, a blank row, gaps. */
function sheetData(p = ""): string {
  const rows: string[] = [];
  for (let r = 1; r <= 1000; r++) {
    if (r % 97 === 0) {
      rows.push(`<${p}row r="${r}"/>`);
      continue;
    }
    if (r % 89 === 0) continue;
    const name = ["Zoë Álvarez", "山田 太郎", "Emoji 😀 house", "O'Brien & Sons <LLC>"][r % 4];
    const text = name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    rows.push(
      `<${p}row r="${r}"><${p}c r="A${r}" t="inlineStr"><${p}is><${p}t>${text} ${r}</${p}t></${p}is></${p}c>` +
        `<${p}c r="B${r}"><${p}v>${r * 1.25}</${p}v></${p}c><${p}c r="D${r}" t="s"><${p}v>${r % 2}</${p}v></${p}c>` +
        (r % 7 === 0 ? `<${p}c r="E${r}" t="str"><${p}v><![CDATA[<b>as written</b> ${r}]]></${p}v></${p}c>` : "") +
        `</${p}row>`,
    );
  }
  return rows.join("");
}

const shared = `<si><t>water</t></si><si><t>sewer</t></si>`;

/** The same workbook with its sheet's last 300 bytes gone (a file cut short while it was written). */
async function cutShort(path: string): Promise<string> {
  const cut = `${path}.cut.xlsx`;
  const zip = new ZipWriter(cut);
  for (const [name, part] of openArchive(path)) {
    const bytes = part();
    await zip.add(name, [name === "xl/worksheets/sheet1.xml" ? bytes.subarray(0, bytes.length - 300) : bytes]);
  }
  await zip.close();
  return cut;
}

describe("a sheet's XML read in pieces", () => {
  it.each([
    ["no prefix", ""],
    ["the Open XML SDK's x: prefix", "x"],
  ])("reads the same rows as one string, with pieces of any size (%s)", async (_, prefix) => {
    const p = prefix ? `${prefix}:` : "";
    const path = await writeFixture({ prefix: prefix || undefined, shared, sheets: [{ name: "Data", data: sheetData(p) }] });
    const whole = readXlsxFast(path, { pieceBytes: Infinity }).sheet("Data")!.values;
    expect(whole.length).toBe(1000);
    expect(whole[0][0]).toBe("山田 太郎 1");
    expect(whole[1][0]).toBe("Emoji 😀 house 2");
    expect(whole[2][3]).toBe("sewer");
    for (const pieceBytes of [1, 100, 4096, 65536]) {
      expect(readXlsxFast(path, { pieceBytes }).sheet("Data")!.values).toEqual(whole);
      const lazy = readXlsxFast(path, { pieceBytes, lazy: true }).sheet("Data")!;
      expect(lazy.lazy!()).toEqual(whole);
      expect(lazy.lazy!(500)).toEqual(whole.slice(0, 500));
    }
  });

  it("keeps the page breaks written after the rows", async () => {
    const workbook = new MemoryWorkbook();
    const rows = Array.from({ length: 300 }, (_, i) => [`Bill line ${i}`, i]);
    await workbook.replaceSheet("Bills", rows, { print: { orientation: "portrait", pageBreaks: [54, 108, 162] } });
    const path = join(mkdtempSync(join(tmpdir(), "pieces-")), "bills.xlsx");
    await writeXlsx(path, workbook);
    const whole = readXlsxFast(path, { pieceBytes: Infinity }).sheet("Bills")!;
    const pieces = readXlsxFast(path, { pieceBytes: 200 }).sheet("Bills")!;
    expect(whole.printSetup?.pageBreaks).toEqual([54, 108, 162]);
    expect(pieces.printSetup?.pageBreaks).toEqual([54, 108, 162]);
    expect(pieces.values).toEqual(whole.values);
  });

  it("refuses a part cut short as the whole read does, whatever the piece size", async () => {
    const path = await writeFixture({ shared, sheets: [{ name: "Data", data: sheetData() }] });
    const cut = await cutShort(path);
    const problem = (pieceBytes: number) => {
      try {
        readXlsxFast(cut, { pieceBytes }).sheet("Data");
      } catch (error) {
        expect(error).toBeInstanceOf(WorkbookFileProblem);
        return (error as Error).message;
      }
      return "read";
    };
    expect(problem(Infinity)).toBe("its part xl/worksheets/sheet1.xml is damaged: it is cut short (it does not end with </worksheet>)");
    expect(problem(1000)).toBe(problem(Infinity));
  });

  it("reads a part in another encoding whole, as before", async () => {
    const path = await writeFixture({
      sheets: [{ name: "Data", data: `<row r="1"><c r="A1" t="inlineStr"><is><t>Café</t></is></c></row>` }],
    });
    const latin = `${path}.latin1.xlsx`;
    const zip = new ZipWriter(latin);
    for (const [name, part] of openArchive(path)) {
      const text = part().toString("utf8");
      await zip.add(name, [
        name === "xl/worksheets/sheet1.xml" ? Buffer.from(text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), "latin1") : part(),
      ]);
    }
    await zip.close();
    expect(readXlsxFast(latin, { pieceBytes: 10 }).sheet("Data")!.values).toEqual([["Café"]]);
  });

  describe("as the part is inflated (readSheet of a workbook read lazily)", () => {
    const streamed = async (path: string, options: { pieceBytes: number; maxPartBytes?: number }) =>
      (await readXlsxFast(path, { ...options, lazy: true }).readSheet("Data"))!.values;
    const problemOf = async (read: () => unknown) => {
      try {
        await read();
      } catch (error) {
        expect(error).toBeInstanceOf(WorkbookFileProblem);
        return (error as Error).message;
      }
      return "read";
    };

    it.each([
      ["no prefix", ""],
      ["the Open XML SDK's x: prefix", "x"],
    ])("reads the same rows as the whole part, with pieces of any size (%s)", async (_, prefix) => {
      const p = prefix ? `${prefix}:` : "";
      const path = await writeFixture({ prefix: prefix || undefined, shared, sheets: [{ name: "Data", data: sheetData(p) }] });
      const whole = (await readXlsxFast(path, { pieceBytes: Infinity, lazy: true }).readSheet("Data"))!.values;
      expect(whole.length).toBe(1000);
      for (const pieceBytes of [1, 100, 4096, 65536]) expect(await streamed(path, { pieceBytes })).toEqual(whole);
      const head = (await readXlsxFast(path, { pieceBytes: 100, lazy: true }).readSheet("Data", { maxRows: 300 }))!.values;
      expect(head).toEqual(whole.slice(0, 300));
    });

    it("names a part whose compressed bytes are damaged as the whole read does, wherever the damage is", async () => {
      const path = await writeFixture({ shared, sheets: [{ name: "Data", data: sheetData() }] });
      const bytes = readFileSync(path);
      const entry = openArchive(path).get("xl/worksheets/sheet1.xml")!.raw;
      const start = bytes.indexOf(entry.data);
      for (const at of [10, Math.floor(entry.data.length / 2), entry.data.length - 30]) {
        const damaged = Buffer.from(bytes);
        damaged.fill(0x5a, start + at, start + at + 8);
        const copy = join(mkdtempSync(join(tmpdir(), "pieces-")), "damaged.xlsx");
        writeFileSync(copy, damaged);
        const whole = await problemOf(() => readXlsxFast(copy, { pieceBytes: Infinity }).sheet("Data"));
        expect(whole).toMatch(/^its part xl\/worksheets\/sheet1\.xml is damaged/);
        expect(await problemOf(() => streamed(copy, { pieceBytes: 100 }))).toBe(whole);
      }
    });

    it("refuses a part past the size limit, and one cut short, as the whole read does", async () => {
      const path = await writeFixture({ shared, sheets: [{ name: "Data", data: sheetData() }] });
      const limit = { maxPartBytes: 20000 };
      const whole = await problemOf(() => readXlsxFast(path, { ...limit, pieceBytes: Infinity }).sheet("Data"));
      expect(whole).toMatch(/^its part xl\/worksheets\/sheet1\.xml is 0 MB; a part may be at most 0 MB$/);
      expect(await problemOf(() => streamed(path, { ...limit, pieceBytes: 100 }))).toBe(whole);
      const cut = await cutShort(path);
      expect(await problemOf(() => streamed(cut, { pieceBytes: 100 }))).toBe(
        "its part xl/worksheets/sheet1.xml is damaged: it is cut short (it does not end with </worksheet>)",
      );
    });
  });
});

describe("a workbook file read where it is asked, not whole", () => {
  it("reads a sheet's first rows without reading the rest of the file", async () => {
    // 40,000 rows of numbers that do not repeat: parts far larger, compressed, than the window a sheet's head is read from.
    let seed = 7;
    const numbers = Array.from({ length: 40000 }, (_, i) => {
      seed = (seed * 48271) % 2147483647;
      return `<row r="${i + 1}"><c r="A${i + 1}"><v>${seed}</v></c><c r="B${i + 1}"><v>${seed % 9973}</v></c></row>`;
    }).join("");
    const path = await writeFixture({
      shared,
      sheets: [
        { name: "Data", data: numbers },
        { name: "More", data: numbers },
      ],
    });
    const size = statSync(path).size;
    const reads = jest.spyOn(fs, "readSync");
    try {
      const workbook = readXlsxFast(path, { lazy: true });
      const heads = await workbook.readHeads(5);
      expect(heads.map((h) => h.values.length)).toEqual([5, 5]);
      const read = reads.mock.calls.reduce((sum, call) => sum + ((call as unknown[])[3] as number), 0);
      expect(read).toBeLessThan(size / 2);
    } finally {
      reads.mockRestore();
    }
  });

  it("refuses a file saved again while it is being read, rather than read half old, half new", async () => {
    const path = await writeFixture({ shared, sheets: [{ name: "Data", data: sheetData() }] });
    const workbook = readXlsxFast(path, { lazy: true });
    expect((await workbook.readSheet("Data"))!.values.length).toBe(1000);
    const later = await writeFixture({ shared, sheets: [{ name: "Data", data: sheetData().replace(/Zoë/g, "Zoe") }] });
    copyFileSync(later, path);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    await expect(workbook.readSheet("Data")).rejects.toThrow(
      new WorkbookFileProblem("it was changed while it was being read: run again once it is saved"),
    );
  });
});

describe("a sheet read in pieces is refused or read exactly as the whole part is (review of issue 18's fourth session)", () => {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  /** A one-sheet workbook whose sheet part is these bytes, stored with the given checksum (its own by default). */
  async function book(sheet: Buffer, crc = crc32(sheet)): Promise<string> {
    const path = join(mkdtempSync(join(tmpdir(), "pieces-")), "book.xlsx");
    const zip = new ZipWriter(path);
    await zip.add("xl/_rels/workbook.xml.rels", [
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ]);
    await zip.add("xl/workbook.xml", [
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ]);
    zip.addRaw("xl/worksheets/sheet1.xml", { method: 8, crc, size: sheet.length, data: deflateRawSync(sheet) });
    await zip.close();
    return path;
  }
  const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
  const rows = (n: number, from = 1) =>
    Array.from(
      { length: n },
      (_, i) => `<row r="${from + i}"><c r="A${from + i}" t="inlineStr"><is><t>Zoë ${from + i}</t></is></c></row>`,
    ).join("");
  const tail = `</sheetData></worksheet>`;
  const outcome = async (read: () => unknown) => {
    try {
      return `read ${JSON.stringify(await read())}`;
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbookFileProblem);
      return (error as Error).message;
    }
  };
  const whole = (path: string) => readXlsxFast(path, { pieceBytes: Infinity }).sheet("Data")!.values;
  const pieces = (path: string, pieceBytes: number) => readXlsxFast(path, { pieceBytes }).sheet("Data")!.values;
  const streamed = async (path: string, pieceBytes: number) =>
    (await readXlsxFast(path, { pieceBytes, lazy: true }).readSheet("Data"))!.values;
  const everyWay = async (path: string) => {
    const want = await outcome(() => whole(path));
    for (const size of [100, 1000, 5000]) {
      expect(await outcome(() => pieces(path, size))).toBe(want);
      expect(await outcome(() => streamed(path, size))).toBe(want);
    }
    return want;
  };

  it("names a part whose checksum fails by its checksum, even when its start is not XML", async () => {
    const good = Buffer.from(head + rows(400) + tail);
    const bad = Buffer.from(good);
    bad.fill(0, 0, 5);
    expect(await everyWay(await book(bad, crc32(good)))).toBe("its part xl/worksheets/sheet1.xml is damaged (its checksum does not match)");
  });

  it("reads a part with a comment of non-ASCII text before its root (4,000 characters, not bytes)", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><!-- ${"請求書の説明".repeat(250)} --><worksheet xmlns="${MAIN}"><sheetData>${rows(400)}${tail}`;
    expect(await everyWay(await book(Buffer.from(xml)))).toMatch(/^read \[\["Zoë 1"\]/);
  });

  it("refuses a row whose start tag runs into </row> wherever a piece is cut", async () => {
    const xml =
      head +
      `<row r="1"><c r="A1"><v>1</v></c></row><row r="2" spans="1:2"</row><row r="3"><c r="A3"><v>3</v></c></row>` +
      rows(300, 4) +
      tail;
    const bytes = Buffer.from(xml);
    const path = await book(bytes);
    const message = await outcome(() => whole(path));
    expect(message).toMatch(/its XML is broken at row 2/);
    const cut = bytes.indexOf("</row>", bytes.indexOf('r="2"')) + 6;
    for (const size of [cut - 1, cut, cut + 1, 100, 1000]) {
      expect(await outcome(() => pieces(path, size))).toBe(message);
      expect(await outcome(() => streamed(path, size))).toBe(message);
    }
  });

  it("cuts a prefixed part whose rows are in the default namespace into pieces, reading the same rows", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>${rows(2000)}</x:sheetData></x:worksheet>`;
    expect(await everyWay(await book(Buffer.from(xml)))).toMatch(/^read \[\["Zoë 1"\]/);
  });
});
