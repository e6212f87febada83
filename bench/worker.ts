// One benchmark process per generated size: powermap and graphology(-metrics) on the same graph,
// measure by measure back to back (the machine is shared, so interleaving keeps the ratio honest).
// Prints one JSON record per line ({ measure, size, implementation, medianMs, peakMB, extraMB, … }).
// Run by bench/run.ts; by hand:  node --expose-gc --import tsx bench/worker.ts 10000 [measure,…]
// peakMB is the process's peak RSS during the operation (VmHWM reset before each run, like the
// baseline; it includes both loaded graphs), extraMB the part above the RSS held before it.
import { DirectedGraph } from "graphology";
import betweennessG from "graphology-metrics/centrality/betweenness.js";
import closenessG from "graphology-metrics/centrality/closeness.js";
import eigenvectorG from "graphology-metrics/centrality/eigenvector.js";
import pagerankG from "graphology-metrics/centrality/pagerank.js";
import { degreeCentrality } from "graphology-metrics/centrality/degree.js";
import { singleSourceLength } from "graphology-shortest-path/unweighted.js";
import { singleSource as dijkstraG } from "graphology-shortest-path/dijkstra.js";
import { bidirectional } from "graphology-shortest-path/unweighted.js";
import { connectedComponents, stronglyConnectedComponents } from "graphology-components";
import louvain from "graphology-communities-louvain";
import { graphFromDocument } from "../packages/core/src/graph/from-document.ts";
import type { PowerGraph } from "../packages/core/src/graph/types.ts";
import { buildSnapshot, snapshotFromDocument, snapshotOf, type AnalysisSnapshot } from "../packages/core/src/snapshot/index.ts";
import {
  bfs,
  centralityScores,
  computeBetweenness,
  dijkstra,
  strongComponents,
  weakComponents,
} from "../packages/core/src/metrics/index.ts";
import { documentOfEdges, generateEdges, type EdgeList } from "./lib/gen.ts";
import { heldBytes, time, type Timing } from "./lib/measure.ts";
import { SAMPLES_LARGE, SMALL_LIMIT } from "./lib/limits.ts";
import * as core from "../packages/core/src/index.ts";


type Row = { measure: string; size: number; implementation: string; medianMs: number | null; peakMB: number | null; runs?: number; note?: string } & Record<string, unknown>;

const [sizeArg = "1000", only] = process.argv.slice(2);
const size = Number(sizeArg);
const wanted = only ? new Set(only.split(",")) : undefined;

function emit(row: Row): void {
  process.stdout.write(JSON.stringify(row) + "\n");
}

function run<T>(measure: string, implementation: string, fn: () => T, extra: Record<string, unknown> = {}): void {
  if (wanted && !wanted.has(measure)) return;
  let t: Timing;
  try {
    let sink: unknown;
    t = time(fn, (x) => {
      sink = x;
    });
    void sink;
  } catch (e) {
    emit({ measure, size, implementation, medianMs: null, peakMB: null, note: `failed: ${(e as Error).message.slice(0, 160)}` });
    return;
  }
  emit({ measure, size, implementation, medianMs: t.medianMs, wallMs: t.wallMs, peakMB: t.peakMB, extraMB: t.extraMB, runs: t.runs, ...extra });
}

function graphologyFromDocument(d: core.PowerMapDocument): DirectedGraph {
  const gr = new DirectedGraph();
  for (const a of d.actors) gr.addNode(a.id, a);
  for (const r of d.relationships) gr.addEdgeWithKey(r.id, r.from, r.to, r);
  return gr;
}

function graphologyGraph(g: EdgeList): DirectedGraph {
  const graph = new DirectedGraph();
  for (let i = 0; i < g.n; i++) graph.addNode(`a${i}`);
  for (let r = 0; r < g.from.length; r++) graph.addEdge(`a${g.from[r]}`, `a${g.to[r]}`, { weight: g.strength[r] });
  return graph;
}

const edges = generateEdges(size);
const n = size;
const m = edges.from.length;
const heavy = n <= SMALL_LIMIT;
const from = `a${Math.floor(n / 2)}`;
const target = "a0";
const doc = documentOfEdges(edges);
const text = JSON.stringify(doc);
emit({ measure: "graph", size, implementation: "generator", medianMs: null, peakMB: null, actors: n, relationships: m, jsonMB: text.length / 1048576 });

// --- memory: bytes per actor (graph with actors only) and per relationship (the rest) ---
if (!wanted) {
  const actorsOnly = { ...doc, relationships: [] };
  const bytesOf = (make: () => unknown): number => {
    const before = heldBytes();
    let keep: unknown = make();
    const after = heldBytes();
    void keep;
    keep = null;
    return after - before;
  };
  const report = (measure: string, implementation: string, make: (d: core.PowerMapDocument) => unknown, note: string): void => {
    const a = bytesOf(() => make(actorsOnly));
    const all = bytesOf(() => make(doc));
    emit({ measure, size, implementation, medianMs: null, peakMB: all / 1048576, bytesPerActor: a / n, bytesPerRelationship: (all - a) / m, note });
  };
  report("memory: model", "powermap", graphFromDocument, "graphology MultiDirectedGraph; records shared with the document, not counted");
  report("memory: model", "graphology", (d) => graphologyFromDocument(d), "DirectedGraph, weight attribute objects");
  report("memory: snapshot", "powermap", (d) => snapshotFromDocument(d), "CSR typed arrays + id index");
}

// --- load ---
run("load + validate document", "JSON.parse", () => JSON.parse(text) as unknown, { bytes: text.length });
const parse = (core as Record<string, unknown>)["parse"] as ((t: string) => { ok: boolean; document?: core.PowerMapDocument }) | undefined;
if (parse) {
  run("load + validate document", "powermap", () => {
    const res = parse(text);
    if (!res.ok || !res.document) throw new Error("parse failed");
    return snapshotFromDocument(res.document);
  }, { note: "parse (zod + cross-record checks) + snapshotFromDocument" });
} else emit({ measure: "load + validate document", size, implementation: "powermap", medianMs: null, peakMB: null, note: "parse not available" });
run("load + validate document", "graphology", () => graphologyFromDocument(JSON.parse(text) as core.PowerMapDocument), {
  note: "JSON.parse + build DirectedGraph (no validation)",
});
run("build model", "powermap", () => graphFromDocument(doc), { note: "graphFromDocument (graphology MultiDirectedGraph)" });
run("build model", "graphology", () => graphologyGraph(edges), { note: "DirectedGraph from edge arrays" });

const graph: PowerGraph = graphFromDocument(doc);
const g = graphologyGraph(edges);
run("snapshot", "powermap", () => buildSnapshot(graph), { note: "buildSnapshot(graph)" });

// Each powermap measure twice: cold (building the snapshot from the graph inside the timing) and
// warm (the per-revision snapshot already cached, the normal case between two edits).
const warm = snapshotOf(graph);
function pm<T>(measure: string, f: (s: AnalysisSnapshot) => T, extra: Record<string, unknown> = {}): void {
  run(measure, "powermap", () => f(buildSnapshot(graph)), extra);
  run(measure, "powermap (cached snapshot)", () => f(warm), extra);
}

pm("degree", (x) => centralityScores(x, "degree").scores);
run("degree", "graphology", () => degreeCentrality(g));
pm("pagerank", (x) => centralityScores(x, "pagerank").scores, { note: "L1 change < 1e-6" });
run("pagerank", "graphology", () => pagerankG(g, { getEdgeWeight: null, tolerance: 1e-6 / n }), { note: "tolerance 1e-6/n (L1 < 1e-6)" });
pm("eigenvector", (x) => centralityScores(x, "eigenvector").scores, { note: "L1 change < 1e-6" });
run("eigenvector", "graphology", () => eigenvectorG(g, { getEdgeWeight: null, tolerance: 1e-6 / n, maxIterations: 1000 }), { note: "tolerance 1e-6/n" });
if (heavy) {
  pm("betweenness (exact)", (x) => centralityScores(x, "betweenness").scores);
  run("betweenness (exact)", "graphology", () => betweennessG(g, { getEdgeWeight: null }));
  pm("betweenness (exact, weighted)", (x) => centralityScores(x, "betweenness", { weighted: true, distance: "weight" }).scores);
  run("betweenness (exact, weighted)", "graphology", () => betweennessG(g, { getEdgeWeight: "weight" }));
  pm("closeness (exact)", (x) => centralityScores(x, "closeness").scores);
  run("closeness (exact)", "graphology", () => closenessG(g, { wassermanFaust: true }));
} else {
  let eps = 0;
  pm(`betweenness (sampled, k=${SAMPLES_LARGE})`, (x) => {
    const r = computeBetweenness(x, { direction: "directed", normalized: true, samples: SAMPLES_LARGE, seed: 1, confidence: 0.95 });
    eps = r.errorBound?.epsilon ?? 0;
    return r;
  }, { note: "error bound: see next row" });
  // Only when the sampled measure ran (with --only it may not have: ε would read 0).
  if (!wanted || wanted.has(`betweenness (sampled, k=${SAMPLES_LARGE})`))
    emit({ measure: `betweenness (sampled, k=${SAMPLES_LARGE}) error bound`, size, implementation: "powermap", medianMs: null, peakMB: null, epsilon: eps,
      note: "max abs error of normalised scores, 95 % confidence, all actors at once" });
}
pm("weak components", (x) => weakComponents(x));
run("weak components", "graphology", () => connectedComponents(g));
pm("strong components", (x) => strongComponents(x));
run("strong components", "graphology", () => stronglyConnectedComponents(g));
pm("BFS (single source)", (x) => bfs(x, 0, "out"));
run("BFS (single source)", "graphology", () => singleSourceLength(g, "a0"));
pm("Dijkstra (single source)", (x) => dijkstra(x, 0, x.relWeights, "out"));
run("Dijkstra (single source)", "graphology", () => dijkstraG(g, "a0", "weight"), { note: "returns paths" });
if (n <= 200_000) {
  run("Louvain", "powermap", () => core.communities(graph), { note: "communities(map): Louvain on the snapshot's typed arrays" });
  run("Louvain", "graphology", () => louvain(g));
}
run("influencersOf (depth 3)", "powermap", () => core.influencersOf(graph, target, { depth: 3 }), { note: `target ${target} (largest hub)` });
// The usual question is about an ordinary actor: the search stays in its neighbourhood.
run("influencersOf (depth 3; ordinary actor)", "powermap", () => core.influencersOf(graph, from, { depth: 3 }), { note: `target ${from} (degree ${graph.degree(from)})` });
run("pathsBetween (k=5)", "powermap", () => core.pathsBetween(graph, from, target, { k: 5 }), { note: `${from} → ${target}` });
run("pathsBetween (k=5)", "graphology", () => bidirectional(g, from, target), { note: "1 shortest path only (bidirectional BFS)" });
