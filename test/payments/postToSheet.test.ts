import fc from "fast-check";
import { dec, PAYMENT_CHANNELS, postBatch, ZERO } from "../../src/engine";
import type { AccountForPayment, PaymentBatch, PostedBatch } from "../../src/engine";
import { generateCycle } from "../../src/cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { FakeExcel } from "../../src/fakes/fakeExcel";
import { ExcelWorkbook } from "../../src/adapters/excel/excelWorkbook";
import { postToSheet } from "../../src/payments/postToSheet";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { parsePayments } from "../../src/workbook/cycleSheets";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { loadSchedule } from "../support/samples";

const ACCOUNTS = ["100101", "100102", "100103", "100104", "100105", "100110", "100113", "100120"];
const known = new Map<string, AccountForPayment>(ACCOUNTS.map((a) => [a, { name: a, balance: ZERO }]));

function posted(id: string, date: string, channel: PaymentBatch["channel"], lines: [string, string, string][]): PostedBatch {
  const amounts = lines.map(([, amount]) => dec(amount));
  const result = postBatch(
    {
      id,
      date,
      channel,
      controlCount: lines.length,
      controlTotal: amounts.reduce((s, a) => s.plus(a), ZERO),
      lines: lines.map(([account, amount, reference]) => ({ account, amount: dec(amount), reference })),
    },
    known,
    [],
    new Set(),
  );
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

describe("postToSheet", () => {
  it("adds a batch below the Payments sheet's rows, in its columns, with the batch id in the add-in's own Batch column", async () => {
    const workbook = new MemoryWorkbook(sampleCycleWorkbook());
    const before = workbook.sheet("Payments")!.values.map((r) => [...r]);
    const rows = await postToSheet(
      workbook,
      posted("B-2026-10-20-MAIL", "2026-10-20", "mail", [
        ["100102", "150.00", "check 4471"],
        ["100110", "25.50", "00123"],
      ]),
    );
    expect(rows).toEqual({ sheet: "Payments", firstRow: before.length + 1, lastRow: before.length + 2 });
    const after = workbook.sheet("Payments")!.values;
    expect(after[0]).toEqual([...before[0], "Batch"]);
    expect(after.slice(1, before.length).map((r) => r.slice(0, 6))).toEqual(before.slice(1));
    expect(after.slice(before.length)).toEqual([
      [46315 /* 2026-10-20 */, "100102", 150, "mail", "check 4471", "No", "B-2026-10-20-MAIL"],
      [46315 /* 2026-10-20 */, "100110", 25.5, "mail", "00123", "No", "B-2026-10-20-MAIL"],
    ]);
    const read = parsePayments((await workbook.readSheet("Payments"))!);
    expect(read.ok && read.value.problems).toEqual([]);
    expect(read.ok && read.value.records.slice(-2).map((p) => [p.account, p.amount.toFixed(2), p.method, p.reference])).toEqual([
      ["100102", "150.00", "mail", "check 4471"],
      ["100110", "25.50", "mail", "00123"],
    ]);
  });

  it("writes through Excel with every text kept as text: a reference of 00123 or =HYPERLINK(...) is not a number or a formula", async () => {
    const fake = new FakeExcel(new MemoryWorkbook(sampleCycleWorkbook()));
    const restore = fake.install();
    try {
      await postToSheet(
        new ExcelWorkbook(),
        posted("B1", "2026-10-20", "counter", [
          ["100102", "10.00", "00123"],
          ["100110", "5.00", '=HYPERLINK("x")'],
        ]),
      );
      expect(fake.stats.coercions).toEqual([]);
      expect(
        fake.workbook
          .sheet("Payments")!
          .values.slice(-2)
          .map((r) => r[4]),
      ).toEqual(["00123", '=HYPERLINK("x")']);
      // The date is an Excel date in the sheet's own format, so the column sorts and filters as dates; the amount is money.
      const sheet = fake.workbook.sheet("Payments")!;
      const last = sheet.values.length - 1;
      expect([sheet.values[last][0], sheet.numberFormats.get(`${last}:0`), sheet.numberFormats.get(`${last}:2`)]).toEqual([
        46315,
        "yyyy-mm-dd",
        "#,##0.00",
      ]);
    } finally {
      restore();
    }
  });

  it("leaves the next cycle's reconciliation at 0.00 for any day of batches posted, and every payment on its account (property)", async () => {
    const schedule = loadSchedule("chubbuck");
    // The sample cycle as it stands, once: each run's posted batches are measured against it.
    const base = await generateCycle(new MemoryWorkbook(sampleCycleWorkbook()), {
      schedule,
      settings: DEFAULT_CYCLE_SETTINGS,
      readEdits: DEFAULT_READ_EDIT_SETTINGS,
      now: "2026-11-01T09:00:00Z",
    });
    if (!base.ok) throw new Error(base.message);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            channel: fc.constantFrom(...PAYMENT_CHANNELS),
            // After the previous bill (the last cycle took payments through its bill date) and up to this bill.
            day: fc.integer({ min: 2, max: 28 }),
            lines: fc.array(fc.tuple(fc.constantFrom(...ACCOUNTS), fc.integer({ min: 1, max: 40_000 })), { minLength: 1, maxLength: 6 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (batches) => {
          const workbook = new MemoryWorkbook(sampleCycleWorkbook());
          let total = ZERO;
          for (const [i, b] of batches.entries()) {
            const date = `2026-10-${String(b.day).padStart(2, "0")}`;
            const batch = posted(
              `B${i + 1}`,
              date,
              b.channel,
              b.lines.map(([account, cents], j) => [account, dec(cents).div(100).toFixed(2), `r${i}-${j}`]),
            );
            total = total.plus(batch.total);
            await postToSheet(workbook, batch);
          }
          const out = await generateCycle(workbook, {
            schedule,
            settings: DEFAULT_CYCLE_SETTINGS,
            readEdits: DEFAULT_READ_EDIT_SETTINGS,
            now: "2026-11-01T09:00:00Z",
          });
          if (!out.ok) throw new Error(out.message);
          const rec = out.run.result.reconciliation;
          expect(rec.difference.toCents()).toBe("0.00");
          // Payments to an account the cycle holds are reported as not yet posted to a bill.
          const paid = (r: typeof rec) => r.rows.reduce((s, row) => s.plus(row.payments.amount), ZERO).plus(r.unpostedPayments.amount);
          expect(paid(rec).minus(paid(base.run.result.reconciliation)).toFixed(2)).toBe(total.toFixed(2));
        },
      ),
      { numRuns: 12 },
    );
  });
});
