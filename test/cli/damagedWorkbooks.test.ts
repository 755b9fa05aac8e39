/**
 * Workbooks damaged or written oddly, as an outside battery of hostile files found them (issue 13):
 * each made here from samples/cycle.xlsx by test/support/xlsxFixtures.ts. A damaged file is one
 * line naming what is wrong, exit 2, the input untouched and nothing written; a valid file written
 * oddly (CDATA, UTF-16, Latin-1, spaces around "=") bills to the sample's result.
 */
import { createHash } from "crypto";
import { mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { crc32 } from "zlib";
import { runUbill } from "../support/cli";
import { PartEdit, rewriteArchive } from "../support/xlsxFixtures";

const ROOT = join(__dirname, "..", "..");
const CYCLE = join(ROOT, "samples", "cycle.xlsx");
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const text = (data: Buffer) => data.toString("utf8");

/** samples/cycle.xlsx with its parts edited, in a new folder. */
async function edited(edit: (name: string, data: Buffer) => PartEdit, extra: [string, Buffer][] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "ub-damaged-"));
  return rewriteArchive(CYCLE, join(dir, "in.xlsx"), edit, extra);
}

const only = (part: string, change: (xml: string) => string) => (name: string, data: Buffer) =>
  name === part ? Buffer.from(change(text(data)), "utf8") : undefined;

const READS = "xl/worksheets/sheet1.xml";
const HISTORY = "xl/worksheets/sheet3.xml";
const BALANCES = "xl/worksheets/sheet7.xml";
const PAYMENTS = "xl/worksheets/sheet8.xml";

async function refusedBoth(input: string, message: RegExp) {
  const dir = join(input, "..");
  const before = hash(input);
  const listed = readdirSync(dir).sort();
  for (const argv of [
    ["validate", input, "--out", join(dir, "flagged.xlsx")],
    ["cycle", input, "--out", join(dir, "out.xlsx")],
  ]) {
    const r = await runUbill(...argv);
    expect({ command: argv[0], code: r.code, lines: r.err.trim().split("\n").length }).toEqual({ command: argv[0], code: 2, lines: 1 });
    expect(r.err).toMatch(message);
    expect(hash(input)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(listed);
  }
}

describe("damaged workbooks, each named in one line", () => {
  it("a sheet cut short after its 15th row", async () => {
    const input = await edited(only(READS, (xml) => xml.slice(0, xml.indexOf('<row r="16"'))));
    await refusedBoth(
      input,
      /in\.xlsx cannot be read: its part xl\/worksheets\/sheet1\.xml is damaged: it is cut short \(it does not end with <\/worksheet>\)$/m,
    );
  });

  it("a broken tag in a cell of Balances", async () => {
    const input = await edited(only(BALANCES, (xml) => xml.replace(/<c r="B3"([^>]*)>/, '<c r="B3"$1<')));
    await refusedBoth(input, /cannot be read: sheet "Balances" is damaged: its XML is broken in row 3/);
  });

  it("a sheet the workbook lists whose part is missing", async () => {
    const input = await edited((name) => (name === HISTORY ? null : undefined));
    await refusedBoth(
      input,
      /cannot be read: its sheet "Usage History" has no part in the file \(xl\/worksheets\/sheet3\.xml is missing\)/,
    );
  });

  it("a stored part whose bytes were changed after its checksum was written", async () => {
    const input = await edited((name, data) => {
      if (name !== READS) return undefined;
      const changed = Buffer.from(text(data).replace(">51210<", ">91210<"), "utf8");
      return { raw: { method: 0, crc: crc32(data) >>> 0, size: changed.length, data: changed } };
    });
    await refusedBoth(input, /its part xl\/worksheets\/sheet1\.xml is damaged \(its checksum does not match\)/);
  });

  it("two parts of one name", async () => {
    const input = await edited(() => undefined, [[READS, Buffer.from("<worksheet/>")]]);
    await refusedBoth(input, /cannot be read: it holds two parts named xl\/worksheets\/sheet1\.xml \(a damaged or altered file\)/);
  });

  it("shared text whose XML is broken inside", async () => {
    const input = await edited(only("xl/sharedStrings.xml", (xml) => xml.replace("</si>", "</s>")));
    await refusedBoth(input, /its part xl\/sharedStrings\.xml is damaged: it says it holds [\d,]+ texts, but [\d,]+ can be read/);
  });

  it("a formula saved without its result", async () => {
    const input = await edited(only(READS, (xml) => xml.replace("<v>51210</v>", "<f>51000+210</f>")));
    await refusedBoth(input, /cell I4 of sheet "Reads" holds a formula that was never calculated/);
  });

  it("a part in an encoding there is no decoder for", async () => {
    const input = await edited(only(PAYMENTS, (xml) => xml.replace('encoding="UTF-8"', 'encoding="x-no-such-encoding"')));
    await refusedBoth(input, /its part xl\/worksheets\/sheet8\.xml is written in the x-no-such-encoding encoding, which cannot be read/);
  });
});

describe("valid workbooks written oddly bill as the sample does", () => {
  let baseline: unknown;
  const summary = async (input: string) => {
    const r = await runUbill("cycle", input, "--out", join(input, "..", "out.xlsx"), "--json");
    expect(r.err).toBe("");
    return JSON.parse(r.out, (key, value: unknown) => (["out", "outputs", "path"].includes(key) ? undefined : value)) as unknown;
  };
  beforeAll(async () => {
    baseline = await summary(await edited(() => undefined));
  });

  it.each<[string, (name: string, data: Buffer) => PartEdit]>([
    [
      "a payment amount and shared texts in CDATA",
      (name, data) => {
        if (name === PAYMENTS) return Buffer.from(text(data).replace(/<v>([\d.]+)<\/v>/, "<v><![CDATA[$1]]></v>"), "utf8");
        if (name === "xl/sharedStrings.xml") return Buffer.from(text(data).replace(/<t>([^<]*)<\/t>/g, "<t><![CDATA[$1]]></t>"), "utf8");
        return undefined;
      },
    ],
    [
      "every XML part in UTF-16 with a byte-order mark",
      (name, data) =>
        /\.(xml|rels)$/.test(name)
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(data).replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")])
          : undefined,
    ],
    [
      "shared texts in ISO-8859-1",
      (name, data) =>
        name === "xl/sharedStrings.xml"
          ? Buffer.from(text(data).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), "latin1")
          : undefined,
    ],
    [
      "spaces around = in the workbook's attributes",
      only("xl/workbook.xml", (xml) => xml.replace(/ name="/g, ' name = "').replace(/ r:id="/g, ' r:id= "')),
    ],
  ])("%s", async (_what, edit) => {
    expect(await summary(await edited(edit))).toEqual(baseline);
  });
});
