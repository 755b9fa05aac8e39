import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { crc32, deflateRawSync } from "zlib";
import { openArchive } from "../../src/adapters/xlsx/fastRead";
import { ZipWriter } from "../../src/adapters/xlsx/zip";

const path = () => join(mkdtempSync(join(tmpdir(), "zip-writer-")), "out.zip");

describe("ZipWriter (entries deflated while the next is made)", () => {
  it("puts every entry in the file whole and in order, raw copies between them included", async () => {
    const file = path();
    const zip = new ZipWriter(file);
    const texts = new Map<string, string>();
    for (let k = 0; k < 6; k++) {
      const name = `part${k}.xml`;
      // Several megabytes each, in chunks: more than is queued before the writer waits.
      const chunks = Array.from({ length: 40 }, (_, c) => `<row k="${k}" c="${c}">${"x".repeat(100_000 + k)}</row>`);
      texts.set(name, chunks.join(""));
      await zip.add(name, chunks);
      if (k === 2) {
        const raw = Buffer.from("copied as stored");
        zip.addRaw("raw.txt", { method: 8, crc: crc32(raw), size: raw.length, data: deflateRawSync(raw) });
        texts.set("raw.txt", "copied as stored");
      }
    }
    await zip.close();
    const archive = openArchive(file);
    expect([...archive.keys()]).toEqual([...texts.keys()]);
    for (const [name, text] of texts) expect(archive.get(name)!().toString("utf8")).toBe(text);
  });

  it("reports a part that cannot be made from add, and leaves the file to be removed", async () => {
    const zip = new ZipWriter(path());
    await zip.add("first.xml", ["<a/>"]);
    await expect(
      zip.add(
        "second.xml",
        (function* () {
          yield "<b>";
          throw new Error("a sheet past Excel's limits");
        })(),
      ),
    ).rejects.toThrow("a sheet past Excel's limits");
    zip.abort();
  });
});
