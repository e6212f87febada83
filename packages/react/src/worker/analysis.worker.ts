/**
 * Entry of the analysis web worker (`new Worker(new URL("./analysis.worker.ts", import.meta.url),
 * { type: "module" })`, see create-worker.ts). All logic is in handler.ts.
 */
import { createAnalysisHandler } from "./handler.ts";
import type { RunRequest, WorkerMessage } from "./protocol.ts";

interface WorkerScope {
  onmessage: ((e: MessageEvent<RunRequest>) => void) | null;
  postMessage(msg: WorkerMessage, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const handle = createAnalysisHandler();
scope.onmessage = (e) => handle(e.data, (msg, transfer = []) => scope.postMessage(msg, transfer));
