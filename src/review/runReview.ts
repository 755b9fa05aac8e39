import {
  AccountRecord,
  DecisionPolicy,
  detectReadEdits,
  groupBy,
  EDIT_CODES,
  EDITS,
  MeterRead,
  POCATELLO_POLICY,
  ReadEdit,
  ReadEditSettings,
  UsageHistory,
  usageHistoryOf,
} from "../engine";
import { ACCOUNT_CHANGES_SHEET, accountsAsOf, parseAccountChanges } from "../accounts/accountChanges";
import { parseAccountsSheet, parseHistorySheet } from "../workbook/contextSheets";
import { Cancelled, CellValue, SheetValues, WorkbookPort } from "../workbook/port";
import { OWN_COLUMNS, parseReadsSheet, READ_COLUMNS, ReadColumn, ReadsTable } from "../workbook/readsSheet";
import { locateTable } from "../workbook/table";
import { Decision, decisionFor, parseReviewLog } from "./decisions";
import { parseExchanges, RecordedExchange } from "./exchanges";
import { findSheets } from "./findSheets";
import { reviewStanding } from "./standing";
import { codeFillRuns, FIELD_COLUMNS, highlightsFor, notesFor, ownColumnRows } from "./flags";
import type { CodeCount, ReviewItem, ReviewResult } from "./types";
import { fingerprint } from "../cycle/fingerprint";

export interface ReviewOptions {
  readonly readsSheet?: string;
  readonly settings: ReadEditSettings;
  /** How billing decides unread meters and vacant accounts (for the held count); Pocatello's by default. */
  readonly policy?: DecisionPolicy;
  /** Count what billing will do (default true); the cycle, which decides every account itself, skips it. */
  readonly standing?: boolean;
  /** Decisions kept on this computer; merged with the workbook's Review Log sheet. */
  readonly decisions?: readonly Decision[];
  /** Write the flags into the workbook (default true). */
  readonly write?: boolean;
  /** Keep what the cycle would otherwise read again (ReviewResult.shared). */
  readonly forCycle?: boolean;
  /**
   * The usage history when it is being read elsewhere already (`ubill cycle` reads it on a second
   * thread): given the history sheet's name, what parseHistorySheet made of it, or undefined to
   * read it here.
   */
  readonly historyRead?: (sheet: string) => Promise<HistoryParse | undefined>;
  readonly progress?: (phase: string, done: number, total: number) => void;
  readonly cancelled?: () => boolean;
}

/** What parseHistorySheet makes of a history sheet. */
export type HistoryParse = ReturnType<typeof parseHistorySheet>;

export type ReviewOutcome = { ok: true; result: ReviewResult } | { ok: false; message: string };

/**
 * Validates a reads sheet and flags it: finds the sheets by their headers, reads them in
 * blocks, runs every read edit, applies the decisions already made, then writes the add-in's
 * own columns (codes and messages), colours the offending cells through highlights it owns, and
 * adds notes where the host has them. Input cells are never written. Cancelling stops before
 * anything is written.
 */
export async function runReview(port: WorkbookPort, options: ReviewOptions): Promise<ReviewOutcome> {
  const step = (phase: string) => (done: number, total: number) => options.progress?.(phase, done, total);
  const check = () => {
    if (options.cancelled?.()) throw new Cancelled();
  };
  step("Finding sheets")(0, 1);
  const heads = await port.readHeads(50);
  const sheets = findSheets(heads, options.readsSheet);
  if (!sheets.reads) return { ok: false, message: noReadsMessage(heads, options.readsSheet) };
  check();
  const data = await port.readSheet(sheets.reads, { progress: step("Reading reads"), cancelled: options.cancelled });
  if (!data) return { ok: false, message: `There is no sheet named "${sheets.reads}".` };
  const parsed = parseReadsSheet(data);
  if (!parsed.ok) return parsed;
  const table = parsed.table;

  const contextProblems: string[] = [];
  const readsFingerprint = options.forCycle ? fingerprint(data.values) : "";
  let accountsData: SheetValues | undefined;
  const readContext = async <T>(
    name: string | undefined,
    phase: string,
    parse: (d: NonNullable<Awaited<ReturnType<WorkbookPort["readSheet"]>>>) => { records: T[]; problems: string[] },
  ) => {
    if (!name) return undefined;
    check();
    const sheet = await port.readSheet(name, { progress: step(phase), cancelled: options.cancelled });
    if (!sheet) return undefined;
    if (options.forCycle && name === sheets.accounts) accountsData = sheet;
    const read = parse(sheet);
    contextProblems.push(...read.problems);
    return read.records;
  };
  // A context sheet found by its header but unusable stops the review: validating without it would
  // silently drop every edit that needs it.
  let unusable: string | undefined;
  const okOr = <T>(r: { ok: true; value: { records: T[]; problems: string[] } } | { ok: false; message: string }) => {
    if (!r.ok) unusable ??= r.message;
    return r.ok ? r.value : { records: [] as T[], problems: [] };
  };
  // Each account as the Account Changes sheet makes it on the reads' last date (a corrected
  // multiplier, a close): the review checks reads against the account the cycle will bill (ADR 0011).
  const changes = sheets.accounts ? parseAccountChanges(await port.readSheet(ACCOUNT_CHANGES_SHEET)) : undefined;
  contextProblems.push(...(changes?.problems ?? []));
  const readsDate = table.reads.reduce<string | undefined>(
    (d, r) => (r.currentDate && (!d || r.currentDate > d) ? r.currentDate : d),
    undefined,
  );
  const accounts = await readContext<AccountRecord>(sheets.accounts, "Reading accounts", (d) =>
    okOr(parseAccountsSheet(changes?.changes.length ? accountsAsOf(d, changes.changes, readsDate ?? "9999-12-31") : d)),
  );
  // The history is read into columns (one UsageHistory), not a record per row.
  const asRecords = (r: HistoryParse) => okOr(r.ok ? { ok: true, value: { records: [r.value.history], problems: r.value.problems } } : r);
  const ahead = sheets.history && options.historyRead ? await options.historyRead(sheets.history) : undefined;
  let history: UsageHistory | undefined;
  if (ahead) {
    const read = asRecords(ahead);
    contextProblems.push(...read.problems);
    history = read.records[0];
  } else history = (await readContext<UsageHistory>(sheets.history, "Reading usage history", (d) => asRecords(parseHistorySheet(d))))?.[0];
  if (unusable) return { ok: false, message: unusable };
  const exchanges = await readContext(sheets.exchanges, "Reading meter exchanges", (d) => {
    const r = parseExchanges(d);
    return { records: r.exchanges, problems: r.problems };
  });
  const logged = await readContext(sheets.log, "Reading the review log", (d) => {
    const r = parseReviewLog(d);
    return { records: r.decisions, problems: r.problems };
  });

  step("Checking reads")(0, table.reads.length);
  const accountsById = accounts && new Map(accounts.map((a) => [a.account, a]));
  const reads = attachExchanges(table.reads, exchanges ?? [], accountsById);
  const historyByAccount = history;
  const reviewed = detectReadEdits(reads, { accounts: accountsById, history: historyByAccount }, options.settings);
  const decisions = mergeDecisions([...(logged ?? []), ...(options.decisions ?? [])]);
  const items = toItems(
    reviewed.map((r) => ({ read: r.read, edits: r.edits })),
    table,
    decisions,
  );
  step("Checking reads")(table.reads.length, table.reads.length);

  const firstRow = table.located.headerRow + 1;
  const endRow = Math.max(table.endRow, firstRow);
  const estimates = new Map<number, number>();
  for (const read of reads) {
    const d = decisionFor(decisions, read, "*");
    if (d?.kind === "estimated" && d.estimate !== undefined) estimates.set(read.row, Number(d.estimate));
  }
  const itemsByRow = groupBy(items, (i) => i.row);

  const next = data.left + data.values.reduce((w, r) => Math.max(w, r.length), 0);
  const codes = table.own.codes ?? next;
  const messages = table.own.messages ?? Math.max(codes + 1, next + (table.own.codes === undefined ? 1 : 0));
  const wantEstimate = estimates.size > 0 || table.own.estimate !== undefined;
  const estimate = wantEstimate ? (table.own.estimate ?? Math.max(codes, messages) + 1) : undefined;
  let notes = { supported: false, written: 0, skipped: 0 };
  check();
  if (options.write !== false) {
    const columns = [codes, messages, ...(estimate === undefined ? [] : [estimate])];
    const labels = [OWN_COLUMNS.codes, OWN_COLUMNS.messages, OWN_COLUMNS.estimate];
    const body = ownColumnRows(itemsByRow, estimates, firstRow, endRow, estimate !== undefined);
    const adjacent = columns.every((c, i) => c === columns[0] + i);
    const withHeader = [labels.slice(0, columns.length), ...body];
    const blocks = adjacent
      ? [{ top: table.located.headerRow, left: columns[0], rows: withHeader }]
      : columns.map((left, i) => ({ top: table.located.headerRow, left, rows: withHeader.map((r) => [r[i]] as CellValue[]) }));
    const applied = await port.applyFlags(
      data.sheet,
      {
        blocks,
        fills: codeFillRuns(itemsByRow, codes, firstRow, endRow),
        highlights: highlightsFor(table.located.columns, codes, firstRow, endRow, options.settings),
        notes: notesFor(items),
      },
      step("Writing flags"),
    );
    notes = applied.notes;
  }

  const readRows = new Map(reads.map((r) => [r.row, r]));
  const usage = new Map(reviewed.map((r) => [r.read.row, r.usage]));
  const historyMap = historyByAccount ?? usageHistoryOf([]);
  return {
    ok: true,
    result: {
      sheet: data.sheet,
      shared: options.forCycle ? { readsFingerprint, accountsData } : undefined,
      headerRow: table.located.headerRow,
      reads: table.reads.length,
      blankRows: table.blankRows,
      items,
      counts: countByCode(items),
      standing:
        options.standing === false
          ? null
          : reviewStanding(
              { readRows, usage, decisions, accounts: accountsById, history: historyMap },
              items,
              options.policy ?? POCATELLO_POLICY,
            ),
      disabled: [
        ...EDIT_CODES.filter((c) => (EDITS[c].needs === "accounts" && !accounts) || (EDITS[c].needs === "history" && !history)).map(
          (code) => ({
            code,
            reason:
              EDITS[code].needs === "accounts"
                ? "no Accounts sheet (columns Account and Status)"
                : "no Usage History sheet (columns Account, Period and Usage)",
          }),
        ),
        // A column the edit reads that the reads sheet lacks (a merged header cell hides one): said, never silently skipped.
        ...EDIT_CODES.flatMap((code) => {
          const missing = (EDITS[code].columns ?? []).filter((f) => table.located.columns[f as ReadColumn] === undefined);
          return missing.length
            ? [
                {
                  code,
                  reason: `no ${missing.map((f) => READ_COLUMNS.find((c) => c.field === f)?.label ?? f).join(" or ")} column on ${data.sheet}`,
                },
              ]
            : [];
        }),
      ],
      contextProblems,
      sheets: { accounts: sheets.accounts, history: sheets.history, exchanges: sheets.exchanges, log: sheets.log },
      columns: { codes, messages, estimate },
      notes,
      readRows,
      usage,
      // The cycle keeps its own Accounts sheet: a second copy of every account would only cost memory.
      accounts: options.standing === false ? undefined : accountsById,
      decisions,
      history: historyMap,
    },
  };
}

function noReadsMessage(heads: readonly { sheet: string; top: number; left: number; values: CellValue[][] }[], preferred?: string): string {
  const expected = READ_COLUMNS.filter((c) => c.required)
    .map((c) => c.label)
    .join(", ");
  const chosen = preferred ? heads.find((h) => h.sheet.toLowerCase() === preferred.toLowerCase()) : undefined;
  if (preferred && !chosen) return `There is no sheet named "${preferred}".`;
  if (chosen) {
    const found = locateTable(chosen, READ_COLUMNS);
    return found.ok ? "" : found.message;
  }
  return `No sheet has a reads header (${expected}). ${heads
    .map((h) => {
      const f = locateTable(h, READ_COLUMNS);
      return f.ok ? "" : f.message;
    })
    .filter(Boolean)
    .join(". ")}`;
}

/**
 * Attaches each exchange recorded in the Review view to the read of its meter (old or new); the
 * old meter is the one recorded, else the account's when the read is of another meter.
 */
function attachExchanges(
  reads: readonly MeterRead[],
  exchanges: readonly RecordedExchange[],
  accounts: ReadonlyMap<string, AccountRecord> | undefined,
): MeterRead[] {
  const byAccount = groupBy(exchanges, (x) => x.account);
  return reads.map((read) => {
    if (read.exchange) {
      const old = accounts?.get(read.account)?.meter;
      return read.exchange.oldMeter || !old || old === (read.exchange.newMeter || read.meter)
        ? read
        : { ...read, exchange: { ...read.exchange, oldMeter: old } };
    }
    const e = byAccount.get(read.account)?.find((x) => x.oldMeter === read.meter || x.newMeter === read.meter);
    return e
      ? { ...read, exchange: { oldMeter: e.oldMeter, oldFinal: e.oldFinal, newSet: e.newSet, newMeter: e.newMeter, newDials: e.newDials } }
      : read;
  });
}

function mergeDecisions(decisions: readonly Decision[]): Map<string, Decision> {
  const map = new Map<string, Decision>();
  for (const d of decisions) {
    const prior = map.get(d.key);
    if (!prior || prior.at <= d.at) map.set(d.key, d);
  }
  return map;
}

function toItems(
  reviewed: readonly { read: MeterRead; edits: readonly ReadEdit[] }[],
  table: ReadsTable,
  decisions: ReadonlyMap<string, Decision>,
): ReviewItem[] {
  const problemsByRow = groupBy(table.problems, (p) => p.edit.row);
  const items: ReviewItem[] = [];
  const columnOf = (edit: ReadEdit) =>
    FIELD_COLUMNS[edit.field].map((f) => table.located.columns[f]).find((c) => c !== undefined) ?? table.located.columns.current!;
  for (const { read, edits } of reviewed) {
    const problems = problemsByRow.get(read.row) ?? [];
    const badRead = problems.some((p) => p.edit.field === "current" || p.edit.field === "previous");
    const all = [...problems, ...edits.filter((e) => !(badRead && e.code === "NO_READ")).map((edit) => ({ edit, column: columnOf(edit) }))];
    for (const { edit, column } of all) {
      items.push({
        row: edit.row,
        column,
        account: edit.account,
        meter: edit.meter,
        address: read.address,
        code: edit.code,
        severity: edit.severity,
        field: edit.field,
        message: edit.message,
        decision: decisionFor(decisions, read, edit.code),
      });
    }
  }
  return items;
}

/** Open and resolved edits by code, in catalog order. */
export function countByCode(items: readonly ReviewItem[]): CodeCount[] {
  const counts = new Map<string, { code: ReviewItem["code"]; severity: ReviewItem["severity"]; open: number; resolved: number }>();
  for (const item of items) {
    const c = counts.get(item.code) ?? { code: item.code, severity: item.severity, open: 0, resolved: 0 };
    if (item.decision) c.resolved++;
    else c.open++;
    counts.set(item.code, c);
  }
  return EDIT_CODES.map((code) => counts.get(code)).filter((c): c is CodeCount => c !== undefined);
}
