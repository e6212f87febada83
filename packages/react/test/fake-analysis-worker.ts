/**
 * A stand-in for the analysis web worker: requests pass through structuredClone with their
 * transfer lists (as postMessage does) and run through the real handler when the test says so.
 */
import { createAnalysisHandler } from "../src/worker/handler.ts";
import type { WorkerLike } from "../src/worker/client.ts";
import type { RunRequest, WorkerMessage } from "../src/worker/protocol.ts";

export class FakeAnalysisWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly inbox: RunRequest[] = [];
  terminated = false;
  private readonly handle = createAnalysisHandler();

  postMessage(msg: RunRequest, transfer: Transferable[]): void {
    if (this.terminated) throw new Error("posted to a terminated worker");
    this.inbox.push(structuredClone(msg, { transfer }));
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Runs the oldest request and delivers its messages (none once terminated). */
  process(): void {
    const req = this.inbox.shift();
    if (!req) throw new Error("no request to process");
    this.handle(req, (msg, transfer = []) => {
      const copy = structuredClone(msg, { transfer });
      if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<WorkerMessage>);
    });
  }
}

/** Options for an AnalysisClient / EditorController that always uses fake workers (kept in `workers`). */
export function fakeWorkers(): { workers: FakeAnalysisWorker[]; options: { inlineBelow: number; createWorker: () => FakeAnalysisWorker } } {
  const workers: FakeAnalysisWorker[] = [];
  return {
    workers,
    options: {
      inlineBelow: 0,
      createWorker: () => {
        const w = new FakeAnalysisWorker();
        workers.push(w);
        return w;
      },
    },
  };
}
