import { Dec, ZERO } from "../decimal";
import type { BatchBalance, PaymentBatch } from "./types";

/** The batch's count and total against its deposit slip: it posts only when both agree exactly. */
export function balanceBatch(batch: PaymentBatch): BatchBalance {
  const total = batch.lines.reduce((sum: Dec, line) => sum.plus(line.amount), ZERO);
  const countDifference = batch.lines.length - batch.controlCount;
  const totalDifference = total.minus(batch.controlTotal);
  return {
    count: batch.lines.length,
    total,
    countDifference,
    totalDifference,
    balanced: countDifference === 0 && totalDifference.isZero(),
  };
}
