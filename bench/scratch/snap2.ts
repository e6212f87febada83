import { generateEdges, documentOfEdges } from "../lib/gen.ts";
import { snapshotFromDocument } from "../../packages/core/src/snapshot/index.ts";
const n = 100000;
const doc = documentOfEdges(generateEdges(n));
const cpu = (f: () => unknown) => { const c = process.cpuUsage(); const t = performance.now(); f(); const d = process.cpuUsage(c); return ((d.user + d.system) / 1000).toFixed(0) + "/" + (performance.now() - t).toFixed(0); };
for (let i = 0; i < 6; i++) console.log("fromDoc cpu/wall", cpu(() => snapshotFromDocument(doc)));
