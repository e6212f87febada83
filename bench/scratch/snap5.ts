import { generateEdges, documentOfEdges } from "../lib/gen.ts";
import { graphFromDocument } from "../../packages/core/src/graph/from-document.ts";
const n = 100000;
const doc = documentOfEdges(generateEdges(n));
const graph = graphFromDocument(doc);
const T = (label: string, f: () => unknown) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); console.log(label, ((d.user + d.system) / 1000).toFixed(0)); };
const ids: string[] = []; graph.forEachNode((k) => { ids.push(k); });
for (let k = 0; k < 3; k++) {
  T("forEachOutEdge noop", () => { let s = 0; for (const id of ids) graph.forEachOutEdge(id, () => { s++; }); return s; });
  T("outEdges arrays", () => { let s = 0; for (const id of ids) s += graph.outEdges(id).length; return s; });
  T("forEachEdge noop", () => { let s = 0; graph.forEachEdge(() => { s++; }); return s; });
  const m = 500000; const a = new Int32Array(m), b = new Int32Array(m), c = new Float64Array(m);
  T("counting sort", () => { const off = new Int32Array(n + 1); for (let i = 0; i < m; i++) off[(a[i] = (i * 7919) % n) + 1]++; for (let i = 0; i < n; i++) off[i + 1] += off[i]; const cur = off.slice(0, n); for (let i = 0; i < m; i++) { const p = cur[a[i]]++; b[p] = i; c[p] = i; } });
}
