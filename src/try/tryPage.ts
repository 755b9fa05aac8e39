/**
 * `npm run try`: the task pane beside a grid view of a fake workbook, for people without Excel.
 * The page owns the FakeHost; the pane's frame loads fake-office.js, which finds the host here,
 * so both sides work on one workbook. The sample is chosen by ?sample= (demo, cycle or reads).
 */
import { FakeHost, SAMPLES, SampleName } from "../fakes/host";
import { Grid } from "./grid";

function chosenSample(): SampleName {
  const asked = new URLSearchParams(window.location.search).get("sample");
  return SAMPLES.find((s) => s.name === asked)?.name ?? "demo";
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
    host.loadSample(sample);
    host.latencyMs = 5; // a little of Excel's round trip, so progress is visible as it is in Excel
    window.ubFakeHost = host;
    new Grid(host, document.getElementById("grid")!);
    const pane = document.getElementById("pane") as HTMLIFrameElement;
    pane.src = "/taskpane.html";
    const reads = host.workbook.sheets.values().next().value?.values.length ?? 0;
    status.textContent = `Workbook ready: ${host.workbook.sheets.size} sheets, ${reads.toLocaleString()} rows on the first. Nothing leaves this browser.`;
  }, 20);
}

start();
