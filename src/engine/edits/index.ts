export type * from "./types";
export type { ReadEditSettings, BaselineKind } from "./settings";
export { DEFAULT_READ_EDIT_SETTINGS } from "./settings";
export type { EditDefinition } from "./catalog";
export { EDITS, EDIT_CODES } from "./catalog";
export type { ReviewContext } from "./detectReadEdits";
export { detectReadEdits } from "./detectReadEdits";
export { usageBaseline } from "./baseline";
