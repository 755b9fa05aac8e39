import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { CATALOG } from "../../src/functions/catalog";

interface Param {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
}

let functions: Fn[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(join(__dirname, "../../src/functions/functions.ts"));
  expect(generated.errors).toEqual([]);
  functions = (JSON.parse(generated.metadataJson) as { functions: Fn[] }).functions;
});

describe("functions.json", () => {
  it("declares exactly the catalog's functions", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(CATALOG).sort());
  });

  it.each(Object.values(CATALOG).map((spec) => [spec.name, spec] as const))(
    "declares UB.%s's parameters in the catalog's order and shape",
    (name, spec) => {
      const fn = functions.find((f) => f.id === name)!;
      expect(fn.name).toBe(name);
      expect(fn.description.length).toBeGreaterThan(20);
      expect(fn.helpUrl).toMatch(/docs\/functions\.md#ub/);
      expect(fn.parameters.map((p) => p.name)).toEqual(spec.args.map((a) => a.name));
      for (const [i, arg] of spec.args.entries()) {
        const param = fn.parameters[i];
        const range = arg.kind === "grid" || arg.kind === "numbers";
        expect([arg.name, param.dimensionality ?? "scalar"]).toEqual([arg.name, range ? "matrix" : "scalar"]);
        expect([arg.name, Boolean(param.optional)]).toEqual([arg.name, "optional" in arg && arg.optional === true]);
      }
    },
  );

  it("returns a spilled matrix only from UB.BILLLINES", () => {
    expect(functions.filter((f) => f.result.dimensionality === "matrix").map((f) => f.id)).toEqual(["BILLLINES"]);
  });
});
