// Timing script (not a test): loading a generated 10k-actor / 30k-relationship document.
// Run: node --expose-gc --import tsx packages/core/test/analysis/perf-load.ts [actors] [relationships]
// (with --expose-gc every timed run starts after a full collection, so earlier runs' garbage is not billed to it)
import { graphFromDocument } from "../../src/graph/from-document.ts";
import { PowerMap } from "../../src/graph/power-map.ts";
import { parse } from "../../src/io/parse.ts";
import type { PowerMapDocument } from "../../src/schema/document.ts";
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

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Median of `runs` timed calls of `fn(input)`, each on a fresh input made (untimed) by `setup`. */
function time<T>(label: string, setup: () => T, fn: (input: T) => unknown, runs = 5): number {
  fn(setup()); // warm-up
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const input = setup();
    gc();
    const s = performance.now();
    fn(input);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  const med = ms[runs >> 1]!;
  console.log(`${label.padEnd(46)} median ${med.toFixed(1).padStart(8)} ms  (min ${ms[0]!.toFixed(1)}, max ${ms[runs - 1]!.toFixed(1)})`);
  return med;
}

const validDocument = (): PowerMapDocument => {
  const r = parse(text);
  if (!r.ok) throw new Error(`invalid generated document: ${r.issues.slice(0, 3).map((i) => i.message).join("; ")}`);
  return r.document;
};
const json = time("JSON.parse", () => text, (t) => JSON.parse(t));
const parsed = time("parse(text)", () => text, (t) => parse(t));
// fromDocument adopts (freezes) a trusted document, so every run gets a fresh one.
const untrusted = time("PowerMap.fromDocument(doc)", validDocument, (d) => PowerMap.fromDocument(d));
const trusted = time("PowerMap.fromDocument(doc, { trusted: true })", validDocument, (d) => PowerMap.fromDocument(d, { trusted: true }));
const graphOnly = time("graphFromDocument(doc) (graphology build only)", validDocument, (d) => graphFromDocument(d));
console.log(`ratios to JSON.parse: parse ${(parsed / json).toFixed(2)}, fromDocument ${(untrusted / json).toFixed(2)}, trusted ${(trusted / json).toFixed(2)}, graph build alone ${(graphOnly / json).toFixed(2)}`);
