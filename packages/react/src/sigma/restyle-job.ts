/**
 * Restyling every actor of a big map in time-budgeted slices. Written as one bulk graph event, new
 * sizes for 100k actors were one main-thread task of ~0.45 s (our walk, then the renderer's work
 * for every node, twice). Here each slice rewrites the attribute objects of a few hundred nodes in
 * place (no graph event) and hands their ids to a `NodeRepainter` — the renderer's side, e.g.
 * sigma/node-repainter.ts — which takes them in without drawing; the map is drawn once, after the
 * last slice. Nothing here knows the renderer.
 */
import { markSpan } from "../worker/timing.ts";

/** What a renderer does for a sliced restyle (see sigma/node-repainter.ts for sigma's). */
export interface NodeRepainter {
  /**
   * These nodes' attribute objects were rewritten in place, without graph events: take them in, but
   * do not draw yet. `moved`: their x/y changed (the renderer re-indexes positions before drawing).
   */
  repaint(nodes: string[], moved?: boolean): void;
  /** The restyle is complete: draw (once). */
  draw(): void;
}

/** Runs `task` in a later task of the event loop; returns what cancels it. */
export type Scheduler = (task: () => void) => () => void;

/**
 * A new task soon, through a MessageChannel where there is one (not clamped like nested timers;
 * input and frames still get their turn between tasks). One channel for every job, its queue
 * served a task per message.
 */
export const nextTask: Scheduler = (task) => {
  if (typeof MessageChannel === "undefined") {
    const t = setTimeout(task, 0);
    return () => clearTimeout(t);
  }
  const entry = { task };
  queue.add(entry);
  channel().postMessage(null);
  return () => void queue.delete(entry);
};

const queue = new Set<{ task: () => void }>();
let port: MessagePort | null = null;

function channel(): MessagePort {
  if (port) return port;
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    const first = queue.values().next();
    if (first.done) return; // cancelled meanwhile
    queue.delete(first.value);
    first.value.task();
  };
  // Node keeps a listening port's process alive; browsers have no unref.
  (port1 as { unref?: () => void }).unref?.();
  (port2 as { unref?: () => void }).unref?.();
  return (port = port2);
}

/** Work per slice (the rest of a frame is left to input, rendering and other tasks). */
export const SLICE_BUDGET_MS = 8;
/** Nodes restyled (and handed to the repainter) between two looks at the clock. */
const CHUNK = 256;

export interface RestyleJobOptions {
  /** The repainter at the time of each slice (the renderer may come or go meanwhile); null: none to tell. */
  repainter(): NodeRepainter | null;
  schedule?: Scheduler;
  now?: () => number;
  budgetMs?: number;
  /** Called once, after the last slice. */
  onEnd?(): void;
  /** The restyle moves nodes (see NodeRepainter.repaint). */
  moved?: boolean;
}

const clock = typeof performance !== "undefined" ? () => performance.now() : () => Date.now();

/**
 * Applies `restyle` to each item `items` yields, in slices of at most `budgetMs` of work (plus one
 * chunk). `restyle(item)` rewrites a node's attributes in place and returns its id when anything
 * changed (null otherwise). `items` is read lazily, a chunk per look at the clock: a live iterator
 * (graphology's `nodeEntries()`) skips nodes dropped meanwhile and reaches nodes added. The first
 * slice runs in a later task; `cancel()` abandons the slices not yet run.
 */
export class RestyleJob<T> {
  private count = 0;
  private cancelTask: (() => void) | null = null;
  private repainted = false;
  private state: "running" | "done" | "cancelled" = "running";

  constructor(
    private readonly items: Iterator<T>,
    private readonly restyle: (item: T) => string | null,
    private readonly opts: RestyleJobOptions,
  ) {
    this.cancelTask = (opts.schedule ?? nextTask)(this.slice);
  }

  get running(): boolean {
    return this.state === "running";
  }

  /** Items restyled so far (for tests and diagnostics). */
  get progress(): number {
    return this.count;
  }

  cancel(): void {
    if (this.state !== "running") return;
    this.state = "cancelled";
    this.cancelTask?.();
    this.cancelTask = null;
  }

  private readonly slice = (): void => {
    this.cancelTask = null;
    if (this.state !== "running") return;
    const now = this.opts.now ?? clock;
    const budget = this.opts.budgetMs ?? SLICE_BUDGET_MS;
    const start = now();
    const repainter = this.opts.repainter();
    let more = true;
    while (more) {
      const changed: string[] = [];
      for (let i = 0; i < CHUNK; i++) {
        const step = this.items.next();
        if (step.done) {
          more = false;
          break;
        }
        this.count++;
        const id = this.restyle(step.value);
        if (id !== null) changed.push(id);
      }
      if (changed.length > 0 && repainter) {
        repainter.repaint(changed, this.opts.moved);
        this.repainted = true;
      }
      if (now() - start >= budget) break;
    }
    markSpan("restyle slice", start);
    if (more) {
      this.cancelTask = (this.opts.schedule ?? nextTask)(this.slice);
      return;
    }
    this.state = "done";
    if (this.repainted) this.opts.repainter()?.draw();
    this.opts.onEnd?.();
  };
}
