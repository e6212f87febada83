// Timing script (not a test): loading a generated 10k-actor / 30k-relationship document.
// Run: npx tsx packages/core/test/analysis/perf-load.ts [actors] [relationships]
import { PowerMap } from "../../src/graph/power-map.ts";
import { parse } from "../../src/io/parse.ts";
import { RELATIONSHIP_KINDS } from "../../src/schema/relationship.ts";

const n = Number(process.argv[2] ?? 10_000);
const m = Number(process.argv[3] ?? 30_000);
let seed = 7;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const kinds = ["person", "nonprofit", "company", "government_body"];
const actors = Array.from({ length: n }, (_, i) => ({
  id: `a${i}`,
  name: `Actor ${i}`,
  kind: kinds[i % kinds.length],
  ...(i % 5 === 0 ? { aliases: [`A. ${i}`], power: 1 + (i % 5), stance: (i % 5) - 2 } : {}),
}));
const relationships = Array.from({ length: m }, (_, i) => {
  const from = Math.floor(rnd() * n);
  const to = (from + 1 + Math.floor(rnd() * (n - 1))) % n;
  return {
    id: `r${i}`,
    from: `a${from}`,
    to: `a${to}`,
    kind: RELATIONSHIP_KINDS[i % RELATIONSHIP_KINDS.length],
    strength: 1 + (i % 5),
    ...(i % 3 === 0 ? { startDate: "2020-01", sources: [{ url: `https://example.org/${i}`, title: "A source" }] } : {}),
  };
});
const text = JSON.stringify({ format: "powermap", version: 1, meta: { title: "perf" }, actors, relationships });
console.log(`document: ${n} actors, ${m} relationships, ${(text.length / 1e6).toFixed(1)} MB`);

function time(label: string, fn: () => unknown, runs = 5): number {
  fn(); // warm-up
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    fn();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  const med = ms[runs >> 1]!;
  console.log(`${label.padEnd(46)} median ${med.toFixed(1).padStart(8)} ms  (min ${ms[0]!.toFixed(1)}, max ${ms[runs - 1]!.toFixed(1)})`);
  return med;
}

const json = time("JSON.parse", () => JSON.parse(text));
time("parse(text)", () => parse(text));
{
  const r = parse(text);
  if (!r.ok) throw new Error(r.issues.slice(0, 3).map((i) => i.message).join("; "));
}
const fresh = () => {
  const r = parse(text);
  if (!r.ok) throw new Error(`invalid generated document: ${r.issues.slice(0, 3).map((i) => i.message).join("; ")}`);
  return r.document;
};
const fromDoc = (opts?: { trusted?: boolean }) => {
  const docs = Array.from({ length: 6 }, fresh); // one fresh document per run: fromDocument adopts it
  let i = 0;
  return () => (PowerMap.fromDocument as (d: unknown, o?: unknown) => PowerMap)(docs[i++]!, opts);
};
const untrusted = time("PowerMap.fromDocument(doc)", fromDoc());
const trusted = time("PowerMap.fromDocument(doc, { trusted: true })", fromDoc({ trusted: true }));
console.log(`ratios to JSON.parse: untrusted ${(untrusted / json).toFixed(2)}, trusted ${(trusted / json).toFixed(2)}`);
