/**
 * The generated workbook opens in LibreOffice: `soffice --headless --convert-to pdf` turns every
 * output sheet into pages. LibreOffice is found or installed by scripts/ensure-libreoffice.sh, the
 * same script .ci/run uses.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { generateCycle } from "../../src/cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { loadSchedule } from "../support/samples";

const ROOT = join(__dirname, "..", "..");

it("converts the generated cycle workbook to PDF with LibreOffice", async () => {
  const soffice = execFileSync("bash", [join(ROOT, "scripts", "ensure-libreoffice.sh")], { encoding: "utf8" }).trim();
  const dir = mkdtempSync(join(tmpdir(), "ub-lo-"));
  const workbook = await XlsxWorkbook.open(join(ROOT, "samples", "cycle.xlsx"));
  const out = await generateCycle(workbook, {
    schedule: loadSchedule("chubbuck"),
    settings: DEFAULT_CYCLE_SETTINGS,
    readEdits: DEFAULT_READ_EDIT_SETTINGS,
    now: "2026-11-01T09:00:00Z",
  });
  expect(out.ok).toBe(true);
  const xlsx = join(dir, "cycle-out.xlsx");
  await workbook.save(xlsx);
  execFileSync(
    soffice,
    ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "pdf", "--outdir", dir, xlsx],
    { stdio: "pipe", timeout: 120_000 },
  );
  const pdf = join(dir, "cycle-out.pdf");
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  expect(statSync(pdf).size).toBeGreaterThan(50_000);
}, 300_000);
