/**
 * Sizes named like an object's own members (issue 13): a schedule's cart size "__proto__" or
 * "constructor" is an ordinary size, priced as written and not "listed twice"; a size the schedule
 * does not list ("toString", "hasOwnProperty") matches nothing, whatever Object has.
 */
import { computeBill, dec, validateSchedule } from "../../../src/engine";
import { parseScheduleText } from "../../../src/engine/rates/parseScheduleText";
import { readFileSync } from "fs";
import { join } from "path";

const ASOF = "2026-10-31";

function withSizes(sizes: string) {
  const json = readFileSync(join(__dirname, "..", "..", "..", "samples", "rates", "pocatello-sanitation.json"), "utf8");
  // Written as text, as a file would have it: JSON.parse makes "__proto__" an own key.
  const text = json.replace(/"sizes": \{ "96": \{[^}]*\}, "64": \{[^}]*\} \}/, `"sizes": ${sizes}`);
  expect(text).not.toBe(json);
  const parsed = parseScheduleText(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const schedule = validateSchedule(parsed.value);
  if (!schedule.ok) throw new Error(schedule.problem.message);
  return schedule.value;
}

describe("sizes named like object members", () => {
  const schedule = withSizes(
    `{"__proto__":{"first":"1.00","additional":"0.50"},"constructor":{"first":"2.00","additional":"1.00"},"96":{"first":"17.97","additional":"16.19"}}`,
  );

  it.each([
    ["__proto__", 2, "1.50"],
    ["constructor", 1, "2.00"],
    ["96", 1, "17.97"],
  ])("bills %s carts (x%i) at the price listed for them", (size, count, total) => {
    const bill = computeBill(schedule, { usage: dec(0), asOf: ASOF, carts: { count, size } });
    if (!bill.ok) throw new Error(bill.problem.message);
    expect(bill.value.total.toCents()).toBe(total);
  });

  it.each(["toString", "hasOwnProperty", "valueOf"])("finds no price for a size %s the schedule does not list", (size) => {
    const bill = computeBill(schedule, { usage: dec(0), asOf: ASOF, carts: { count: 1, size } });
    expect(bill.ok).toBe(false);
    if (!bill.ok) expect(bill.problem.message).toMatch(new RegExp(`no price for a "${size}" cart`, "i"));
  });

  it("still names a size that is listed twice", () => {
    expect(() => withSizes(`{"96":{"first":"1.00","additional":"0.50"},"96 gal":{"first":"2.00","additional":"1.00"}}`)).toThrow(
      /listed twice/,
    );
  });
});
