import { Dec, findCardNumber, PAYMENT_CHANNELS } from "../engine";
import type { IsoDate, PaymentChannel } from "../engine";
import { cellDate, cellDecimal, idText } from "../workbook/cells";
import type { CellValue } from "../workbook/port";
import { ColumnSpec, headerKey, locateTable } from "../workbook/table";
import { parseCsv } from "./csv";

/** The fields a payment file gives each payment. */
export type BatchField = "account" | "amount" | "reference" | "date" | "lastFour";

/** A file layout the product reads: its columns, and the channel its payments came by. */
export interface BatchLayout {
  readonly name: string;
  readonly channel?: PaymentChannel;
  readonly columns: readonly ColumnSpec<BatchField>[];
}

/**
 * The layouts read without being told (docs/payments.md shows each): a card processor's
 * settlement report, a bank lockbox's remittance file, and the add-in's own batch file. The most
 * particular first: a settlement report has a card column, a lockbox file a check amount.
 */
export const BATCH_LAYOUTS: readonly BatchLayout[] = [
  {
    name: "card settlement",
    channel: "card by phone",
    columns: [
      {
        field: "account",
        label: "Customer Reference",
        required: true,
        synonyms: ["Customer ID", "Invoice Number", "Account Number", "Bill Account"],
      },
      { field: "amount", label: "Settled Amount", required: true, synonyms: ["Transaction Amount", "Sale Amount", "Settlement Amount"] },
      {
        field: "reference",
        label: "Confirmation Number",
        required: true,
        synonyms: ["Approval Code", "Auth Code", "Confirmation"],
      },
      { field: "lastFour", label: "Last 4", required: true, synonyms: ["Card Last Four", "Last Four", "Card Number", "Masked Card"] },
      { field: "date", label: "Settlement Date", synonyms: ["Transaction Date", "Batch Date"] },
    ],
  },
  {
    name: "bank lockbox",
    channel: "mail",
    columns: [
      {
        field: "account",
        label: "Remittance Account",
        required: true,
        synonyms: ["Stub Account", "Customer Account", "Invoice Number", "Account Number"],
      },
      { field: "amount", label: "Check Amount", required: true, synonyms: ["Item Amount", "Remittance Amount", "Applied Amount"] },
      { field: "reference", label: "Check Number", required: true, synonyms: ["Check Serial", "Serial Number"] },
      { field: "date", label: "Deposit Date", synonyms: ["Process Date", "Lockbox Date"] },
    ],
  },
  {
    name: "UB Workbench batch",
    columns: [
      { field: "account", label: "Account", required: true, synonyms: ["Account Number", "Acct"] },
      { field: "amount", label: "Amount", required: true, synonyms: ["Payment Amount", "Paid"] },
      { field: "reference", label: "Reference", synonyms: ["Check Number", "Confirmation", "Ref"] },
      { field: "date", label: "Date", synonyms: ["Payment Date"] },
    ],
  },
];

/** One payment read from a file, with the file line it came from. */
export interface FileLine {
  readonly line: number;
  readonly account: string;
  readonly amount: Dec;
  readonly reference: string;
  readonly date?: IsoDate;
}

export type BatchFileRead =
  | {
      ok: true;
      layout: string;
      channel?: PaymentChannel;
      lines: FileLine[];
      header: readonly string[];
      /** Columns not read that hold what looks like a card number: nothing of them is kept, but the export should mask them. */
      warnings: string[];
    }
  | { ok: false; message: string; header?: readonly string[] };

/** A remembered or given mapping: field -> the file's column header. */
export type ColumnMapping = ReadonlyMap<BatchField, string>;

/** The header row's signature, to know a file's layout again. */
export const headerSignature = (header: readonly string[]) =>
  header
    .map((h) => h.trim())
    .filter(Boolean)
    .join(" | ");

/** Reads a mapping written "account=Cust No,amount=Paid,reference=Conf". */
export function parseMapping(text: string): { ok: true; mapping: Map<BatchField, string> } | { ok: false; message: string } {
  const mapping = new Map<BatchField, string>();
  const fields: readonly string[] = ["account", "amount", "reference", "date", "lastFour"];
  for (const part of text.split(",")) {
    const at = part.indexOf("=");
    const field = part.slice(0, at).trim();
    const column = part.slice(at + 1).trim();
    if (at < 1 || !column || !fields.includes(field))
      return {
        ok: false,
        message: `--map takes field=column pairs separated by commas (fields: ${fields.join(", ")}), got "${part.trim()}"`,
      };
    mapping.set(field as BatchField, column);
  }
  if (!mapping.has("account") || !mapping.has("amount")) return { ok: false, message: "--map needs at least account= and amount=" };
  return { ok: true, mapping };
}

const layoutOf = (name: string, mapping: ColumnMapping): BatchLayout => ({
  name,
  columns: [...mapping].map(([field, label]) => ({ field, label, synonyms: [], required: true })),
});

/** A total row's label: "Total", "Batch Total", "Grand Total:", "Deposit Totals". */
const TOTAL = /^(batch |grand |deposit )?totals?:?$/i;

/** A date a processor writes with its time ("11/02/2026 14:35", "2026-11-02T14:35:00Z"): the date part. */
const dateOnly = (text: string) =>
  text.replace(/^(\S+?)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AP]M)?\s*(?:Z|[+-]\d{2}:?\d{2})?)$/i, "$1");

/** "$1,234.50" and "(12.00)" as the amounts they are; undefined when not an amount. */
function amountOf(v: string): Dec | undefined {
  const t = v
    .trim()
    .replace(/^\$/, "")
    .replace(/^(-?)\$/, "$1");
  return cellDecimal(t);
}

/**
 * Reads a payment file (CSV, as the bank or processor exports it) in the first layout whose
 * columns its header has: a mapping given for this file, a mapping remembered for this header,
 * then the layouts the product knows. Every problem is one line naming the file, its line and
 * column. A total row (no account, a cell saying Total) is passed by. A card number in any field
 * kept is refused (PCI DSS): of a card, only the processor's confirmation and the last four are kept.
 */
export function readBatchFile(
  file: string,
  text: string,
  options: { given?: ColumnMapping; remembered?: ReadonlyMap<string, ColumnMapping> } = {},
): BatchFileRead {
  const csv = parseCsv(text.replace(/^\uFEFF/, ""));
  if (!csv.ok) return { ok: false, message: `${file} line ${csv.line}: ${csv.message}` };
  const rows = csv.rows.filter((r) => r.some((c) => c.trim() !== ""));
  if (rows.length === 0) return { ok: false, message: `${file}: the file is empty; expected a header row and a payment a line` };
  const values: CellValue[][] = csv.rows.map((r) => r.map((c) => c));
  const data = { sheet: file, top: 0, left: 0, values };
  const header = (csv.rows.find((r) => r.some((c) => c.trim() !== "")) ?? []).map((c) => c.trim());
  const remembered = options.remembered?.get(headerSignature(header));
  const candidates: BatchLayout[] = [
    ...(options.given ? [layoutOf("mapped column by column", options.given)] : []),
    ...(remembered ? [layoutOf("mapped earlier, remembered on Import Layouts", remembered)] : []),
    ...BATCH_LAYOUTS,
  ];
  if (options.given) {
    const known = BATCH_LAYOUTS.find((l) => locateTable(data, l.columns).ok);
    if (known)
      return {
        ok: false,
        header,
        message: `${file}: its header is the ${known.name} layout, which is read without a mapping; --map is for a layout the product does not read`,
      };
  }
  for (const layout of candidates) {
    const found = locateTable(data, layout.columns);
    if (!found.ok) {
      if (layout === candidates[0] && options.given)
        return { ok: false, message: `${file}: ${found.message.replace(`${file}: `, "")}`, header };
      continue;
    }
    const col = found.table.columns;
    const lines: FileLine[] = [];
    const warnings: string[] = [];
    const kept = new Set(Object.values(col) as number[]);
    for (let i = found.table.firstValueRow; i < values.length; i++) {
      const row = csv.rows[i];
      const get = (f: BatchField) => (col[f] === undefined ? "" : (row[col[f]!] ?? "").trim());
      if (row.every((c) => c.trim() === "")) continue;
      const where = (f: BatchField) => `${file} line ${i + 1}, column ${values[found.table.firstValueRow - 1][col[f]!]}`;
      const totalRow = (!get("account") && row.some((c) => TOTAL.test(c.trim()))) || TOTAL.test(get("account"));
      if (totalRow) {
        // A file's own total is a control: it must be what its payments add up to.
        const stated = amountOf(get("amount"));
        const sum = lines.reduce((t, l) => t.plus(l.amount), new Dec(0));
        if (stated && !stated.equals(sum))
          return {
            ok: false,
            message: `${where("amount")}: the file's total row says ${stated.toFixed(2)}, but its payments above add up to ${sum.toFixed(2)}`,
          };
        continue;
      }
      for (const f of ["account", "reference", "lastFour"] as const) {
        const card = findCardNumber(get(f));
        if (card)
          return {
            ok: false,
            message: `${where(f)}: holds a card number (ending ${card.lastFour}); a card number is never read or stored (PCI DSS): export the report with the card masked, keeping the last four digits only`,
          };
      }
      row.forEach((cell, c) => {
        const card = !kept.has(c) && findCardNumber(cell);
        if (card && warnings.length < 5)
          warnings.push(
            `${file} line ${i + 1}, column ${values[found.table.firstValueRow - 1][c] ?? c + 1} holds what looks like a card number (ending ${card.lastFour}); it was not read or kept, but the export should mask it (PCI DSS)`,
          );
      });
      const account = idText(get("account"));
      if (!account) return { ok: false, message: `${where("account")}: expected the utility account number; the cell is empty` };
      const amount = amountOf(get("amount"));
      if (!amount || !amount.greaterThan(0) || amount.decimalPlaces() > 2)
        return { ok: false, message: `${where("amount")}: expected an amount above 0.00 in dollars and cents; got "${get("amount")}"` };
      const dateText = get("date");
      const date = dateText ? cellDate(dateOnly(dateText)) : undefined;
      if (dateText && !date)
        return { ok: false, message: `${where("date")}: expected a date such as 2026-11-20 or 11/20/2026; got "${dateText}"` };
      const lastFour = get("lastFour").replace(/\D/g, "").slice(-4);
      const reference = [get("reference"), lastFour ? `card ending ${lastFour}` : ""].filter(Boolean).join(", ");
      lines.push({ line: i + 1, account, amount, reference, ...(date ? { date } : {}) });
    }
    if (lines.length === 0) return { ok: false, message: `${file}: a header row (${layout.name}) but no payments under it`, header };
    return { ok: true, layout: layout.name, ...(layout.channel ? { channel: layout.channel } : {}), lines, header, warnings };
  }
  const known = BATCH_LAYOUTS.map(
    (l) =>
      `${l.name} (${l.columns
        .filter((c) => c.required)
        .map((c) => c.label)
        .join(", ")})`,
  ).join("; ");
  return {
    ok: false,
    header,
    message: `${file}: its header (${header.filter(Boolean).join(", ") || "none"}) is not a layout this product reads: ${known}; map its columns once with --map account=COLUMN,amount=COLUMN,reference=COLUMN and the layout is remembered`,
  };
}

/** Whether a text names a payment channel, and which. */
export function channelOf(text: string): PaymentChannel | undefined {
  const t = text.trim().toLowerCase();
  return PAYMENT_CHANNELS.find((c) => c === t || headerKey(c) === headerKey(t));
}

/** A bank's returned-item report: each check that came back, and why. */
export interface ReturnedItem {
  readonly line: number;
  readonly account: string;
  readonly amount: Dec;
  readonly reference: string;
  readonly reason: string;
  readonly date?: IsoDate;
}

type ReturnField = "account" | "amount" | "reference" | "reason" | "date";
const RETURNED_ITEM_COLUMNS: readonly ColumnSpec<ReturnField>[] = [
  { field: "account", label: "Account", required: true, synonyms: ["Account Number", "Remittance Account", "Customer Account"] },
  { field: "amount", label: "Amount", required: true, synonyms: ["Check Amount", "Returned Amount", "Item Amount"] },
  { field: "reference", label: "Check Number", required: true, synonyms: ["Reference", "Check Serial", "Serial Number"] },
  { field: "reason", label: "Return Reason", required: true, synonyms: ["Reason", "Return Code", "Returned Reason"] },
  { field: "date", label: "Returned Date", synonyms: ["Return Date", "Date Returned"] },
];

/**
 * Reads a returned-item report (a CSV with Account, Amount, Check Number and Return Reason), or
 * says it is not one (undefined), so a payment file is read as a batch instead.
 */
export function readReturnedItems(
  file: string,
  text: string,
): { ok: true; items: ReturnedItem[] } | { ok: false; message: string } | undefined {
  const csv = parseCsv(text.replace(/^\uFEFF/, ""));
  if (!csv.ok) return undefined;
  const data = { sheet: file, top: 0, left: 0, values: csv.rows as CellValue[][] };
  const found = locateTable(data, RETURNED_ITEM_COLUMNS);
  if (!found.ok) return undefined;
  const col = found.table.columns;
  const items: ReturnedItem[] = [];
  for (let i = found.table.firstValueRow; i < csv.rows.length; i++) {
    const row = csv.rows[i];
    if (row.every((c) => c.trim() === "")) continue;
    const get = (f: ReturnField) => (col[f] === undefined ? "" : (row[col[f]!] ?? "").trim());
    const where = (f: ReturnField) => `${file} line ${i + 1}, column ${csv.rows[found.table.firstValueRow - 1][col[f]!]}`;
    const card = findCardNumber(`${get("account")} ${get("reference")}`);
    if (card)
      return {
        ok: false,
        message: `${where("reference")}: holds a card number (ending ${card.lastFour}); a card number is never read or stored (PCI DSS)`,
      };
    const amount = amountOf(get("amount"));
    if (!get("account")) return { ok: false, message: `${where("account")}: expected the utility account number; the cell is empty` };
    if (!amount || !amount.greaterThan(0) || amount.decimalPlaces() > 2)
      return { ok: false, message: `${where("amount")}: expected an amount above 0.00 in dollars and cents; got "${get("amount")}"` };
    const date = get("date") ? cellDate(dateOnly(get("date"))) : undefined;
    if (get("date") && !date) return { ok: false, message: `${where("date")}: expected a date such as 2026-11-20; got "${get("date")}"` };
    items.push({
      line: i + 1,
      account: idText(get("account")),
      amount,
      reference: get("reference"),
      reason: get("reason") || "returned",
      ...(date ? { date } : {}),
    });
  }
  return { ok: true, items };
}
