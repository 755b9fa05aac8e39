import { Dec, ZERO } from "../decimal";
import { fail, ok, Result } from "../problems";

/** One meter's register readings over a period. Reads are register values as the dials show. */
export interface MeterReads {
  readonly previous: Dec;
  readonly current: Dec;
  /** Number of dials (digits) on the register; enables rollover. */
  readonly dials?: number;
  /** Multiplier from register units to billed units (x10, x100 meters). Default 1. */
  readonly multiplier?: Dec;
  /**
   * Register units per billing unit: reads are truncated to whole billing units before usage
   * is taken (a register showing 9530 billed in thousands reads 9). Default 1 (no truncation).
   */
  readonly unitSize?: Dec;
}

/** A meter exchange inside the period: the old meter's final read and the new meter's set read. */
export interface MeterExchange {
  readonly oldFinal: Dec;
  readonly newSet: Dec;
  readonly newDials?: number;
  readonly newMultiplier?: Dec;
}

export interface Consumption {
  /** Usage in billing units (register units x multiplier / unit size). */
  readonly usage: Dec;
  /** True when a register rolled over past all nines. */
  readonly rolledOver: boolean;
  /** Each leg of the usage: one for a normal read, two across a meter exchange. */
  readonly legs: readonly { readonly from: Dec; readonly to: Dec; readonly usage: Dec }[];
}

/**
 * Usage from a pair of reads: truncate each read to the billing unit, take the difference, add
 * the register's capacity (10^dials / unit size) when the current read is below the previous one
 * and the dial count is known (a rollover), and apply the multiplier. Across a meter exchange the
 * usage is (old final - previous) on the old meter plus (current - set read) on the new one.
 * Volumes are exact; no rounding beyond the truncation the unit size asks for.
 */
export function computeConsumption(reads: MeterReads, exchange?: MeterExchange): Result<Consumption> {
  if (exchange) {
    const oldLeg = legUsage({ ...reads, current: exchange.oldFinal }, "old meter's final read");
    if (!oldLeg.ok) return oldLeg;
    const newLeg = legUsage(
      {
        ...reads,
        previous: exchange.newSet,
        dials: exchange.newDials ?? reads.dials,
        multiplier: exchange.newMultiplier ?? reads.multiplier,
      },
      "current read on the new meter",
    );
    if (!newLeg.ok) return newLeg;
    return ok({
      usage: oldLeg.value.usage.plus(newLeg.value.usage),
      rolledOver: oldLeg.value.rolledOver || newLeg.value.rolledOver,
      legs: [oldLeg.value, newLeg.value],
    });
  }
  const leg = legUsage(reads, "current read");
  if (!leg.ok) return leg;
  return ok({ usage: leg.value.usage, rolledOver: leg.value.rolledOver, legs: [leg.value] });
}

interface Leg {
  readonly from: Dec;
  readonly to: Dec;
  readonly usage: Dec;
  readonly rolledOver: boolean;
}

function legUsage(reads: MeterReads, currentName: string): Result<Leg> {
  const unitSize = reads.unitSize ?? new Dec(1);
  const multiplier = reads.multiplier ?? new Dec(1);
  if (reads.previous.isNegative() || reads.current.isNegative()) {
    return fail("INVALID_INPUT", `reads cannot be negative (previous ${reads.previous}, ${currentName} ${reads.current})`);
  }
  if (!unitSize.greaterThan(0) || !multiplier.greaterThan(0)) {
    return fail("INVALID_INPUT", `unit size and multiplier must be above zero (got ${unitSize} and ${multiplier})`);
  }
  if (reads.dials !== undefined) {
    const capacity = new Dec(10).pow(reads.dials);
    for (const [name, read] of [
      ["previous read", reads.previous],
      [currentName, reads.current],
    ] as const) {
      if (read.greaterThanOrEqualTo(capacity)) {
        return fail("READ_EXCEEDS_REGISTER", `${name} ${read} does not fit a ${reads.dials}-dial register (largest ${capacity.minus(1)})`);
      }
    }
  }
  const from = reads.previous.div(unitSize).floor();
  const to = reads.current.div(unitSize).floor();
  let difference = to.minus(from);
  let rolledOver = false;
  if (difference.isNegative()) {
    if (reads.dials === undefined) {
      return fail(
        "READ_BELOW_PREVIOUS",
        `${currentName} ${reads.current} is below the previous read ${reads.previous}; give the dial count to treat it as a rollover`,
      );
    }
    difference = difference.plus(new Dec(10).pow(reads.dials).div(unitSize).floor());
    rolledOver = true;
  }
  const usage = difference.times(multiplier);
  return ok({ from, to, usage: usage.isZero() ? ZERO : usage, rolledOver });
}
