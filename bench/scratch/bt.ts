import { generateEdges, documentOfEdges } from "/work/main/bench/lib/gen.ts";
import { snapshotFromDocument } from "/work/main/packages/core/src/snapshot/index.ts";
import { computeBetweenness } from "/work/main/packages/core/src/metrics/index.ts";
import { DirectedGraph } from "graphology";
import betweennessG from "graphology-metrics/centrality/betweenness.js";
const n = Number(process.argv[2] ?? 1000);
const e = generateEdges(n);
const s = snapshotFromDocument(documentOfEdges(e));
const g = new DirectedGraph();
for (let i = 0; i < n; i++) g.addNode(`a${i}`);
for (let r = 0; r < e.from.length; r++) g.addEdge(`a${e.from[r]}`, `a${e.to[r]}`, { weight: e.strength[r] });
for (let i = 0; i < 3; i++) {
  let t = performance.now(); computeBetweenness(s, { direction: "directed", normalized: true, seed: 1, confidence: 0.95 }); const a = performance.now() - t;
  t = performance.now(); computeBetweenness(s, { direction: "directed", normalized: true, seed: 1, confidence: 0.95, lengths: s.relWeights, cacheKey: "x" }); const b = performance.now() - t;
  t = performance.now(); betweennessG(g, { getEdgeWeight: null }); const c = performance.now() - t;
  t = performance.now(); betweennessG(g, { getEdgeWeight: "weight" }); const d = performance.now() - t;
  console.log(`ours unw ${a.toFixed(0)} w ${b.toFixed(0)} | graphology unw ${c.toFixed(0)} w ${d.toFixed(0)}`);
}
