export { maskedAccount, routingProblem } from "./routing";
export type { AutopayDebit, NachaFile, NachaFileOptions, Originator } from "./nachaFile";
export { nachaDebitFile } from "./nachaFile";
