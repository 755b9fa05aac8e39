export type * from "./types";
export { indexAccounts } from "./indexAccounts";
export { findAccounts } from "./findAccounts";
