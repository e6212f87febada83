import { generateEdges, documentOfEdges } from "../lib/gen.ts";
import { snapshotFromDocument } from "../../packages/core/src/snapshot/index.ts";
import { computeCloseness, computeEigenvector, computePageRank } from "../../packages/core/src/metrics/index.ts";
import { DirectedGraph } from "graphology";
import closenessG from "graphology-metrics/centrality/closeness.js";
import eigenvectorG from "graphology-metrics/centrality/eigenvector.js";
const n = Number(process.argv[2] ?? 1000);
const e = generateEdges(n);
const s = snapshotFromDocument(documentOfEdges(e));
const g = new DirectedGraph();
for (let i = 0; i < n; i++) g.addNode(`a${i}`);
for (let r = 0; r < e.from.length; r++) g.addEdge(`a${e.from[r]}`, `a${e.to[r]}`, { weight: e.strength[r] });
const cpu = (f: () => unknown) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); return ((d.user + d.system) / 1000).toFixed(1); };
for (let i = 0; i < 3; i++) {
  console.log(`closeness ours ${cpu(() => computeCloseness(s, { direction: "directed", wfImproved: true }))} graphology ${cpu(() => closenessG(g, { wassermanFaust: true }))}`,
  `eig ours ${cpu(() => computeEigenvector(s, { direction: "directed", tolerance: 1e-6, maxIterations: 1000 }))} graphology ${cpu(() => eigenvectorG(g, { getEdgeWeight: null, tolerance: 1e-6 / n, maxIterations: 1000 }))}`,
  `pr ours ${cpu(() => computePageRank(s, { direction: "directed", tolerance: 1e-6, maxIterations: 1000, alpha: 0.85 }))}`);
}
