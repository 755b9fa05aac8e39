import { useCallback, useEffect, useState } from "react";
import { writtenText } from "../../../accounts/tasks/context";
import type { TaskContext, TaskOutcome } from "../../../accounts/tasks/context";
import { DEFAULT_SETTINGS, loadSettings } from "../../../storage/settings";
import { useSchedules } from "../../useSchedules";
import { VaultRefused } from "../../../storage/vaultStore";
import { localDate } from "../../payments/batchForm";
import { useServices } from "../../services";
import { useCounter } from "../counter";
import { billingSchedule } from "./billingSchedule";

/** What a task said when it ended: the summary and what it wrote, or why it did nothing. */
export interface TaskMessage {
  readonly ok: boolean;
  readonly text: string;
}

/** The message a task's outcome is shown as: its summary and the rows it wrote ("Account Changes rows 4-6; Letter Log row 2"). */
export function outcomeMessage(outcome: TaskOutcome<unknown>): TaskMessage {
  if (!outcome.ok) return { ok: false, text: `Nothing was done: ${outcome.message}` };
  return { ok: true, text: `${outcome.summary} Wrote ${writtenText(outcome.written)}.${outcome.notice ? ` ${outcome.notice}` : ""}` };
}

/**
 * How the Account view runs an account task: the task's context (the workbook, what the counter
 * read, today's local date, the saved policy and the billing schedule), then for a task done the
 * audit entry it asks for (in a transaction) and a fresh read of the workbook. `busy` while one runs.
 */
export function useTask() {
  const services = useServices();
  const counter = useCounter();
  const [busy, setBusy] = useState(false);
  const [defaultId, setDefaultId] = useState(DEFAULT_SETTINGS.defaultSchedule);
  const { data } = counter;
  // Read again when the loaded schedules change.
  const schedules = useSchedules();
  useEffect(() => {
    let live = true;
    void loadSettings(services.db).then((s) => live && setDefaultId(s.defaultSchedule));
    return () => {
      live = false;
    };
  }, [services.db]);
  const schedule = schedules.length > 0 ? billingSchedule(services.cache, defaultId) : undefined;

  const context = useCallback(async (): Promise<TaskContext> => {
    if (!data) throw new Error("the workbook's accounts are not read yet");
    const settings = await loadSettings(services.db);
    const schedule = billingSchedule(services.cache, settings.defaultSchedule);
    if (!schedule) throw new Error("no rate schedule is loaded: import one in the Rates view");
    const now = services.now();
    return { port: services.workbook, data, today: localDate(now), now, schedule, policy: settings.policy };
  }, [data, services]);

  const run = useCallback(
    async <T>(task: (ctx: TaskContext) => Promise<TaskOutcome<T>>): Promise<TaskOutcome<T>> => {
      setBusy(true);
      let ctx: TaskContext;
      try {
        ctx = await context();
      } catch (error) {
        setBusy(false);
        return { ok: false, message: (error as Error).message };
      }
      try {
        const outcome = await task(ctx);
        if (outcome.ok) {
          const { db } = services;
          await db.transaction("rw", db.audit, async () => {
            const at = services.now();
            for (const entry of [outcome.audit, ...(outcome.moreAudit ?? [])]) await db.audit.add({ at, ...entry });
          });
          counter.load(true);
        }
        return outcome;
      } catch (error) {
        // The autopay vault refused (it is called before anything is written): nothing was done.
        if (error instanceof VaultRefused) return { ok: false, message: error.message };
        // Something broke part way: rows may have been written, so read the workbook again and say where to look.
        counter.load(true);
        return {
          ok: false,
          message: `it stopped part way (${(error as Error).message}); check the Account Changes and Letter Log sheets before trying again`,
        };
      } finally {
        setBusy(false);
      }
    },
    [context, services, counter],
  );

  return { busy: busy || counter.loading, run, context, schedule, data, today: localDate(services.now()) };
}
