import { useCallback, useRef, useState } from "react";
import type { CycleResult, IsoDate } from "../../engine";
import { generateCycle, OutputName, previewCycle } from "../../cycle/generateCycle";
import type { LoadedCycle } from "../../cycle/inputs";
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
  const { workbook, cache, decisions, db, now } = useServices();
  const [preview, setPreview] = useState<{ loaded: LoadedCycle; result: CycleResult }>();
  const [written, setWritten] = useState<string[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number }>();
  const [error, setError] = useState<string>();
  const cancelled = useRef(false);

  const options = useCallback(
    async (request: GenerateRequest) => {
      const schedule = cache.get(request.scheduleId);
      if (!schedule) throw new Error(`No rate schedule "${request.scheduleId}" is loaded; import one in the Rates view.`);
      const settings = await loadSettings(db);
      return {
        schedule,
        settings: { policy: settings.policy, office: settings.office },
        readEdits: settings.readEdits,
        decisions: await decisions.list(),
        dates: { billDate: request.billDate, periodStart: request.periodStart, periodEnd: request.periodEnd },
        progress: (phase: string, done: number, total: number) => setProgress({ phase, done, total }),
        cancelled: () => cancelled.current,
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
        const base = await options(request);
        if (!write) {
          const p = await previewCycle(workbook, base);
          if (!p.ok) return setError(p.message);
          setPreview({ loaded: p.loaded, result: p.result });
          setProblems(p.loaded.problems);
          return;
        }
        const at = now();
        const g = await generateCycle(workbook, { ...base, outputs: request.outputs, now: at });
        if (!g.ok) return setError(g.message);
        const { loaded, result } = g.run;
        setPreview({ loaded, result });
        setWritten(g.run.written);
        setProblems(g.run.problems);
        await db.runs.add({
          at,
          billDate: loaded.input.billDate,
          period: `${loaded.input.periodStart} to ${loaded.input.periodEnd}`,
          schedule: base.schedule.id,
          bills: result.register.billed,
          held: result.held.length,
          currentCharges: result.register.currentCharges.toCents(),
          totalDue: result.register.totalDue.toCents(),
          difference: result.reconciliation.difference.toCents(),
          fingerprints: loaded.fingerprints,
          outputs: g.run.written,
        });
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
    [options, workbook, db, now],
  );

  const open = useCallback((sheet: string) => workbook.select(sheet, 0, 0).catch(() => undefined), [workbook]);
  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  return { preview, written, problems, progress, error, run, open, cancel };
}
