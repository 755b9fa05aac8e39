import type { WorkbookPort } from "../workbook/port";
import { JobHooks, runCycleJob } from "./cycleJob";
import { runImpactJob } from "./impactJob";
import type { EngineJob } from "./protocol";
import type { ReviewSession } from "./reviewSession";

/** Runs one job of the engine against a workbook port: the worker's dispatcher, and the tests'. */
export async function runEngineJob(port: WorkbookPort, session: ReviewSession, job: EngineJob, hooks: JobHooks): Promise<unknown> {
  switch (job.kind) {
    case "cycle":
      return runCycleJob(port, job.job, hooks);
    case "impact":
      return runImpactJob(port, job.job, hooks);
    case "review":
      return session.validate(port, job.job, hooks);
    case "decide":
      return session.decide(port, job.job);
    case "afterDecision":
      return session.afterDecision(port, job.decision, job.row, job.all, job.policy);
    case "closeReview":
      return session.close();
  }
}
