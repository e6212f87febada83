/**
 * Per-actor values the canvas needs (centrality for "size by", communities for "colour by"),
 * computed for exactly the map's current revision: small maps on the spot, large ones through the
 * AnalysisClient in the background. While a value is being computed `get` returns undefined — a
 * value of another revision is never returned — and `tasks()` lists the job with its progress for
 * the status bar, where the user can cancel it. A revision is core's `structureRevision`: the
 * actors and relationships the measures read, so moving or renaming an actor keeps the values
 * (on a 100k map each recomputation meant a snapshot transfer, a measure and a repaint).
 */
import { structureRevision, type PowerMap } from "@powermap/core";
import { AnalysisClient, type AnalysisResult, type MeasureResult } from "./client.ts";
import type { AnalysisJob, AnalysisPhase } from "./protocol.ts";
import { timed } from "./timing.ts";

/** What a background job computes values for. */
export type ValueSlot = "metric" | "community";

/** A running background job, as the status bar shows it. */
export interface AnalysisTask {
  slot: ValueSlot;
  /** e.g. "Betweenness (sampled)". */
  label: string;
  /** Map version the job computes for. */
  version: number;
  phase: AnalysisPhase | "waiting";
  done: number;
  total: number;
}

export interface BackgroundValuesOptions {
  /** Values arrived (or a stale one was discarded, or none will come: cancelled, failed): re-read them, e.g. re-sync the display. */
  onReady(): void;
  /** A line for the status bar ("Betweenness cancelled", failures). */
  onStatus?(message: string): void;
  /** Wait this long before replacing a job made stale by an edit (bursts of edits start one job). Default 200 ms. */
  restartDelayMs?: number;
}

interface Running {
  full: string;
  ctrl: AbortController;
  task: AnalysisTask;
  timer?: ReturnType<typeof setTimeout>;
}

export class BackgroundValues {
  private readonly running = new Map<ValueSlot, Running>();
  private readonly ready = new Map<ValueSlot, { full: string; structure: string; result: MeasureResult }>();
  /** Key@version the user cancelled (or that failed): not asked again until the version or key changes. */
  private readonly stopped = new Map<ValueSlot, string>();
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly AnalysisTask[] = [];

  constructor(
    readonly map: PowerMap,
    readonly client: AnalysisClient,
    private readonly opts: BackgroundValuesOptions,
  ) {}

  /**
   * The values of `job` for the map's current version, or undefined while they are computed in the
   * background (the job is started, or kept running, for this version; a job for another version
   * or key in the same slot is cancelled).
   */
  get(slot: ValueSlot, key: string, job: AnalysisJob, label: string): ReadonlyMap<string, number> | undefined {
    const version = this.map.version;
    const structure = structureRevision(this.map);
    const full = `${key}@${structure}`;
    const hit = this.ready.get(slot);
    if (hit?.full === full) return hit.result.values;
    if (this.client.runsInline()) {
      this.release(slot);
      return this.computeNow(slot, full, structure, job, label);
    }
    if (this.stopped.get(slot) === full) return undefined;
    const run = this.running.get(slot);
    if (run?.full === full) return undefined;
    const replacing = run !== undefined || hit !== undefined;
    if (run) this.abort(slot);
    this.start(slot, full, structure, job, label, version, replacing ? (this.opts.restartDelayMs ?? 200) : 0);
    return undefined;
  }

  /** The full result (exactness, error bound, community count …) behind the values of a slot, if current. */
  result(slot: ValueSlot): MeasureResult | undefined {
    const hit = this.ready.get(slot);
    return hit && hit.structure === structureRevision(this.map) ? hit.result : undefined;
  }

  /** Whether a job is computing (or about to compute) the slot's values. */
  pending(slot: ValueSlot): boolean {
    return this.running.has(slot);
  }

  /** The slot is no longer shown: cancel its job (if any), silently. */
  release(slot: ValueSlot): void {
    if (this.running.has(slot)) this.abort(slot);
  }

  /** User cancel: stops the slot's job (all jobs without a slot); not restarted until the map or the choice changes. */
  cancel(slot?: ValueSlot): void {
    let any = false;
    for (const s of slot ? [slot] : [...this.running.keys()]) {
      const run = this.running.get(s);
      if (!run) continue;
      this.stopped.set(s, run.full);
      this.abort(s);
      this.opts.onStatus?.(`${run.task.label} cancelled`);
      any = true;
    }
    // No values will come: the reader stops waiting for them (e.g. the display drops the look it kept).
    if (any) this.opts.onReady();
  }

  /** Running jobs (a new array after each change, for useSyncExternalStore). */
  tasks = (): readonly AnalysisTask[] => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Cancels everything and stops the worker (the next `get` starts a fresh one). */
  dispose(): void {
    for (const s of [...this.running.keys()]) this.abort(s);
    this.client.dispose();
  }

  private computeNow(slot: ValueSlot, full: string, structure: string, job: AnalysisJob, label: string): ReadonlyMap<string, number> {
    try {
      const result = measureResult(timed(`inline ${slot}`, () => this.client.runSync(job)));
      this.ready.set(slot, { full, structure, result });
      return result.values;
    } catch (e) {
      // A measure that fails on this graph sizes or colours nothing rather than breaking the canvas.
      console.warn(`PowerMapEditor: ${label} failed`, e);
      return new Map();
    }
  }

  private start(slot: ValueSlot, full: string, structure: string, job: AnalysisJob, label: string, version: number, delay: number): void {
    const ctrl = new AbortController();
    const run: Running = { full, ctrl, task: { slot, label, version, phase: "waiting", done: 0, total: 1 } };
    this.running.set(slot, run);
    this.emit();
    const go = (): void => {
      run.timer = undefined;
      const onProgress = (p: { phase: AnalysisPhase; done: number; total: number }): void => {
        if (this.running.get(slot) !== run) return;
        run.task = { ...run.task, ...p };
        this.emit();
      };
      // Not pinned to `version`: an edit that keeps the structure (a move) keeps the job useful.
      this.client.run(job, { onProgress, signal: ctrl.signal }).then(
        (result) => {
          if (this.running.get(slot) !== run) return; // superseded or cancelled meanwhile
          this.running.delete(slot);
          this.emit();
          // Computed for a revision the map has left: discard, and let the reader ask again.
          if (structureRevision(this.map) === structure) this.ready.set(slot, { full, structure, result: measureResult(result) });
          timed(`apply ${slot}`, () => this.opts.onReady());
        },
        (e: unknown) => {
          if (this.running.get(slot) !== run) return;
          this.running.delete(slot);
          this.emit();
          if (e instanceof Error && e.name === "StaleAnalysisError") {
            this.opts.onReady();
            return;
          }
          this.stopped.set(slot, full);
          this.opts.onStatus?.(`${label} failed: ${e instanceof Error ? e.message : String(e)}`);
          this.opts.onReady();
        },
      );
    };
    if (delay > 0) run.timer = setTimeout(go, delay);
    else go();
  }

  private abort(slot: ValueSlot): void {
    const run = this.running.get(slot);
    if (!run) return;
    this.running.delete(slot);
    if (run.timer !== undefined) clearTimeout(run.timer);
    run.ctrl.abort();
    this.emit();
  }

  private emit(): void {
    this.snapshot = [...this.running.values()].map((r) => r.task);
    for (const l of [...this.listeners]) l();
  }
}

/** Slots hold per-actor values: a query job (influencers, paths) has none. */
function measureResult(r: AnalysisResult): MeasureResult {
  if (r.type !== "centrality" && r.type !== "communities") throw new Error(`BackgroundValues: a ${r.type} job gives no per-actor values`);
  return r;
}
