import { findAccounts, indexAccounts, validateSchedule } from "../../../src/engine";
import type { AccountEntry } from "../../../src/engine";
import { demoCity } from "../../../src/samples/demoCity";
import demoCitySchedule from "../../../samples/rates/demo-city.json";

const entries: AccountEntry[] = [
  { account: "100102", name: "Tom Baker", address: "1204 N Main St", meters: ["M100102"] },
  { account: "100120", name: "Ana Lopez", address: "12 W Baker Ave", meters: ["M100120"] },
  { account: "210010", name: "Bakersfield Properties LLC", address: "55 E Center St", meters: ["M210010", "M210011"] },
  { account: "100121", name: "Lee Chen", address: "221 N Garfield Ave", meters: ["M100121B"] },
];
const index = indexAccounts(entries);
const found = (query: string) => findAccounts(index, query).map((e) => e.account);

describe("findAccounts", () => {
  it("puts the account whose number was typed first, then numbers that start with it", () => {
    expect(found("100120")).toEqual(["100120"]);
    expect(found("1001")).toEqual(["100102", "100120", "100121"]);
  });

  it("finds by the start of any word of the name, address or meter, every word typed", () => {
    // Names first: Tom Baker and Bakersfield by name, then Ana Lopez by her street.
    expect(found("bak")).toEqual(["100102", "210010", "100120"]);
    expect(found("bak 1204")).toEqual(["100102"]);
    expect(found("garfield")).toEqual(["100121"]);
    expect(found("m210011")).toEqual(["210010"]);
    expect(found("m100121b")).toEqual(["100121"]);
    expect(found("  ")).toEqual([]);
    expect(found("zzz")).toEqual([]);
  });

  it("finds a Demo City account by part of its name among 20,000", () => {
    const schedule = validateSchedule(demoCitySchedule);
    if (!schedule.ok) throw new Error(schedule.problem.message);
    const rows = demoCity(schedule.value, { accounts: 20_000, seed: 2026, historyMonths: 1 }).Accounts;
    const city = indexAccounts(
      rows.slice(1).map((r) => ({ account: String(r[0]), name: String(r[1]), address: String(r[2]), meters: [] })),
    );
    expect(city.entries).toHaveLength(20_000);
    const someone = city.entries[12_345];
    const part = someone.name.split(" ").pop()!.slice(0, 4);
    const hits = findAccounts(city, `${part} ${someone.address.split(" ")[0]}`);
    expect(hits.map((h) => h.account)).toContain(someone.account);
    expect(hits.length).toBeLessThanOrEqual(20);
  });
});
