import type { BillInput } from "./types";

/** Text in a key: its length, then itself, so no text can end one field and begin the next; absent is not empty. */
const text = (s: string | undefined) => (s === undefined ? "-" : `${s.length}:${s}`);
/** A number in a key (String round-trips a double: two numbers that differ never share a key). */
const num = (n: number | undefined) => (n === undefined ? "-" : String(n));

/**
 * Everything but the usage that shapes a bill, as a key two different inputs never share. An
 * absent meter size (the schedule's default) and an empty one (no meter size) price differently,
 * as an absent class (the schedule's first) and an empty one (refused) do, so each is its own key.
 */
export function shapeKey(input: BillInput): string {
  const c = input.carts;
  const k = input.containers;
  let addOns = "-";
  if (input.addOns) {
    addOns = "";
    for (const name of Object.keys(input.addOns)) addOns += `${text(name)}=${num(input.addOns[name])};`;
  }
  let services = "-";
  if (input.services) {
    services = "";
    for (const s of input.services) services += `${text(s)};`;
  }
  return (
    `${text(input.asOf)}|${text(input.rateClass)}|${text(input.meterSize)}|${num(input.dwellingUnits)}|` +
    `${c ? `${num(c.count)}:${text(c.size)}` : "-"}|${k ? `${num(k.count)}:${text(k.size)}:${num(k.pickupsPerWeek)}` : "-"}|` +
    `${addOns}|${num(input.days)}|${services}|${input.winterAverage === undefined ? "-" : input.winterAverage.toString()}`
  );
}
