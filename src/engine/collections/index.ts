export type * from "./types";
export type { StandingInput } from "./collectionStanding";
export { collectionStanding } from "./collectionStanding";
