// Deterministic preferential-attachment graph shared by the editor benchmark and its bare-sigma
// baseline, shaped like ../shared/research/sigma-baseline.md: a K(m) seed clique, then each new node
// links to m distinct earlier nodes picked proportionally to degree (seeded PRNG), radial positions
// with hubs in the middle, size 1 + 2·ln(1 + degree), labels "node i", 10 colours.

import { mulberry32 as prng } from "../../packages/core/src/metrics/random.ts";

export const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

export interface BenchGraph {
  n: number;
  /** Flat [x0, y0, x1, y1, …]. */
  xy: Float64Array;
  degree: Uint32Array;
  /** Flat [source0, target0, source1, target1, …]. */
  edges: Uint32Array;
}

export function generate(n: number, m = 5, seed = 42): BenchGraph {
  const rand = prng(seed);
  const edgeList: number[] = [];
  // Every edge endpoint once: sampling uniformly from it is sampling proportionally to degree.
  const ends: number[] = [];
  const k = Math.min(m, n);
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) {
      edgeList.push(i, j);
      ends.push(i, j);
    }
  for (let v = k; v < n; v++) {
    const picked = new Set<number>();
    while (picked.size < m) picked.add(ends[Math.floor(rand() * ends.length)]);
    for (const u of picked) {
      edgeList.push(v, u);
      ends.push(v, u);
    }
  }
  const degree = new Uint32Array(n);
  for (const e of edgeList) degree[e]++;
  const xy = new Float64Array(2 * n);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(i + 1) * 10;
    xy[2 * i] = r * Math.cos(i * golden);
    xy[2 * i + 1] = r * Math.sin(i * golden);
  }
  return { n, xy, degree, edges: Uint32Array.from(edgeList) };
}

export const nodeSize = (degree: number): number => 1 + 2 * Math.log(1 + degree);

/** The same graph as a powermap document (actors with positions, "influence" relationships). */
export function toPowermapDocument(g: BenchGraph): Record<string, unknown> {
  const kinds = ["person", "company", "government_body", "nonprofit", "union"];
  const actors = [];
  for (let i = 0; i < g.n; i++)
    actors.push({ id: `n${i}`, name: `node ${i}`, kind: kinds[i % kinds.length], power: 1 + (i % 5), position: { x: g.xy[2 * i], y: g.xy[2 * i + 1] } });
  const relationships = [];
  for (let e = 0; e < g.edges.length / 2; e++)
    relationships.push({ id: `e${e}`, from: `n${g.edges[2 * e]}`, to: `n${g.edges[2 * e + 1]}`, kind: "influence" });
  return { format: "powermap", version: 1, meta: { title: `Benchmark ${g.n} actors` }, actors, relationships };
}
