/**
 * Lint enforces the layers: src/engine imports decimal.js and itself only. ESLint's flat config
 * is ESM, which jest cannot import, so this runs the real CLI once over fixture files written
 * into the folders whose rules they test.
 */
import { execFileSync } from "child_process";
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { join, relative } from "path";

const ROOT = join(__dirname, "..", "..");
const ENGINE_FIXTURES = join(ROOT, "src", "engine", "__lint_fixtures__");
const STORAGE_FIXTURES = join(ROOT, "src", "storage", "__lint_fixtures__");

const FIXTURES: Record<string, string> = {
  "engine/allowed.ts": 'import Decimal from "decimal.js";\nimport { Money } from "../money/money";\nexport const x = [Decimal, Money];\n',
  "engine/package.ts": 'import Dexie from "dexie";\nexport const x = Dexie;\n',
  "engine/office.ts": 'import "@microsoft/office-js";\n',
  "engine/escape.ts": 'import { scheduleCache } from "../../storage/scheduleCache";\nexport const x = scheduleCache;\n',
  "engine/reexport.ts": 'export * from "../../workbook/port";\n',
  "engine/require.ts": 'export const fs = require("fs");\n',
  "engine/clock.ts": "export const a = Date.now();\nexport const b = Math.random();\nconsole.log(a);\n",
  "storage/outside.ts": 'import Dexie from "dexie";\nexport const x = Dexie;\n',
};

let found: Record<string, string[]>;

beforeAll(() => {
  for (const [name, code] of Object.entries(FIXTURES)) {
    const dir = name.startsWith("engine/") ? ENGINE_FIXTURES : STORAGE_FIXTURES;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name.split("/")[1]), code);
  }
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      [join(ROOT, "node_modules", "eslint", "bin", "eslint.js"), "--format", "json", ENGINE_FIXTURES, STORAGE_FIXTURES],
      { cwd: ROOT, encoding: "utf8" },
    );
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  const results = JSON.parse(output) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
  found = Object.fromEntries(
    results.map((r) => [
      relative(join(ROOT, "src"), r.filePath).replace("/__lint_fixtures__", ""),
      r.messages.map((m) => `${m.ruleId}: ${m.message}`),
    ]),
  );
}, 120000);

afterAll(() => {
  rmSync(ENGINE_FIXTURES, { recursive: true, force: true });
  rmSync(STORAGE_FIXTURES, { recursive: true, force: true });
});

const boundary = (source: string) =>
  `ub/engine-boundary: src/engine may import only decimal.js and files inside src/engine; '${source}' is outside it.`;

describe("lint: the engine boundary", () => {
  it("allows decimal.js and files inside src/engine", () => {
    expect(found["engine/allowed.ts"]).toEqual([]);
  });

  it.each([
    ["a package", "engine/package.ts", "dexie"],
    ["Office", "engine/office.ts", "@microsoft/office-js"],
    ["a relative path out of the engine", "engine/escape.ts", "../../storage/scheduleCache"],
    ["a re-export from outside", "engine/reexport.ts", "../../workbook/port"],
    ["a require", "engine/require.ts", "fs"],
  ])("fails an import of %s", (_name, file, source) => {
    expect(found[file]).toContain(boundary(source));
  });

  it("fails the clock, randomness and console inside the engine", () => {
    expect(found["engine/clock.ts"].map((m) => m.split(":")[0])).toEqual([
      "no-restricted-globals",
      "no-restricted-properties",
      "no-restricted-globals",
    ]);
  });

  it("does not restrict the same import outside the engine", () => {
    expect(found["storage/outside.ts"]).toEqual([]);
  });
});
