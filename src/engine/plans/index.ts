export type { Instalment, InstalmentState, PaymentPlan, PlanPolicy, PlanRequest, PlanStatus } from "./paymentPlan";
export { DEFAULT_PLAN_POLICY, makePlan, planStatus } from "./paymentPlan";
