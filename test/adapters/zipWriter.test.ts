// The module objects themselves, so a test can put a failing write, or a watched stream, where the writer calls them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fs = require("fs");
import { randomBytes } from "crypto";
import { EventEmitter } from "events";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
import zlib = require("zlib");
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
        zip.addRaw("raw.txt", { method: 8, crc: zlib.crc32(raw), size: raw.length, data: zlib.deflateRawSync(raw) });
        texts.set("raw.txt", "copied as stored");
      }
    }
    await zip.close();
    const archive = openArchive(file);
    expect([...archive.keys()]).toEqual([...texts.keys()]);
    for (const [name, text] of texts) expect(archive.get(name)!().toString("utf8")).toBe(text);
  });

  it("waits for zlib many times in one large entry without leaving listeners behind", async () => {
    // A listener left on the stream at each wait printed Node's MaxListenersExceededWarning to
    // stderr in a 100,000-account ubill cycle (the Bill Register, 111 MB of XML).
    let most = 0;
    const once = EventEmitter.prototype.once;
    const spy = jest.spyOn(zlib.DeflateRaw.prototype, "once").mockImplementation(function (
      this: zlib.DeflateRaw,
      event: string | symbol,
      listener: (...args: unknown[]) => void,
    ) {
      once.call(this, event, listener);
      most = Math.max(most, this.listenerCount("close"));
      return this;
    });
    try {
      const zip = new ZipWriter(path());
      // 60 MB in 5 MB chunks: the writer waits for zlib after each chunk, a dozen times.
      const chunk = "<row/>".repeat((5 * 1024 * 1024) / 6);
      await zip.add(
        "large.xml",
        Array.from({ length: 12 }, () => chunk),
      );
      await zip.close();
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThan(4);
    } finally {
      spy.mockRestore();
    }
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
