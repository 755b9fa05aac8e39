import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runUbill } from "../support/cli";

const ROOT = join(__dirname, "..", "..");
const CHUBBUCK = join(ROOT, "samples", "rates", "chubbuck.json");

const run = runUbill;

describe("ubill quote", () => {
  it("prices Chubbuck at 0 gallons at the published $97.20", async () => {
    const r = await run("quote", "--schedule", CHUBBUCK, "--usage", "0", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).total).toBe("97.20");
  });

  it("prices Chubbuck at 8,000 gallons line by line", async () => {
    const r = await run("quote", "--schedule", CHUBBUCK, "--usage", "8,000", "--as-of", "2026-10-31");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Water usage\s+8\s+thousand gal\s+1\.15\s+9\.20/);
    expect(r.out).toMatch(/Total 106\.40\n$/);
  });

  it("takes meter size, carts, days and class", async () => {
    const r = await run("quote", "--schedule", CHUBBUCK, "--usage=0", "--carts", "2", "--days", "15", "--class", "residential", "--json");
    expect(JSON.parse(r.out).total).toBe("54.21");
  });

  const bad: [string, string[], RegExp][] = [
    ["a missing schedule", ["--usage", "0"], /^ubill: --schedule is required/],
    [
      "a usage that is not a number",
      ["--schedule", CHUBBUCK, "--usage", "lots"],
      /^ubill: --usage must be a number from 0 to 1,000,000,000,000, got "lots"\n$/,
    ],
    ["an unknown option", ["--schedule", CHUBBUCK, "--usage", "0", "--colour", "red"], /^ubill: unknown option --colour/],
    [
      "a missing file",
      ["--schedule", "/nonexistent.json", "--usage", "0"],
      /^ubill: cannot read schedule file \/nonexistent.json: ENOENT\n$/,
    ],
    ["a bad date", ["--schedule", CHUBBUCK, "--usage", "0", "--as-of", "31/10/2026"], /^ubill: --as-of must be a date/],
    [
      "an unpriced meter size",
      ["--schedule", join(ROOT, "samples/rates/harlingen.json"), "--usage", "0", "--meter", "3"],
      /^ubill: Water minimum has no price for a 3" meter/,
    ],
    ["fractional carts", ["--schedule", CHUBBUCK, "--usage", "0", "--carts", "1.5"], /^ubill: --carts must be a whole number/],
  ];
  it.each(bad)("prints one line and exits 2 for %s", async (_name, args, message) => {
    const r = await run("quote", ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("names the path of the problem in an invalid schedule file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ubill-"));
    const file = join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        id: "bad",
        name: "Bad",
        usageUnit: "gal",
        versions: [{ charges: [{ id: "x", service: "water", description: "X", kind: "fixed", amount: "ten" }] }],
      }),
    );
    const r = await run("quote", "--schedule", file, "--usage", "0");
    expect(r.err).toMatch(
      /bad\.json: rate schedule "bad": versions\[0\]\.charges\[0\]\.amount: expected a decimal such as "1\.15", got "ten"/,
    );
  });

  it("rejects an unknown command", async () => {
    const r = await run("bill");
    expect([r.code, r.err]).toEqual([
      2,
      'ubill: unknown command "bill"; commands: quote, validate, cycle, post, day, autopay, impact (ubill help for more)\n',
    ]);
  });

  it("runs as the installed bin", () => {
    const out = execFileSync(process.execPath, [join(ROOT, "bin", "ubill.js"), "quote", "--schedule", CHUBBUCK, "--usage", "0", "--json"], {
      encoding: "utf8",
    });
    expect(JSON.parse(out).total).toBe("97.20");
    const failed = spawnSync(process.execPath, [join(ROOT, "bin", "ubill.js"), "quote"], { encoding: "utf8" });
    expect(failed.status).toBe(2);
  });
});
