import { MultiDirectedGraph } from "graphology";
import { pathsBetween } from "../../src/analysis/zz-probe-paths.ts";
import { InfluenceView } from "../../src/analysis/influence-graph.ts";
import { MinHeap } from "../../src/analysis/heap.ts";
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
  const r = pathsBetween(g, a, b, { k: 5, direction });
  const c1 = r[0]!.cost, c5 = r[4]!.cost;
  const view = new InfluenceView(g, { mode: direction, includeOpposition: false });
  for (const [name, side, root] of [["back", "in", b], ["fwd", "out", a]] as const) {
    const dist = new Map<string, number>();
    const h = new MinHeap<[number, string]>((x, y) => x[0] < y[0]);
    h.push([0, root]);
    const ds: number[] = [];
    while (h.size) {
      const [d, v] = h.pop()!;
      if (dist.has(v)) continue;
      if (d > c5 + 0.01) break;
      dist.set(v, d); ds.push(d);
      for (const arc of side === "in" ? view.inArcs(v) : view.outArcs(v)) {
        const w = side === "in" ? arc.source : arc.target;
        if (!dist.has(w) && (arc.sign > 0)) h.push([d - Math.log(arc.weight), w]);
      }
    }
    const cnt = (x: number) => ds.filter((d) => d <= x).length;
    console.log(a, b, direction, name, `c1=${c1.toFixed(2)} c5=${c5.toFixed(2)}`, "≤c1/2:", cnt(c1 / 2), "≤0.75c1:", cnt(0.75 * c1), "≤c1:", cnt(c1), "≤c5:", cnt(c5));
  }
}
