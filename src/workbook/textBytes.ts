/**
 * Text from bytes that start with a UTF-16 byte-order mark (what Windows Notepad saves as
 * "Unicode"), or undefined when they do not: schedule files and workbook parts both arrive so.
 */
export function utf16Text(data: Buffer): string | undefined {
  if (data[0] === 0xff && data[1] === 0xfe) return data.toString("utf16le", 2);
  if (data[0] === 0xfe && data[1] === 0xff) return Buffer.from(data.subarray(2)).swap16().toString("utf16le");
  return undefined;
}
