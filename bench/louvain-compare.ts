// Louvain: powermap's communities(map) (typed-array Louvain on the analysis snapshot) against
// graphology-communities-louvain on the same generated graphs. CPU time (process.cpuUsage) of one
// cold call (JIT warm-up, first snapshot) shown apart, then the median of 3 more calls; ratio =
// graphology median / powermap median. Modularities are all computed here, from the edge list, on
// the undirected view communities() works on (weight = kind weight × strength/5).
//   node --expose-gc --import tsx bench/louvain-compare.ts [10000,100000]
import { DirectedGraph, UndirectedGraph } from "graphology";
import graphologyLouvain from "graphology-communities-louvain";
import { communities } from "../packages/core/src/analysis/communities.ts";
import { graphFromDocument } from "../packages/core/src/graph/from-document.ts";
import { resolveKinds } from "../packages/core/src/kinds.ts";
import { mulberry32 } from "../packages/core/src/metrics/random.ts";
import { documentOfEdges, generateEdges, type EdgeList } from "./lib/gen.ts";
import { collect, settle } from "./lib/measure.ts";

const sizes = (process.argv[2] ?? "10000,100000").split(",").map(Number);
const RUNS = 3;

interface Timed<T> {
  cold: number;
  ms: number[];
  median: number;
  value: T;
}

/** CPU ms of a cold call, then of RUNS more calls (GC and background sweeping settled before each). */
function cpu<T>(fn: () => T): Timed<T> {
  const ms: number[] = [];
  let value: T | undefined;
  for (let i = 0; i <= RUNS; i++) {
    collect();
    settle();
    const c0 = process.cpuUsage();
    value = fn();
    const c = process.cpuUsage(c0);
    ms.push((c.user + c.system) / 1000);
  }
  const cold = ms.shift()!;
  return { cold, ms, median: [...ms].sort((a, b) => a - b)[RUNS >> 1]!, value: value! };
}

/** Q = Σ_c [L_c/m − (d_c/2m)²] over the undirected weighted edge list (actor numbers → community). */
function modularity(g: EdgeList, w: Float64Array, part: (v: number) => number): number {
  const inner = new Map<number, number>();
  const deg = new Map<number, number>();
  let m = 0;
  for (let e = 0; e < g.from.length; e++) {
    const a = part(g.from[e]!);
    const b = part(g.to[e]!);
    m += w[e]!;
    deg.set(a, (deg.get(a) ?? 0) + w[e]!);
    deg.set(b, (deg.get(b) ?? 0) + w[e]!);
    if (a === b) inner.set(a, (inner.get(a) ?? 0) + w[e]!);
  }
  let q = 0;
  for (const [c, d] of deg) q += (inner.get(c) ?? 0) / m - (d / (2 * m)) ** 2;
  return q;
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => (typeof c === "number" ? (Number.isInteger(c) ? String(c) : c.toFixed(i === 3 ? 4 : 1)) : c).padStart(i === 0 ? 46 : 11)).join(" ");
}

const kinds = resolveKinds();
console.log(row(["implementation (actors)", "median ms", "runs ms", "Q (undir.)", "count", "cold ms", "ratio"]));
for (const n of sizes) {
  const edges = generateEdges(n);
  const doc = documentOfEdges(edges);
  const weight = new Float64Array(edges.from.length);
  doc.relationships.forEach((r, i) => (weight[i] = (kinds[r.kind].weight * r.strength!) / 5));
  const graph = graphFromDocument(doc);
  // graphology as bench/worker.ts runs it: a DirectedGraph of the same edges (weight = strength),
  // which graphology-communities-louvain treats with its directed modularity.
  const gDir = new DirectedGraph();
  for (let i = 0; i < n; i++) gDir.addNode(`a${i}`);
  for (let r = 0; r < edges.from.length; r++) gDir.addEdge(`a${edges.from[r]}`, `a${edges.to[r]}`, { weight: edges.strength[r] });
  // graphology on exactly communities()' view: undirected, weight = kind weight × strength/5.
  const gUnd = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (let i = 0; i < n; i++) gUnd.addNode(`a${i}`);
  for (let r = 0; r < edges.from.length; r++) gUnd.updateEdge(`a${edges.from[r]}`, `a${edges.to[r]}`, (a) => ({ weight: (a.weight ?? 0) + weight[r]! }));

  const ours = cpu(() => communities(graph).assignments);
  const dir = cpu(() => graphologyLouvain(gDir, { rng: mulberry32(1) }));
  const und = cpu(() => graphologyLouvain(gUnd, { getEdgeWeight: "weight", rng: mulberry32(1) }));
  const reported = communities(graph).modularity;
  for (const [name, t] of [["powermap communities(map)", ours], ["graphology louvain, DirectedGraph (worker)", dir], ["graphology louvain, same undirected view", und]] as const) {
    const q = modularity(edges, weight, (v) => t.value[`a${v}`]!);
    const count = new Set(Object.values(t.value)).size;
    console.log(row([`${name} (${n})`, t.median, t.ms.map((x) => x.toFixed(0)).join("/"), q, count, t.cold, t.median === ours.median ? 1 : t.median / ours.median]));
  }
  console.log(row([`  communities() reported modularity (${n})`, "", "", reported, "", "", ""]));
}
