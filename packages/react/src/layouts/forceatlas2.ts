/**
 * ForceAtlas2 on the editor's DISPLAY graph, iterated in a worker of our own (fa2-engine.ts): the map
 * moves on screen while the document is untouched. Stopping (or the run reaching its duration)
 * writes the final positions to the document as ONE undo step (`commitDisplayPositions`); cancelling
 * puts every actor back where it was and writes nothing.
 *
 * A run starts with a "preparing" phase (fa2-prepare.ts): the matrices the worker iterates on are
 * built from the display graph in slices of a few ms, so a 100k-actor map never blocks the page
 * for the half second or more one pass takes; an edit meanwhile makes it start again. No worker
 * exists before the matrices are ready, so Stop or Cancel while preparing just ends the run:
 * nothing has moved, nothing is written.
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
 * The main-thread parts are recorded as User Timing spans `powermap:layout prepare|start|apply|commit|restore`.
 */
import type Sigma from "sigma";
import type { DisplayGraph } from "../sigma/display-graph.ts";
import { RestyleJob, type NodeRepainter } from "../sigma/restyle-job.ts";
import { applyPositions, layoutSettings, type LayoutMatrices } from "./fa2-matrices.ts";
import { createLayoutPort } from "./fa2-port.ts";
import { prepareLayout } from "./fa2-prepare.ts";
import type { LayoutMessage, LayoutPort } from "./fa2-protocol.ts";
import { followNodes, refitAfterRender } from "./fit.ts";

export interface ForceLayoutHost {
  getDisplayGraph(): DisplayGraph;
  commitDisplayPositions(label: string, ids?: readonly string[]): void;
  /** The renderer, to keep the moving map framed (null without WebGL). */
  getSigma(): Sigma | null;
  /**
   * The renderer's sliced repaint, when there is one: on big maps positions are then written in
   * slices of a few ms (one renderer update per node, one draw) instead of one bulk update, which
   * at 100k actors was a task of seconds (sigma updating every node twice).
   */
  getNodeRepainter?(): NodeRepainter | null;
}

export interface ForceLayoutRun {
  /**
   * Ends the run and commits the final positions (one undo step). Safe to call twice. While
   * preparing, ends it with nothing written (outcome "cancelled": nothing had moved).
   */
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
  /**
   * "preparing": the matrices are being built (no iteration yet); "stopping": Stop was pressed,
   * the final positions are on their way.
   */
  phase: "preparing" | "running" | "stopping";
  /** Share of the preparation done, 0..1 (1 once running). */
  prepared: number;
  /** How many times an edit made the preparation start again. */
  restarts: number;
}

/** Timers of the scheduler (injectable for tests). */
export interface LayoutClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `fn` once the frame showing the last change has been drawn. */
  afterFrame(fn: () => void): void;
  /**
   * Runs `fn` in a new task soon (the preparation's slices). Default: a MessageChannel message
   * (no 4 ms timer clamp, not throttled like timers), or `setTimeout(fn, 0)` with an injected clock.
   */
  defer?(fn: () => void): void;
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
/** A new task for `fn`, through a MessageChannel where there is one. */
const macrotask: (fn: () => void) => void = (() => {
  if (typeof MessageChannel === "undefined") return (fn) => void setTimeout(fn, 0);
  let channel: MessageChannel | null = null;
  const queue: (() => void)[] = [];
  return (fn) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => queue.shift()?.();
      // Node (tests, scripts): an open port would keep the process alive.
      (channel.port1 as { unref?: () => void }).unref?.();
    }
    queue.push(fn);
    channel.port2.postMessage(null);
  };
})();

const defaultClock: Required<LayoutClock> = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  afterFrame,
  defer: macrotask,
};

const perf = typeof performance !== "undefined" && typeof performance.measure === "function" ? performance : undefined;
/** Runs `fn`, recorded as the User Timing span `powermap:layout <name>` (read by bench/editor/freeze.ts). */
function timed<T>(name: string, fn: () => T): T {
  const start = perf?.now() ?? 0;
  try {
    return fn();
  } finally {
    try {
      perf?.measure(`powermap:layout ${name}`, { start, end: perf.now() });
    } catch {
      // timings are a diagnostic, never an error
    }
  }
}

let runs = 0;

/**
 * Starts FA2 on the display graph: prepares the matrices in slices, then iterates in the layout
 * worker; the run stops by itself after `durationMs` (default {@link defaultDuration}).
 */
export function startForceLayout(host: ForceLayoutHost, opts: ForceLayoutOptions = {}): ForceLayoutRun {
  const clock: Required<LayoutClock> = { ...defaultClock, ...opts.clock };
  // An injected clock without `defer` (tests) gets its own timers, not the real MessageChannel.
  if (opts.clock && !opts.clock.defer) clock.defer = (fn) => void clock.setTimeout(fn, 0);
  const graph = host.getDisplayGraph();
  const run = ++runs;
  const live = opts.live ?? isLiveLayout(graph);
  const durationMs = opts.durationMs ?? defaultDuration(graph.order);

  let phase: "preparing" | "running" | "stopping" | "ended" = "preparing";
  let prepared = 0;
  let restarts = 0;
  /** Set once prepared: node ids, id → rank, start positions (the matrices themselves go to the worker). */
  let m: Omit<LayoutMatrices, "nodes" | "edges"> | null = null;
  let port: LayoutPort | null = null;
  let pending: Float32Array | null = null;
  let applying = false;
  let timer: unknown = null;
  let nextApplyAt = 0;
  let updates = 0;
  let lastApplyMs: number | null = null;
  let last = { iterations: 0, elapsedMs: 0 };

  const report = () => {
    if (phase === "ended") return;
    opts.onProgress?.({ ...last, durationMs, leftMs: Math.max(0, durationMs - last.elapsedMs), live, updates, lastApplyMs, phase, prepared, restarts });
  };

  const preparation = prepareLayout(graph, (matrices) => timed("start", () => begin(matrices)), {
    clock: { now: clock.now, defer: (fn) => clock.defer(() => timed("prepare", fn)) },
    onProgress: (done, r) => {
      prepared = done;
      restarts = r;
      report();
    },
  });

  const begin = ({ nodes, edges, ...rest }: LayoutMatrices) => {
    m = rest;
    phase = "running";
    prepared = 1;
    nextApplyAt = live ? 0 : clock.now() + BIG_LAYOUT_MIN_GAP_MS;
    port = opts.port ?? createLayoutPort();
    port.listen(onMessage, onError);
    followNodes(host.getSigma());
    report();
    port.post(
      {
        type: "start",
        run,
        nodes,
        edges,
        settings: layoutSettings(m.ids.length),
        durationMs,
        maxIterations: opts.maxIterations,
        firstAfterMs: live ? 0 : BIG_LAYOUT_MIN_GAP_MS,
        progressEveryMs: LAYOUT_PROGRESS_EVERY_MS,
      },
      [nodes.buffer, edges.buffer],
    );
  };

  /** Positions being written in slices (big maps with a renderer's repainter), else null. */
  let placing: { cancel(): void } | null = null;
  /** True from the end of the run until its last positions are written and committed. */
  let finishing = false;

  /**
   * Writes `xy` into the display graph, then calls `then`: on a big map with a repainter in slices
   * (attribute objects rewritten in place, the renderer told per slice, one draw), else at once.
   */
  const place = (name: "apply" | "restore", xy: Float32Array | Float64Array, index: ReadonlyMap<string, number>, then: () => void) => {
    placing?.cancel();
    placing = null;
    const repainter = live ? null : (host.getNodeRepainter?.() ?? null);
    if (!repainter) {
      timed(name, () => applyPositions(graph, index, xy));
      return then();
    }
    placing = new RestyleJob(
      graph.nodeEntries(),
      ({ node, attributes }) => {
        const i = index.get(node);
        if (i === undefined) return null;
        const x = xy[2 * i]!;
        const y = xy[2 * i + 1]!;
        if (attributes.x === x && attributes.y === y) return null;
        attributes.x = x;
        attributes.y = y;
        return node;
      },
      {
        repainter: () => host.getNodeRepainter?.() ?? null,
        moved: true,
        schedule: (task) => {
          let live = true;
          clock.defer(() => live && timed(name, task));
          return () => void (live = false);
        },
        now: clock.now,
        onEnd: () => {
          placing = null;
          then();
        },
      },
    );
  };

  const end = (xy: Float32Array | Float64Array | null, outcome: "committed" | "cancelled") => {
    phase = "ended";
    pending = null;
    preparation.cancel();
    if (timer !== null) clock.clearTimeout(timer);
    port?.terminate();
    // While preparing nothing has moved: nothing to put back, nothing to write.
    if (!m) return void opts.onStop?.(outcome);
    const index = m.index;
    const finish = () => {
      finishing = false;
      if (outcome === "committed" && graph.order > 0) timed("commit", () => host.commitDisplayPositions(FA2_UNDO_LABEL));
      refitAfterRender(host.getSigma());
      opts.onStop?.(outcome);
    };
    // No positions (the worker died): keep, and commit, what the display shows.
    if (!xy) return finish();
    finishing = true;
    place(outcome === "committed" ? "apply" : "restore", xy, index, finish);
  };

  const tryApply = () => {
    if (phase !== "running" || applying || !pending || timer !== null || !m) return;
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
    const index = m.index;
    place("apply", xy, index, () => {
      if (phase !== "running") return; // ended meanwhile: the end writes its own positions
      updates++;
      clock.afterFrame(() => {
        applying = false;
        if (phase !== "running") return;
        lastApplyMs = clock.now() - t;
        const gap = live ? 0 : Math.max(BIG_LAYOUT_MIN_GAP_MS, BIG_LAYOUT_APPLY_RATIO * lastApplyMs);
        nextApplyAt = clock.now() + gap;
        port?.post({ type: "want", run, afterMs: gap });
        report();
        tryApply();
      });
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
  const onError = () => phase !== "ended" && end(null, "committed");

  report();
  const cancel = () => phase !== "ended" && end(m?.start ?? null, "cancelled");
  return {
    stop: () => {
      if (phase === "preparing") return end(null, "cancelled");
      if (phase !== "running") return;
      phase = "stopping";
      report();
      port?.post({ type: "stop", run });
    },
    cancel,
    kill: cancel,
    isRunning: () => phase !== "ended" || finishing,
  };
}
