/**
 * ForceAtlas2 on the editor's DISPLAY graph, iterated in a worker of our own (fa2-engine.ts): the map
 * moves on screen while the document is untouched. Stopping (or the run reaching its duration)
 * writes the final positions to the document as ONE undo step (`commitDisplayPositions`); cancelling
 * puts every actor back where it was and writes nothing.
 *
 * How often the display is updated is the point of this module. Writing positions into the display
 * graph makes sigma re-index every node and redraw: cheap on a small map, seconds on a big one
 * (a 100k-actor frame takes tens of seconds on a software renderer). So:
 * - a small map (≤ {@link LIVE_LAYOUT_MAX_NODES} actors and ≤ {@link LIVE_LAYOUT_MAX_EDGES}
 *   relationships) is "live": new positions every frame, the animation the supervisor gave;
 * - a bigger one gets positions no more than once every {@link BIG_LAYOUT_MIN_GAP_MS}, and never
 *   sooner than {@link BIG_LAYOUT_APPLY_RATIO} × what the last update cost (applying + the frame
 *   after it), so the page is free at least 80 % of the time however slow the renderer is.
 * The worker iterates meanwhile and reports progress (iterations, time left) a few times a second.
 */
import type Sigma from "sigma";
import type { DisplayGraph } from "../sigma/display-graph.ts";
import { applyPositions, layoutMatrices, layoutSettings } from "./fa2-matrices.ts";
import { createLayoutPort } from "./fa2-port.ts";
import type { LayoutMessage, LayoutPort } from "./fa2-protocol.ts";
import { followNodes, refit } from "./fit.ts";

export interface ForceLayoutHost {
  getDisplayGraph(): DisplayGraph;
  commitDisplayPositions(label: string, ids?: readonly string[]): void;
  /** The renderer, to keep the moving map framed (null without WebGL). */
  getSigma(): Sigma | null;
}

export interface ForceLayoutRun {
  /** Ends the run and commits the final positions (one undo step). Safe to call twice. */
  stop(): void;
  /** Ends the run and restores the positions it started from; writes nothing to the document. */
  cancel(): void;
  /** Same as {@link ForceLayoutRun.cancel} (kept for callers of the supervisor-based version). */
  kill(): void;
  /** True until the run has ended (committed or cancelled); also while a stop awaits the final positions. */
  isRunning(): boolean;
}

export interface ForceLayoutProgress {
  iterations: number;
  elapsedMs: number;
  durationMs: number;
  /** Time left before the run stops by itself. */
  leftMs: number;
  /** Positions shown every frame (small map) or every few seconds (big map). */
  live: boolean;
  /** How many times the display has been updated so far. */
  updates: number;
  /** What the last update cost the main thread (apply + the next frame), ms. */
  lastApplyMs: number | null;
  /** "stopping": Stop was pressed, the final positions are on their way. */
  phase: "running" | "stopping";
}

/** Timers of the scheduler (injectable for tests). */
export interface LayoutClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `fn` once the frame showing the last change has been drawn. */
  afterFrame(fn: () => void): void;
}

export interface ForceLayoutOptions {
  /** Run length (default {@link defaultDuration}). */
  durationMs?: number;
  /** Stop after this many iterations at most. */
  maxIterations?: number;
  /** Live (every frame) or throttled updates; default from the map's size ({@link isLiveLayout}). */
  live?: boolean;
  onProgress?: (p: ForceLayoutProgress) => void;
  onStop?: (outcome: "committed" | "cancelled") => void;
  /** The engine channel (default: a new layout worker, or the in-process engine). */
  port?: LayoutPort;
  clock?: Partial<LayoutClock>;
}

export const FA2_UNDO_LABEL = "Force-directed layout";
/** Above this many actors (or {@link LIVE_LAYOUT_MAX_EDGES} relationships) positions are throttled. */
export const LIVE_LAYOUT_MAX_NODES = 2_000;
export const LIVE_LAYOUT_MAX_EDGES = 10_000;
/** Big maps: at least this long between two display updates… */
export const BIG_LAYOUT_MIN_GAP_MS = 2_000;
/** …and at least this many times what the last update cost. */
export const BIG_LAYOUT_APPLY_RATIO = 4;
export const LAYOUT_PROGRESS_EVERY_MS = 250;

/** Whether a map is small enough for positions every frame. */
export const isLiveLayout = (graph: { order: number; size: number }): boolean =>
  graph.order <= LIVE_LAYOUT_MAX_NODES && graph.size <= LIVE_LAYOUT_MAX_EDGES;

/** How long a run lasts before it stops by itself: longer for bigger maps, capped. */
export function defaultDuration(order: number): number {
  return Math.min(20_000, 2_500 + order * 2);
}

const afterFrame = (fn: () => void) => {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
};
const defaultClock: LayoutClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  afterFrame,
};

let runs = 0;

/** Starts FA2 in the layout worker; it stops by itself after `durationMs` (default {@link defaultDuration}). */
export function startForceLayout(host: ForceLayoutHost, opts: ForceLayoutOptions = {}): ForceLayoutRun {
  const clock: LayoutClock = { ...defaultClock, ...opts.clock };
  const graph = host.getDisplayGraph();
  const run = ++runs;
  const live = opts.live ?? isLiveLayout(graph);
  const durationMs = opts.durationMs ?? defaultDuration(graph.order);
  const { ids, nodes, edges } = layoutMatrices(graph);
  // In full precision (the matrices are Float32): Cancel must give back the exact positions.
  const start = new Float64Array(ids.length * 2);
  ids.forEach((id, i) => {
    const a = graph.getNodeAttributes(id);
    start[2 * i] = a.x;
    start[2 * i + 1] = a.y;
  });
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));

  let phase: "running" | "stopping" | "ended" = "running";
  let pending: Float32Array | null = null;
  let applying = false;
  let timer: unknown = null;
  let nextApplyAt = live ? 0 : clock.now() + BIG_LAYOUT_MIN_GAP_MS;
  let updates = 0;
  let lastApplyMs: number | null = null;
  let last = { iterations: 0, elapsedMs: 0 };
  const port = opts.port ?? createLayoutPort();

  const report = () => {
    if (phase === "ended") return;
    opts.onProgress?.({ ...last, durationMs, leftMs: Math.max(0, durationMs - last.elapsedMs), live, updates, lastApplyMs, phase });
  };

  const end = (xy: Float32Array | Float64Array, outcome: "committed" | "cancelled") => {
    phase = "ended";
    pending = null;
    if (timer !== null) clock.clearTimeout(timer);
    port.terminate();
    applyPositions(graph, index, xy);
    if (outcome === "committed" && graph.order > 0) host.commitDisplayPositions(FA2_UNDO_LABEL);
    refit(host.getSigma());
    opts.onStop?.(outcome);
  };

  const tryApply = () => {
    if (phase !== "running" || applying || !pending || timer !== null) return;
    const wait = nextApplyAt - clock.now();
    if (wait > 0) {
      // A worker that sent early (it should not): hold the latest positions until their time.
      timer = clock.setTimeout(() => {
        timer = null;
        tryApply();
      }, wait);
      return;
    }
    const xy = pending;
    pending = null;
    applying = true;
    const t = clock.now();
    applyPositions(graph, index, xy);
    updates++;
    clock.afterFrame(() => {
      applying = false;
      if (phase !== "running") return;
      lastApplyMs = clock.now() - t;
      const gap = live ? 0 : Math.max(BIG_LAYOUT_MIN_GAP_MS, BIG_LAYOUT_APPLY_RATIO * lastApplyMs);
      nextApplyAt = clock.now() + gap;
      port.post({ type: "want", run, afterMs: gap });
      report();
      tryApply();
    });
  };

  const onMessage = (msg: LayoutMessage) => {
    if (msg.run !== run || phase === "ended") return;
    last = { iterations: msg.iterations, elapsedMs: msg.elapsedMs };
    if (msg.type === "done") return end(msg.xy, "committed");
    report();
    if (msg.type === "positions" && phase === "running") {
      pending = msg.xy;
      tryApply();
    }
  };
  // The worker died: keep what the display shows (as Stop would), so no work is lost silently.
  const onError = () => phase !== "ended" && end(positionsFromGraph(), "committed");
  const positionsFromGraph = () => {
    const xy = new Float64Array(ids.length * 2);
    ids.forEach((id, i) => {
      if (!graph.hasNode(id)) return;
      const a = graph.getNodeAttributes(id);
      xy[2 * i] = a.x;
      xy[2 * i + 1] = a.y;
    });
    return xy;
  };

  port.listen(onMessage, onError);
  followNodes(host.getSigma());
  port.post(
    {
      type: "start",
      run,
      nodes,
      edges,
      settings: layoutSettings(graph.order),
      durationMs,
      maxIterations: opts.maxIterations,
      firstAfterMs: live ? 0 : BIG_LAYOUT_MIN_GAP_MS,
      progressEveryMs: LAYOUT_PROGRESS_EVERY_MS,
    },
    [nodes.buffer, edges.buffer],
  );

  return {
    stop: () => {
      if (phase !== "running") return;
      phase = "stopping";
      report();
      port.post({ type: "stop", run });
    },
    cancel: () => phase !== "ended" && end(start, "cancelled"),
    kill: () => phase !== "ended" && end(start, "cancelled"),
    isRunning: () => phase !== "ended",
  };
}
