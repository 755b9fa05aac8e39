import { createContext, useContext } from "react";
import type { UbDatabase } from "../storage/db";
import type { ScheduleCache } from "../storage/scheduleCache";
import type { ScheduleStore } from "../storage/scheduleStore";
import type { DecisionStore } from "../storage/decisionStore";
import type { WorkbookPort } from "../workbook/port";
import type { HostInfo } from "./host";
import type { EngineRunner } from "./engine/engineRunner";

/**
 * What the views use to reach storage and the workbook. The runtime builds it with Office.js and
 * Dexie; tests build it with the in-memory workbook and fake-indexeddb.
 */
export interface Services {
  readonly db: UbDatabase;
  readonly cache: ScheduleCache;
  readonly store: ScheduleStore;
  readonly workbook: WorkbookPort;
  readonly decisions: DecisionStore;
  /** The clock, read at the edge: ISO date-time now. */
  readonly now: () => string;
  /** Problems met while loading schedules at start-up, shown in the Rates view. */
  readonly startupProblems: readonly string[];
  /** The Office host: its theme and whether it can download a file (default: a web host, light). */
  readonly host?: HostInfo;
  /** Where the engine runs: a Web Worker in the add-in; the pane's own thread when absent (tests). */
  readonly engine?: EngineRunner;
  /** The view the pane showed last in this workbook, kept in the document's settings. */
  readonly lastView?: { load(): string | undefined; save(view: string): void };
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("UB Workbench services are not set up");
  return services;
}
