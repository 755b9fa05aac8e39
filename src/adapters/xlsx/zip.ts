import { closeSync, openSync, writeSync } from "fs";
import { crc32, createDeflateRaw } from "zlib";

interface Entry {
  readonly name: Buffer;
  readonly offset: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  /** Deflate (8) unless copied stored (0). */
  readonly method?: number;
  /** General purpose flags: a data descriptor and UTF-8 names unless copied. */
  readonly flags?: number;
}

/** Text queued for deflating before the writer waits (nodejs.org/api/stream.html#writablewritechunk-encoding-callback: writing past the mark buffers). */
const QUEUED_BYTES = 4 << 20;

/**
 * A minimal ZIP writer for .xlsx files: each entry is deflated as it is produced (a stream, so a
 * sheet of millions of rows never sits in memory whole), with a data descriptor after it and the
 * central directory at the end. Sizes up to 4 GB (no ZIP64).
 *
 * Entries overlap: `add` returns once an entry's text is all handed to zlib, which deflates on
 * threads of its own, so the caller makes the next entry while the last is still being deflated.
 * The file gets each entry whole and in order (what an entry deflates before its turn waits in
 * memory, a megabyte or two); at most two entries are under way at once. A failure in an entry
 * (a full disk) is reported by `close`, or sooner by an `add` two entries later; the caller then
 * aborts and removes the file.
 */
export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: Entry[] = [];
  /** When every entry added so far is in the file (rejected with the first failure), and when all but the last are. */
  private last: Promise<void> = Promise.resolve();
  private beforeLast: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  private write(buffer: Buffer): void {
    if (this.closed) return;
    writeSync(this.fd, buffer);
    this.offset += buffer.length;
  }

  /** Queues a step after every entry before it; its failure is kept for whoever waits next. */
  private after(step: () => Promise<void> | void): void {
    const done = this.last.then(step);
    // Seen by the next add, addRaw or close (which wait on it); never an unhandled rejection meanwhile.
    done.catch(() => undefined);
    this.beforeLast = this.last;
    this.last = done;
  }

  /** Adds one file, its content given as chunks of text (UTF-8) or bytes. */
  async add(name: string, chunks: Iterable<string | Buffer>): Promise<void> {
    // The entry before the last must be in the file first: two entries under way at most.
    await this.beforeLast;
    const nameBytes = Buffer.from(name, "utf8");
    let crc = 0;
    let size = 0;
    let compressed = 0;
    // Deflated output waits here until the entries before this one are in the file.
    let early: Buffer[] | undefined = [];
    const deflate = createDeflateRaw({ level: 1 });
    deflate.on("data", (chunk: Buffer) => {
      compressed += chunk.length;
      if (early) early.push(chunk);
      else {
        // A write that fails here (a full disk) ends the stream with that error, for the entry's step to report.
        try {
          this.write(chunk);
        } catch (error) {
          deflate.destroy(error as Error);
        }
      }
    });
    const deflated = new Promise<void>((resolve, reject) => {
      deflate.on("end", resolve);
      deflate.on("error", reject);
    });
    deflated.catch(() => undefined);
    try {
      for (const text of chunks) {
        const buffer = typeof text === "string" ? Buffer.from(text, "utf8") : text;
        crc = crc32(buffer, crc);
        size += buffer.length;
        // The next chunk is made while zlib deflates this one: the writer waits only when a few
        // megabytes are queued, not whenever the stream is past its 16 KB mark (after every chunk).
        if (deflate.destroyed) break;
        deflate.write(buffer);
        if (deflate.writableLength > QUEUED_BYTES)
          await new Promise<void>((resolve) => {
            // Whichever comes first removes both: a listener left behind on each wait added up
            // to Node's MaxListenersExceededWarning on stderr during a large sheet.
            const done = () => {
              deflate.off("drain", done);
              deflate.off("close", done);
              resolve();
            };
            deflate.once("drain", done);
            deflate.once("close", done);
          });
      }
    } catch (error) {
      deflate.destroy();
      throw error;
    }
    deflate.end();
    this.after(async () => {
      const offset = this.offset;
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4); // version needed
      header.writeUInt16LE(0x0808, 6); // data descriptor follows; UTF-8 names
      header.writeUInt16LE(8, 8); // deflate
      header.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
      header.writeUInt16LE(nameBytes.length, 26);
      this.write(header);
      this.write(nameBytes);
      for (const chunk of early!) this.write(chunk);
      early = undefined;
      await deflated;
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc >>> 0, 4);
      descriptor.writeUInt32LE(compressed, 8);
      descriptor.writeUInt32LE(size, 12);
      this.write(descriptor);
      this.entries.push({ name: nameBytes, offset, crc: crc >>> 0, compressed, size });
    });
  }

  /** Adds one file as another archive stored it (deflated or stored), without inflating it. */
  addRaw(name: string, entry: { method: number; crc: number; size: number; data: Buffer }): void {
    this.after(() => this.writeRaw(name, entry));
  }

  private writeRaw(name: string, entry: { method: number; crc: number; size: number; data: Buffer }): void {
    const nameBytes = Buffer.from(name, "utf8");
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names; sizes in this header
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt32LE(0x00210000, 10);
    header.writeUInt32LE(entry.crc >>> 0, 14);
    header.writeUInt32LE(entry.data.length, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    this.write(header);
    this.write(nameBytes);
    this.write(entry.data);
    this.entries.push({
      name: nameBytes,
      offset,
      crc: entry.crc >>> 0,
      compressed: entry.data.length,
      size: entry.size,
      method: entry.method,
      flags: 0x0800,
    });
  }

  /** Closes the file without finishing it (the caller removes it). */
  abort(): void {
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      // Already closed by a close() that failed part way.
    }
  }

  /** Writes the central directory, once every entry is in the file, and closes the file. */
  async close(): Promise<void> {
    await this.last;
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(e.flags ?? 0x0808, 8);
      h.writeUInt16LE(e.method ?? 8, 10);
      h.writeUInt32LE(0x00210000, 12);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.write(h);
      this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    closeSync(this.fd);
    this.closed = true;
  }
}
