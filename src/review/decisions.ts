import type { EditCode, MeterRead } from "../engine";
import { cellDecimal, idText } from "../workbook/cells";
import type { CellValue, SheetValues } from "../workbook/port";
import { locateTable } from "../workbook/table";

/** What the specialist decided about an edit (or, for "*", about the whole read). */
export type DecisionKind = "approved" | "estimated" | "reread" | "exchange";

export interface Decision {
  /** account|meter|code|current read: stable when rows are sorted or inserted. */
  readonly key: string;
  readonly kind: DecisionKind;
  readonly account: string;
  readonly meter: string;
  readonly code: EditCode | "*";
  readonly reason: string;
  /** ISO date-time the decision was made. */
  readonly at: string;
  /** For an estimate: the estimated usage. */
  readonly estimate?: string;
}

export function decisionKey(read: Pick<MeterRead, "account" | "meter" | "current">, code: EditCode | "*"): string {
  return `${read.account}|${read.meter}|${code}|${read.current?.toString() ?? ""}`;
}

/** The decision that resolves an edit: one made for the edit itself, or for the whole read. */
export function decisionFor(decisions: ReadonlyMap<string, Decision>, read: MeterRead, code: EditCode | "*"): Decision | undefined {
  return decisions.get(decisionKey(read, code)) ?? decisions.get(decisionKey(read, "*"));
}

export const LABELS: Record<DecisionKind, string> = {
  approved: "approved",
  estimated: "estimated",
  reread: "re-read requested",
  exchange: "exchange recorded",
};

/** The Review Log sheet: every decision, so the workbook can rebuild them. */
export const REVIEW_LOG_SHEET = "Review Log";
export const REVIEW_LOG_HEADER = [
  "When",
  "Account",
  "Meter",
  "Current Read",
  "Edit",
  "Decision",
  "Reason",
  "Estimate",
  "Key",
  "Recorded (UTC)",
];
/** How the When column shows a decision's local date and time. */
export const REVIEW_LOG_WHEN_FORMAT = "yyyy-mm-dd h:mm AM/PM";
/** What the Edit column says for a decision on every edit of a read (its code is "*"). */
export const WHOLE_READ = "All edits on this read";

/**
 * An instant as an Excel date-time serial in this computer's time zone: Excel's date-times carry
 * no zone, and a specialist reads the log in the office's own time. The exact instant stays in the
 * Recorded (UTC) column.
 */
export function localSerial(iso: string, timeZone?: string): number | string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const parts = new Map(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
      .formatToParts(t)
      .map((p) => [p.type, Number(p.value)]),
  );
  const at = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? 0;
  const local = Date.UTC(at("year"), at("month") - 1, at("day"), at("hour"), at("minute"), at("second"));
  return (local - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The Review Log's rows, oldest decision first, in words a specialist reads. */
export function reviewLogRows(decisions: readonly Decision[], when: (iso: string) => CellValue = localSerial): CellValue[][] {
  const sorted = [...decisions].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.key.localeCompare(b.key)));
  return [
    REVIEW_LOG_HEADER,
    ...sorted.map((d) => [
      when(d.at),
      d.account,
      d.meter,
      d.key.split("|")[3] || null,
      d.code === "*" ? WHOLE_READ : d.code,
      LABELS[d.kind],
      d.reason,
      d.estimate === undefined ? null : Number(d.estimate),
      d.key,
      d.at,
    ]),
  ];
}

const KINDS: readonly DecisionKind[] = ["approved", "estimated", "reread", "exchange"];

/** Reads decisions back from a Review Log sheet; rows it cannot read are skipped and named. */
export function parseReviewLog(data: SheetValues): { decisions: Decision[]; problems: string[] } {
  const found = locateTable(data, [
    { field: "key", label: "Key", synonyms: [], required: true },
    { field: "kind", label: "Decision", synonyms: [], required: true },
    { field: "when", label: "When", synonyms: [], required: true },
    { field: "recorded", label: "Recorded (UTC)", synonyms: [] },
    { field: "reason", label: "Reason", synonyms: [] },
    { field: "estimate", label: "Estimate", synonyms: [] },
  ] as const);
  if (!found.ok) return { decisions: [], problems: [found.message] };
  const { columns, firstValueRow } = found.table;
  const decisions: Decision[] = [];
  const problems: string[] = [];
  for (let i = firstValueRow; i < data.values.length; i++) {
    const row = data.values[i];
    const get = (c: number | undefined) => (c === undefined ? null : row[c - data.left]);
    const key = idText(get(columns.key));
    const shownKind = idText(get(columns.kind));
    // The words the log shows ("re-read requested"), or the kind an earlier log wrote ("reread").
    const kind = (KINDS.find((k) => LABELS[k] === shownKind.toLowerCase()) ?? shownKind) as DecisionKind;
    if (!key) continue;
    const [account, meter, code] = key.split("|");
    if (!KINDS.includes(kind) || code === undefined) {
      problems.push(`${data.sheet} row ${data.top + i + 1}: cannot read this decision`);
      continue;
    }
    const estimate = cellDecimal(get(columns.estimate), data.culture);
    decisions.push({
      key,
      kind,
      account,
      meter,
      code: code as EditCode | "*",
      reason: idText(get(columns.reason)),
      // The exact instant; a log from before the Recorded (UTC) column kept it in When.
      at: idText(get(columns.recorded)) || idText(get(columns.when)),
      estimate: estimate?.toString(),
    });
  }
  return { decisions, problems };
}
