/**
 * Messages between the force-layout scheduler (main thread, forceatlas2.ts) and the FA2 engine
 * (fa2.worker.ts, or in-process where there are no workers). The worker iterates on its own; the
 * main thread only says when it is ready for the next positions ("want"), so a big map is not
 * re-drawn after every iteration. Every message names its run: a late message of an ended run is
 * ignored.
 */
import type { FA2Settings } from "./fa2-matrices.ts";

export type LayoutRequest =
  | {
      type: "start";
      run: number;
      nodes: Float32Array;
      edges: Float32Array;
      settings: FA2Settings;
      /** The run ends by itself (final positions sent) after this long… */
      durationMs: number;
      /** …or after this many iterations, whichever comes first. */
      maxIterations?: number;
      /** First positions wanted this long after the start (null: none until a "want"). */
      firstAfterMs: number | null;
      progressEveryMs: number;
    }
  /** The main thread applied the last positions: send the next ones no sooner than `afterMs` from now. */
  | { type: "want"; run: number; afterMs: number }
  /** End now and send the final positions. */
  | { type: "stop"; run: number }
  /** End now, send nothing. */
  | { type: "cancel"; run: number };

export interface LayoutProgress {
  run: number;
  iterations: number;
  elapsedMs: number;
}

export type LayoutMessage =
  | ({ type: "progress" } & LayoutProgress)
  /** Intermediate positions: x, y per node, in the order of the start matrix. */
  | ({ type: "positions"; xy: Float32Array } & LayoutProgress)
  | ({ type: "done"; xy: Float32Array; reason: "stopped" | "duration" | "iterations" } & LayoutProgress);

/** Either end of the channel: a Worker, or the in-process stand-in (fa2-port.ts). */
export interface LayoutPort {
  post(msg: LayoutRequest, transfer?: Transferable[]): void;
  /** The one listener (set once). `onError`: the worker failed (script error, could not start). */
  listen(onMessage: (msg: LayoutMessage) => void, onError: (err: unknown) => void): void;
  terminate(): void;
}
