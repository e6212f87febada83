import { describe, expect, it } from "vitest";
import { pathsBetween, type PathsOptions } from "../../src/analysis/paths.ts";
import type { PowerGraph } from "../../src/graph/types.ts";
import { RELATIONSHIP_KIND_INFO } from "../../src/kinds.ts";
import { RELATIONSHIP_KINDS } from "../../src/schema/relationship.ts";
import { build } from "./build.ts";

/*
 * The optimised pathsBetween (bounded A* spur searches, Lawler's shortcut, lazy searches) against
 * a plain Yen written here from scratch (Dijkstra spur searches from every node of every path, no
 * heuristic) and against enumeration of every loopless path, on random small maps. Both Yen's
 * return the k best paths in (cost, steps) order, so costs and step counts must agree position by
 * position; where a (cost, steps) value belongs to one path only, the routes must agree too.
 */

type Costs = Map<string, Map<string, number>>; // from → to → cheapest step cost

/** Step costs straight from the kind registry: −ln(weight × strength / 5), cheapest per pair. */
function stepCosts(g: PowerGraph, direction: "influence" | "any", opposition: boolean): Costs {
  const costs: Costs = new Map();
  const put = (a: string, b: string, c: number) => {
    if (a === b) return;
    const m = costs.get(a) ?? costs.set(a, new Map()).get(a)!;
    m.set(b, Math.min(m.get(b) ?? Infinity, c));
  };
  g.forEachEdge((_id, r) => {
    const info = RELATIONSHIP_KIND_INFO[r.kind];
    if (info.sign < 0 && !opposition) return;
    const c = -Math.log((info.weight * (r.strength ?? 3)) / 5);
    const dir = direction === "any" ? "both" : info.direction;
    if (dir === "forward" || dir === "both") put(r.from, r.to, c);
    if (dir === "backward" || dir === "both") put(r.to, r.from, c);
  });
  return costs;
}

interface P {
  nodes: string[];
  cost: number;
}
const key = (p: P) => p.nodes.join(">");
const less = (a: P, b: P) => a.cost - b.cost || a.nodes.length - b.nodes.length;

/** Cheapest then shortest path from `s` to a target, avoiding `banned` actors and first steps. */
function dijkstra(costs: Costs, s: string, ends: Set<string>, avoid: Set<string>, bannedFirst: Set<string>, root: P): P | null {
  const best = new Map<string, P>([[s, root]]);
  const done = new Set<string>();
  for (;;) {
    let u: P | undefined;
    for (const [v, p] of best) if (!done.has(v) && (!u || less(p, u) < 0)) u = p;
    if (!u) return null;
    const v = u.nodes[u.nodes.length - 1]!;
    done.add(v);
    if (v !== s && ends.has(v)) return u;
    for (const [w, c] of costs.get(v) ?? []) {
      if (avoid.has(w) || done.has(w) || (v === s && bannedFirst.has(w))) continue;
      const cand = { nodes: [...u.nodes, w], cost: u.cost + c };
      const old = best.get(w);
      if (!old || less(cand, old) < 0) best.set(w, cand);
    }
  }
}

/** Plain Yen over actors, from several starts (never re-entered) to the first target reached. */
function plainYen(costs: Costs, starts: string[], targets: Set<string>, k: number): P[] {
  // A virtual source "*" joined to each start at cost 0, as in the product's definition.
  const c: Costs = new Map([["*", new Map(starts.map((s) => [s, 0]))]]);
  for (const [a, m] of costs) if (!targets.has(a)) c.set(a, new Map([...m].filter(([b]) => !starts.includes(b))));
  const first = dijkstra(c, "*", targets, new Set(), new Set(), { nodes: ["*"], cost: 0 });
  if (!first) return [];
  const accepted = [first];
  const pool: P[] = [];
  const seen = new Set([key(first)]);
  while (accepted.length < k) {
    const prev = accepted[accepted.length - 1]!;
    for (let j = 0; j < prev.nodes.length - 1; j++) {
      const rootNodes = prev.nodes.slice(0, j + 1);
      let rootCost = 0;
      for (let i = 0; i < j; i++) rootCost += c.get(prev.nodes[i]!)!.get(prev.nodes[i + 1]!)!;
      const banned = new Set(accepted.filter((p) => p.nodes.length > j + 1 && rootNodes.every((n, i) => p.nodes[i] === n)).map((p) => p.nodes[j + 1]!));
      const spur = dijkstra(c, prev.nodes[j]!, targets, new Set(rootNodes.slice(0, j)), banned, { nodes: rootNodes, cost: rootCost });
      if (spur && !seen.has(key(spur))) {
        seen.add(key(spur));
        pool.push(spur);
      }
    }
    if (pool.length === 0) break;
    pool.sort(less);
    accepted.push(pool.shift()!);
  }
  return accepted.map((p) => ({ nodes: p.nodes.slice(1), cost: p.cost }));
}

/** Every loopless path (with at most `maxDepth` steps), cheapest then shortest first. */
function enumerate(costs: Costs, starts: string[], targets: Set<string>, maxDepth = Infinity): P[] {
  const all: P[] = [];
  const dfs = (p: P): void => {
    const v = p.nodes[p.nodes.length - 1]!;
    if (p.nodes.length > 1 && targets.has(v)) return void all.push(p);
    if (p.nodes.length - 1 >= maxDepth) return;
    for (const [w, c] of costs.get(v) ?? []) if (!p.nodes.includes(w) && !starts.includes(w)) dfs({ nodes: [...p.nodes, w], cost: p.cost + c });
  };
  for (const s of starts) dfs({ nodes: [s], cost: 0 });
  return all.sort(less);
}

function randomMap(seed: number): { g: PowerGraph; ids: string[] } {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const n = 7 + Math.floor(rnd() * 6);
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  const m = n + Math.floor(rnd() * 2 * n);
  const rels = Array.from({ length: m }, () => {
    const from = ids[Math.floor(rnd() * n)]!;
    const to = ids[(ids.indexOf(from) + 1 + Math.floor(rnd() * (n - 1))) % n]!;
    // Few kinds and strengths make equal-cost alternatives common, which stresses tie-breaking.
    const kind = RELATIONSHIP_KINDS[Math.floor(rnd() * RELATIONSHIP_KINDS.length)]!;
    return { from, to, kind, strength: 1 + Math.floor(rnd() * 5) };
  });
  return { g: build(ids, rels), ids };
}

const route = (p: { steps: { from: { id: string }; to: { id: string } }[] }) => [p.steps[0]!.from.id, ...p.steps.map((x) => x.to.id)];

function check(got: ReturnType<typeof pathsBetween>, want: P[], all: P[]): void {
  expect(got.length).toBe(want.length);
  const tag = (cost: number, len: number) => `${cost.toFixed(9)}/${len}`;
  const count = new Map<string, number>();
  for (const p of all) count.set(tag(p.cost, p.nodes.length), (count.get(tag(p.cost, p.nodes.length)) ?? 0) + 1);
  got.forEach((p, i) => {
    expect(p.cost).toBeCloseTo(want[i]!.cost, 9);
    expect(p.steps.length + 1).toBe(want[i]!.nodes.length);
    if (count.get(tag(want[i]!.cost, want[i]!.nodes.length)) === 1) expect(route(p)).toEqual(want[i]!.nodes);
  });
  expect(new Set(got.map((p) => route(p).join(">"))).size).toBe(got.length); // loopless paths, each once
  for (const p of got) expect(new Set(route(p)).size).toBe(p.steps.length + 1);
}

describe("pathsBetween against a plain Yen and full enumeration", () => {
  const seeds = Array.from({ length: 60 }, (_, i) => i + 1);
  it.each(seeds)("random map %i", (seed) => {
    const { g, ids } = randomMap(seed);
    const direction = seed % 3 === 0 ? "any" : "influence";
    const opposition = seed % 4 === 0;
    const starts = seed % 5 === 0 ? [ids[0]!, ids[1]!] : [ids[0]!];
    const targets = seed % 7 === 0 ? [ids[ids.length - 1]!, ids[ids.length - 2]!] : [ids[ids.length - 1]!];
    const k = 1 + (seed % 8);
    const costs = stepCosts(g, direction, opposition);
    const all = enumerate(costs, starts, new Set(targets));
    const want = plainYen(costs, starts, new Set(targets), k);
    // The reference itself agrees with enumeration.
    expect(want.map((p) => p.cost.toFixed(9))).toEqual(all.slice(0, k).map((p) => p.cost.toFixed(9)));
    const opts: PathsOptions = { k, direction, includeOpposition: opposition };
    check(pathsBetween(g, starts, targets, opts), want, all);
  });

  it.each(seeds.slice(0, 30))("random map %i with maxDepth", (seed) => {
    const { g, ids } = randomMap(seed + 1000);
    const maxDepth = 2 + (seed % 3);
    const costs = stepCosts(g, "any", false);
    const targets = new Set([ids[ids.length - 1]!]);
    const all = enumerate(costs, [ids[0]!], targets, maxDepth);
    const k = 1 + (seed % 6);
    check(pathsBetween(g, ids[0]!, [...targets], { k, direction: "any", maxDepth }), all.slice(0, k), all);
  });
});
