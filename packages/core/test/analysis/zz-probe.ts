import { MultiDirectedGraph } from "graphology";
import { pathsBetween, probe } from "../../src/analysis/zz-probe-paths2.ts";
import type { PowerGraph } from "../../src/graph/types.ts";
import { RELATIONSHIP_KINDS } from "../../src/schema/relationship.ts";
const n = Number(process.argv[2] ?? 100_000);
let seed = 42;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const g: PowerGraph = new MultiDirectedGraph();
const ends: number[] = [];
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
const pairs: [string, string][] = [[`a${n - 1}`, `a${n - 2}`], [`a${Math.floor(n / 2)}`, `a${Math.floor(n / 3)}`], ["a7", `a${n - 5}`], [`a${n - 10}`, "a3"]];
for (const [a, b] of pairs) for (const direction of ["influence", "any"] as const) {
  for (const k of Object.keys(probe)) (probe as Record<string, number>)[k] = 0;
  const s = performance.now();
  const r = pathsBetween(g, a, b, { k: 5, direction });
  const ms = performance.now() - s;
  console.log(a, b, direction, ms.toFixed(0), JSON.stringify(probe), r.map((p) => p.cost.toFixed(3) + ":" + p.steps.length).join(" "));
}
