import { readFileSync } from "fs";
import { join } from "path";
import { CATALOG } from "../../src/functions/catalog";

const doc = readFileSync(join(__dirname, "../../docs/functions.md"), "utf8");

describe("docs/functions.md", () => {
  it.each(Object.keys(CATALOG))("documents UB.%s with its signature and an example", (name) => {
    const spec = CATALOG[name as keyof typeof CATALOG];
    const section = doc.split(/\n## /).find((s) => s.startsWith(`UB.${name}\n`));
    expect(section).toBeDefined();
    const signature = spec.args.map((a) => ("optional" in a && a.optional ? `[${a.name}]` : a.name)).join(", ");
    expect(section).toContain(`UB.${name}(${signature})`);
    expect(section).toMatch(new RegExp(`\`=UB\\.${name}\\(`));
  });
});
