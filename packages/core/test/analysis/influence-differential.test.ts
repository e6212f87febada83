import { describe, expect, it } from "vitest";
import { influencersOf, type Influencer, type InfluencersOptions } from "../../src/analysis/influence.ts";
import { pathsBetween, type PathsOptions } from "../../src/analysis/paths.ts";
import type { ExplainedPath } from "../../src/analysis/explain.ts";
import { PowerMap } from "../../src/graph/power-map.ts";
import type { PowerGraph } from "../../src/graph/types.ts";
import { RELATIONSHIP_KINDS, type Relationship } from "../../src/schema/relationship.ts";
import { build, type R } from "./build.ts";
import { previousInfluencersOf } from "./previous/influence.ts";
import { previousPathsBetween } from "./previous/paths.ts";

/*
 * influencersOf and pathsBetween now run on typed arrays derived from the cached analysis snapshot.
 * Their contract (scores, ranking, explained paths) is unchanged, so on random maps — every kind,
 * conflicts, parallel relationships and self-loops, dated and ended relationships, position
 * holders (groups) — they must give what the previous implementation (graphology walked per query,
 * kept verbatim in ./previous/) gives, up to rounding. Where two answers tie (equal |score| or equal
 * path cost and length) the order between them is free, so only their values are compared.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
}

const YEARS = ["2018", "2019-06", "2020", "2021-03-15", "2022", "2099"];

function randomMap(seed: number): { g: PowerGraph; ids: string[] } {
  const rnd = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const n = 8 + Math.floor(rnd() * 22);
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  const m = n + Math.floor(rnd() * 3 * n);
  const rels: R[] = [];
  for (let i = 0; i < m; i++) {
    const from = pick(ids);
    // Mostly distinct ends; a few self-loops (not influence) and repeated pairs (parallel ties).
    const to = rnd() < 0.04 ? from : rnd() < 0.15 && rels.length > 0 ? rels[rels.length - 1]!.to : pick(ids);
    const r: R = { from, to, kind: rnd() < 0.2 ? "position" : pick(RELATIONSHIP_KINDS) };
    if (rnd() < 0.7) r.strength = 1 + Math.floor(rnd() * 5);
    const d = rnd();
    if (d < 0.15) r.startDate = pick(YEARS);
    else if (d < 0.3) r.endDate = pick(YEARS);
    else if (d < 0.35) r.current = false;
    else if (d < 0.45) (r as Partial<Relationship>).date = pick(YEARS);
    rels.push(r);
  }
  return { g: build(ids, rels), ids };
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Position by position the same cost, score and length; the same path, explained the same way,
 * unless the reference has an alternative of equal cost and length (`more`: its answer with more
 * paths asked for, so alternatives just past the end of the list count too).
 */
function samePaths(got: ExplainedPath[], want: ExplainedPath[], more: ExplainedPath[], label: string): void {
  expect(got.length, label).toBe(want.length);
  const key = (p: ExplainedPath) => `${p.cost.toFixed(9)}/${p.steps.length}`;
  const count = new Map<string, number>();
  for (const p of more) count.set(key(p), (count.get(key(p)) ?? 0) + 1);
  got.forEach((p, i) => {
    const w = want[i]!;
    expect(close(p.cost, w.cost), `${label} path ${i} cost ${p.cost} vs ${w.cost}`).toBe(true);
    expect(close(p.score, w.score), `${label} path ${i} score`).toBe(true);
    expect(p.steps.length, `${label} path ${i} steps`).toBe(w.steps.length);
    // A path without an equal alternative must be the same path, explained the same way.
    if (count.get(key(w)) === 1) expect(p.steps, `${label} path ${i}`).toEqual(w.steps);
  });
}

function sameInfluencers(got: Influencer[], want: Influencer[], more: Influencer[], label: string): void {
  expect(got.length, label).toBe(want.length);
  const wantScore = new Map(want.map((r) => [r.id, r.score]));
  got.forEach((r, i) => {
    const w = want[i]!;
    expect(close(Math.abs(r.score), Math.abs(w.score)), `${label} rank ${i}: ${r.id} ${r.score} vs ${w.id} ${w.score}`).toBe(true);
    if (r.id !== w.id) {
      // Only a tie may swap places, and the actor must carry the same score in the reference.
      expect(wantScore.has(r.id), `${label} rank ${i}: ${r.id} missing from the reference`).toBe(true);
      expect(close(wantScore.get(r.id)!, r.score), `${label} ${r.id}`).toBe(true);
      return;
    }
    expect(close(r.score, w.score), `${label} ${r.id} score ${r.score} vs ${w.score}`).toBe(true);
    expect([r.name, r.sign, r.effect]).toEqual([w.name, w.sign, w.effect]);
    samePaths(r.paths, w.paths, more.find((x) => x.id === r.id)!.paths, `${label} ${r.id}`);
  });
}

function influenceOptions(seed: number, ids: string[]): { target: string | string[]; opts: InfluencersOptions } {
  const rnd = rng(seed * 7919 + 1);
  const opts: InfluencersOptions = { depth: 1 + Math.floor(rnd() * 4), top: rnd() < 0.5 ? Infinity : 1 + Math.floor(rnd() * 8) };
  if (rnd() < 0.5) opts.asOf = YEARS[Math.floor(rnd() * YEARS.length)]!;
  if (rnd() < 0.3) opts.includeOpposition = false;
  if (rnd() < 0.3) opts.expandGroups = false;
  if (rnd() < 0.3) opts.epsilon = rnd() < 0.5 ? 0 : 0.01;
  if (rnd() < 0.3) opts.pathsPerActor = Math.floor(rnd() * 5);
  if (rnd() < 0.3) opts.kinds = { donation: { weight: 0 }, social: { direction: "forward" }, conflict: { weight: 0.9 } };
  const target = rnd() < 0.3 ? [ids[0]!, ids[1]!] : ids[Math.floor(rnd() * 3)]!;
  return { target, opts };
}

describe("influencersOf on typed arrays equals the previous implementation", () => {
  it.each(Array.from({ length: 80 }, (_, i) => i + 1))("random map %i", (seed) => {
    const { g, ids } = randomMap(seed);
    const { target, opts } = influenceOptions(seed, ids);
    const label = `seed ${seed} ${JSON.stringify({ target, ...opts })}`;
    const more = previousInfluencersOf(g, target, { ...opts, top: Infinity, pathsPerActor: (opts.pathsPerActor ?? 3) + 5 });
    sameInfluencers(influencersOf(g, target, opts), previousInfluencersOf(g, target, opts), more, label);
  });

  it("follows edits: the cached arrays are rebuilt when the map changes", () => {
    const { g } = randomMap(7);
    const map = PowerMap.fromDocument({ format: "powermap", version: 1, meta: {}, actors: g.mapNodes((_, a) => a), relationships: g.mapEdges((_, r) => r) });
    const all = { top: Infinity };
    const check = (what: string) =>
      sameInfluencers(influencersOf(map, "n0", all), previousInfluencersOf(map, "n0", all), previousInfluencersOf(map, "n0", { ...all, pathsPerActor: 8 }), what);
    check("before");
    map.addRelationship({ id: "extra1", from: "n5", to: "n0", kind: "donation", strength: 5 });
    check("after addRelationship");
    map.updateRelationship("extra1", { strength: 1 });
    check("after updateRelationship");
    map.removeActor("n1");
    check("after removeActor");
    map.undo();
    check("after undo");
    // A bare graph edited directly (graphology events) is followed too.
    const bare = randomMap(8).g;
    influencersOf(bare, "n0");
    bare.addDirectedEdgeWithKey("extra2", "n3", "n0", { id: "extra2", from: "n3", to: "n0", kind: "position", strength: 5 });
    sameInfluencers(influencersOf(bare, "n0", all), previousInfluencersOf(bare, "n0", all), previousInfluencersOf(bare, "n0", { ...all, pathsPerActor: 8 }), "bare graph edit");
  });
});

describe("pathsBetween on typed arrays equals the previous implementation", () => {
  it.each(Array.from({ length: 80 }, (_, i) => i + 1))("random map %i", (seed) => {
    const { g, ids } = randomMap(seed + 500);
    const rnd = rng(seed * 104729 + 3);
    const opts: PathsOptions = { k: 1 + Math.floor(rnd() * 6) };
    if (rnd() < 0.4) opts.direction = "any";
    if (rnd() < 0.3) opts.includeOpposition = true;
    if (rnd() < 0.4) opts.asOf = YEARS[Math.floor(rnd() * YEARS.length)]!;
    if (rnd() < 0.3) opts.maxDepth = 1 + Math.floor(rnd() * 4);
    if (rnd() < 0.3) opts.kinds = { membership: { weight: 0.9, direction: "both" }, employment: { weight: 0 } };
    const from = rnd() < 0.3 ? [ids[0]!, ids[1]!] : ids[0]!;
    const to = rnd() < 0.3 ? [ids[ids.length - 1]!, ids[ids.length - 2]!] : ids[ids.length - 1]!;
    const label = `seed ${seed} ${JSON.stringify({ from, to, ...opts })}`;
    const more = previousPathsBetween(g, from, to, { ...opts, k: opts.k! + 5 });
    samePaths(pathsBetween(g, from, to, opts), previousPathsBetween(g, from, to, opts), more, label);
  });
});
