/** What jsdom lacks for Dexie and Fluent UI (OFFICE_NOTES: structuredClone, ResizeObserver). */
import "fake-indexeddb/auto";
import { deserialize, serialize } from "v8";
import { configure } from "@testing-library/react";

const g = globalThis as Record<string, unknown>;
if (typeof g.structuredClone !== "function") g.structuredClone = (value: unknown) => deserialize(serialize(value));
if (typeof g.ResizeObserver !== "function") {
  g.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// The pane's tests wait on IndexedDB (fake-indexeddb) and React together; on a busy two-core CI
// machine a wait can pass a second. Testing Library's waitFor and findBy* wait up to 5 s instead of 1.
configure({ asyncUtilTimeout: 5_000 });
