/**
 * The channel to the FA2 engine: a module worker of our own where the platform has them, else the
 * same engine in-process (Node, jsdom, a page that may not start workers), which yields between
 * chunks of iterations so a small map stays usable.
 */
import { createFa2Engine } from "./fa2-engine.ts";
import type { LayoutMessage, LayoutPort, LayoutRequest } from "./fa2-protocol.ts";

/** The worker, or null where module workers are not available. */
function createLayoutWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    // Written out literally so Vite finds and bundles the worker.
    return new Worker(new URL("./fa2.worker.ts", import.meta.url), { type: "module", name: "powermap-layout" });
  } catch {
    return null;
  }
}

function workerPort(worker: Worker): LayoutPort {
  return {
    post: (msg, transfer = []) => worker.postMessage(msg, transfer),
    listen: (onMessage, onError) => {
      worker.onmessage = (e: MessageEvent<LayoutMessage>) => onMessage(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        onError(e);
      };
    },
    terminate: () => worker.terminate(),
  };
}

/** The engine on this thread, behind the same asynchronous interface as the worker. */
export function inProcessPort(): LayoutPort {
  let listener: ((msg: LayoutMessage) => void) | null = null;
  let dead = false;
  let lastRun = -1;
  const handle = createFa2Engine((msg) => {
    if (!dead) setTimeout(() => !dead && listener?.(msg), 0);
  });
  return {
    post: (msg: LayoutRequest) => {
      if (msg.type === "start") lastRun = msg.run;
      if (!dead) setTimeout(() => !dead && handle(msg), 0);
    },
    listen: (onMessage) => (listener = onMessage),
    terminate: () => {
      dead = true;
      // Ends the current run: the engine's loop stops at its next chunk.
      handle({ type: "cancel", run: lastRun });
    },
  };
}

/** A port to a new layout worker, or to the in-process engine when there is none. */
export function createLayoutPort(): LayoutPort {
  const worker = createLayoutWorker();
  return worker ? workerPort(worker) : inProcessPort();
}
