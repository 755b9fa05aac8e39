import { useRef, useState } from "react";
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Textarea,
  tokens,
  Toolbar,
} from "@fluentui/react-components";
import { useServices } from "../services";
import { useSchedules } from "../useSchedules";
import { ActionReport, exportRatesSheet, importJsonText, importRatesSheet, loadPublishedSamples, schedulesJson } from "../ratesActions";
import { BUNDLED_SCHEDULES } from "../bundledSchedules";
import { mergeRatesSheet } from "../startup";
import { ScheduleTable } from "./ScheduleTable";
import { ScheduleDetail } from "./ScheduleDetail";
import { RATE_SCHEDULES_SHEET, RATES_SHEET } from "../../workbook/ratesSheet";

const useStyles = makeStyles({
  toolbar: { flexWrap: "wrap", gap: tokens.spacingHorizontalXS, paddingLeft: 0 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  exported: { width: "100%", minHeight: "8em", fontFamily: tokens.fontFamilyMonospace },
});

type Status = { intent: "success" | "error" | "warning"; title: string; lines: string[] } | undefined;

function statusFor(verb: string, report: ActionReport): Status {
  if (report.problems.length === 0) return { intent: "success", title: `${verb} ${report.done.length} schedule(s)`, lines: report.done };
  // Say which schedules went in, so a partial import never reads as a success.
  const done = report.done.length > 0 ? `${verb} ${report.done.join(", ")}` : `Nothing ${verb.toLowerCase()}`;
  return {
    intent: report.done.length ? "warning" : "error",
    title: `${done}; ${report.problems.length} problem(s), below`,
    lines: report.problems,
  };
}

/** Lists, imports and exports the rate schedules the UB functions price against. */
export function RatesView() {
  const styles = useStyles();
  const { store, cache, workbook, startupProblems, host } = useServices();
  const [exported, setExported] = useState<string>();
  const rows = useSchedules();
  const [selected, setSelected] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(
    startupProblems.length ? { intent: "warning", title: "Some rates could not be loaded", lines: [...startupProblems] } : undefined,
  );
  const [confirmExport, setConfirmExport] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (verb: string, action: () => Promise<ActionReport>) => {
    setBusy(true);
    try {
      setStatus(statusFor(verb, await action()));
    } catch (error) {
      setStatus({ intent: "error", title: `${verb} failed`, lines: [(error as Error).message] });
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    await run("Imported", async () => importJsonText(store, await file.text(), file.name));
    if (fileInput.current) fileInput.current.value = "";
  };

  const onExportSheet = async () => {
    const exists = (await workbook.sheetNames()).some((n) => n.toLowerCase() === RATES_SHEET.toLowerCase());
    if (exists && !confirmExport) return setConfirmExport(true);
    setConfirmExport(false);
    await run("Exported", () => exportRatesSheet(cache, workbook));
  };

  const onExportJson = async () => {
    const json = schedulesJson(cache);
    if (host && !host.canDownload) {
      // Office for Mac's webview does not download blobs (office-js #2700): the JSON goes to the
      // clipboard and into a box the user can copy from.
      setExported(json);
      const copied = await navigator.clipboard?.writeText(json).then(
        () => true,
        () => false,
      );
      setStatus({
        intent: "success",
        title: copied ? `Copied ${cache.list().length} schedule(s) to the clipboard` : `${cache.list().length} schedule(s) below`,
        lines: ["Paste into a text editor and save as rate-schedules.json."],
      });
      return;
    }
    const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "rate-schedules.json";
    link.click();
    URL.revokeObjectURL(url);
  };

  // The workbook's Rates sheet still wins over a sample of the same id, as at start-up.
  const onLoadSamples = async () => {
    const report = await loadPublishedSamples(store, BUNDLED_SCHEDULES);
    const problems = await mergeRatesSheet(cache, workbook);
    return { done: report.done, problems: [...report.problems, ...problems] };
  };

  const current = rows.find((r) => r.schedule.id === selected)?.schedule;
  return (
    <>
      <Subtitle2 as="h2">Rate schedules</Subtitle2>
      <Body1>
        The UB functions and billing price against these. Stored on this computer; export them to the {RATES_SHEET} sheet (one row per
        price, where you can change a price in place and import it back) to keep them with the workbook.
      </Body1>
      <Toolbar className={styles.toolbar} aria-label="Rate schedule actions">
        <Button onClick={() => fileInput.current?.click()} disabledFocusable={busy}>
          Import JSON file
        </Button>
        <Button onClick={() => run("Imported", () => importRatesSheet(store, workbook))} disabledFocusable={busy}>
          Import {RATES_SHEET} sheet
        </Button>
        <Button onClick={onExportSheet} disabled={rows.length === 0} disabledFocusable={busy}>
          Export to {RATES_SHEET} sheet
        </Button>
        <Button onClick={() => void onExportJson()} disabled={rows.length === 0} disabledFocusable={busy}>
          Export JSON
        </Button>
        <Button onClick={() => run("Loaded", onLoadSamples)} disabledFocusable={busy}>
          Load published samples
        </Button>
      </Toolbar>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Rate schedule JSON file"
        onChange={(e) => void onFile(e.target.files)}
      />
      {busy && <Spinner size="tiny" label="Working..." />}
      {confirmExport && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Replace the {RATES_SHEET} sheet?</MessageBarTitle>
            It and the {RATE_SCHEDULES_SHEET} sheet will be rewritten with the {rows.length} schedules listed here, one row per price.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onExportSheet}>Replace</Button>
            <Button onClick={() => setConfirmExport(false)}>Cancel</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {status && (
        <MessageBar layout="multiline" intent={status.intent} role="status">
          <MessageBarBody>
            <MessageBarTitle>{status.title}</MessageBarTitle>
            <ul className={styles.problems}>
              {status.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {exported !== undefined && (
        <Textarea className={styles.exported} readOnly value={exported} aria-label="Rate schedules as JSON" resize="vertical" />
      )}
      {rows.length === 0 ? (
        <Body1>
          No rate schedules are loaded, so UB functions answer #N/A. Import a JSON file or a {RATES_SHEET} sheet, or load the seven
          published samples (Chubbuck, Pocatello sanitation and others) to try the functions.
        </Body1>
      ) : (
        <ScheduleTable rows={rows} selected={selected} onSelect={setSelected} />
      )}
      {current && <ScheduleDetail schedule={current} />}
    </>
  );
}
