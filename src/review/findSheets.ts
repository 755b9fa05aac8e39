import { ACCOUNT_COLUMNS, HISTORY_COLUMNS } from "../workbook/contextSheets";
import type { SheetValues } from "../workbook/port";
import { READ_COLUMNS } from "../workbook/readsSheet";
import { locateTable } from "../workbook/table";
import { isAddInSheet } from "../workbook/ownSheets";
import { REVIEW_LOG_SHEET } from "./decisions";
import { EXCHANGES_SHEET } from "./exchanges";

export interface ReviewSheets {
  readonly reads?: string;
  readonly accounts?: string;
  readonly history?: string;
  readonly exchanges?: string;
  readonly log?: string;
  /** Every sheet whose header looks like a reads sheet, for the task pane's choice. */
  readonly readsCandidates: string[];
}

/**
 * Recognises the review's sheets by their headers, not their names: reads (Account, Meter,
 * Previous Read, Current Read), Accounts (Account, Status), Usage History (Account, Period,
 * Usage); and the add-in's own Meter Exchanges and Review Log sheets by name. The add-in's own
 * sheets are never taken for input sheets, and a hidden sheet only when no visible one matches.
 */
export function findSheets(allHeads: readonly SheetValues[], preferredReads?: string): ReviewSheets {
  // Visible sheets first: a hidden "Reads (Sept)" before the visible Reads is last month's, kept out of sight.
  const heads = [...allHeads.filter((h) => !h.hidden), ...allHeads.filter((h) => h.hidden)];
  const readsCandidates = heads.filter((h) => locateTable(h, READ_COLUMNS).ok).map((h) => h.sheet);
  const pick = (ok: (h: SheetValues) => boolean, preferred: string) => {
    const matches = heads.filter((h) => !isAddInSheet(h.sheet) && ok(h)).map((h) => h.sheet);
    return matches.find((m) => m.toLowerCase() === preferred.toLowerCase()) ?? matches[0];
  };
  const byName = (name: string) => heads.find((h) => h.sheet.toLowerCase() === name.toLowerCase())?.sheet;
  const reads = preferredReads
    ? readsCandidates.find((c) => c.toLowerCase() === preferredReads.toLowerCase())
    : readsCandidates.find((c) => !isAddInSheet(c));
  return {
    reads,
    readsCandidates,
    accounts: pick((h) => h.sheet !== reads && locateTable(h, ACCOUNT_COLUMNS).ok, "Accounts"),
    history: pick((h) => h.sheet !== reads && locateTable(h, HISTORY_COLUMNS).ok, "Usage History"),
    exchanges: byName(EXCHANGES_SHEET),
    log: byName(REVIEW_LOG_SHEET),
  };
}
