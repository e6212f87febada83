/**
 * The FA2 loop of the layout worker: iterates graphology's ForceAtlas2 kernel (`iterate`, the very
 * function the library's synchronous layout and its supervisor run) on the matrices it was sent,
 * with no round trip per iteration. Between chunks of ~`chunkMs` it yields, so "want", "stop" and
 * "cancel" get in. It posts progress every `progressEveryMs`, positions when the main thread has
 * asked for them (and the asked delay has passed), and the final positions when the run ends.
 */
import iterate from "graphology-layout-forceatlas2/iterate.js";
import { positionsOf, type FA2Settings } from "./fa2-matrices.ts";
import type { LayoutMessage, LayoutRequest } from "./fa2-protocol.ts";

export interface EngineClock {
  now(): number;
  /** Runs `fn` later, after pending messages (a macrotask). */
  defer(fn: () => void): void;
}

const realClock: EngineClock = { now: () => performance.now(), defer: (fn) => void setTimeout(fn, 0) };

interface Run {
  id: number;
  nodes: Float32Array;
  edges: Float32Array;
  settings: FA2Settings;
  t0: number;
  durationMs: number;
  maxIterations: number;
  progressEveryMs: number;
  iterations: number;
  lastProgress: number;
  /** When the main thread wants positions next (null: not asked). */
  wantAt: number | null;
}

/** A message handler running FA2 runs (one at a time; a new start replaces the current run). */
export function createFa2Engine(post: (msg: LayoutMessage, transfer: Transferable[]) => void, clock: EngineClock = realClock, chunkMs = 30) {
  let current: Run | null = null;

  const progress = (r: Run, t: number) => ({ run: r.id, iterations: r.iterations, elapsedMs: t - r.t0 });

  const finish = (r: Run, reason: "stopped" | "duration" | "iterations") => {
    current = null;
    const xy = positionsOf(r.nodes);
    post({ type: "done", xy, reason, ...progress(r, clock.now()) }, [xy.buffer]);
  };

  const loop = (r: Run) => {
    if (current !== r) return; // stopped, cancelled or replaced meanwhile
    const chunkEnd = clock.now() + chunkMs;
    let t: number;
    do {
      iterate(r.settings, r.nodes, r.edges);
      r.iterations++;
      t = clock.now();
      if (r.iterations >= r.maxIterations) return finish(r, "iterations");
      if (t - r.t0 >= r.durationMs) return finish(r, "duration");
      if (r.wantAt !== null && t >= r.wantAt) {
        r.wantAt = null;
        r.lastProgress = t;
        const xy = positionsOf(r.nodes);
        post({ type: "positions", xy, ...progress(r, t) }, [xy.buffer]);
      } else if (t - r.lastProgress >= r.progressEveryMs) {
        r.lastProgress = t;
        post({ type: "progress", ...progress(r, t) }, []);
      }
    } while (t < chunkEnd);
    clock.defer(() => loop(r));
  };

  return (msg: LayoutRequest): void => {
    if (msg.type === "start") {
      const t0 = clock.now();
      const r: Run = {
        id: msg.run,
        nodes: msg.nodes,
        edges: msg.edges,
        settings: msg.settings,
        t0,
        durationMs: msg.durationMs,
        maxIterations: msg.maxIterations ?? Infinity,
        progressEveryMs: msg.progressEveryMs,
        iterations: 0,
        lastProgress: t0,
        wantAt: msg.firstAfterMs === null ? null : t0 + msg.firstAfterMs,
      };
      current = r;
      if (r.nodes.length === 0 || r.maxIterations <= 0) return finish(r, "iterations");
      clock.defer(() => loop(r));
      return;
    }
    const r = current;
    if (!r || r.id !== msg.run) return;
    if (msg.type === "want") r.wantAt = clock.now() + msg.afterMs;
    else if (msg.type === "stop") finish(r, "stopped");
    else current = null; // cancel
  };
}
