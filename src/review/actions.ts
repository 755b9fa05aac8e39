import { Dec, daysBetween, estimateFromHistory, MeterRead, Result, ok, UsageRecord } from "../engine";
import type { CellBlock, WorkbookPort } from "../workbook/port";
import { OWN_COLUMNS } from "../workbook/readsSheet";
import { Decision, decisionKey, REVIEW_LOG_SHEET, REVIEW_LOG_WHEN_FORMAT, reviewLogRows } from "./decisions";
import { EXCHANGES_SHEET, exchangeRows, parseExchanges, RecordedExchange } from "./exchanges";
import type { ReviewItem, ReviewResult } from "./types";
import { appendWorkOrder, WorkOrder } from "./workOrders";

/** A decision on one edit (or, with code "*", on the whole read), stamped with `at`. */
export function makeDecision(
  read: MeterRead,
  item: ReviewItem | undefined,
  kind: Decision["kind"],
  reason: string,
  at: string,
  estimate?: Dec,
): Decision {
  // An approval or a recorded exchange answers the edit it was made on; an estimate or a re-read is
  // about the whole read. An exchange never resolves an edit its own reads raise on the next validation.
  const code = item && (kind === "approved" || kind === "exchange") ? item.code : "*";
  return { key: decisionKey(read, code), kind, account: read.account, meter: read.meter, code, reason, at, estimate: estimate?.toString() };
}

/** Writes every decision to the Review Log sheet, the workbook's own record of them. */
export async function writeReviewLog(port: WorkbookPort, decisions: readonly Decision[]): Promise<void> {
  await port.replaceSheet(REVIEW_LOG_SHEET, reviewLogRows(decisions), {
    headerRows: 1,
    columnWidths: [19, 12, 12, 12, 22, 18, 40, 10, 30, 24],
    columnFormats: [REVIEW_LOG_WHEN_FORMAT],
  });
}

/**
 * An estimate for a read from the account's history, by the same rule the cycle estimates an
 * unread meter with (engine estimateFromHistory: daily average x days), for the read's own period
 * length (30 days when the read dates are missing).
 */
export function estimateForRead(read: MeterRead, history: readonly UsageRecord[] | undefined): Result<Dec> {
  const days =
    read.previousDate && read.currentDate && daysBetween(read.previousDate, read.currentDate) > 0
      ? daysBetween(read.previousDate, read.currentDate)
      : 30;
  const estimate = estimateFromHistory(read.account, history, read.currentDate ?? "9999-12-31", days);
  return estimate.ok ? ok(estimate.value.usage) : estimate;
}

/** Writes an estimate into the add-in's UB Estimate column, beside the reads and never over one. */
export async function writeEstimate(port: WorkbookPort, result: ReviewResult, row: number, estimate: Dec): Promise<number> {
  const column = result.columns.estimate ?? Math.max(result.columns.codes, result.columns.messages) + 1;
  const blocks: CellBlock[] = [{ top: row, left: column, rows: [[estimate.toNumber()]] }];
  if (result.columns.estimate === undefined) blocks.unshift({ top: result.headerRow, left: column, rows: [[OWN_COLUMNS.estimate]] });
  await port.applyFlags(result.sheet, { blocks });
  return column;
}

/** Sends a read for a re-read: a work order on the Work Orders sheet, at the read's service address. */
export async function requestReread(
  port: WorkbookPort,
  read: MeterRead,
  reason: string,
  requested: string,
  serviceAddress = read.address ?? "",
): Promise<WorkOrder> {
  return appendWorkOrder(port, {
    type: "Re-read",
    account: read.account,
    meter: read.meter,
    address: serviceAddress,
    reason,
    requested,
  });
}

/**
 * Records a meter exchange on the Meter Exchanges sheet (the next validation bills both meters:
 * the old one to its final read, the new one from its set read) and its work order, already done
 * in the field, at the service address.
 */
export async function recordExchange(port: WorkbookPort, exchange: RecordedExchange, serviceAddress: string): Promise<WorkOrder> {
  const existing = await port.readSheet(EXCHANGES_SHEET);
  const all = [...(existing ? parseExchanges(existing).exchanges : []), exchange];
  await port.replaceSheet(EXCHANGES_SHEET, exchangeRows(all), { headerRows: 1, columnWidths: [12, 12, 18, 12, 18, 14, 14, 14, 22] });
  const when = exchange.date || exchange.recorded.slice(0, 10);
  const newMeter = [exchange.newSize ? `${exchange.newSize}"` : "", exchange.newDials ? `${exchange.newDials} dials` : ""]
    .filter(Boolean)
    .join(", ");
  return appendWorkOrder(
    port,
    {
      type: "Meter exchange",
      account: exchange.account,
      meter: exchange.oldMeter,
      address: serviceAddress,
      reason: `meter ${exchange.oldMeter} (final read ${exchange.oldFinal}) exchanged for ${exchange.newMeter}${newMeter ? ` (${newMeter})` : ""}, set read ${exchange.newSet}`,
      requested: when,
    },
    `Completed ${when}`,
  );
}
