import "fake-indexeddb/auto";
/**
 * Settings changes are audited with their old and new values (issue 14); a run of changes to one
 * setting within a minute is one entry; read-edit severities are kept only for real codes.
 */
import { UbDatabase } from "../../src/storage/db";
import { cleanReadEdits, DEFAULT_SETTINGS, loadSettings, saveSetting } from "../../src/storage/settings";

let n = 0;
const db = () => new UbDatabase(`settings-${++n}`);

describe("saveSetting", () => {
  it("audits a change with its old and new value, one entry for a run of changes, a new one after a minute", async () => {
    const store = db();
    const policy = DEFAULT_SETTINGS.policy;
    await saveSetting(store, "policy", { ...policy, lateFeePercent: "4" }, "2026-12-02T09:00:00.000Z");
    await saveSetting(store, "policy", { ...policy, lateFeePercent: "4.5" }, "2026-12-02T09:00:05.000Z");
    let audit = await store.audit.toArray();
    expect(audit.map((a) => [a.action, a.subject, a.detail])).toEqual([
      ["setting.changed", "policy", 'lateFeePercent "3" → lateFeePercent "4.5"'],
    ]);
    await saveSetting(store, "policy", { ...policy, lateFeePercent: "5" }, "2026-12-02T09:02:00.000Z");
    audit = await store.audit.toArray();
    expect(audit.map((a) => a.detail)).toEqual(['lateFeePercent "3" → lateFeePercent "4.5"', 'lateFeePercent "4.5" → lateFeePercent "5"']);
    expect((await loadSettings(store)).policy.lateFeePercent).toBe("5");
  });

  it("writes nothing when the value is what is saved", async () => {
    const store = db();
    await saveSetting(store, "blockRows", DEFAULT_SETTINGS.blockRows);
    expect(await store.audit.count()).toBe(0);
  });
});

describe("cleanReadEdits", () => {
  it("keeps a severity for an edit code and drops anything else", () => {
    const clean = cleanReadEdits({
      severities: JSON.parse('{"HIGH_USAGE":"error","ZERO_USAGE":"loud","__proto__":"error","constructor":"info","NOT_A_CODE":"info"}'),
    });
    expect(clean.severities).toEqual({ HIGH_USAGE: "error" });
  });
});
