import { Dec } from "../decimal";
import { quantityText } from "../money/format";
import { computeConsumption } from "../reads/computeConsumption";
import type { EditCode, MeterRead } from "./types";

export interface UsageFinding {
  readonly code: EditCode;
  readonly message: string;
}

/**
 * A read's usage with the edits its registers raise: no read, a read too big for the register,
 * a probable rollover (current below previous, and the rolled usage is at most `rolloverPercent`
 * of the register), negative usage, and a meter exchange. Usage is null when it cannot be known.
 */
export function readUsage(
  read: MeterRead,
  dials: number | undefined,
  multiplier: Dec,
  rolloverPercent: number,
): { usage: Dec | null; findings: UsageFinding[] } {
  const findings: UsageFinding[] = [];
  if (read.readCode === "S" || read.current === null) {
    findings.push({ code: "NO_READ", message: read.readCode === "S" ? "the reader skipped this meter (read code S)" : "no current read" });
    return { usage: null, findings };
  }
  if (read.previous === null) {
    findings.push({ code: "NO_READ", message: "no previous read to take usage from" });
    return { usage: null, findings };
  }
  const legs = read.exchange ? { ...read.exchange, newDials: read.exchange.newDials ?? dials, newMultiplier: multiplier } : undefined;
  if (dials !== undefined) {
    const capacity = new Dec(10).pow(dials);
    const tooBig = [read.previous, read.current, read.exchange?.oldFinal, read.exchange?.newSet].find(
      (v) => v && v.greaterThanOrEqualTo(capacity),
    );
    if (tooBig) {
      findings.push({
        code: "READ_EXCEEDS_REGISTER",
        message: `read ${quantityText(tooBig)} does not fit a ${dials}-dial register (largest ${quantityText(capacity.minus(1))})`,
      });
      return { usage: null, findings };
    }
  }
  const plain = computeConsumption({ previous: read.previous, current: read.current, multiplier }, legs);
  if (plain.ok) {
    if (read.exchange) findings.push({ code: "METER_EXCHANGE", message: exchangeText(plain.value.legs, read.exchange.newMeter) });
    return { usage: plain.value.usage, findings };
  }
  const rolled =
    dials === undefined ? undefined : computeConsumption({ previous: read.previous, current: read.current, multiplier, dials }, legs);
  if (rolled?.ok) {
    const capacity = new Dec(10).pow(dials!).times(multiplier);
    if (rolled.value.usage.lessThanOrEqualTo(capacity.times(rolloverPercent).div(100))) {
      findings.push({
        code: "PROBABLE_ROLLOVER",
        message: `current ${quantityText(read.current)} is below previous ${quantityText(read.previous)}; as a rollover of the ${dials}-dial register, usage is ${quantityText(rolled.value.usage)}`,
      });
      return { usage: rolled.value.usage, findings };
    }
  }
  const below = read.exchange
    ? "a leg of the meter exchange runs backwards"
    : `current ${quantityText(read.current)} is ${quantityText(read.previous.minus(read.current))} below previous ${quantityText(read.previous)}`;
  findings.push({
    code: "NEGATIVE_USAGE",
    message:
      dials === undefined ? `${below}; the dial count is unknown, so it cannot be judged a rollover` : `${below}, too far to be a rollover`,
  });
  return { usage: null, findings };
}

function exchangeText(legs: readonly { from: Dec; to: Dec; usage: Dec }[], newMeter?: string): string {
  const [oldLeg, newLeg] = legs;
  const total = oldLeg.usage.plus(newLeg.usage);
  return `meter exchanged${newMeter ? ` to ${newMeter}` : ""}: old meter ${quantityText(oldLeg.from)} to ${quantityText(oldLeg.to)}, new meter ${quantityText(newLeg.from)} to ${quantityText(newLeg.to)}; usage ${quantityText(total)}`;
}
