/**
 * The analysis worker's message handler, free of worker globals so tests call it directly in Node.
 * It keeps the snapshot of the last version it received, so several jobs on one revision transfer
 * the arrays once; the analysis snapshot and the graph are rebuilt from them on first use.
 */
import { MultiDirectedGraph } from "graphology";
import { RELATIONSHIP_KINDS, snapshotFromDocument, type Actor, type AnalysisSnapshot, type PowerGraph, type Relationship } from "@powermap/core";
import { centralityWire, communitiesWire } from "./compute.ts";
import { jobPhases, type AnalysisPhase, type RunRequest, type WireResult, type WorkerMessage } from "./protocol.ts";
import { FLAG_CURRENT, UNKNOWN_KIND_CODE, decodeIds, type TransferSnapshot } from "./snapshot.ts";

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
}

/** Minimal relationship records: only the fields the measures read (kind, strength, current). */
function records(s: TransferSnapshot, ids: readonly string[]): Relationship[] {
  const m = s.from.length;
  const out = new Array<Relationship>(m);
  for (let r = 0; r < m; r++) {
    const rel: Record<string, unknown> = { id: `#${r}`, from: ids[s.from[r]!], to: ids[s.to[r]!], kind: s.kind[r] === UNKNOWN_KIND_CODE ? UNKNOWN_KIND : RELATIONSHIP_KINDS[s.kind[r]!] };
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
      if (job.type === "centrality") {
        phase("measure");
        h.rels ??= records(h.snap, h.ids);
        h.analysis ??= snapshotFromDocument({ actors: h.ids.map((a) => ({ id: a }) as Actor), relationships: h.rels });
        result = centralityWire(h.analysis, job.measure, job.options);
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
      post({ kind: "result", id, version, result: out }, [(out.type === "centrality" ? out.scores : out.assignments).buffer as ArrayBuffer]);
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
