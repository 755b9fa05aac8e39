import fc from "fast-check";
import { deserialize, serialize } from "v8";
import { Dec } from "../../../src/engine/decimal";
import type { ReadCode, UsageRecord } from "../../../src/engine";
import { UsageHistory, UsageHistoryBuilder, usageHistoryOf } from "../../../src/engine/edits/usageHistory";

/** The map the columns replace: records grouped by account in first-seen order, each list sorted (stably) by period end. */
function grouped(records: readonly UsageRecord[]): Map<string, UsageRecord[]> {
  const map = new Map<string, UsageRecord[]>();
  for (const r of records) {
    const list = map.get(r.account) ?? [];
    list.push(r);
    map.set(r.account, list);
  }
  for (const list of map.values()) list.sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
  return map;
}

/** A record as plain values, so a decimal's digits (not its object) are compared. */
const plain = (r: UsageRecord) => ({ ...r, usage: r.usage.toString() });

const usage = fc.oneof(
  fc.integer({ min: 0, max: 999_999 }).map((n) => new Dec(n)),
  fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 4 })).map(([n, p]) => new Dec(n).div(10 ** p)),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }).map((n) => new Dec(n.toString())),
  fc.constant(new Dec(0)),
);

const record = fc.record({
  account: fc.constantFrom("100", "101", "102", "200-1", "x", "100 ", "Apt 4, 12 Main"),
  periodEnd: fc.constantFrom("2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28"),
  usage,
  days: fc.option(fc.integer({ min: -5, max: 400 }), { nil: undefined }),
  readCode: fc.option(fc.constantFrom<ReadCode>("A", "E", "C", "S"), { nil: undefined }),
});

describe("UsageHistory (history held in columns)", () => {
  it("reads as the grouped, period-sorted map it replaces: same accounts in the same order, same records in the same order", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 120 }), (records) => {
        const expected = grouped(records);
        const history = usageHistoryOf(records);
        expect(history.size).toBe(expected.size);
        expect([...history.keys()]).toEqual([...expected.keys()]);
        for (const [account, list] of expected) {
          expect(history.has(account)).toBe(true);
          expect(history.get(account)!.map(plain)).toEqual(list.map(plain));
        }
        expect([...history].map(([a, l]) => [a, l.map(plain)])).toEqual([...expected].map(([a, l]) => [a, l.map(plain)]));
        const seen: string[] = [];
        history.forEach((list, account, map) => {
          expect(map).toBe(history);
          expect(list.map(plain)).toEqual(expected.get(account)!.map(plain));
          seen.push(account);
        });
        expect(seen).toEqual([...expected.keys()]);
        expect(history.get("nobody")).toBeUndefined();
        expect([...history.periodEnds()].sort()).toEqual([...new Set(records.map((r) => r.periodEnd))].sort());
      }),
      { numRuns: 500 },
    );
  });

  it("moves to another thread as its columns and comes back the same history, exact decimals included", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 120 }), (records) => {
        const history = usageHistoryOf(records);
        // As a MessagePort carries it: structured clone (v8's serializer), the typed arrays' buffers included.
        const moved = UsageHistory.fromColumns(deserialize(serialize(history.columns())));
        expect([...moved].map(([a, l]) => [a, l.map(plain)])).toEqual([...history].map(([a, l]) => [a, l.map(plain)]));
        expect([...moved.periodEnds()]).toEqual([...history.periodEnds()]);
        for (const account of history.keys()) expect(moved.has(account)).toBe(true);
        expect(moved.get("nobody")).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the exact decimal of a fraction or of a usage past a safe integer, and whole usages as equal decimals", () => {
    const builder = new UsageHistoryBuilder();
    builder.add("1", "2026-01-31", new Dec("12.345"), 31, "A");
    builder.add("1", "2025-12-31", new Dec("9007199254740993"), 30, undefined);
    builder.add("1", "2025-11-30", 4200, undefined, "E");
    builder.add("1", "2025-10-31", new Dec("-0"), undefined, undefined);
    const list = builder.finish().get("1")!;
    expect(list.map((r) => r.usage.toString())).toEqual(["0", "4200", "9007199254740993", "12.345"]);
    expect(list.map((r) => [r.days, r.readCode])).toEqual([
      [undefined, undefined],
      [undefined, "E"],
      [30, undefined],
      [31, "A"],
    ]);
    expect(Object.is(list[0].usage.toNumber(), 0)).toBe(true);
  });

  it("orders an account with hundreds of rows by period, ties in the order they were read", () => {
    const records: UsageRecord[] = Array.from({ length: 600 }, (_, i) => ({
      account: "big",
      periodEnd: `20${10 + (i % 13)}-01-31`,
      usage: new Dec(i),
      days: undefined,
      readCode: undefined,
    }));
    expect(usageHistoryOf(records).get("big")!.map(plain)).toEqual(grouped(records).get("big")!.map(plain));
  });
});
