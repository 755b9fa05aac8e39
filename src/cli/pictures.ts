import { execFileSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "./main";

/**
 * `npm run pictures`: the README's pictures of a printed bill, letter and door hanger. Bills the
 * sample cycle with `ubill cycle`, prints it to PDF with LibreOffice, finds the pages by their
 * text (pdftotext) and renders them to PNG (pdftoppm) under docs/pictures. LibreOffice and
 * poppler-utils are found or installed by the scripts .ci/run uses.
 */
async function pictures(): Promise<void> {
  const root = join(__dirname, "..", "..");
  const sh = (script: string) => execFileSync("bash", [join(root, "scripts", script)], { encoding: "utf8" }).trim();
  const soffice = sh("ensure-libreoffice.sh");
  const pdftotext = sh("ensure-poppler.sh");
  const pdftoppm = join(pdftotext, "..", "pdftoppm");
  const dir = mkdtempSync(join(tmpdir(), "ub-pictures-"));
  copyFileSync(join(root, "samples", "cycle.xlsx"), join(dir, "cycle.xlsx"));
  const code = await main(["cycle", join(dir, "cycle.xlsx"), "--out", join(dir, "out.xlsx")], {
    out: () => {},
    err: (t) => process.stderr.write(t),
  });
  if (code !== 0) throw new Error("ubill cycle failed");
  execFileSync(
    soffice,
    ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "pdf", "--outdir", dir, join(dir, "out.xlsx")],
    {
      stdio: "pipe",
    },
  );
  const pages = execFileSync(pdftotext, ["-layout", join(dir, "out.pdf"), "-"], { encoding: "utf8", maxBuffer: 1 << 26 }).split("\f");
  const find = (what: RegExp) => pages.findIndex((p) => what.test(p)) + 1;
  const wanted: [string, number][] = [
    // The estimated bill of a meter sent for a re-read, the final notice before shutoff, its door hanger.
    ["bill", find(/UTILITY BILL[\s\S]*Account number\s+100109/)],
    ["letter", find(/Final notice before shutoff: account 100110/)],
    ["door-hanger", find(/NOTICE OF SERVICE SHUTOFF/)],
  ];
  const out = join(root, "docs", "pictures");
  mkdirSync(out, { recursive: true });
  for (const [name, page] of wanted) {
    if (page < 1) throw new Error(`no page for the ${name} picture`);
    execFileSync(pdftoppm, [
      "-f",
      String(page),
      "-l",
      String(page),
      "-r",
      "90",
      "-png",
      "-singlefile",
      join(dir, "out.pdf"),
      join(dir, name),
    ]);
    renameSync(join(dir, `${name}.png`), join(out, `${name}.png`));
    process.stdout.write(`docs/pictures/${name}.png: page ${page}\n`);
  }
  rmSync(dir, { recursive: true, force: true });
}

pictures().catch((error) => {
  process.stderr.write(`pictures: ${(error as Error).message}\n`);
  process.exit(1);
});
