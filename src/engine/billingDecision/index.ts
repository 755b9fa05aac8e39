export type * from "./types";
export { DECISIONS, isEstimated } from "./catalog";
export { decideBilling } from "./decideBilling";
export { estimateFromHistory, ESTIMATE_PERIODS } from "./estimateFromHistory";
export { servicePeriod } from "./servicePeriod";
