// Deterministic power-network generator, the same family as ../shared/research/benchmarks-baseline.md
// (bench/node/gen.mjs there): directed preferential attachment with roulette on degree + 1, m = 5
// relationships per new actor, 80 % new → hub / 20 % hub → new, no self-loops or parallel pairs,
// seed 20240601 ^ N. The first m + 1 actors form a directed cycle, so M = 5N − 24 (4 976 at 1k,
// as in the baseline). Relationships get a kind (typed by direction: new → hub is donation,
// membership, position, lobbying, employment; hub → new is ownership, funding, subsidiary,
// appointment, contract) and a strength 1…5; actors get a kind.
import type { PowerMapDocument } from "../../packages/core/src/schema/document.ts";
import type { ActorKind } from "../../packages/core/src/schema/actor.ts";
import type { RelationshipKind } from "../../packages/core/src/schema/relationship.ts";
import { mulberry32 } from "../../packages/core/src/metrics/random.ts";

export const EDGES_PER_ACTOR = 5;

/** Edge arrays of the generated graph (actor numbers), strength per edge, kind code per edge. */
export interface EdgeList {
  n: number;
  from: Uint32Array;
  to: Uint32Array;
  strength: Uint8Array;
  kind: Uint8Array;
}

const TO_HUB: RelationshipKind[] = ["donation", "membership", "position", "lobbying", "employment"];
const FROM_HUB: RelationshipKind[] = ["ownership", "funding", "subsidiary", "appointment", "contract"];
const ACTOR_KINDS: ActorKind[] = ["person", "person", "person", "company", "nonprofit", "government_body", "financial_institution", "union", "media"];

export function generateEdges(n: number): EdgeList {
  const m = EDGES_PER_ACTOR;
  const rnd = mulberry32(20240601 ^ n);
  const core = Math.min(n, m + 1);
  const total = (n > 1 ? core : 0) + Math.max(0, n - core) * m;
  const from = new Uint32Array(total);
  const to = new Uint32Array(total);
  const strength = new Uint8Array(total);
  const kind = new Uint8Array(total);
  // Roulette wheel: each actor appears once plus once per incident relationship (degree + 1).
  const wheel = new Uint32Array(n + 2 * total);
  let wl = 0;
  let e = 0;
  const add = (a: number, b: number, toHub: boolean): void => {
    from[e] = a;
    to[e] = b;
    strength[e] = 1 + Math.floor(rnd() * 5);
    kind[e] = (toHub ? 0 : 5) + Math.floor(rnd() * 5);
    e++;
    wheel[wl++] = a;
    wheel[wl++] = b;
  };
  for (let i = 0; i < core; i++) wheel[wl++] = i;
  if (n > 1) for (let i = 0; i < core; i++) add(i, (i + 1) % core, true);
  const picked = new Int32Array(n).fill(-1);
  for (let i = core; i < n; i++) {
    const chosen: number[] = [];
    while (chosen.length < m) {
      const h = wheel[Math.floor(rnd() * wl)]!;
      if (picked[h] === i) continue;
      picked[h] = i;
      chosen.push(h);
    }
    wheel[wl++] = i;
    for (const h of chosen) {
      if (rnd() < 0.8) add(i, h, true);
      else add(h, i, false);
    }
  }
  return { n, from, to, strength, kind };
}

/** The generated graph as a powermap document. */
export function documentOfEdges(g: EdgeList): PowerMapDocument {
  const actors = new Array<PowerMapDocument["actors"][number]>(g.n);
  for (let i = 0; i < g.n; i++) actors[i] = { id: `a${i}`, name: `Actor ${i}`, kind: ACTOR_KINDS[i % ACTOR_KINDS.length]! };
  const m = g.from.length;
  const relationships = new Array<PowerMapDocument["relationships"][number]>(m);
  for (let r = 0; r < m; r++) {
    const k = g.kind[r]!;
    relationships[r] = {
      id: `r${r}`,
      from: `a${g.from[r]}`,
      to: `a${g.to[r]}`,
      kind: k < 5 ? TO_HUB[k]! : FROM_HUB[k - 5]!,
      strength: g.strength[r]!,
    };
  }
  return { format: "powermap", version: 1, meta: { title: `generated power network, ${g.n} actors` }, actors, relationships };
}
