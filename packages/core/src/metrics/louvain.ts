import { UsageError } from "../errors.ts";
import { mulberry32 } from "./random.ts";

/**
 * An undirected weighted graph in CSR form (the shape of `adjacencyOf(snap, { direction: "both" })`):
 * the neighbours of `v` are `targets[offsets[v]] … targets[offsets[v + 1] − 1]`. An edge u–v (u ≠ v)
 * is listed in both lists with the same weight; a self-loop v–v is listed once and adds twice its
 * weight to v's degree (the networkx convention). Parallel entries are allowed and simply add up.
 * The arrays may run past `offsets[n]` (views into a larger buffer are fine).
 */
export interface LouvainGraph {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Weight of each entry (finite, ≥ 0); null means every edge weighs 1. */
  readonly weights: Float64Array | null;
}

export interface LouvainOptions {
  /** Resolution γ of the modularity (default 1): higher → more, smaller communities. */
  resolution?: number;
  /** Seed of the random node order (default 1): same graph and seed, same result. */
  seed?: number;
}

export interface LouvainResult {
  /** Community of each node, numbered 0…count−1 in order of each community's first node. */
  community: Int32Array;
  count: number;
  /** Q = Σ_c [L_c/m − γ (d_c/2m)²] of the partition (0 when the graph has no weight). */
  modularity: number;
  /** Aggregation levels run. */
  levels: number;
}

/** A gain must beat the current best by this much to count, so float noise never makes nodes cycle. */
const EPS = 1e-12;

/** One level of the hierarchy: a graph without self-loop entries, self-loops kept in `loop2`. */
interface Level {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Twice the weight of the node's self-loop (the weight inside it, counted from both ends). */
  loop2: Float64Array;
  /** Weighted degree including `loop2`. */
  degree: Float64Array;
}

/**
 * Louvain community detection (Blondel et al. 2008) on typed arrays: local moving of nodes in a
 * seeded random order, with the queue of Traag's fast local move (only neighbours of moved nodes are
 * revisited), then aggregation of each community into one node, repeated until no node moves;
 * then one refinement phase of single-node moves on the original graph (≈ +1 % modularity on
 * power-network-like graphs). O(m) per sweep. Scratch arrays are allocated once and aggregated
 * levels reuse two buffers: on a large heap every big allocation can cost a full garbage collection.
 */
export function louvain(graph: LouvainGraph, options: LouvainOptions = {}): LouvainResult {
  const gamma = options.resolution ?? 1;
  if (!(gamma > 0) || !Number.isFinite(gamma)) throw new UsageError("louvain: resolution must be a positive number");
  const rnd = mulberry32(options.seed ?? 1);
  let level = firstLevel(graph);
  const n0 = level.n;
  // The current level's node of each original node.
  const top = new Int32Array(n0);
  for (let v = 0; v < n0; v++) top[v] = v;
  let twoM = 0;
  for (let v = 0; v < n0; v++) twoM += level.degree[v]!;
  if (!(twoM > 0)) return { community: top, count: n0, modularity: 0, levels: 0 };

  const ws = new Workspace(n0);
  const base = level;
  const g2m = gamma / twoM;
  // Aggregated levels alternate between two buffers; the caller's arrays are never written.
  const spare: (Level | undefined)[] = [undefined, undefined];
  let levels = 0;
  while (localMoves(level, g2m, rnd, ws)) {
    const slot = levels % 2;
    let out = spare[slot];
    if (!out || out.targets.length < level.offsets[level.n]!) out = spare[slot] = emptyLevel(level.n, level.offsets[level.n]!);
    level = aggregate(level, ws, out);
    const next = ws.queue; // node → node of the new level, left there by aggregate
    for (let v = 0; v < n0; v++) top[v] = next[top[v]!]!;
    levels++;
  }
  // No node moved: the nodes of the last level are the communities. Nodes moved as whole blocks on
  // the upper levels, so one more local-moving phase on the original graph, starting from this
  // partition, lets single nodes move to a better community.
  let modularity = modularityOf(level, gamma, twoM);
  if (levels > 1 && localMoves(base, g2m, rnd, ws, top)) {
    top.set(ws.comm.subarray(0, n0));
    modularity = partitionModularity(base, top, gamma, twoM);
  }
  const label = new Int32Array(n0).fill(-1);
  let count = 0;
  for (let v = 0; v < n0; v++) {
    const c = top[v]!;
    if (label[c] === -1) label[c] = count++;
    top[v] = label[c]!;
  }
  return { community: top, count, modularity, levels };
}

/** Scratch arrays sized for the first level, used by every (smaller) level. */
class Workspace {
  readonly comm: Int32Array;
  readonly tot: Float64Array;
  readonly size: Int32Array;
  readonly unused: Int32Array;
  readonly queue: Int32Array;
  readonly queued: Uint8Array;
  /** acc[c]: weight from the current node to community c; 0 = untouched (kept all-zero between uses). */
  readonly acc: Float64Array;
  readonly touched: Int32Array;
  readonly label: Int32Array;
  readonly first: Int32Array;
  readonly members: Int32Array;
  constructor(n: number) {
    this.comm = new Int32Array(n);
    this.tot = new Float64Array(n);
    this.size = new Int32Array(n);
    this.unused = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.queued = new Uint8Array(n);
    this.acc = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.label = new Int32Array(n);
    this.first = new Int32Array(n + 1);
    this.members = new Int32Array(n);
  }
}

function emptyLevel(n: number, arcs: number): Level {
  const offsets = new Int32Array(n + 1);
  return { n, offsets, targets: new Int32Array(arcs), weights: new Float64Array(arcs), loop2: new Float64Array(n), degree: new Float64Array(n) };
}

/** Checks the input and splits self-loops off; borrows the caller's arrays when there are none. */
function firstLevel(g: LouvainGraph): Level {
  const { offsets, targets, weights } = g;
  const n = offsets.length - 1;
  if (n < 0 || offsets[0] !== 0 || offsets[n]! > targets.length || (weights && weights.length < offsets[n]!)) {
    throw new UsageError("louvain: malformed CSR (offsets must start at 0 and end within targets; one weight per target)");
  }
  const loop2 = new Float64Array(n);
  const degree = new Float64Array(n);
  let clean = weights !== null;
  for (let v = 0; v < n; v++) {
    let d = 0;
    const end = offsets[v + 1]!;
    if (!(end >= offsets[v]!)) throw new UsageError("louvain: malformed CSR (offsets must not decrease)");
    for (let a = offsets[v]!; a < end; a++) {
      const u = targets[a]!;
      const w = weights ? weights[a]! : 1;
      if (!(w >= 0 && w < Infinity)) throw new UsageError(`louvain: weights must be finite and >= 0, got ${w}`);
      if (!(u >= 0 && u < n)) throw new UsageError(`louvain: target ${u} out of range 0…${n - 1}`);
      if (u === v) {
        loop2[v]! += 2 * w;
        clean = false;
      } else d += w;
      if (w === 0) clean = false;
    }
    degree[v] = d + loop2[v]!;
  }
  if (clean) return { n, offsets, targets, weights: weights!, loop2, degree };
  // Copy without self-loops (kept in loop2) and without zero weights (they add nothing anywhere).
  const newOffsets = new Int32Array(n + 1);
  const newTargets = new Int32Array(offsets[n]!);
  const newWeights = new Float64Array(offsets[n]!);
  let p = 0;
  for (let v = 0; v < n; v++) {
    newOffsets[v] = p;
    const end = offsets[v + 1]!;
    for (let a = offsets[v]!; a < end; a++) {
      const u = targets[a]!;
      const w = weights ? weights[a]! : 1;
      if (u === v || w === 0) continue;
      newTargets[p] = u;
      newWeights[p++] = w;
    }
  }
  newOffsets[n] = p;
  return { n, offsets: newOffsets, targets: newTargets, weights: newWeights, loop2, degree };
}

/**
 * The local moving phase: each node moves to the neighbouring community with the largest
 * modularity gain w_ic − γ k_i Σ_c / 2m (or to a community of its own when every gain is
 * negative); the neighbours of a moved node are queued again, until the queue is empty. Leaves the
 * partition in `ws.comm`; returns whether any node moved.
 */
function localMoves(g: Level, g2m: number, rnd: () => number, ws: Workspace, init?: Int32Array): boolean {
  const { n, offsets, targets, weights, degree } = g;
  const { comm, tot, size, unused, queue, queued, acc, touched } = ws;
  let nUnused = 0;
  for (let v = 0; v < n; v++) {
    comm[v] = v;
    tot[v] = degree[v]!;
    size[v] = 1;
    queue[v] = v;
  }
  if (init) {
    // Start from a given partition (community numbers < n) instead of singletons.
    tot.fill(0, 0, n);
    size.fill(0, 0, n);
    for (let v = 0; v < n; v++) {
      const c = init[v]!;
      comm[v] = c;
      tot[c]! += degree[v]!;
      size[c]!++;
    }
    for (let c = n - 1; c >= 0; c--) if (size[c] === 0) unused[nUnused++] = c;
  }
  queued.fill(1, 0, n);
  // The queue (a ring buffer) starts as a seeded random permutation of the nodes.
  for (let v = n - 1; v > 0; v--) {
    const j = Math.floor(rnd() * (v + 1));
    const t = queue[v]!;
    queue[v] = queue[j]!;
    queue[j] = t;
  }
  let head = 0;
  let length = n;
  let any = false;
  while (length > 0) {
    const v = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    length--;
    queued[v] = 0;
    const own = comm[v]!;
    const start = offsets[v]!;
    const end = offsets[v + 1]!;
    let nt = 0;
    for (let a = start; a < end; a++) {
      const c = comm[targets[a]!]!;
      if (acc[c] === 0) touched[nt++] = c;
      acc[c]! += weights[a]!;
    }
    const k = degree[v]!;
    const kg = k * g2m;
    tot[own]! -= k;
    let best = own;
    let bestGain = acc[own]! - kg * tot[own]!;
    for (let t = 0; t < nt; t++) {
      const c = touched[t]!;
      const gain = acc[c]! - kg * tot[c]!;
      if (gain > bestGain + EPS) {
        best = c;
        bestGain = gain;
      }
      acc[c] = 0;
    }
    acc[own] = 0;
    // A community of its own gains 0 (only beats staying with self-loops or γ > 1).
    if (bestGain < -EPS && size[own]! > 1) best = unused[--nUnused]!;
    tot[best]! += k;
    if (best === own) continue;
    any = true;
    comm[v] = best;
    size[best]!++;
    if (--size[own]! === 0) unused[nUnused++] = own;
    for (let a = start; a < end; a++) {
      const u = targets[a]!;
      if (queued[u] === 0 && comm[u] !== best) {
        queued[u] = 1;
        let tail = head + length;
        if (tail >= n) tail -= n;
        queue[tail] = u;
        length++;
      }
    }
  }
  return any;
}

/**
 * Collapses each community of `ws.comm` into one node of a new level written into `out` (numbered
 * by first member); leaves node → new node in `ws.queue`.
 */
function aggregate(g: Level, ws: Workspace, out: Level): Level {
  const { n, offsets, targets, weights, loop2 } = g;
  const { comm, label, first, members, acc, touched } = ws;
  const next = ws.queue;
  const cursor = ws.size;
  label.fill(-1, 0, n);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const c = comm[v]!;
    if (label[c] === -1) label[c] = count++;
    next[v] = label[c]!;
  }
  // Members of each new node, by counting sort.
  first.fill(0, 0, count + 1);
  for (let v = 0; v < n; v++) first[next[v]! + 1]!++;
  for (let c = 0; c < count; c++) {
    first[c + 1]! += first[c]!;
    cursor[c] = first[c]!;
  }
  for (let v = 0; v < n; v++) members[cursor[next[v]!]!++] = v;

  const newOffsets = out.offsets;
  const newTargets = out.targets;
  const newWeights = out.weights;
  const newLoop2 = out.loop2;
  const degree = out.degree;
  let p = 0;
  for (let c = 0; c < count; c++) {
    newOffsets[c] = p;
    let inside = 0;
    let d = 0;
    let nt = 0;
    const last = first[c + 1]!;
    for (let i = first[c]!; i < last; i++) {
      const v = members[i]!;
      inside += loop2[v]!;
      const end = offsets[v + 1]!;
      for (let a = offsets[v]!; a < end; a++) {
        const w = weights[a]!;
        const e = next[targets[a]!]!;
        if (e === c) {
          inside += w; // seen from both ends: adds up to twice the inner weight, as loop2 wants
          continue;
        }
        if (acc[e] === 0) touched[nt++] = e;
        acc[e]! += w;
        d += w;
      }
    }
    for (let t = 0; t < nt; t++) {
      const e = touched[t]!;
      newTargets[p] = e;
      newWeights[p++] = acc[e]!;
      acc[e] = 0;
    }
    newLoop2[c] = inside;
    degree[c] = d + inside;
  }
  newOffsets[count] = p;
  return {
    n: count,
    offsets: newOffsets.subarray(0, count + 1),
    targets: newTargets,
    weights: newWeights,
    loop2: newLoop2.subarray(0, count),
    degree: degree.subarray(0, count),
  };
}

/** Q of a partition of the original graph (community numbers < n). */
function partitionModularity(g: Level, comm: Int32Array, gamma: number, twoM: number): number {
  const { n, offsets, targets, weights, loop2, degree } = g;
  const inner = new Float64Array(n);
  const tot = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const c = comm[v]!;
    tot[c]! += degree[v]!;
    inner[c]! += loop2[v]!;
    const end = offsets[v + 1]!;
    for (let a = offsets[v]!; a < end; a++) if (comm[targets[a]!] === c) inner[c]! += weights[a]!;
  }
  let q = 0;
  for (let c = 0; c < n; c++) {
    const t = tot[c]! / twoM;
    q += inner[c]! / twoM - gamma * t * t;
  }
  return q;
}

/**
 * Q = Σ_c [in_c / 2m − γ (tot_c / 2m)²] of the partition whose communities are the nodes of the
 * level (in_c = loop2, the inner weight counted from both ends).
 */
function modularityOf(g: Level, gamma: number, twoM: number): number {
  let q = 0;
  for (let c = 0; c < g.n; c++) {
    const t = g.degree[c]! / twoM;
    q += g.loop2[c]! / twoM - gamma * t * t;
  }
  return q;
}
