/**
 * Property tests over random Demo City cycles (src/samples/demoCity.ts, random seed and size),
 * with random decisions in the read review and random policies: the cycle's decisions hold
 * everywhere they show (issue 10).
 */
import fc from "fast-check";
import { CyclePolicy, DEFAULT_READ_EDIT_SETTINGS, Money, POCATELLO_POLICY } from "../../src/engine";
import { previewCycle } from "../../src/cycle/generateCycle";
import { cycleLetters, DEFAULT_TEMPLATES } from "../../src/cycle/letters";
import { billMessages } from "../../src/cycle/notices";
import { amountText, dateText } from "../../src/cycle/format";
import { shutoffListSheet } from "../../src/cycle/sheets/shutoffList";
import { delinquencySheet } from "../../src/cycle/sheets/delinquency";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { estimateForRead, makeDecision } from "../../src/review/actions";
import type { Decision } from "../../src/review/decisions";
import { runReview } from "../../src/review/runReview";
import { demoCity } from "../../src/samples/demoCity";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { loadSchedule } from "../support/samples";

const schedule = loadSchedule("demo-city");
const NOTICE_LETTERS = new Set(["Late Notice", "Final Notice", "Final Bill"]);
const NOTICE_MESSAGE = /^(PAST DUE|PLEASE PAY|LATE NOTICE|FINAL NOTICE|FINAL BILL|COLLECTIONS):/;

const policyArb = fc.record({
  noUsableRead: fc.constantFrom<CyclePolicy["noUsableRead"]>("estimate", "hold"),
  vacantBaseCharges: fc.boolean(),
  noticeLadder: fc.constantFrom<CyclePolicy["noticeLadder"]>(
    ["reminder", "late notice", "final notice"],
    ["late notice", "final notice", "final notice"],
    ["none", "reminder", "final notice"],
  ),
  shutoffNoticeBusinessDays: fc.integer({ min: 1, max: 20 }),
  collectionsAfterDays: fc.integer({ min: 30, max: 120 }),
});

const cityArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  accounts: fc.integer({ min: 300, max: 900 }),
  // Each edit of the first review: 0 left open, 1 approved, 2 re-read, 3 estimated.
  choices: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 50, maxLength: 50 }),
  policy: policyArb,
});

async function cycleOf(city: { seed: number; accounts: number; choices: number[]; policy: Partial<CyclePolicy> }) {
  const policy: CyclePolicy = { ...POCATELLO_POLICY, ...city.policy };
  const workbook = new MemoryWorkbook(demoCity(schedule, { accounts: city.accounts, seed: city.seed, historyMonths: 13 }));
  const first = await runReview(workbook, { settings: DEFAULT_READ_EDIT_SETTINGS, policy, write: false });
  if (!first.ok) throw new Error(first.message);
  const decisions: Decision[] = [];
  first.result.items.forEach((item, i) => {
    const read = first.result.readRows.get(item.row)!;
    const choice = city.choices[i % city.choices.length];
    if (!read.account || choice === 0) return;
    if (choice === 1) decisions.push(makeDecision(read, item, "approved", "checked", "2026-10-31T09:00:00Z"));
    if (choice === 2) decisions.push(makeDecision(read, item, "reread", "read again", "2026-10-31T09:00:00Z"));
    if (choice === 3) {
      const estimate = estimateForRead(read, first.result.history.get(read.account));
      if (estimate.ok) decisions.push(makeDecision(read, item, "estimated", "estimated", "2026-10-31T09:00:00Z", estimate.value));
    }
  });
  const review = await runReview(workbook, { settings: DEFAULT_READ_EDIT_SETTINGS, policy, decisions, write: false });
  if (!review.ok) throw new Error(review.message);
  const preview = await previewCycle(workbook, {
    schedule,
    settings: { ...DEFAULT_CYCLE_SETTINGS, policy },
    readEdits: DEFAULT_READ_EDIT_SETTINGS,
    decisions,
  });
  if (!preview.ok) throw new Error(preview.message);
  const { letters } = cycleLetters(preview.result, DEFAULT_TEMPLATES, policy);
  return { review: review.result, ...preview, letters, policy };
}

const count = <T>(items: readonly T[], key: (t: T) => string) => {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
  return counts;
};

describe("Demo City cycles", () => {
  it("give no account two collection notices, one amount and date per notice everywhere, no shutoff for a closed account, no unread meter billed 0, and the same held count in Review and the register", async () => {
    await fc.assert(
      fc.asyncProperty(cityArb, async (city) => {
        const { review, result, letters } = await cycleOf(city);

        // No account gets two collection notices: one on the bill, one letter, one door hanger at most.
        for (const s of result.statements)
          expect(billMessages(s, "gal").filter((m) => NOTICE_MESSAGE.test(m)).length).toBeLessThanOrEqual(1);
        for (const [, n] of count(
          letters.filter((l) => NOTICE_LETTERS.has(l.kind)),
          (l) => l.account.account,
        ))
          expect(n).toBe(1);
        for (const [, n] of count(result.doorHangers, (h) => h.account.account)) expect(n).toBe(1);

        // The door hanger, the shutoff list, the delinquency list and the final notice show one amount and one date.
        const byAccount = new Map(result.statements.map((s) => [s.account.account, s]));
        const shutoffRows = new Map(
          shutoffListSheet(result)
            .rows.slice(1)
            .filter((r) => typeof r[4] === "number")
            .map((r) => [String(r[0]), r]),
        );
        const delinquencyRows = new Map(
          delinquencySheet(result)
            .rows.slice(1)
            .map((r) => [String(r[0]), r]),
        );
        expect(shutoffRows.size).toBe(result.doorHangers.length);
        for (const h of result.doorHangers) {
          const id = h.account.account;
          const row = shutoffRows.get(id)!;
          expect([row[4], row[5], row[7]]).toEqual([h.amountToAvoidShutoff.toNumber(), h.payBy, h.shutoffDate]);
          expect([delinquencyRows.get(id)![10], delinquencyRows.get(id)![11], delinquencyRows.get(id)![12]]).toEqual([
            h.amountToAvoidShutoff.toNumber(),
            h.payBy,
            h.shutoffDate,
          ]);
          const letter = letters.find((l) => l.account.account === id && l.kind === "Final Notice")!;
          const amount = amountText(h.amountToAvoidShutoff);
          expect(letter.paragraphs.join(" ")).toContain(`${amount} by ${dateText(h.payBy)}`);
          expect(billMessages(byAccount.get(id)!, "gal")).toContain(
            `FINAL NOTICE: pay ${amount} by ${dateText(h.payBy)} or service will be shut off on or after ${dateText(h.shutoffDate)}.`,
          );
        }

        // No closed or final account is on the shutoff list.
        for (const h of result.doorHangers) {
          const s = byAccount.get(h.account.account)!;
          expect(s.final || s.decision.code === "BALANCE_ONLY").toBe(false);
          expect(["final", "inactive"]).not.toContain(h.account.status);
          expect(h.account.closeDate === undefined || h.account.closeDate > s.periodEnd).toBe(true);
        }

        // No metered account is billed 0 usage unless a read says 0.
        for (const s of result.statements) {
          if (!s.account.meter || s.decision.code === "BALANCE_ONLY") continue;
          expect(s.decision.usage).toBeDefined();
          if (s.decision.usage!.isZero()) {
            const meters = s.reading?.meters ?? [];
            expect(meters.length).toBeGreaterThan(0);
            for (const m of meters) expect([m.rereadRequested, m.usage?.isZero()]).toEqual([false, true]);
          }
          const usageLines = s.chargeLines.filter((l) => l.unit.includes("gal"));
          if (usageLines.length && usageLines.every((l) => l.quantity.isZero())) expect(s.decision.usage!.isZero()).toBe(true);
        }

        // Review counts held accounts exactly as the register does.
        expect(review.standing!.held.map((h) => h.account).sort()).toEqual(result.held.map((h) => h.account).sort());
        expect(review.standing!.held.length).toBe(result.register.held);

        // And the money still ties.
        expect(result.reconciliation.difference.equals(Money.zero)).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});
