/// <reference lib="webworker" />
/**
 * The engine's worker: reviews and cycles run here, off the task pane's thread, so the pane and
 * the UB functions (which share that thread in the shared runtime) stay responsive. Desktop Excel
 * restarts an add-in that does not respond for 5 seconds (../shared/OFFICE_NOTES.md).
 */
import type { FromWorker, ToWorker } from "./protocol";
import { serveEngine } from "./serve";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = serveEngine((message: FromWorker) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<ToWorker>) => handle(event.data);
