/**
 * `npm run try`: the task pane beside a grid view of a fake workbook, for people without Excel.
 * The page owns the FakeHost; the pane's frame loads fake-office.js, which finds the host here,
 * so both sides work on one workbook. The sample is chosen by ?sample= (demo, cycle or reads).
 */
import { validateSchedule } from "../engine";
import { FakeHost, SAMPLES, SampleName, sampleWorkbook } from "../fakes/host";
import { BUNDLED_SCHEDULES } from "../taskpane/bundledSchedules";
import { EXAMPLE_SCHEDULES, FUNCTIONS_SHEET, FUNCTIONS_SHEET_FORMATS, functionsSheet } from "./functionsSheet";
import { Grid } from "./grid";
import type { CellValue } from "../workbook/port";

function chosenSample(): SampleName {
  const asked = new URLSearchParams(window.location.search).get("sample");
  return SAMPLES.find((s) => s.name === asked)?.name ?? "demo";
}

/**
 * The sample's sheets plus the Functions sheet, and on the Rates sheet the published schedules its
 * examples price against (Chubbuck, Harlingen) beside the sample's own: the workbook carries them,
 * as a customer's workbook carries its rates.
 */
function tryWorkbook(sample: SampleName): Record<string, CellValue[][]> {
  const examples = BUNDLED_SCHEDULES.map(validateSchedule).flatMap((v) =>
    v.ok && EXAMPLE_SCHEDULES.includes(v.value.id) ? [v.value] : [],
  );
  return { ...sampleWorkbook(sample, undefined, examples), [FUNCTIONS_SHEET]: functionsSheet().rows };
}

/** Excel calculates a workbook's formulas when it opens: here, once the pane's runtime has associated the UB functions. */
async function calculateWhenReady(host: FakeHost, grid: Grid): Promise<void> {
  while (!host.fake.customFunctions.has("BILL")) await new Promise((resolve) => setTimeout(resolve, 100));
  await host.fake.calculate();
  grid.render();
}

function start(): void {
  const sample = chosenSample();
  const status = document.getElementById("status")!;
  const picker = document.getElementById("sample") as HTMLSelectElement;
  for (const s of SAMPLES) picker.append(Object.assign(document.createElement("option"), { value: s.name, textContent: s.label }));
  picker.value = sample;
  picker.addEventListener("change", () => {
    window.location.search = `?sample=${picker.value}`;
  });
  document.getElementById("reset")!.addEventListener("click", () => window.location.reload());

  status.textContent = "Building the workbook…";
  // Let the status paint before the (seconds-long) demo city is built.
  setTimeout(() => {
    const host = new FakeHost();
    host.load(tryWorkbook(sample));
    for (const f of functionsSheet().formulas) host.fake.setFormula(FUNCTIONS_SHEET, f.row, f.column, f.formula);
    const functions = host.workbook.sheet(FUNCTIONS_SHEET)!;
    for (const f of FUNCTIONS_SHEET_FORMATS) functions.numberFormats.set(`${f.row}:${f.column}`, f.format);
    host.latencyMs = 5; // a little of Excel's round trip, so progress is visible as it is in Excel
    window.ubFakeHost = host;
    const grid = new Grid(host, document.getElementById("grid")!);
    void calculateWhenReady(host, grid);
    const pane = document.getElementById("pane") as HTMLIFrameElement;
    pane.src = "/taskpane.html";
    const reads = host.workbook.sheets.values().next().value?.values.length ?? 0;
    status.textContent = `Workbook ready: ${host.workbook.sheets.size} sheets, ${reads.toLocaleString()} rows on the first. Nothing leaves this browser.`;
  }, 20);
}

start();
