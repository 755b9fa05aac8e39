import { CyclePolicy, POCATELLO_POLICY } from "../engine";
import { DEFAULT_OFFICE, Office } from "./office";

export type { Office } from "./office";
export { DEFAULT_OFFICE } from "./office";

export interface CycleSettings {
  readonly policy: CyclePolicy;
  /** The office when the workbook has no Office sheet (then written with it). */
  readonly office: Office;
}

export const DEFAULT_CYCLE_SETTINGS: CycleSettings = { policy: POCATELLO_POLICY, office: DEFAULT_OFFICE };
