import { describe, expect, it } from "vitest";
import { brokers } from "../../src/analysis/brokers.ts";
import { RELATIONSHIP_KIND_INFO } from "../../src/kinds.ts";
import { RELATIONSHIP_KINDS } from "../../src/schema/relationship.ts";
import { build } from "./build.ts";

/*
 * brokers (bidirectional, half-distance balls per pair) against the definition computed the long
 * way: a full BFS from a and a full reverse BFS from b for every pair; v lies on σ_a(v)·σ_b(v)
 * shortest a → b paths when d(a, v) + d(v, b) = d(a, b).
 */
function fullBfs(adj: Map<string, Set<string>>, s: string): { d: Map<string, number>; sigma: Map<string, number> } {
  const d = new Map([[s, 0]]);
  const sigma = new Map([[s, 1]]);
  const queue = [s];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of adj.get(v) ?? []) {
      if (!d.has(w)) {
        d.set(w, d.get(v)! + 1);
        queue.push(w);
      }
      if (d.get(w) === d.get(v)! + 1) sigma.set(w, (sigma.get(w) ?? 0) + sigma.get(v)!);
    }
  }
  return { d, sigma };
}

describe("brokers against full breadth-first searches", () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))("random map %i", (seed) => {
    let s = seed;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
    const n = 10 + Math.floor(rnd() * 30);
    const ids = Array.from({ length: n }, (_, i) => `n${i}`);
    const rels = Array.from({ length: Math.floor(n * (1 + rnd() * 1.5)) }, () => {
      const from = ids[Math.floor(rnd() * n)]!;
      const to = ids[(ids.indexOf(from) + 1 + Math.floor(rnd() * (n - 1))) % n]!;
      return { from, to, kind: RELATIONSHIP_KINDS[Math.floor(rnd() * RELATIONSHIP_KINDS.length)]! };
    });
    const g = build(ids, rels);
    const direction = seed % 2 === 0 ? "influence" : "any";
    const fwd = new Map<string, Set<string>>();
    const bwd = new Map<string, Set<string>>();
    const arc = (x: string, y: string) => {
      (fwd.get(x) ?? fwd.set(x, new Set()).get(x)!).add(y);
      (bwd.get(y) ?? bwd.set(y, new Set()).get(y)!).add(x);
    };
    for (const r of rels) {
      const dir = direction === "any" ? "both" : RELATIONSHIP_KIND_INFO[r.kind].direction;
      if (dir === "forward" || dir === "both") arc(r.from, r.to);
      if (dir === "backward" || dir === "both") arc(r.to, r.from);
    }
    const A = ids.slice(0, 1 + (seed % 3));
    const B = ids.slice(n - 1 - (seed % 4)).concat(seed % 5 === 0 ? [A[0]!] : []);
    const want = new Map<string, number>();
    let pairs = 0;
    for (const a of A) {
      const fa = fullBfs(fwd, a);
      for (const b of new Set(B)) {
        if (a === b) continue;
        pairs++;
        const D = fa.d.get(b);
        if (D === undefined) continue;
        const fb = fullBfs(bwd, b);
        for (const [v, da] of fa.d) {
          const db = fb.d.get(v);
          if (v !== a && v !== b && db !== undefined && da + db === D) want.set(v, (want.get(v) ?? 0) + (fa.sigma.get(v)! * fb.sigma.get(v)!) / fa.sigma.get(b)!);
        }
      }
    }
    const got = brokers(g, A, B, { direction, top: Infinity, includeMembers: true, expandGroups: false });
    const expected = [...want].filter(([, v]) => v > 1e-12).map(([id, v]) => ({ id, score: v / pairs }));
    expect(got.length).toBe(expected.length);
    for (const e of expected) expect(got.find((x) => x.id === e.id)?.score).toBeCloseTo(e.score, 12);
  });
});
