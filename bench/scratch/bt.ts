import { generateEdges, documentOfEdges } from "../lib/gen.ts";
import { snapshotFromDocument } from "../../packages/core/src/snapshot/index.ts";
import { computeBetweenness } from "../../packages/core/src/metrics/index.ts";
import { DirectedGraph } from "graphology";
import betweennessG from "graphology-metrics/centrality/betweenness.js";
const n = Number(process.argv[2] ?? 1000);
const e = generateEdges(n);
const s = snapshotFromDocument(documentOfEdges(e));
const g = new DirectedGraph();
for (let i = 0; i < n; i++) g.addNode(`a${i}`);
for (let r = 0; r < e.from.length; r++) g.addEdge(`a${e.from[r]}`, `a${e.to[r]}`, { weight: e.strength[r] });
const cpu = (f: () => unknown) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); return ((d.user + d.system) / 1000).toFixed(0); };
for (let i = 0; i < 3; i++) {
  const a = cpu(() => computeBetweenness(s, { direction: "directed", normalized: true, seed: 1, confidence: 0.95 }));
  const b = cpu(() => computeBetweenness(s, { direction: "directed", normalized: true, seed: 1, confidence: 0.95, lengths: s.relWeights, cacheKey: "x" }));
  const c = cpu(() => betweennessG(g, { getEdgeWeight: null }));
  const d = process.argv[3] ? cpu(() => betweennessG(g, { getEdgeWeight: "weight" })) : "-";
  console.log(`cpu ms: ours unw ${a} w ${b} | graphology unw ${c} w ${d}`);
}
