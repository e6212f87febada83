import { generateEdges, documentOfEdges } from "../lib/gen.ts";
import { graphFromDocument } from "../../packages/core/src/graph/from-document.ts";
import { buildSnapshot } from "../../packages/core/src/snapshot/index.ts";
const n = 100000;
const doc = documentOfEdges(generateEdges(n));
const graph = graphFromDocument(doc);
const T = (label: string, f: () => unknown) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); console.log(label, ((d.user + d.system) / 1000).toFixed(0)); };
for (let k = 0; k < 3; k++) {
  T("forEachEdge", () => { let s = 0; graph.forEachEdge((_k, a, src, tgt) => { s += src.length + tgt.length; }); return s; });
  T("forEachNode", () => { let s = 0; graph.forEachNode((key) => { s += key.length; }); return s; });
  const index = new Map<string, number>(); let i = 0; graph.forEachNode((key) => { index.set(key, i++); });
  T("forEachEdge+lookup", () => { let s = 0; graph.forEachEdge((_k, a, src, tgt) => { s += index.get(src)! + index.get(tgt)!; }); return s; });
  T("buildSnapshot", () => buildSnapshot(graph));
}
