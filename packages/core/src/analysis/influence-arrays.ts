import type { MapLike } from "../graph/input.ts";
import type { KindOverrides, RelationshipKindInfo } from "../kinds.ts";
import { RELATIONSHIP_KINDS, type Relationship } from "../schema/relationship.ts";
import { UNKNOWN_KIND } from "../snapshot/build.ts";
import { snapshotOf } from "../snapshot/cache.ts";
import { extendOffsets } from "../snapshot/offsets.ts";
import type { AnalysisSnapshot } from "../snapshot/types.ts";
import { asOfPeriod, currentFilter, type AsOf } from "./current.ts";
import { arcCost } from "./explain.ts";
import { checkedKinds, type InfluenceArc } from "./influence-graph.ts";

/**
 * The influence view of a whole map revision as typed arrays (the same arcs as `InfluenceView`,
 * numbered): derived once from the analysis snapshot and cached on it, so a query pays only for the
 * actors it explores. Arc `a` runs `arcFrom[a]` → `arcTo[a]` (actor numbers of the snapshot) with
 * weight `arcWeight[a]` = kind weight × strength/5 and sign `arcSign[a]`; the out-arcs of actor `v`
 * are the arcs `outOffsets[v] … outOffsets[v + 1] − 1`.
 */
export interface InfluenceArrays {
  readonly snap: AnalysisSnapshot;
  readonly n: number;
  readonly arcFrom: Int32Array;
  readonly arcTo: Int32Array;
  readonly arcWeight: Float64Array;
  readonly arcSign: Int8Array;
  /** Relationship number (in the snapshot) of each arc. */
  readonly arcRel: Int32Array;
  /** 1 when the arc runs against the relationship (to → from). */
  readonly arcBackward: Uint8Array;
  readonly outOffsets: Int32Array;
  /** max(1, Σ weights of the in-arcs): an actor passes each tie its share w / cap. */
  readonly cap: Float64Array;
  /** Number of relationships of each actor in the map (both directions, any kind or date). */
  readonly degree: Int32Array;
  /** Scratch buffers of the queries, reused between calls (see `takeScratch`). */
  scratch: Scratch | undefined;
  /** In-arcs per actor, built on first use (by `tiesOf` and `stepsOf`): see `incomingOf`. */
  incoming: { offsets: Int32Array; arcs: Int32Array } | undefined;
  /** Merged ties per pair (influencersOf), built on first use: see `tiesOf`. */
  ties: Ties | undefined;
  /** Strongest arc per pair (pathsBetween), with and without conflict arcs, built on first use: see `stepsOf`. */
  steps: { all?: Steps; positive?: Steps };
}

/**
 * The ties into each actor x, parallel arcs merged: the entries `offsets[x] … offsets[x + 1] − 1`
 * name a source u (in order of its first arc into x), the signed sum of the weights of the arcs
 * u → x (`weight`) and of the arcs x → u (`back`, 0 when none). Kept contiguous per actor so the
 * level-by-level search reads memory in order.
 */
export interface Ties {
  readonly offsets: Int32Array;
  readonly source: Int32Array;
  readonly weight: Float64Array;
  readonly back: Float64Array;
}

/**
 * The strongest arc per ordered pair (ties: smaller relationship id), as the path searches walk
 * them: out-steps of v (`outOffsets`, `outTo`, `outArc`, `outCost` = −ln(weight)), in order of the
 * first arc to each neighbour, and in-steps of v (`inOffsets`, `inFrom`, `inCost`).
 */
export interface Steps {
  readonly outOffsets: Int32Array;
  readonly outTo: Int32Array;
  readonly outArc: Int32Array;
  readonly outCost: Float64Array;
  readonly inOffsets: Int32Array;
  readonly inFrom: Int32Array;
  readonly inCost: Float64Array;
}

/** Per-query working memory, sized to the actor count once and handed back clean. */
export interface Scratch {
  /** Actor → small local number of the query, −1 when untouched (must be −1 again on release). */
  readonly local: Int32Array;
}

export interface InfluenceArraysOptions {
  asOf?: AsOf;
  kinds?: KindOverrides;
  mode?: "influence" | "any";
  includeOpposition?: boolean;
}

// Views kept per snapshot (one per distinct asOf / kinds / mode / opposition); older ones are dropped.
const MAX_VIEWS = 4;
const PREFIX = "influence-arrays:";

/**
 * The cached influence arrays of the map's current revision. Kind overrides are validated on every
 * call (errors name `origin`), so a bad override fails the same way whether or not it is cached.
 */
export function influenceArraysOf(map: MapLike, options: InfluenceArraysOptions, origin: string): InfluenceArrays {
  const kinds = checkedKinds(options.kinds, origin);
  const counts = currentFilter(options.asOf, origin);
  const mode = options.mode ?? "influence";
  const opposition = options.includeOpposition ?? true;
  // All relationships: the asOf rule (and "not ended" without asOf) is applied below, so the
  // snapshot's degrees stay the map's degrees, which the epsilon bound of influencersOf uses.
  const snap = snapshotOf(map);
  let when: string;
  if (options.asOf === undefined) {
    const d = new Date();
    when = `now ${d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate()}`;
  } else {
    const p = asOfPeriod(options.asOf, origin);
    when = `${p.first}-${p.last}`;
  }
  const over = Object.keys(options.kinds ?? {})
    .sort()
    .map((k) => {
      const i = kinds[k as keyof typeof kinds];
      return `${k}=${i.weight}/${i.sign}/${i.direction}`;
    })
    .join(",");
  const key = `${PREFIX}${mode}|${opposition ? 1 : 0}|${when}|${over}`;
  const hit = snap.derived.get(key) as InfluenceArrays | undefined;
  if (hit) return hit;
  const keys = [...snap.derived.keys()].filter((k) => k.startsWith(PREFIX));
  if (keys.length >= MAX_VIEWS) snap.derived.delete(keys[0]!);
  // Only actors changed since the previous revision (a move, a rename, a new actor): same arcs.
  const old = snap.sameRelationships?.derived.get(key) as InfluenceArrays | undefined;
  const built = old ? carriedOver(old, snap) : build(snap, kinds, counts, mode, opposition);
  snap.derived.set(key, built);
  return built;
}

/** The view of an earlier revision with the same relationships, for `snap` (which may have more actors). */
function carriedOver(old: InfluenceArrays, snap: AnalysisSnapshot): InfluenceArrays {
  const { n } = snap;
  const cap = old.cap.length === n ? old.cap : new Float64Array(n).fill(1);
  if (cap !== old.cap) cap.set(old.cap);
  const ties = old.ties && { ...old.ties, offsets: extendOffsets(old.ties.offsets, n) };
  const steps = (s: Steps | undefined): Steps | undefined => s && { ...s, outOffsets: extendOffsets(s.outOffsets, n), inOffsets: extendOffsets(s.inOffsets, n) };
  const degree = old.degree.length === n ? old.degree : new Int32Array(n);
  if (degree !== old.degree) degree.set(old.degree);
  const incoming = old.incoming && { offsets: extendOffsets(old.incoming.offsets, n), arcs: old.incoming.arcs };
  return { ...old, snap, n, outOffsets: extendOffsets(old.outOffsets, n), cap, degree, scratch: undefined, incoming, ties, steps: { all: steps(old.steps.all), positive: steps(old.steps.positive) } };
}

function build(
  snap: AnalysisSnapshot,
  kinds: Record<string, RelationshipKindInfo>,
  counts: (rel: Relationship) => boolean,
  mode: "influence" | "any",
  opposition: boolean,
): InfluenceArrays {
  const { n, m, relFrom, relTo, relationships, relKinds, relWeights } = snap;
  // Per kind code: arc directions (bit 1 = forward, bit 2 = backward; 0 = no arc), weight, sign.
  const dirOf = (info: RelationshipKindInfo | undefined): number => {
    if (!info || info.weight <= 0 || (info.sign < 0 && !opposition)) return 0;
    const dir = mode === "any" ? "both" : info.direction;
    return (dir === "forward" || dir === "both" ? 1 : 0) | (dir === "backward" || dir === "both" ? 2 : 0);
  };
  const byCode = RELATIONSHIP_KINDS.map((k) => kinds[k]);
  const codeDirs = byCode.map(dirOf);
  const infoOf = (r: number): RelationshipKindInfo => {
    const code = relKinds[r]!;
    return (code === UNKNOWN_KIND ? kinds[relationships[r]!.kind] : byCode[code])!;
  };
  // Pass 1, in relationship order (records read in the order they were made): arc directions
  // per relationship, arcs counted per source actor, and every actor's degree in the map.
  const dirs = new Uint8Array(m);
  const outOffsets = new Int32Array(n + 1);
  const degree = new Int32Array(n);
  let arcs = 0;
  for (let r = 0; r < m; r++) {
    const f = relFrom[r]!;
    const t = relTo[r]!;
    degree[f]!++;
    degree[t]!++;
    if (t === f) continue;
    const code = relKinds[r]!;
    const d = code === UNKNOWN_KIND ? dirOf(kinds[relationships[r]!.kind]) : codeDirs[code]!;
    if (d === 0 || !counts(relationships[r]!)) continue;
    dirs[r] = d;
    if (d & 1) outOffsets[f + 1]!++;
    if (d & 2) outOffsets[t + 1]!++;
    arcs += d === 3 ? 2 : 1;
  }
  for (let v = 0; v < n; v++) outOffsets[v + 1]! += outOffsets[v]!;
  const arcFrom = new Int32Array(arcs);
  const arcTo = new Int32Array(arcs);
  const arcWeight = new Float64Array(arcs);
  const arcSign = new Int8Array(arcs);
  const arcRel = new Int32Array(arcs);
  const arcBackward = new Uint8Array(arcs);
  const cursor = outOffsets.slice(0, n);
  // Pass 2 fills the arcs: an actor's arcs are listed in relationship order.
  for (let r = 0; r < m; r++) {
    const d = dirs[r]!;
    if (d === 0) continue;
    const f = relFrom[r]!;
    const t = relTo[r]!;
    const info = infoOf(r);
    // The snapshot's strength column: the record's strength, DEFAULT_STRENGTH when absent.
    const w = (info.weight * relWeights[r]!) / 5;
    const sign = info.sign < 0 ? -1 : 1;
    for (let back = 0; back < 2; back++) {
      if (!(d & (back + 1))) continue;
      const s = back ? t : f;
      const c = cursor[s]!++;
      arcFrom[c] = s;
      arcTo[c] = back ? f : t;
      arcWeight[c] = w;
      arcSign[c] = sign;
      arcRel[c] = r;
      arcBackward[c] = back;
    }
  }
  // Σ of the in-arc weights, summed in arc order, then at least 1.
  const cap = new Float64Array(n);
  for (let a = 0; a < arcs; a++) cap[arcTo[a]!]! += arcWeight[a]!;
  for (let v = 0; v < n; v++) cap[v] = Math.max(1, cap[v]!);
  return { snap, n, arcFrom, arcTo, arcWeight, arcSign, arcRel, arcBackward, outOffsets, cap, degree, scratch: undefined, incoming: undefined, ties: undefined, steps: {} };
}

/** The in-arcs of each actor: arc numbers `arcs[offsets[v]] … arcs[offsets[v + 1] − 1]`, in arc order (built once). */
function incomingOf(view: InfluenceArrays): { offsets: Int32Array; arcs: Int32Array } {
  if (view.incoming) return view.incoming;
  const { n, arcTo } = view;
  const offsets = new Int32Array(n + 1);
  for (let a = 0; a < arcTo.length; a++) offsets[arcTo[a]! + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, n);
  const arcs = new Int32Array(arcTo.length);
  for (let a = 0; a < arcTo.length; a++) arcs[cursor[arcTo[a]!]!++] = a;
  return (view.incoming = { offsets, arcs });
}

/** The merged ties of the view (built once, O(arcs)). */
export function tiesOf(view: InfluenceArrays): Ties {
  if (view.ties) return view.ties;
  const { n, arcFrom, arcTo, arcWeight, arcSign, outOffsets } = view;
  const { offsets: inOff, arcs: inArcs } = incomingOf(view);
  const offsets = new Int32Array(n + 1);
  const source = new Int32Array(arcTo.length);
  const weight = new Float64Array(arcTo.length);
  const back = new Float64Array(arcTo.length);
  // stamp[u] = x + 1 while merging x's ties: slot[u] is u's entry, outSum[u] the weight x → u.
  const inStamp = new Int32Array(n);
  const slot = new Int32Array(n);
  const outStamp = new Int32Array(n);
  const outSum = new Float64Array(n);
  let p = 0;
  for (let x = 0; x < n; x++) {
    offsets[x] = p;
    for (let a = outOffsets[x]!, end = outOffsets[x + 1]!; a < end; a++) {
      const t = arcTo[a]!;
      const w = arcSign[a]! * arcWeight[a]!;
      if (outStamp[t] !== x + 1) {
        outStamp[t] = x + 1;
        outSum[t] = w;
      } else outSum[t]! += w;
    }
    for (let i = inOff[x]!, end = inOff[x + 1]!; i < end; i++) {
      const a = inArcs[i]!;
      const u = arcFrom[a]!;
      const w = arcSign[a]! * arcWeight[a]!;
      if (inStamp[u] !== x + 1) {
        inStamp[u] = x + 1;
        slot[u] = p;
        source[p] = u;
        weight[p] = w;
        back[p++] = outStamp[u] === x + 1 ? outSum[u]! : 0;
      } else weight[slot[u]!]! += w;
    }
  }
  offsets[n] = p;
  view.ties = { offsets, source: source.subarray(0, p), weight: weight.subarray(0, p), back: back.subarray(0, p) };
  return view.ties;
}

/**
 * The strongest arc per ordered pair, both ways (built once, O(arcs)). Without `conflicts` the
 * arcs of negative sign are left out, as if the view had been built without opposition; so
 * pathsBetween (no conflicts by default) shares the arrays influencersOf builds.
 */
export function stepsOf(view: InfluenceArrays, conflicts: boolean): Steps {
  const cached = conflicts ? view.steps.all : view.steps.positive;
  if (cached) return cached;
  const { n, arcFrom, arcTo, arcWeight, arcRel, arcSign, outOffsets } = view;
  const relIds = view.snap.relationships;
  // Whether arc a beats arc b for the same pair: heavier, or as heavy with the smaller relationship id.
  const beats = (a: number, b: number): boolean => arcWeight[a]! > arcWeight[b]! || (arcWeight[a] === arcWeight[b] && relIds[arcRel[a]!]!.id < relIds[arcRel[b]!]!.id);
  const stamp = new Int32Array(n);
  const slot = new Int32Array(n);
  const collapse = (offsets: Int32Array, arcAt: (i: number) => number, end: (a: number) => number): { offsets: Int32Array; to: Int32Array; arc: Int32Array } => {
    const out = new Int32Array(n + 1);
    const to = new Int32Array(arcTo.length);
    const arc = new Int32Array(arcTo.length);
    stamp.fill(0);
    let p = 0;
    for (let v = 0; v < n; v++) {
      out[v] = p;
      for (let i = offsets[v]!, e = offsets[v + 1]!; i < e; i++) {
        const a = arcAt(i);
        if (!conflicts && arcSign[a]! < 0) continue;
        const w = end(a);
        if (stamp[w] === v + 1) {
          const q = slot[w]!;
          if (beats(a, arc[q]!)) arc[q] = a;
          continue;
        }
        stamp[w] = v + 1;
        slot[w] = p;
        to[p] = w;
        arc[p++] = a;
      }
    }
    out[n] = p;
    return { offsets: out, to: to.subarray(0, p), arc: arc.subarray(0, p) };
  };
  const costs = (arcs: Int32Array): Float64Array => {
    const c = new Float64Array(arcs.length);
    for (let i = 0; i < arcs.length; i++) c[i] = arcCost(arcWeight[arcs[i]!]!);
    return c;
  };
  const fwd = collapse(outOffsets, (i) => i, (a) => arcTo[a]!);
  const { offsets: inOff, arcs: inArcs } = incomingOf(view);
  const bwd = collapse(inOff, (i) => inArcs[i]!, (a) => arcFrom[a]!);
  const steps: Steps = {
    outOffsets: fwd.offsets,
    outTo: fwd.to,
    outArc: fwd.arc,
    outCost: costs(fwd.arc),
    inOffsets: bwd.offsets,
    inFrom: bwd.to,
    inCost: costs(bwd.arc),
  };
  if (conflicts) view.steps.all = steps;
  else view.steps.positive = steps;
  return steps;
}

/**
 * Takes the scratch buffers of `view` (allocating them on first use, or fresh ones if another query
 * holds them); `release` must hand them back with `local` all −1 again.
 */
export function takeScratch(view: InfluenceArrays): Scratch {
  const s = view.scratch;
  if (s) {
    view.scratch = undefined;
    return s;
  }
  return { local: new Int32Array(view.n).fill(-1) };
}

export function releaseScratch(view: InfluenceArrays, s: Scratch): void {
  view.scratch = s;
}

/** The arc as an `InfluenceArc` record (for explanations). */
export function arcRecord(view: InfluenceArrays, a: number): InfluenceArc {
  const { ids, relationships } = view.snap;
  return {
    source: ids[view.arcFrom[a]!]!,
    target: ids[view.arcTo[a]!]!,
    weight: view.arcWeight[a]!,
    sign: view.arcSign[a]! < 0 ? -1 : 1,
    rel: relationships[view.arcRel[a]!]!,
    along: view.arcBackward[a] ? "backward" : "forward",
  };
}
