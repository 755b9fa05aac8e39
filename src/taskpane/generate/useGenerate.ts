import { useCallback, useMemo, useRef, useState } from "react";
import { IsoDate, scheduleToJson } from "../../engine";
import type { OutputName } from "../../cycle/generateCycle";
import type { CycleJob, CycleJobResult } from "../../worker/protocol";
import { inlineEngine } from "../engine/engineRunner";
import { loadSettings } from "../../storage/settings";
import { Cancelled } from "../../workbook/port";
import { useServices } from "../services";
import { RunProgress, RunProgressView } from "./runProgress";

export interface GenerateRequest {
  readonly scheduleId: string;
  readonly billDate?: IsoDate;
  readonly periodStart?: IsoDate;
  readonly periodEnd?: IsoDate;
  readonly outputs: readonly OutputName[];
}

/** The Generate view's state: preview, generate with progress and cancel, and what was written. */
export function useGenerate() {
  const { workbook, cache, decisions, db, now, engine } = useServices();
  const [preview, setPreview] = useState<readonly (readonly [string, string])[]>();
  const [written, setWritten] = useState<readonly string[]>([]);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [progress, setProgress] = useState<RunProgressView>();
  /** The last run's end: how long it took and what it made, said once it is done. */
  const [finished, setFinished] = useState<{ seconds: number; wrote: boolean }>();
  const [error, setError] = useState<string>();
  const cancelled = useRef(false);
  const runner = useMemo(() => engine ?? inlineEngine(workbook), [engine, workbook]);

  const job = useCallback(
    async (request: GenerateRequest, kind: CycleJob["kind"], at: string): Promise<CycleJob> => {
      const schedule = cache.get(request.scheduleId);
      if (!schedule) throw new Error(`No rate schedule "${request.scheduleId}" is loaded; import one in the Rates view.`);
      const settings = await loadSettings(db);
      return {
        kind,
        scheduleJson: scheduleToJson(schedule),
        settings: { policy: settings.policy, office: settings.office },
        readEdits: settings.readEdits,
        decisions: await decisions.list(),
        dates: { billDate: request.billDate, periodStart: request.periodStart, periodEnd: request.periodEnd },
        outputs: request.outputs,
        now: at,
      };
    },
    [cache, db, decisions],
  );

  const run = useCallback(
    async (request: GenerateRequest, write: boolean) => {
      cancelled.current = false;
      setError(undefined);
      setFinished(undefined);
      const started = Date.now();
      const tracker = new RunProgress(write, started);
      setProgress(tracker.update("Reading the workbook", 0, 1, started));
      try {
        const at = now();
        const outcome = (await runner.run(
          { kind: "cycle", job: await job(request, write ? "generate" : "preview", at) },
          {
            progress: (phase, done, total, rows) => setProgress(tracker.update(phase, done, total, Date.now(), rows)),
            cancelled: () => cancelled.current,
          },
        )) as CycleJobResult;
        if (!outcome.ok) return setError(outcome.message);
        setPreview(outcome.preview);
        setProblems(outcome.problems);
        setFinished({ seconds: Math.max(1, Math.round((Date.now() - started) / 1000)), wrote: write });
        if (!write) return;
        setWritten(outcome.written);
        await db.runs.add({ at, ...outcome.run, outputs: [...outcome.written] });
      } catch (e) {
        setError(
          e instanceof Cancelled
            ? "Generation cancelled; the sheets already replaced are complete, the rest are as they were."
            : (e as Error).message,
        );
      } finally {
        setProgress(undefined);
      }
    },
    [job, runner, db, now],
  );

  const open = useCallback((sheet: string) => workbook.select(sheet, 0, 0).catch(() => undefined), [workbook]);
  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  return { preview, written, problems, progress, finished, error, run, open, cancel };
}
