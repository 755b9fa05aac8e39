import { closeSync, openSync, readSync, statSync } from "fs";
import { UsageError } from "./args";

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from("PK\u0003\u0004", "latin1");

/**
 * The size of an input file that is an ordinary file: a folder, a device (/dev/zero) or a named
 * pipe (which would wait for a writer forever) is refused in one line.
 */
export function checkRegularFile(path: string, what: string): number {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    throw new UsageError(`cannot read ${path}: no such file`);
  }
  if (stats.isDirectory()) throw new UsageError(`cannot read ${path}: it is a directory, not a ${what} file`);
  if (!stats.isFile()) throw new UsageError(`cannot read ${path}: it is not an ordinary file (a device or a pipe), not a ${what} file`);
  return stats.size;
}

/**
 * Names what a file is when it is not an .xlsx workbook, from its first bytes, so the user hears
 * "password-protected" rather than "not a ZIP file": an encrypted workbook and an .xls are both
 * Compound File Binary (an encrypted one holds an EncryptionInfo stream), an .ods is a ZIP whose
 * first entry says so, and a CSV is text.
 */
export function checkWorkbookFile(path: string): void {
  const size = checkRegularFile(path, "workbook");

  const head = Buffer.alloc(Math.min(size, 64 * 1024));
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 8).equals(CFB)) {
    if (head.includes(Buffer.from("EncryptionInfo", "utf16le")))
      throw new UsageError(`${path} is password-protected (an encrypted workbook): open it in Excel and save it without a password`);
    throw new UsageError(`${path} is an Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx`);
  }
  if (head.subarray(0, 4).equals(ZIP)) {
    if (head.includes(Buffer.from("application/vnd.oasis.opendocument.spreadsheet")))
      throw new UsageError(`${path} is an OpenDocument spreadsheet (.ods): save it as .xlsx (Excel 2007-365)`);
    return;
  }
  const text = head.subarray(0, 4096).toString("utf8");
  if (size === 0) throw new UsageError(`${path} is empty: it is not an .xlsx workbook`);
  if (!text.includes("\u0000") && /[,;\t]/.test(text))
    throw new UsageError(`${path} is a text file (CSV?), not an .xlsx workbook: open it in Excel and save it as .xlsx`);
  throw new UsageError(`${path} is not an .xlsx workbook`);
}
