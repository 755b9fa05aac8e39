import { CyclePolicy, POCATELLO_POLICY } from "../engine";

/** Who the bills, letters and door hangers come from. Empty fields are left off the page. */
export interface Office {
  readonly utilityName: string;
  readonly officeName: string;
  readonly address: string;
  readonly phone: string;
  readonly hours: string;
}

export const DEFAULT_OFFICE: Office = {
  utilityName: "City Utility Billing",
  officeName: "Utility Billing Office",
  address: "",
  phone: "",
  hours: "",
};

export interface CycleSettings {
  readonly policy: CyclePolicy;
  readonly office: Office;
}

export const DEFAULT_CYCLE_SETTINGS: CycleSettings = { policy: POCATELLO_POLICY, office: DEFAULT_OFFICE };
