import type { BackBillTaskRequest } from "../../../accounts/tasks/backBill";
import { Dec } from "../../../engine";
import { parseReading } from "./fields";

export type CorrectionKind = BackBillTaskRequest["correction"]["kind"];

/** A share typed as a percent ("85", "85%"), as a fraction 0..1, or why not. */
export function parsePercent(text: string, what: string): Dec | string {
  const t = text.trim().replace(/%$/, "");
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(t) || Number(t) <= 0 || Number(t) > 100) return `${what} is a percent above 0 and at most 100`;
  return new Dec(t).div(100);
}

/**
 * The correction as typed: the right usage for each chosen bill, the billed and right multipliers,
 * or a slow meter's tested accuracy and the share billed (percents); or why it cannot be used.
 */
export function backBillCorrection(
  kind: CorrectionKind,
  chosen: readonly string[],
  usage: Readonly<Record<string, string>>,
  f: { readonly billed: string; readonly corrected: string; readonly accuracy: string; readonly share: string },
): BackBillTaskRequest["correction"] | string {
  if (kind === "usage") {
    const corrected = new Map<string, Dec>();
    for (const p of chosen) {
      const u = parseReading(usage[p] ?? "");
      if (typeof u === "string") return `the corrected usage for ${p} is a number`;
      corrected.set(p, u);
    }
    return { kind, usage: corrected };
  }
  if (kind === "multiplier") {
    const billed = parseReading(f.billed);
    const right = parseReading(f.corrected);
    if (typeof billed === "string" || typeof right === "string") return "the multipliers are numbers, such as 1 and 10";
    return { kind, billed, corrected: right };
  }
  const accuracy = parsePercent(f.accuracy, "the meter's accuracy");
  const share = parsePercent(f.share, "the share billed");
  if (typeof accuracy === "string") return accuracy;
  if (typeof share === "string") return share;
  return { kind, accuracy, share };
}
