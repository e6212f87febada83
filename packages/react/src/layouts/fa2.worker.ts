/**
 * Entry of the force-layout web worker (`new Worker(new URL("./fa2.worker.ts", import.meta.url),
 * { type: "module" })`, see fa2-port.ts). All logic is in fa2-engine.ts.
 */
import { createFa2Engine } from "./fa2-engine.ts";
import type { LayoutMessage, LayoutRequest } from "./fa2-protocol.ts";

interface WorkerScope {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(msg: LayoutMessage, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const handle = createFa2Engine((msg, transfer) => scope.postMessage(msg, transfer));
scope.onmessage = (e) => handle(e.data);
