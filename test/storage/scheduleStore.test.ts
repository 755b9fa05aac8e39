import "fake-indexeddb/auto";
import { readFileSync } from "fs";
import { join } from "path";
import { UbDatabase } from "../../src/storage/db";
import { ScheduleCache } from "../../src/storage/scheduleCache";
import { ScheduleStore } from "../../src/storage/scheduleStore";
import { DEFAULT_SETTINGS, loadSettings, saveSetting } from "../../src/storage/settings";
import { DecisionStore } from "../../src/storage/decisionStore";
import { RATES_DIR } from "../support/samples";

const sample = (id: string) => JSON.parse(readFileSync(join(RATES_DIR, `${id}.json`), "utf8")) as Record<string, unknown>;
let n = 0;

function setup() {
  const db = new UbDatabase(`test-${++n}`);
  const cache = new ScheduleCache();
  let tick = 0;
  const store = new ScheduleStore(db, cache, () => `2026-11-26T10:00:0${tick++}Z`);
  return { db, cache, store };
}

describe("ScheduleStore", () => {
  it("validates, stores and caches a schedule, and logs the import", async () => {
    const { db, cache, store } = setup();
    const saved = await store.save(sample("chubbuck"), "file");
    expect(saved.ok).toBe(true);
    expect(cache.get("chubbuck")?.name).toMatch(/Chubbuck/);
    expect((await db.schedules.get("chubbuck"))?.json.versions).toBeDefined();
    expect(await db.audit.toArray()).toEqual([
      {
        id: 1,
        at: "2026-11-26T10:00:00Z",
        action: "schedule.imported",
        subject: "chubbuck",
        detail: "Chubbuck, ID residential water, sewer and sanitation (from file)",
      },
    ]);
  });

  it("stores amounts as decimal strings, never floats", async () => {
    const { db, store } = setup();
    await store.save(sample("suez-idaho"), "file");
    const json = (await db.schedules.get("suez-idaho"))!.json as { versions: { charges: { blocks?: { price: unknown }[] }[] }[] };
    expect(json.versions[0].charges[2].blocks![1].price).toBe("1.9254");
  });

  it("refuses an invalid schedule without touching storage", async () => {
    const { db, store } = setup();
    const saved = await store.save({ ...sample("chubbuck"), usageUnit: "litres" }, "file");
    expect(!saved.ok && saved.problem.message).toMatch(/usageUnit: expected one of/);
    expect(await db.schedules.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it("records a replacement and a deletion", async () => {
    const { db, cache, store } = setup();
    await store.save(sample("chubbuck"), "file");
    await store.save(sample("chubbuck"), "sheet");
    await store.remove("chubbuck");
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(["schedule.imported", "schedule.replaced", "schedule.deleted"]);
    expect(cache.get("chubbuck")).toBeUndefined();
  });

  it("reloads the cache from storage in a new session", async () => {
    const { db, store } = setup();
    await store.save(sample("harlingen"), "file");
    await store.save(sample("sheffield"), "file");
    const cache = new ScheduleCache();
    const reloaded = new ScheduleStore(db, cache);
    expect(await reloaded.loadIntoCache()).toEqual({ loaded: 2, invalid: [] });
    expect(cache.ids()).toEqual(["harlingen", "sheffield"]);
    // Ready only once the pane has merged the workbook's Rates sheet too (taskpane/startup.ts).
    expect(await cache.whenReady(10)).toBe(false);
    expect(cache.missedAtStart).toBe(true);
  });

  it("reports a stored schedule that no longer validates", async () => {
    const { db } = setup();
    await db.schedules.put({ id: "old", json: { id: "old" }, name: "Old", importedAt: "2020-01-01", origin: "file" });
    const cache = new ScheduleCache();
    const result = await new ScheduleStore(db, cache).loadIntoCache();
    expect(result.invalid[0]).toEqual({ id: "old", message: 'rate schedule "old": versions: expected a list, got nothing' });
  });
});

describe("settings", () => {
  it("defaults until saved, then keeps what was saved", async () => {
    const { db } = setup();
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
    await saveSetting(db, "defaultSchedule", "harlingen");
    await saveSetting(db, "blockRows", 5000);
    expect(await loadSettings(new UbDatabase(db.name))).toEqual({ ...DEFAULT_SETTINGS, defaultSchedule: "harlingen", blockRows: 5000 });
  });

  it("ignores an out-of-range block size", async () => {
    const { db } = setup();
    await db.settings.put({ key: "blockRows", value: 10 });
    expect((await loadSettings(db)).blockRows).toBe(DEFAULT_SETTINGS.blockRows);
  });
});

describe("read-edit settings", () => {
  it("keeps stored thresholds that are in range and defaults the rest", async () => {
    const { db } = setup();
    await saveSetting(db, "readEdits", { ...DEFAULT_SETTINGS.readEdits, highPercent: 80, lowPercent: 400, baseline: "lastYear" } as never);
    const edits = (await loadSettings(db)).readEdits;
    expect([edits.highPercent, edits.lowPercent, edits.baseline]).toEqual([80, DEFAULT_SETTINGS.readEdits.lowPercent, "lastYear"]);
  });
});

describe("DecisionStore", () => {
  it("keeps each decision with an audit entry", async () => {
    const { db } = setup();
    const store = new DecisionStore(db);
    await store.save({
      key: "1001|M1|HIGH_USAGE|15000",
      kind: "approved",
      account: "1001",
      meter: "M1",
      code: "HIGH_USAGE",
      reason: "pool filled",
      at: "2026-11-26T10:00:00Z",
    });
    await store.save({
      key: "1002|M2|*|",
      kind: "estimated",
      account: "1002",
      meter: "M2",
      code: "*",
      reason: "no read",
      at: "2026-11-26T10:05:00Z",
      estimate: "37",
    });
    expect((await store.list()).map((d) => d.kind)).toEqual(["approved", "estimated"]);
    expect((await db.audit.toArray()).map((a) => [a.action, a.subject, a.detail])).toEqual([
      ["edit.approved", "1001 M1 HIGH_USAGE", "approved: pool filled"],
      ["edit.estimated", "1002 M2 read", "estimated: no read (estimate 37)"],
    ]);
  });
});

describe("ScheduleCache", () => {
  it("tells a waiting function it is not ready after the timeout", async () => {
    expect(await new ScheduleCache().whenReady(5)).toBe(false);
  });
});
