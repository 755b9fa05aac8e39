import { Cancelled } from "../workbook/port";
import { PortProxy } from "./portProxy";
import type { FromWorker, ToWorker } from "./protocol";
import { ReviewSession } from "./reviewSession";
import { runEngineJob } from "./runEngineJob";

/**
 * The engine's side of the worker: answers the pane's messages. `post` sends to the pane; the
 * returned handler takes each message from it. main.ts wires it to the worker's global scope;
 * tests wire it to a fake worker that copies every message as a browser would.
 */
export function serveEngine(post: (message: FromWorker) => void): (message: ToWorker) => void {
  const port = new PortProxy(post);
  const session = new ReviewSession();
  let cancelled = false;
  return (message) => {
    if (message.type === "rows") return port.rows(message.id, message.rows);
    if (message.type === "reply") return port.answer(message.id, message.value, message.error);
    if (message.type === "cancel") {
      cancelled = true;
      return;
    }
    cancelled = false;
    runEngineJob(port, session, message.job, {
      progress: (phase, done, total) => post({ type: "progress", phase, done, total }),
      cancelled: () => cancelled,
    })
      .then((result) => post({ type: "done", result }))
      .catch((error: Error) => {
        // A job that failed, or whose answer could not be copied to the pane (DataCloneError).
        post({ type: "failed", message: error.message, cancelled: error instanceof Cancelled });
      });
  };
}
