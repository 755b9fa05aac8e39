import { moneyText, postBatch, PostedBatch } from "../../engine";
import { accountsForBatch, CounterData, postedPayments, withPostedBatch } from "../../payments/counterData";
import { PostedRows, postToSheet } from "../../payments/postToSheet";
import { closedDays } from "../../payments/closeDay";
import { rememberLayout } from "../../payments/importLayouts";
import type { UbDatabase } from "../../storage/db";
import type { WorkbookPort } from "../../workbook/port";
import { BatchDraft, batchOf, confirmedLines } from "./batchForm";

export type PostOutcome =
  { ok: true; batch: PostedBatch; rows: PostedRows; data: CounterData; summary: string } | { ok: false; message: string };

/**
 * Posts a keyed batch: the engine's postBatch decides (balanced, no refused line, every question
 * answered yes); nothing is written when it refuses. A posted batch goes to the Payments sheet
 * (postToSheet) and into the audit log, and the counter's data takes its payments. A batch dated on
 * a closed day is refused, as `ubill post` refuses it; a column mapping given for an imported file
 * is remembered once the batch is posted.
 */
export async function postDraft(
  draft: BatchDraft,
  data: CounterData,
  services: { workbook: WorkbookPort; db: UbDatabase; now: () => string },
): Promise<PostOutcome> {
  if (data.batchIds.has(draft.id))
    return { ok: false, message: `Batch ${draft.id} is on the Payments sheet already: a posted batch is never posted again` };
  const closed = (await closedDays(services.workbook)).get(draft.date);
  if (closed)
    return {
      ok: false,
      message: `The day ${draft.date} was closed at ${closed.closedAt} UTC; no more batches post to it: post this one under the day it is posted`,
    };
  const result = postBatch(
    batchOf(draft),
    accountsForBatch(
      data,
      draft.lines.map((l) => l.account),
    ),
    postedPayments(data),
    confirmedLines(draft),
  );
  if (!result.ok) return { ok: false, message: result.problem.message };
  const batch = result.value;
  const rows = await postToSheet(services.workbook, batch);
  // The mapping given for this file's header: the next file with that header imports without asking.
  if (draft.mapping) await rememberLayout(services.workbook, draft.mapping.header, draft.mapping.mapping);
  const count = batch.lines.length;
  const summary = `${count} payment${count === 1 ? "" : "s"}, ${moneyText(batch.total)}, ${batch.channel}, dated ${batch.date}: ${rows.sheet} rows ${rows.firstRow}-${rows.lastRow}`;
  await services.db.transaction("rw", services.db.audit, async () => {
    await services.db.audit.add({ at: services.now(), action: "payments.posted", subject: batch.id, detail: summary });
  });
  return { ok: true, batch, rows, data: withPostedBatch(data, batch), summary };
}
