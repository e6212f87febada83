import { generateEdges, documentOfEdges } from "../lib/gen.ts";
import { buildSnapshot, snapshotFromDocument } from "../../packages/core/src/snapshot/index.ts";
import { graphFromDocument } from "../../packages/core/src/graph/from-document.ts";
import { centralityScores } from "../../packages/core/src/metrics/index.ts";
import { DirectedGraph } from "graphology";
import pagerankG from "graphology-metrics/centrality/pagerank.js";
const n = Number(process.argv[2] ?? 100000);
const e = generateEdges(n);
const doc = documentOfEdges(e);
const graph = graphFromDocument(doc);
const g = new DirectedGraph();
for (let i = 0; i < n; i++) g.addNode(`a${i}`);
for (let r = 0; r < e.from.length; r++) g.addEdge(`a${e.from[r]}`, `a${e.to[r]}`, { weight: e.strength[r] });
const cpu = (f: () => unknown) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); return ((d.user + d.system) / 1000).toFixed(0); };
for (let i = 0; i < 3; i++) {
  console.log("buildSnapshot(graph)", cpu(() => buildSnapshot(graph)), "fromDoc", cpu(() => snapshotFromDocument(doc)),
    "pagerank incl build", cpu(() => centralityScores(buildSnapshot(graph), "pagerank")), "graphology pr", cpu(() => pagerankG(g, { getEdgeWeight: null, tolerance: 1e-6 / n })));
}
