// The module object itself, so a test can put a failing write where the writer calls it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fs = require("fs");
import { randomBytes } from "crypto";
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

  it("reports a full disk met while an entry is deflating, without an uncaught error or a hang", async () => {
    const zip = new ZipWriter(path());
    const real = fs.writeSync;
    let written = 0;
    const spy = jest.spyOn(fs, "writeSync").mockImplementation(((fd: number, buffer: Buffer) => {
      written += buffer.length;
      if (written > 200_000) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      return (real as (fd: number, b: Buffer) => number)(fd, buffer);
    }) as typeof fs.writeSync);
    try {
      // Random text deflates to about its own size: the disk fills while the entries stream out.
      const noise = (k: number) => Array.from({ length: 30 }, (_, c) => `${k}:${c}:${randomBytes(75_000).toString("base64")}`);
      const outcome = (async () => {
        for (let k = 0; k < 4; k++) await zip.add(`part${k}.xml`, noise(k));
        await zip.close();
      })();
      await expect(outcome).rejects.toThrow(/ENOSPC/);
    } finally {
      spy.mockRestore();
      zip.abort();
    }
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
