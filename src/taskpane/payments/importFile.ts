import { moneyText, parseAchReturns } from "../../engine";
import { isAchFile } from "../../payments/postFile";
import type { IsoDate, PaymentChannel } from "../../engine";
import { BatchField, ColumnMapping, FileLine, readBatchFile, readReturnedItems } from "../../payments/batchFile";
import type { ReturnDone, ReturnRequest } from "../../payments/returns";

/** What a file brought to the Payments view: a batch's payments, a layout to map, returns to confirm, or why not. */
export type FileImport =
  | {
      readonly kind: "batch";
      readonly file: string;
      readonly layout: string;
      readonly channel?: PaymentChannel;
      /** The file's one date, when it dates its payments. */
      readonly date?: IsoDate;
      readonly lines: readonly FileLine[];
      readonly header: readonly string[];
      /** Columns not read that hold what looks like a card number (nothing of them is kept). */
      readonly warnings: readonly string[];
      /** The mapping the specialist gave, remembered when the batch posts. */
      readonly mapping?: ColumnMapping;
    }
  | { readonly kind: "mapping"; readonly file: string; readonly text: string; readonly header: readonly string[]; readonly message: string }
  | {
      readonly kind: "returns";
      readonly file: string;
      readonly source: "ACH returns" | "returned items";
      /** Returns without their own date take the day the specialist posts them. */
      readonly requests: readonly Omit<ReturnRequest, "returnedOn">[];
      readonly dates: readonly (IsoDate | undefined)[];
      /** ACH reasons that end the autopay enrolment, by request. */
      readonly endsAutopay: readonly boolean[];
    }
  | { readonly kind: "refused"; readonly message: string };

/**
 * Reads a file chosen at the counter the way `ubill post` does (src/payments/postFile.ts): an ACH
 * return file, a returned-item report, or a payment batch in a known, remembered or given layout.
 * Nothing is written here; every parse is the headless side's own.
 */
export function readPaymentFile(
  file: string,
  text: string,
  remembered: ReadonlyMap<string, ColumnMapping>,
  given?: ColumnMapping,
): FileImport {
  if (!given && isAchFile(text)) {
    const returns = parseAchReturns(text);
    if (!returns.ok) return { kind: "refused", message: `${file} ${returns.problem.message}` };
    if (returns.value.length === 0) return { kind: "refused", message: `${file}: an ACH file with no return entries; nothing to return` };
    return {
      kind: "returns",
      file,
      source: "ACH returns",
      requests: returns.value.map((r) => ({
        kind: "draft" as const,
        account: r.account,
        reference: "",
        amount: r.amount,
        reason: `${r.reason} ${r.reasonText}`,
        where: `${file} line ${r.line}`,
      })),
      dates: returns.value.map(() => undefined),
      endsAutopay: returns.value.map((r) => r.endsAutopay),
    };
  }
  const items = given ? undefined : readReturnedItems(file, text);
  if (items && !items.ok) return { kind: "refused", message: items.message };
  if (items) {
    if (items.items.length === 0) return { kind: "refused", message: `${file}: a returned-item report with no items; nothing to return` };
    return {
      kind: "returns",
      file,
      source: "returned items",
      requests: items.items.map((i) => ({
        kind: "check" as const,
        account: i.account,
        reference: i.reference,
        amount: i.amount,
        reason: i.reason,
        where: `${file} line ${i.line}`,
      })),
      dates: items.items.map((i) => i.date),
      endsAutopay: items.items.map(() => false),
    };
  }
  const read = readBatchFile(file, text, { given, remembered });
  if (!read.ok) {
    const unknown = read.header !== undefined && /is not a layout this product reads/.test(read.message);
    return unknown && read.header
      ? { kind: "mapping", file, text, header: read.header, message: read.message }
      : { kind: "refused", message: read.message };
  }
  const dates = [...new Set(read.lines.flatMap((l) => (l.date ? [l.date] : [])))].sort();
  if (dates.length > 1)
    return { kind: "refused", message: `${file}: payments dated ${dates.join(", ")}; a batch is one day's: split the file by date` };
  return {
    kind: "batch",
    file,
    layout: read.layout,
    ...(read.channel ? { channel: read.channel } : {}),
    ...(dates.length === 1 ? { date: dates[0] } : {}),
    lines: read.lines,
    header: read.header,
    warnings: read.warnings,
    ...(given ? { mapping: given } : {}),
  };
}

/** The fields the mapping form asks for, in order; only Account and Amount are needed. */
export const MAPPED_FIELDS: readonly { readonly field: BatchField; readonly label: string; readonly required: boolean }[] = [
  { field: "account", label: "Account", required: true },
  { field: "amount", label: "Amount", required: true },
  { field: "reference", label: "Reference", required: false },
  { field: "date", label: "Date", required: false },
];

/** A mapping from the form's choices (field -> header; "" is not chosen), or why it is not one yet. */
export function mappingOf(chosen: ReadonlyMap<BatchField, string>): ColumnMapping | string {
  const mapping = new Map<BatchField, string>();
  for (const { field } of MAPPED_FIELDS) {
    const column = chosen.get(field) ?? "";
    if (column) mapping.set(field, column);
  }
  if (!mapping.has("account") || !mapping.has("amount")) return "choose the file's columns for Account and Amount";
  const columns = [...mapping.values()];
  if (new Set(columns).size !== columns.length) return "each column can be chosen for one field only";
  return mapping;
}

/** One line per return done: what it reversed, the fee, and what follows for the account. */
export function returnLines(done: readonly ReturnDone[], endsAutopay: readonly boolean[] = []): string[] {
  return done.map(
    (d, i) =>
      `${d.account}: ${moneyText(d.amount)} reverses ${d.reverses} (${d.reason}); fee ${moneyText(d.fee)} and the returned-payment letter on the next bill run${d.cashOnly ? `; cash only from now (${d.returnsInWindow} returned in 12 months)` : ""}${d.startCollection ? "; closed account: to collection" : ""}${endsAutopay[i] ? "; ends autopay" : ""}`,
  );
}
