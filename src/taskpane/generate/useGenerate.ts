import { useCallback, useMemo, useRef, useState } from "react";
import { IsoDate, scheduleToJson } from "../../engine";
import type { OutputName } from "../../cycle/generateCycle";
import type { CycleJob, CycleJobResult } from "../../worker/protocol";
import { inlineEngine } from "../engine/engineRunner";
import { loadSettings } from "../../storage/settings";
import { Cancelled } from "../../workbook/port";
import { useServices } from "../services";

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
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number }>();
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
      setProgress({ phase: "Reading the workbook", done: 0, total: 1 });
      try {
        const at = now();
        const outcome = (await runner.run(
          { kind: "cycle", job: await job(request, write ? "generate" : "preview", at) },
          {
            progress: (phase, done, total) => setProgress({ phase, done, total }),
            cancelled: () => cancelled.current,
          },
        )) as CycleJobResult;
        if (!outcome.ok) return setError(outcome.message);
        setPreview(outcome.preview);
        setProblems(outcome.problems);
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

  return { preview, written, problems, progress, error, run, open, cancel };
}
