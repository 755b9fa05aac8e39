export type {
  AccountImpact,
  BlockFrequency,
  ChangeBand,
  ChangeDistribution,
  ImpactAccountInputs,
  ImpactBill,
  ImpactRequest,
  ImpactResult,
  RevenueRow,
  TypicalBill,
  UsageBracket,
} from "./types";
export { billKey, mostAffected, rateImpact, revenueUnder, tabulateBills } from "./rateImpact";
export type { TabulatedBill } from "./rateImpact";
export { scalableCharges, scaleSchedule } from "./scaleSchedule";
export { solveRevenue } from "./solveRevenue";
export type { Solved, SolveRequest } from "./solveRevenue";
export { TYPICAL_LEVELS } from "./typicalBills";
