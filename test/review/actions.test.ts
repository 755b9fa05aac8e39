import { dec, DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { estimateForRead, makeDecision, recordExchange, requestReread, writeEstimate, writeReviewLog } from "../../src/review/actions";
import { runReview } from "../../src/review/runReview";
import { sampleReadsWorkbook } from "../../src/samples/sampleReads";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { previewCycle } from "../../src/cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { loadSchedule } from "../support/samples";

async function reviewed(workbook = new MemoryWorkbook(sampleReadsWorkbook())) {
  const outcome = await runReview(workbook, { settings: DEFAULT_READ_EDIT_SETTINGS });
  if (!outcome.ok) throw new Error(outcome.message);
  return { workbook, result: outcome.result };
}

describe("review actions", () => {
  it("estimates a skipped read from the account's history and writes it beside the reads", async () => {
    const { workbook, result } = await reviewed();
    const item = result.items.find((i) => i.code === "NO_READ")!;
    const read = result.readRows.get(item.row)!;
    const estimate = estimateForRead(read, result.history.get(read.account));
    expect(estimate.ok && estimate.value.toString()).toBe("5837");
    const column = await writeEstimate(workbook, result, item.row, estimate.ok ? estimate.value : dec(0));
    const sheet = workbook.sheet("Reads")!;
    expect([sheet.values[result.headerRow][column], sheet.values[item.row][column]]).toEqual(["UB Estimate", 5837]);
    expect(sheet.values[item.row][8]).toBeNull();
  });

  it("keeps the estimate column on the next validation and shows the decision", async () => {
    const { workbook, result } = await reviewed();
    const item = result.items.find((i) => i.code === "NO_READ")!;
    const read = result.readRows.get(item.row)!;
    await writeEstimate(workbook, result, item.row, dec(5870));
    const decision = makeDecision(read, item, "estimated", "reader skipped: dog", "2026-11-26T09:00:00Z", dec(5870));
    const again = await runReview(workbook, { settings: DEFAULT_READ_EDIT_SETTINGS, decisions: [decision] });
    expect(again.ok && again.result.columns.estimate).toBe(19);
    expect(workbook.sheet("Reads")!.values[item.row][17]).toBe("NO_READ(estimated)");
    expect(workbook.sheet("Reads")!.values[item.row][19]).toBe(5870);
  });

  it("says why an estimate is impossible without history", async () => {
    const r = estimateForRead({ row: 1, account: "1", meter: "M", previous: dec(1), current: null }, undefined);
    expect(!r.ok && r.problem.message).toBe("account 1 has no usage history with days to estimate from");
  });

  it("sends a re-read to the Work Orders sheet, numbering after the last", async () => {
    const { workbook, result } = await reviewed();
    const read = result.readRows.get(result.items.find((i) => i.code === "VERY_HIGH_USAGE")!.row)!;
    const first = await requestReread(workbook, read, "VERY_HIGH_USAGE: please check", "2026-11-26");
    const second = await requestReread(workbook, read, "again", "2026-11-27");
    expect([first.id, second.id]).toEqual(["WO-000001", "WO-000002"]);
    expect(workbook.sheet("Work Orders")!.values[1]).toEqual([
      "WO-000001",
      "Re-read",
      "100103",
      "M100103",
      "203 N Lincoln Ave",
      "VERY_HIGH_USAGE: please check",
      "2026-11-26",
      "Open",
    ]);
  });

  it("records a meter exchange with the old and the new meter, a done work order at the service address, and bills both meters", async () => {
    const { workbook } = await reviewed();
    await recordExchange(
      workbook,
      {
        account: "100118",
        oldMeter: "M100118",
        oldFinal: dec(12000),
        newMeter: "M900118",
        newSize: "3/4",
        newDials: 6,
        newSet: dec(11000),
        date: "2026-10-15",
        recorded: "2026-11-26T09:00:00Z",
      },
      "218 N Hayes Ave",
    );
    expect(workbook.sheet("Meter Exchanges")!.values[1]).toEqual([
      "100118",
      "M100118",
      12000,
      "M900118",
      11000,
      "3/4",
      6,
      "2026-10-15",
      "2026-11-26T09:00:00Z",
    ]);
    expect(workbook.sheet("Work Orders")!.values[1]).toEqual([
      "WO-000001",
      "Meter exchange",
      "100118",
      "M100118",
      "218 N Hayes Ave",
      'meter M100118 (final read 12000) exchanged for M900118 (3/4", 6 dials), set read 11000',
      "2026-10-15",
      "Completed 2026-10-15",
    ]);
    const again = await runReview(workbook, { settings: DEFAULT_READ_EDIT_SETTINGS });
    const codes = again.ok ? again.result.items.filter((i) => i.account === "100118").map((i) => i.code) : [];
    expect(codes).toEqual(["METER_EXCHANGE"]);
    const preview = await previewCycle(workbook, {
      schedule: loadSchedule("chubbuck"),
      settings: DEFAULT_CYCLE_SETTINGS,
      readEdits: DEFAULT_READ_EDIT_SETTINGS,
    });
    if (!preview.ok) throw new Error(preview.message);
    const bill = preview.result.statements.find((s) => s.account.account === "100118")!;
    expect(bill.reading!.meters[0].legs!.map((l) => [l.meter, l.from.toString(), l.to.toString(), l.usage.toString()])).toEqual([
      ["M100118", "9000", "12000", "3000"],
      ["M900118", "11000", "15000", "4000"],
    ]);
    expect([bill.decision.code, bill.decision.usage!.toString()]).toEqual(["ACTUAL_READ", "7000"]);
  });

  it("makes an exchange answer the edit it was made on only, so the next validation's edits stay open", async () => {
    const { result } = await reviewed();
    const item = result.items.find((i) => i.account === "100118" && i.code === "METER_MISMATCH")!;
    const read = result.readRows.get(item.row)!;
    expect(makeDecision(read, item, "exchange", "", "2026-11-26T09:00:00Z").code).toBe("METER_MISMATCH");
    expect(makeDecision(read, item, "reread", "", "2026-11-26T09:00:00Z").code).toBe("*");
  });

  it("writes decisions to the Review Log and reads them back on the next validation", async () => {
    const { workbook, result } = await reviewed();
    const item = result.items.find((i) => i.code === "CYCLE_LENGTH")!;
    const decision = makeDecision(result.readRows.get(item.row)!, item, "approved", "read late, route reassigned", "2026-11-26T09:00:00Z");
    await writeReviewLog(workbook, [decision]);
    const again = await runReview(workbook, { settings: DEFAULT_READ_EDIT_SETTINGS });
    expect(again.ok && again.result.items.find((i) => i.code === "CYCLE_LENGTH")!.decision?.reason).toBe("read late, route reassigned");
    expect(again.ok && again.result.sheets.log).toBe("Review Log");
  });
});
