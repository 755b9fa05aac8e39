export type * from "./types";
export { indexAccounts } from "./indexAccounts";
export { findAccounts } from "./findAccounts";
export type { CloseSettlement, DepositPolicy } from "./lifecycle";
export { depositFor, POCATELLO_DEPOSIT, settleClose, transferBalance } from "./lifecycle";
export type { AccountChange } from "./history";
export { accountHistory, changesInEffect } from "./history";
export type { LevelPayQuote } from "./levelPayEnrolment";
export { emailProblem, levelPayEnrolment } from "./levelPayEnrolment";
