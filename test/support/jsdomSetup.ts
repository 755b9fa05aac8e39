/** What jsdom lacks for Dexie and Fluent UI (OFFICE_NOTES: structuredClone, ResizeObserver). */
import "fake-indexeddb/auto";
import { deserialize, serialize } from "v8";

const g = globalThis as Record<string, unknown>;
if (typeof g.structuredClone !== "function") g.structuredClone = (value: unknown) => deserialize(serialize(value));
if (typeof g.ResizeObserver !== "function") {
  g.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
