import { generateEdges, documentOfEdges } from "../lib/gen.ts";
const n = 100000;
const doc = documentOfEdges(generateEdges(n));
const T = (label: string, f: () => unknown) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); console.log(label, ((d.user + d.system) / 1000).toFixed(0)); };
for (let k = 0; k < 3; k++) {
  const index = new Map<string, number>();
  T("map build", () => { for (let i = 0; i < doc.actors.length; i++) index.set(doc.actors[i]!.id, i); });
  T("lookups", () => { let s = 0; for (const r of doc.relationships) { s += index.get(r.from)! + index.get(r.to)!; } return s; });
  const from: number[] = [];
  T("push", () => { for (const r of doc.relationships) from.push(index.get(r.from)!); });
  const obj: Record<string, number> = Object.create(null);
  T("obj build", () => { for (let i = 0; i < doc.actors.length; i++) obj[doc.actors[i]!.id] = i; });
  T("obj lookups", () => { let s = 0; for (const r of doc.relationships) { s += obj[r.from]! + obj[r.to]!; } return s; });
}
