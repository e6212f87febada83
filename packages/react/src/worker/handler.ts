/**
 * The analysis worker's message handler, free of worker globals so tests call it directly in Node.
 * It keeps the snapshot of the last version it received, so several jobs on one revision transfer
 * the arrays once; the analysis snapshot and the graph are rebuilt from them on first use.
 */
import { MultiDirectedGraph } from "graphology";
import { RELATIONSHIP_KINDS, snapshotFromDocument, type Actor, type AnalysisSnapshot, type MapLike, type PowerGraph, type Relationship } from "@powermap/core";
import { centralityWire, communitiesWire } from "./compute.ts";
import { isQueryJob, jobPhases, type AnalysisPhase, type RunRequest, type WireResult, type WorkerMessage } from "./protocol.ts";
import { queryMapOf, queryWire } from "./query-compute.ts";
import { FLAG_CURRENT, UNKNOWN_KIND_CODE, decodeIds, decodeRelationshipIds, type TransferSnapshot } from "./snapshot.ts";

/** Posts a message; `transfer` lists buffers to move rather than copy. */
export type Post = (msg: WorkerMessage, transfer?: ArrayBuffer[]) => void;

// A kind no registry defines: core skips or defaults it exactly as for the unknown kind it stands for.
const UNKNOWN_KIND = "\u0000unknown";

interface Held {
  version: number;
  snap: TransferSnapshot;
  ids: string[];
  rels?: Relationship[];
  analysis?: AnalysisSnapshot;
  graph?: PowerGraph;
  queryMap?: MapLike;
}

/**
 * Minimal relationship records: only the fields the measures and queries read (id, ends, kind,
 * strength, current), in the main thread's snapshot order, so core numbers them the same way.
 */
function records(s: TransferSnapshot, ids: readonly string[]): Relationship[] {
  const m = s.from.length;
  const relIds = decodeRelationshipIds(s);
  const out = new Array<Relationship>(m);
  for (let r = 0; r < m; r++) {
    const rel: Record<string, unknown> = { id: relIds[r], from: ids[s.from[r]!], to: ids[s.to[r]!], kind: s.kind[r] === UNKNOWN_KIND_CODE ? UNKNOWN_KIND : RELATIONSHIP_KINDS[s.kind[r]!] };
    const st = s.strength[r]!;
    if (!Number.isNaN(st)) rel.strength = st;
    if (!(s.flags[r]! & FLAG_CURRENT)) rel.current = false;
    out[r] = rel as Relationship;
  }
  return out;
}

/** Creates a handler with its own snapshot memory (one per worker). */
export function createAnalysisHandler(): (req: RunRequest, post: Post) => void {
  let held: Held | null = null;

  return (req, post) => {
    const { id, version, job } = req;
    const phases = jobPhases(job, req.snapshot !== undefined);
    const phase = (p: AnalysisPhase): void => post({ kind: "progress", id, progress: { phase: p, done: phases.indexOf(p), total: phases.length } });
    try {
      if (req.snapshot) {
        phase("snapshot");
        held = { version, snap: req.snapshot, ids: decodeIds(req.snapshot) };
      }
      if (!held || held.version !== version) {
        post({ kind: "error", id, version, message: `analysis worker: no snapshot of version ${version}`, missingSnapshot: true });
        return;
      }
      const h = held;
      let result: WireResult;
      const analysis = (): AnalysisSnapshot => {
        h.rels ??= records(h.snap, h.ids);
        return (h.analysis ??= snapshotFromDocument({ actors: h.ids.map((a) => ({ id: a }) as Actor), relationships: h.rels }));
      };
      if (isQueryJob(job)) {
        phase("search");
        // Core caches its influence arrays on the snapshot: later queries of this revision reuse them.
        h.queryMap ??= queryMapOf(analysis());
        result = queryWire(h.queryMap, job);
      } else if (job.type === "centrality") {
        phase("measure");
        result = centralityWire(analysis(), job.measure, job.options);
      } else {
        phase("graph");
        h.rels ??= records(h.snap, h.ids);
        h.graph ??= buildGraph(h.ids, h.rels);
        phase("communities");
        result = communitiesWire(h.graph, h.ids, job.options);
      }
      phase("result");
      // A copy: core may cache arrays on the snapshot, and a transferred buffer is detached here.
      const out: WireResult = result.type === "centrality" ? { ...result, scores: result.scores.slice() } : result;
      const buffers = out.type === "centrality" ? [out.scores.buffer] : out.type === "communities" ? [out.assignments.buffer] : [];
      post({ kind: "result", id, version, result: out }, buffers as ArrayBuffer[]);
    } catch (e) {
      post({ kind: "error", id, version, message: e instanceof Error ? e.message : String(e) });
    }
  };
}

function buildGraph(ids: readonly string[], rels: readonly Relationship[]): PowerGraph {
  const g: PowerGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  for (const id of ids) g.addNode(id, { id } as Actor);
  for (const r of rels) g.addEdgeWithKey(r.id, r.from, r.to, r);
  return g;
}
