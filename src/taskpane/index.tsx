/* global Office */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { UbDatabase } from "../storage/db";
import { scheduleCache } from "../storage/scheduleCache";
import { ScheduleStore } from "../storage/scheduleStore";
import { ExcelWorkbook } from "../adapters/excel/excelWorkbook";
import { loadSettings } from "../storage/settings";
import { loadSchedules } from "./startup";
import { DecisionStore } from "../storage/decisionStore";
import { recalculateOnScheduleChange } from "./recalculation";
import { readHost } from "./host";
import { setArgumentCulture } from "../functions/args";
import { workerEngine } from "./engine/engineRunner";

/**
 * The shared runtime's page: it starts with the workbook (the custom functions live in the same
 * JavaScript context), fills the schedule cache, then renders the task pane.
 */
async function start(): Promise<void> {
  const db = new UbDatabase();
  const settings = await loadSettings(db).catch(() => undefined);
  const workbook = new ExcelWorkbook(settings?.blockRows);
  const store = new ScheduleStore(db, scheduleCache);
  // Numbers given to functions as text are read in the workbook's culture ("1.500" in de-DE).
  const culture = await workbook.numberCulture().catch(() => undefined);
  if (culture && (culture.decimal !== "." || culture.group !== ",")) {
    setArgumentCulture(culture);
    void workbook.recalculate().catch(() => undefined);
  }
  recalculateOnScheduleChange(scheduleCache, workbook);
  const startupProblems = await loadSchedules(store, scheduleCache, workbook);
  // The engine runs in its own thread (webpack.config.js builds it to dist/worker/engine.js).
  const engine = workerEngine(workbook, () => new Worker(new URL("worker/engine.js", document.baseURI)));
  const root = document.getElementById("root");
  const decisions = new DecisionStore(db);
  const now = () => new Date().toISOString();
  // The last view is the workbook's own: kept in the document's settings (saved with the file).
  const settingsOf = () => (Office.context.document as { settings?: Office.Settings } | undefined)?.settings;
  const lastView = {
    load: () => {
      const value = settingsOf()?.get("ubWorkbench.lastView") as unknown;
      return typeof value === "string" ? value : undefined;
    },
    save: (view: string) => {
      const settings = settingsOf();
      if (!settings) return;
      settings.set("ubWorkbench.lastView", view);
      settings.saveAsync(() => undefined);
    },
  };
  if (root)
    createRoot(root).render(
      <App services={{ db, cache: scheduleCache, store, workbook, startupProblems, decisions, now, host: readHost(), engine, lastView }} />,
    );
}

Office.onReady(() => {
  start().catch((error: Error) => {
    scheduleCache.markReady();
    const root = document.getElementById("root");
    if (root) root.textContent = `UB Workbench could not start: ${error.message}`;
  });
});
