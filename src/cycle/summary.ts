import { CycleResult, DECISIONS, DecisionCode, NoticeRung } from "../engine";
import type { LoadedCycle } from "./inputs";

/** The words every count is shown with, in the Review view, the Generate view, the CLI and the register. */
export const COUNT_WORDS = {
  held: "accounts held",
  unmatched: "rows that could not be matched to an account",
  estimated: "bills on an estimate",
  notBilled: "accounts not billed (no service, nothing owed)",
} as const;

/** What a cycle did, counted once for every place that shows it. */
export interface CycleCounts {
  readonly bills: number;
  readonly byDecision: ReadonlyMap<DecisionCode, number>;
  readonly estimated: number;
  readonly final: number;
  readonly held: number;
  readonly notBilled: number;
  readonly unmatchedRows: number;
  readonly notices: ReadonlyMap<NoticeRung, number>;
  readonly keptOff: number;
  readonly doorHangers: number;
  readonly collections: number;
}

const RUNGS: readonly NoticeRung[] = ["reminder", "late notice", "final notice", "final bill", "collections"];

export function cycleCounts(loaded: Pick<LoadedCycle, "unmatchedRows">, result: CycleResult): CycleCounts {
  const byDecision = new Map<DecisionCode, number>();
  const notices = new Map<NoticeRung, number>(RUNGS.map((r) => [r, 0]));
  let keptOff = 0;
  for (const s of result.statements) {
    byDecision.set(s.decision.code, (byDecision.get(s.decision.code) ?? 0) + 1);
    const rung = s.collection.notice?.rung;
    if (rung) notices.set(rung, notices.get(rung)! + 1);
    if (s.collection.keptOff) keptOff++;
  }
  for (const h of result.held) byDecision.set(h.code, (byDecision.get(h.code) ?? 0) + 1);
  return {
    bills: result.register.billed,
    byDecision,
    estimated: result.register.estimated,
    final: result.register.final,
    held: result.held.length,
    notBilled: result.notBilled,
    unmatchedRows: loaded.unmatchedRows,
    notices,
    keptOff,
    doorHangers: result.doorHangers.length,
    collections: result.collections.length,
  };
}

/** "ESTIMATED: no read 39, ESTIMATED: re-read requested 2" for the billed decisions. */
export function decisionText(counts: CycleCounts, outcome: "billed" | "held"): string {
  return [...counts.byDecision]
    .filter(([code]) => DECISIONS[code].outcome === outcome)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${DECISIONS[code].label} ${n.toLocaleString("en-US")}`)
    .join(", ");
}

/** "reminders 12, late notices 5, final notices 3, final-bill letters 2, collections 0". */
export function noticeText(counts: CycleCounts): string {
  const names: Record<NoticeRung, string> = {
    reminder: "reminders on the bill",
    "late notice": "late notices",
    "final notice": "final notices (each with a door hanger, on the shutoff list)",
    "final bill": "final-bill letters",
    collections: "sent to collections",
  };
  return RUNGS.map((r) => `${names[r]} ${counts.notices.get(r)!.toLocaleString("en-US")}`).join(", ");
}
