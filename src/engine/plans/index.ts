export type { Instalment, InstalmentState, PaymentPlan, PlanPolicy, PlanRequest, PlanState, PlanStatus } from "./paymentPlan";
export { DEFAULT_PLAN_POLICY, makePlan, minimumDownPayment, planStatus } from "./paymentPlan";
