// Timing script (not a test): influencersOf / pathsBetween on a generated 100k-actor map.
// Run: npx tsx packages/core/test/analysis/perf.ts [actors]
import { MultiDirectedGraph } from "graphology";
import { brokers } from "../../src/analysis/brokers.ts";
import { influencersOf } from "../../src/analysis/influence.ts";
import { pathsBetween } from "../../src/analysis/paths.ts";
import type { PowerGraph } from "../../src/graph/types.ts";
import { RELATIONSHIP_KINDS } from "../../src/schema/relationship.ts";

const n = Number(process.argv[2] ?? 100_000);
let seed = 42;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);

// Preferential attachment: each new actor links to 5 earlier ones picked proportionally to degree.
const g: PowerGraph = new MultiDirectedGraph();
const ends: number[] = [];
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  g.addNode(`a${i}`, { id: `a${i}`, name: `Actor ${i}`, kind: i % 3 ? "person" : "company", roles: i % 1000 === 7 ? ["own"] : [] });
  for (let j = 0; j < Math.min(5, i); j++) {
    const t = rnd() < 0.5 ? ends[Math.floor(rnd() * ends.length)]! : Math.floor(rnd() * i);
    const kind = RELATIONSHIP_KINDS[Math.floor(rnd() * RELATIONSHIP_KINDS.length)]!;
    const id = `r${i}_${j}`;
    const [from, to] = rnd() < 0.5 ? [i, t] : [t, i];
    g.addDirectedEdgeWithKey(id, `a${from}`, `a${to}`, { id, from: `a${from}`, to: `a${to}`, kind, strength: 1 + Math.floor(rnd() * 5) });
    ends.push(i, t);
  }
}
console.log(`built ${g.order} actors, ${g.size} relationships in ${(performance.now() - t0).toFixed(0)} ms`);

// Count how many actors a query derives arcs for (each derivation walks that actor's relationships once).
let derived = 0;
const forEachEdge = g.forEachEdge.bind(g) as (...args: unknown[]) => void;
(g as unknown as { forEachEdge: (...args: unknown[]) => void }).forEachEdge = (...args: unknown[]) => {
  if (args.length === 2) derived++;
  forEachEdge(...args);
};
// Calibration: the same machine's time for 1M Map.set calls (about 100–200 ms on an idle laptop core).
{
  const s = performance.now();
  const m = new Map<string, number>();
  for (let i = 0; i < 1e6; i++) m.set("k" + i, i);
  console.log(`calibration: 1M Map.set in ${(performance.now() - s).toFixed(0)} ms`);
}

function time(label: string, fn: () => unknown, runs = 3): void {
  derived = 0;
  fn(); // warm-up, counted
  const touched = derived;
  const ms: number[] = [];
  let out: unknown;
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    out = fn();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  const size = Array.isArray(out) ? out.length : "";
  console.log(`${label.padEnd(50)} median ${ms[runs >> 1]!.toFixed(1).padStart(7)} ms  max ${ms[runs - 1]!.toFixed(1).padStart(7)} ms  actors touched ${String(touched).padStart(6)}  results ${size}`);
}

const hubDeg = (id: string) => g.degree(id);
const picks = [`a${n - 1}`, `a${Math.floor(n / 2)}`, `a${Math.floor(n / 10)}`, "a100", "a3"];
for (const t of picks) time(`influencersOf ${t} (deg ${hubDeg(t)}) depth 3`, () => influencersOf(g, t));
time(`influencersOf a${n - 1} depth 2`, () => influencersOf(g, `a${n - 1}`, { depth: 2 }));
const pairs: [string, string][] = [
  [`a${n - 1}`, `a${n - 2}`],
  [`a${Math.floor(n / 2)}`, `a${Math.floor(n / 3)}`],
  ["a7", `a${n - 5}`],
  [`a${n - 10}`, "a3"],
];
for (const [a, b] of pairs) {
  time(`pathsBetween ${a}→${b} k=5 influence`, () => pathsBetween(g, a, b, { k: 5 }));
  time(`pathsBetween ${a}→${b} k=5 any`, () => pathsBetween(g, a, b, { k: 5, direction: "any" }));
}
time(`pathsBetween own→a${n - 3} k=5`, () => pathsBetween(g, "own", `a${n - 3}`, { k: 5 }));
time(`brokers a${n - 1} / a${n - 2}`, () => brokers(g, `a${n - 1}`, `a${n - 2}`), 3);
