/**
 * AnalysisClient: runs analysis jobs for one PowerMap in a web worker, one job at a time, with
 * progress and cancel; small maps (and places without workers) are computed on the spot.
 *
 * Every result carries the map version it was computed for. For measures the client never decides
 * what is stale for the caller: the caller compares `result.version` with `map.version` when it
 * arrives (the editor controller discards and re-requests), or passes `version` to refuse to start
 * a job for a revision the map has already left. Query results (influencers, paths) are explained
 * with the records of their revision, so one that arrives after an edit is rejected with
 * StaleAnalysisError instead; queries are queued before measures.
 */
import { snapshotOf, structureRevision, type ExplainedPath, type Influencer, type PowerMap } from "@powermap/core";
import { centralityWire, communitiesWire } from "./compute.ts";
import { createAnalysisWorker } from "./create-worker.ts";
import { explainInfluencers, explainPaths } from "./explain-wire.ts";
import { IndexedValues } from "./indexed-values.ts";
import { isQueryJob, jobPhases, type AnalysisJob, type AnalysisProgress, type RunRequest, type WireResult, type WorkerMessage } from "./protocol.ts";
import { queryWire } from "./query-compute.ts";
import { buildTransferSnapshotSliced, transferablesOf, type TransferSnapshot } from "./snapshot.ts";
import { timed } from "./timing.ts";

/** Default `inlineBelow`: maps with fewer actors are analysed on the main thread. */
export const INLINE_BELOW = 2000;

/** What the client needs of a Worker (tests pass a fake). */
export interface WorkerLike {
  postMessage(msg: RunRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface AnalysisClientOptions {
  /** Starts a worker, or returns null when none is available (default: the bundled module worker). */
  createWorker?: () => WorkerLike | null;
  /** Maps with fewer actors are computed on the main thread: instant, no snapshot transfer. Default 2000. */
  inlineBelow?: number;
  /** Longest main-thread slice while building the transfer snapshot, ms. Default 6. */
  sliceMs?: number;
}

export interface RunOptions {
  /** The map version the caller wants a result for; the job is refused (StaleAnalysisError) if the map has moved on when it starts. */
  version?: number;
  onProgress?(progress: AnalysisProgress): void;
  /** Aborting cancels the job: a running one terminates the worker (a fresh one starts for the next job). */
  signal?: AbortSignal;
}

interface ResultBase {
  /** The map version the result was computed for. */
  version: number;
  /** True when computed on the main thread (small map, or no worker). */
  inline: boolean;
}
export interface CentralityResult extends ResultBase {
  type: "centrality";
  measure: string;
  /** Score per actor id. */
  values: ReadonlyMap<string, number>;
  exact: boolean;
  errorBound?: { epsilon: number; confidence: number };
}
export interface CommunitiesResult extends ResultBase {
  type: "communities";
  /** Community number per actor id (0 = the largest community). */
  values: ReadonlyMap<string, number>;
  count: number;
  modularity: number;
}
/** core's influencersOf answer for the job's targets, explained with the map's records. */
export interface InfluencersResult extends ResultBase {
  type: "influencers";
  influencers: Influencer[];
}
/** core's pathsBetween answer, explained with the map's records. */
export interface PathsResult extends ResultBase {
  type: "paths";
  paths: ExplainedPath[];
}
/** The result of a measure: a value per actor. */
export type MeasureResult = CentralityResult | CommunitiesResult;
export type AnalysisResult = MeasureResult | InfluencersResult | PathsResult;
/** The result type of a job type. */
export type ResultOf<J extends AnalysisJob> = J extends { type: "centrality" }
  ? CentralityResult
  : J extends { type: "communities" }
    ? CommunitiesResult
    : J extends { type: "influencers" }
      ? InfluencersResult
      : PathsResult;

/** Thrown (as a rejection) when `version` no longer matches the map when the job would start. */
export class StaleAnalysisError extends Error {
  constructor(
    readonly requested: number,
    readonly current: number,
  ) {
    super(`AnalysisClient: job for map version ${requested} not started, the map is at version ${current}`);
    this.name = "StaleAnalysisError";
  }
}

/** The rejection of a cancelled job (name "AbortError", as fetch uses). */
export function abortError(): Error {
  const e = new Error("AnalysisClient: job cancelled");
  e.name = "AbortError";
  return e;
}

interface Pending {
  id: number;
  job: AnalysisJob;
  opts: RunOptions;
  resolve(r: AnalysisResult): void;
  reject(e: unknown): void;
  /** Set once posted: the actor index of the snapshot it runs on, and the map version then. */
  index?: ReadonlyMap<string, number>;
  version?: number;
  retried?: boolean;
  unlisten?(): void;
}

export class AnalysisClient {
  private worker: WorkerLike | null = null;
  /** No worker can be had here (or one failed to load): everything runs inline. */
  private noWorker = false;
  /**
   * The snapshot the live worker holds: the version it was sent as, the revision it describes
   * (core's structureRevision and the day, which decides what "current" means) and its actor index.
   * An edit that keeps the revision (moving an actor) does not send it again.
   */
  private held: { version: number; revision: string; index: ReadonlyMap<string, number> } | null = null;
  private readonly queue: Pending[] = [];
  private active: Pending | null = null;
  private nextId = 1;
  private readonly createWorker: () => WorkerLike | null;
  readonly inlineBelow: number;
  private readonly sliceMs: number | undefined;

  constructor(
    readonly map: PowerMap,
    opts: AnalysisClientOptions = {},
  ) {
    this.createWorker = opts.createWorker ?? createAnalysisWorker;
    this.inlineBelow = opts.inlineBelow ?? INLINE_BELOW;
    this.sliceMs = opts.sliceMs;
  }

  /** Whether a job would run on the main thread now (small map, or no worker). */
  runsInline(): boolean {
    return this.noWorker || this.map.graph.order < this.inlineBelow;
  }

  /** Whether a job is queued or running. */
  get busy(): boolean {
    return this.active !== null || this.queue.length > 0;
  }

  /** Runs a job; resolves with its result tagged with the version it was computed for. */
  run<J extends AnalysisJob>(job: J, opts: RunOptions = {}): Promise<ResultOf<J>> {
    return new Promise<AnalysisResult>((resolve, reject) => {
      if (opts.signal?.aborted) return reject(abortError());
      const p: Pending = { id: this.nextId++, job, opts, resolve, reject };
      if (opts.signal) {
        const onAbort = (): void => this.cancel(p);
        opts.signal.addEventListener("abort", onAbort, { once: true });
        p.unlisten = () => opts.signal!.removeEventListener("abort", onAbort);
      }
      // A query is a question the user waits for: it goes before queued measures (never preempts a running one).
      const at = isQueryJob(job) ? this.queue.findIndex((q) => !isQueryJob(q.job)) : -1;
      if (at >= 0) this.queue.splice(at, 0, p);
      else this.queue.push(p);
      this.pump();
    }) as Promise<ResultOf<J>>;
  }

  /** Computes a job on the main thread now (what small maps and worker-less places get). */
  runSync<J extends AnalysisJob>(job: J): ResultOf<J> {
    const map = this.map;
    if (isQueryJob(job)) return this.toResult(queryWire(map, job), map.version, new Map(), true) as ResultOf<J>;
    const snap = snapshotOf(map);
    const wire = job.type === "centrality" ? centralityWire(snap, job.measure, job.options) : communitiesWire(map, snap.ids, job.options);
    return this.toResult(wire, map.version, snap.index, true) as ResultOf<J>;
  }

  /** Cancels every queued and running job and stops the worker. */
  dispose(): void {
    for (const p of [...this.queue, ...(this.active ? [this.active] : [])]) this.cancel(p);
    this.stopWorker();
  }

  private cancel(p: Pending): void {
    const i = this.queue.indexOf(p);
    if (i >= 0) this.queue.splice(i, 1);
    else if (this.active === p) {
      // A measure cannot be interrupted inside the worker: end the worker itself. A job still
      // building its snapshot on this thread just stops (post() sees it is no longer active).
      if (p.index) this.stopWorker();
      this.active = null;
    } else return;
    this.settle(p, () => p.reject(abortError()));
    this.pump();
  }

  private settle(p: Pending, f: () => void): void {
    p.unlisten?.();
    f();
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = null;
    this.held = null;
  }

  private pump(): void {
    while (!this.active && this.queue.length > 0) {
      const p = this.queue.shift()!;
      const { version } = p.opts;
      if (version !== undefined && version !== this.map.version) {
        this.settle(p, () => p.reject(new StaleAnalysisError(version, this.map.version)));
        continue;
      }
      const worker = this.runsInline() ? null : this.ensureWorker();
      if (!worker) {
        this.runInline(p);
        continue;
      }
      this.active = p;
      void this.post(worker, p);
    }
  }

  private runInline(p: Pending): void {
    try {
      const phases = jobPhases(p.job, false).filter((x) => x !== "graph");
      p.opts.onProgress?.({ phase: phases[0]!, done: 0, total: phases.length });
      const r = this.runSync(p.job);
      p.opts.onProgress?.({ phase: "result", done: phases.length - 1, total: phases.length });
      this.settle(p, () => p.resolve(r));
    } catch (e) {
      this.settle(p, () => p.reject(e));
    }
  }

  private ensureWorker(): WorkerLike | null {
    if (this.worker) return this.worker;
    const w = this.createWorker();
    if (!w) {
      this.noWorker = true;
      return null;
    }
    w.onmessage = (e) => this.onMessage(w, e.data);
    w.onerror = (e) => this.onWorkerError(w, e);
    this.worker = w;
    return w;
  }

  /**
   * Sends the job, with the snapshot when the worker does not hold this version yet. The snapshot
   * is built in slices; if the map changes meanwhile the job starts over on the new version (or is
   * refused as stale when the caller pinned `version`).
   */
  private async post(worker: WorkerLike, p: Pending): Promise<void> {
    const version = this.map.version;
    const revision = analysisRevision(this.map);
    let snapshot: TransferSnapshot | undefined;
    if (this.held?.revision !== revision) {
      const phases = jobPhases(p.job, true);
      p.opts.onProgress?.({ phase: "prepare", done: 0, total: phases.length });
      const built = await buildTransferSnapshotSliced(this.map, { budgetMs: this.sliceMs, stopped: () => this.active !== p });
      if (this.active !== p) return; // cancelled while building
      if (!built) {
        this.active = null;
        this.queue.unshift(p);
        this.pump();
        return;
      }
      if (worker !== this.worker) return;
      this.held = { version, revision, index: built.index };
      snapshot = built.snapshot;
    }
    p.index = this.held!.index;
    p.version = version;
    // `version` names the worker's snapshot (the one it holds, or the one sent along).
    const held = this.held!.version;
    const req: RunRequest = snapshot ? { kind: "run", id: p.id, version: held, job: p.job, snapshot } : { kind: "run", id: p.id, version: held, job: p.job };
    timed("post", () => worker.postMessage(req, snapshot ? transferablesOf(snapshot) : []));
  }

  private onMessage(worker: WorkerLike, msg: WorkerMessage): void {
    const p = this.active;
    if (worker !== this.worker || !p || msg.id !== p.id) return; // from a terminated worker or a cancelled job
    if (msg.kind === "progress") {
      p.opts.onProgress?.(msg.progress);
      return;
    }
    this.active = null;
    if (msg.kind === "result") {
      try {
        const r = timed("result", () => this.toResult(msg.result, p.version!, p.index!, false));
        this.settle(p, () => p.resolve(r));
      } catch (e) {
        this.settle(p, () => p.reject(e));
      }
    } else if (msg.missingSnapshot && !p.retried) {
      // The worker lost its snapshot (restarted): send it again, once.
      this.held = null;
      p.retried = true;
      p.index = undefined;
      p.version = undefined;
      this.queue.unshift(p);
    } else {
      this.settle(p, () => p.reject(new Error(msg.message)));
    }
    this.pump();
  }

  /** The worker failed to load or crashed: stop using workers and finish the job inline. */
  private onWorkerError(worker: WorkerLike, e: ErrorEvent): void {
    if (worker !== this.worker) return;
    e.preventDefault();
    console.warn("AnalysisClient: analysis worker failed; computing on the main thread from now on", e);
    this.stopWorker();
    this.noWorker = true;
    const p = this.active;
    this.active = null;
    if (p) this.queue.unshift(p);
    this.pump();
  }

  /** A wire result as the caller's result; a query's ids are explained with this revision's records (else StaleAnalysisError). */
  private toResult(wire: WireResult, version: number, index: ReadonlyMap<string, number>, inline: boolean): AnalysisResult {
    if (wire.type === "centrality") {
      const values = new IndexedValues(index, wire.scores);
      return { type: "centrality", version, inline, measure: wire.measure, values, exact: wire.exact, ...(wire.errorBound ? { errorBound: wire.errorBound } : {}) };
    }
    if (wire.type === "communities") return { type: "communities", version, inline, values: new IndexedValues(index, wire.assignments, -1), count: wire.count, modularity: wire.modularity };
    if (version !== this.map.version) throw new StaleAnalysisError(version, this.map.version);
    const graph = this.map.graph;
    return wire.type === "influencers" ? { type: "influencers", version, inline, influencers: explainInfluencers(graph, wire) } : { type: "paths", version, inline, paths: explainPaths(graph, wire) };
  }
}

/** What the worker's snapshot depends on: the map's structure and today's date (relationships that ended count until their end day). */
function analysisRevision(map: PowerMap): string {
  const d = new Date();
  return `${structureRevision(map)}|${d.getUTCFullYear()}-${d.getUTCMonth()}-${d.getUTCDate()}`;
}
