/**
 * The sample cycle as the customer gets it: `ubill cycle` writes the workbook, LibreOffice prints
 * it to PDF, and pdftotext (poppler-utils) reads each page back. scripts/ensure-libreoffice.sh and
 * scripts/ensure-poppler.sh find or install both, as .ci/run does.
 */
import { execFileSync } from "child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { readXlsxFast } from "../../src/adapters/xlsx/fastRead";

const ROOT = join(__dirname, "..", "..");
const PHONE = "(208) 555-0100";

let pages: string[] = [];
let summary: { bills: number; extract: { path: string; bills: number }; totalDue: string; out: string };

beforeAll(async () => {
  const soffice = execFileSync("bash", [join(ROOT, "scripts", "ensure-libreoffice.sh")], { encoding: "utf8" }).trim();
  const pdftotext = execFileSync("bash", [join(ROOT, "scripts", "ensure-poppler.sh")], { encoding: "utf8" }).trim();
  const dir = mkdtempSync(join(tmpdir(), "ub-pages-"));
  copyFileSync(join(ROOT, "samples", "cycle.xlsx"), join(dir, "cycle.xlsx"));
  let out = "";
  const code = await main(["cycle", join(dir, "cycle.xlsx"), "--out", join(dir, "out.xlsx"), "--json"], {
    out: (t) => (out += t),
    err: () => {},
  });
  expect(code).toBe(0);
  summary = JSON.parse(out);
  execFileSync(
    soffice,
    ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "pdf", "--outdir", dir, join(dir, "out.xlsx")],
    {
      stdio: "pipe",
      timeout: 180_000,
    },
  );
  // pdftotext ends each page with a form feed.
  pages = execFileSync(pdftotext, ["-layout", join(dir, "out.pdf"), "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\f");
}, 300_000);

const billPages = () => pages.filter((p) => /^\s*City of Sampleton Utility Billing\s+(UTILITY BILL|FINAL BILL|STATEMENT)/.test(p));

describe("the printed cycle", () => {
  it("prints one bill a page, each with its remit stub carrying its account and amount due", () => {
    const bills = billPages();
    // The e-bill customer is on the E-Bills sheet, not in the print run.
    expect(bills).toHaveLength(summary.extract.bills);
    for (const page of bills) {
      expect(page.match(/Please detach and return this part with your payment/g)).toHaveLength(1);
      const account = /Account number\s+(\d+)/.exec(page)![1];
      const stub = page.slice(page.indexOf("Please detach"));
      expect(stub).toMatch(new RegExp(`Account number\\s+${account}`));
      expect(stub).toMatch(/Amount due\s+-?\$[\d,]+\.\d\d/);
      // The scan line: account, amount in cents and due date, and a check digit.
      expect(stub).toMatch(new RegExp(`0*${account} \\d{10} \\d{8} \\d`));
    }
  });

  it("prints the office phone on every bill, letter and door hanger", () => {
    const letters = pages.filter((p) => /Envelope \d+, letter \d+ of \d+/.test(p));
    const hangers = pages.filter((p) => p.includes("NOTICE OF SERVICE SHUTOFF"));
    expect(letters.length).toBeGreaterThan(5);
    expect(hangers.length).toBeGreaterThan(0);
    for (const page of [...billPages(), ...letters, ...hangers]) expect(page).toContain(PHONE);
  });

  it("shows no ISO date and no lower-case service label on a bill", () => {
    for (const page of billPages()) {
      expect(page).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(page).not.toMatch(/^\s*(water|sewer|garbage|fees|payments|level pay)\b/m);
      expect(page).toMatch(/TOTAL DUE\s+-?\$[\d,]+\.\d\d/);
      expect(page).toMatch(/Due date\s+[A-Z][a-z]{2} \d{1,2}, \d{4}/);
    }
  });

  it("writes a bill-print extract with a row per printed bill: with the e-bills, its total due is the register's", () => {
    const csv = readFileSync(summary.extract.path, "utf8").trim().split("\r\n");
    const header = csv[0].split(",");
    expect(csv).toHaveLength(1 + summary.extract.bills);
    // Fields with commas are quoted.
    const fields = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]).slice(0, header.length);
    const cents = (v: unknown) => Math.round(Number(v) * 100);
    const printed = csv.slice(1).reduce((sum, line) => sum + cents(fields(line)[header.indexOf("total_due")]), 0);
    const eBills = readXlsxFast(summary.out)
      .sheet("E-Bills")!
      .values.slice(1)
      .reduce((sum, row) => sum + cents(row[3]), 0);
    expect(eBills).toBeGreaterThan(0);
    expect(printed + eBills).toBe(cents(summary.totalDue));
  });
});
