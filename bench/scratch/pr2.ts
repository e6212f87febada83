import { generateEdges, documentOfEdges } from "../lib/gen.ts";
import { snapshotFromDocument } from "../../packages/core/src/snapshot/index.ts";
import { computePageRank } from "../../packages/core/src/metrics/index.ts";
const n = Number(process.argv[2] ?? 3000);
const s = snapshotFromDocument(documentOfEdges(generateEdges(n)));
for (let i = 0; i < 8; i++) {
  const c = process.cpuUsage(); const t = performance.now();
  const r = computePageRank(s, { direction: "directed", tolerance: 1e-6, maxIterations: 1000, alpha: 0.85 });
  const d = process.cpuUsage(c);
  console.log(r.iterations, ((d.user + d.system) / 1000).toFixed(2), (performance.now() - t).toFixed(2));
}
