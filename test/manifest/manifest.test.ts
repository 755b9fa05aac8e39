/**
 * Validates manifest.xml offline (office-addin-manifest validate needs a Microsoft web service):
 * element order, every resid resolving to a resource of the right kind, the shared runtime wiring
 * and the custom-functions namespace.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = join(__dirname, "..", "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

type Node = Record<string, unknown>;
const ordered = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true }).parse(xml) as Node[];
const tree = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["Set", "Host", "Runtime", "bt:Image", "bt:Url", "bt:String", "Control", "ExtensionPoint"].includes(name),
}).parse(xml) as Node;

/** Every element in document order with its attributes, as [name, attributes] pairs. */
function walk(nodes: Node[], out: [string, Record<string, string>][] = []): [string, Record<string, string>][] {
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node)) {
      if (key === ":@" || key === "#text") continue;
      out.push([key, (node[":@"] as Record<string, string>) ?? {}]);
      if (Array.isArray(value)) walk(value as Node[], out);
    }
  }
  return out;
}
const elements = walk(ordered);
const app = tree.OfficeApp as Node;
const resources = (app.VersionOverrides as Node).Resources as Node;
const ids = (group: string, item: string) =>
  new Map(((resources[group] as Node)[item] as Node[]).map((n) => [n["@id"] as string, n["@DefaultValue"] as string]));
const images = ids("bt:Images", "bt:Image");
const urls = ids("bt:Urls", "bt:Url");
const shortStrings = ids("bt:ShortStrings", "bt:String");
const longStrings = ids("bt:LongStrings", "bt:String");

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("is a task pane add-in for Excel with read/write document permission", () => {
    expect(app["@xsi:type"]).toBe("TaskPaneApp");
    expect(app["@xmlns"]).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(((app.Hosts as Node).Host as Node[]).map((h) => h["@Name"])).toEqual(["Workbook"]);
    expect(app.Permissions).toBe("ReadWriteDocument");
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("lists the top-level elements in the order the schema requires", () => {
    const schemaOrder = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    const top = (ordered.find((n) => "OfficeApp" in n)!.OfficeApp as Node[]).flatMap((n) =>
      Object.keys(n).filter((k) => k !== ":@" && k !== "#text"),
    );
    expect(top).toEqual(schemaOrder);
  });

  it("requires only SharedRuntime 1.1, so older desktops still load it", () => {
    const sets = ((app.Requirements as Node).Sets as Node).Set as Node[];
    expect(sets.map((s) => [s["@Name"], s["@MinVersion"]])).toEqual([["SharedRuntime", "1.1"]]);
  });

  it("runs task pane, ribbon and functions in one long-lived runtime", () => {
    const runtimes = elements.filter(([n]) => n === "Runtime");
    expect(runtimes).toHaveLength(1);
    const [, runtime] = runtimes[0];
    expect(runtime["@lifetime"]).toBe("long");
    const page = elements.findIndex(([n]) => n === "Page");
    const pageSource = elements[page + 1];
    expect(pageSource).toEqual(["SourceLocation", { "@resid": runtime["@resid"] }]);
    expect(elements.find(([n]) => n === "FunctionFile")![1]["@resid"]).toBe(runtime["@resid"]);
    const action = elements.findIndex(([n, a]) => n === "Action" && a["@xsi:type"] === "ShowTaskpane");
    expect(elements.slice(action).find(([n]) => n === "SourceLocation")![1]["@resid"]).toBe(runtime["@resid"]);
    expect(urls.get(runtime["@resid"])).toMatch(/\/taskpane\.html$/);
    expect(((app.DefaultSettings as Node).SourceLocation as Node)["@DefaultValue"]).toBe(urls.get(runtime["@resid"]));
  });

  it("declares the custom functions namespace UB with script and metadata", () => {
    const ns = elements.find(([n]) => n === "Namespace")![1]["@resid"];
    expect(shortStrings.get(ns)).toBe("UB");
    expect(urls.get(elements[elements.findIndex(([n]) => n === "Metadata") + 1][1]["@resid"])).toMatch(/\/functions\.json$/);
    expect(urls.get(elements[elements.findIndex(([n]) => n === "Script") + 1][1]["@resid"])).toMatch(/\/functions\.js$/);
  });

  it("has a ribbon button that opens the task pane", () => {
    const control = elements.find(([n, a]) => n === "Control" && a["@xsi:type"] === "Button");
    expect(control).toBeDefined();
    expect(elements.some(([n, a]) => n === "Action" && a["@xsi:type"] === "ShowTaskpane")).toBe(true);
  });

  it("resolves every resid to a resource of the right kind, each 32 characters or fewer", () => {
    const kindOf: Record<string, Map<string, string>[]> = {
      "bt:Image": [images],
      SourceLocation: [urls],
      FunctionFile: [urls],
      Runtime: [urls],
      LearnMoreUrl: [urls],
      Label: [shortStrings],
      Title: [shortStrings],
      Namespace: [shortStrings],
      Description: [longStrings],
    };
    const withResid = elements.filter(([, a]) => a["@resid"] !== undefined);
    expect(withResid.length).toBeGreaterThan(15);
    for (const [name, attrs] of withResid) {
      const resid = attrs["@resid"];
      expect([name, resid, resid.length <= 32]).toEqual([name, resid, true]);
      const maps = kindOf[name];
      expect([name, resid, maps !== undefined && maps.some((m) => m.has(resid))]).toEqual([name, resid, true]);
    }
  });

  it("keeps strings within their limits and every URL on https", () => {
    for (const v of shortStrings.values()) expect(v.length).toBeLessThanOrEqual(125);
    for (const v of longStrings.values()) expect(v.length).toBeLessThanOrEqual(250);
    for (const v of [...urls.values(), ...images.values()]) expect(v).toMatch(/^https:\/\//);
  });

  it("points at icons the build ships", () => {
    for (const url of [...images.values(), app.IconUrl as Node, app.HighResolutionIconUrl as Node].map((v) =>
      typeof v === "string" ? v : (v["@DefaultValue"] as string),
    )) {
      const file = url.replace(/^https:\/\/[^/]+\//, "");
      expect([file, existsSync(join(ROOT, file))]).toEqual([file, true]);
    }
  });
});

describe("the production manifest (scripts/manifest.js)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { productionManifest, DEV_ID, PROD_ID } = require("../../scripts/manifest.js") as {
    productionManifest: (xml: string, url: string) => string;
    DEV_ID: string;
    PROD_ID: string;
  };
  const prod = productionManifest(xml, "https://billing.pocatello.example/ub/");

  it("names no localhost anywhere, its AppDomain included", () => {
    expect(prod).not.toMatch(/localhost/i);
    expect(prod).toContain("<AppDomain>https://billing.pocatello.example</AppDomain>");
    expect(prod).toContain('<SourceLocation DefaultValue="https://billing.pocatello.example/ub/taskpane.html"/>');
    expect(prod).toContain('DefaultValue="https://billing.pocatello.example/ub/functions.json"');
  });

  it("has its own Id, so a developer's sideloaded add-in is a different add-in", () => {
    expect(xml).toContain(`<Id>${DEV_ID}</Id>`);
    expect(prod).toContain(`<Id>${PROD_ID}</Id>`);
    expect(prod).not.toContain(DEV_ID);
    expect(PROD_ID).not.toBe(DEV_ID);
  });

  it("refuses a URL that is not https or is local", () => {
    expect(() => productionManifest(xml, "http://billing.pocatello.example/")).toThrow(/https/);
    expect(() => productionManifest(xml, "https://localhost:8443/")).toThrow(/local/);
  });
});
