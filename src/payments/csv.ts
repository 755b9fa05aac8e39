/**
 * Splits CSV text into rows of fields (RFC 4180: fields in double quotes may hold commas, line
 * breaks and doubled quotes). A line ending is CRLF or LF; a last empty line is no row. Returns
 * the 1-based line of the first problem when a quote is left open.
 */
export function parseCsv(text: string): { ok: true; rows: string[][] } | { ok: false; line: number; message: string } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let openedAt = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      openedAt = line;
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      line++;
    } else field += ch;
  }
  if (quoted) return { ok: false, line: openedAt, message: "a quoted field is never closed" };
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return { ok: true, rows };
}
