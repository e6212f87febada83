// @vitest-environment node
/**
 * "Who influences…" and "Paths" through the analysis worker: the main thread resolves the group and
 * builds the transfer snapshot, the worker's handler (called directly, messages through
 * structuredClone as postMessage would) runs core's query, and the main thread explains the ids it
 * sends back. The result must deep-equal core's direct call on the same map — on random maps with
 * groups (position holders, board employment), parallel relationships, conflicts, ended
 * relationships, equal weights (ties broken by relationship id), and edits that leave holes.
 */
import { describe, expect, it } from "vitest";
import {
  PowerMap,
  RELATIONSHIP_KINDS,
  influencersOf,
  mulberry32,
  pathsBetween,
  resolveGroup,
  schoolBoardExample,
  type Actor,
  type PowerMapDocument,
  type Relationship,
} from "@powermap/core";
import { influencersJob, pathsJob } from "../src/panels/analysis/queries.ts";
import { AnalysisClient, StaleAnalysisError } from "../src/worker/client.ts";
import { explainInfluencers, explainPaths } from "../src/worker/explain-wire.ts";
import { createAnalysisHandler, type Post } from "../src/worker/handler.ts";
import type { AnalysisJob, RunRequest, WireResult, WorkerMessage } from "../src/worker/protocol.ts";
import { buildTransferSnapshot, decodeRelationshipIds } from "../src/worker/snapshot.ts";
import { fakeWorkers } from "./fake-analysis-worker.ts";

/** A seeded generator (core's mulberry32), so a failing sequence can be replayed. */
const rng = mulberry32;

const KINDS = RELATIONSHIP_KINDS.filter((k) => k !== "position" && k !== "employment");

/** A random map: organisations with position holders and board employees, the rest random ties. */
function randomDoc(seed: number, n: number, m: number): PowerMapDocument {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  // Ids of several shapes (integer-like ones sort first in JS objects), some names shared.
  const actors: Actor[] = Array.from({ length: n }, (_, i) => {
    const kind = i % 4 === 0 ? (i % 8 === 0 ? "company" : "union") : i % 7 === 0 ? "government_body" : "person";
    const id = i % 5 === 0 ? String(100 + i) : i % 11 === 0 ? `é-${i}` : `a${i}`;
    return { id, kind, name: i % 9 === 3 ? "Same Name" : `Actor ${i}` } as Actor;
  });
  const rels: Relationship[] = [];
  let next = 0;
  // Relationship ids not in insertion order, so "smaller id" tie-breaking is exercised.
  const relId = (): string => `r${String((next++ * 7919) % 100003).padStart(6, "0")}`;
  const add = (fields: Record<string, unknown>): void => {
    rels.push({ id: relId(), ...fields } as Relationship);
  };
  for (let j = 0; j < m; j++) {
    const from = pick(actors).id;
    const to = pick(actors).id;
    const x = r();
    const body = actors[Math.floor(r() * (n / 4)) * 4]!.id;
    if (x < 0.12) add({ from, to: body, kind: "position", title: r() < 0.5 ? "Trustee" : undefined, ...(r() < 0.2 ? { current: false } : {}) });
    else if (x < 0.18) add({ from, to: body, kind: "employment", isBoard: r() < 0.5 });
    else {
      const kind = pick(KINDS);
      const f: Record<string, unknown> = { from, to, kind };
      if (r() < 0.7) f.strength = 1 + Math.floor(r() * 5);
      if (r() < 0.15) f.current = false;
      else if (r() < 0.1) f.endDate = "2003-04";
      else if (r() < 0.05) f.endDate = "2999";
      if (kind === "donation" || kind === "contract") Object.assign(f, { amount: Math.floor(r() * 1e6), currency: r() < 0.5 ? "USD" : undefined });
      if (r() < 0.1) f.label = "knows well";
      if (r() < 0.2) f.sources = [{ title: `Filing ${j}` }];
      add(f);
      // A parallel relationship, sometimes of the same kind and strength (a tie).
      if (r() < 0.15) add({ ...f, kind: r() < 0.5 ? kind : pick(KINDS) });
    }
  }
  return { format: "powermap", version: 1, meta: {}, actors, relationships: rels } as unknown as PowerMapDocument;
}

/** Edits that leave holes and reorder the graph's columns: removals, re-adds, changed strengths. */
function edit(map: PowerMap, seed: number): void {
  const r = rng(seed ^ 0x5eed);
  const rels = map.relationships();
  for (let i = 0; i < 6 && i < rels.length; i++) {
    const rel = rels[Math.floor(r() * rels.length)]!;
    if (!map.getRelationship(rel.id)) continue;
    map.removeRelationship(rel.id);
    if (r() < 0.6) map.addRelationship({ ...rel, id: `${rel.id}-again` });
  }
  const some = map.relationships()[0];
  if (some) map.updateRelationship(some.id, { strength: 5 });
  const victim = map.actors().at(-1);
  if (victim) map.removeActor(victim.id);
}

/** One job through the real handler, as the worker would run it; returns the wire result. */
function viaWorker(map: PowerMap, job: AnalysisJob, handle = createAnalysisHandler()): WireResult {
  const { snapshot } = buildTransferSnapshot(map);
  const messages: WorkerMessage[] = [];
  const post: Post = (msg, transfer = []) => messages.push(structuredClone(msg, { transfer }));
  const req: RunRequest = { kind: "run", id: 1, version: map.version, job, snapshot };
  handle(structuredClone(req, { transfer: [snapshot.idChars.buffer, snapshot.relIdChars.buffer] as ArrayBuffer[] }), post);
  const last = messages.at(-1)!;
  if (last.kind !== "result") throw new Error(`worker: ${JSON.stringify(last)}`);
  return last.result;
}

function influencersViaWorker(map: PowerMap, target: string) {
  const wire = viaWorker(map, influencersJob(map, target));
  if (wire.type !== "influencers") throw new Error("wrong type");
  return explainInfluencers(map.graph, wire);
}

function pathsViaWorker(map: PowerMap, from: string, to: string, k: number) {
  const wire = viaWorker(map, pathsJob(from, to, k));
  if (wire.type !== "paths") throw new Error("wrong type");
  return explainPaths(map.graph, wire);
}

describe("queries through the analysis worker", () => {
  it("transfers relationship ids exactly, in core's snapshot order", () => {
    const map = PowerMap.fromDocument(randomDoc(3, 40, 120));
    edit(map, 3);
    const { snapshot } = buildTransferSnapshot(map);
    const ids = decodeRelationshipIds(snapshot);
    expect(ids).toHaveLength(map.graph.size);
    expect(new Set(ids)).toEqual(new Set(map.graph.edges()));
  });

  it("answers the school board example exactly as core does", () => {
    const map = PowerMap.fromDocument(schoolBoardExample());
    const expected = influencersOf(map, "school-board", {});
    expect(expected.length).toBeGreaterThan(3);
    // The group resolves to the board and its members: several targets.
    expect(resolveGroup(map, "school-board").ids.length).toBeGreaterThan(1);
    expect(influencersViaWorker(map, "school-board")).toEqual(expected);
    expect(pathsViaWorker(map, "union-local", "board-president", 4)).toEqual(pathsBetween(map, "union-local", "board-president", { k: 4 }));
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("random map %i: influencers and paths deep-equal core's direct call", (seed) => {
    const map = PowerMap.fromDocument(randomDoc(seed, 60 + seed * 7, 260 + seed * 30));
    if (seed % 2 === 0) edit(map, seed);
    const r = rng(seed * 31);
    const ids = map.graph.nodes();
    // Bodies with members (groups), then arbitrary actors.
    const bodies = ids.filter((id) => resolveGroup(map, id).ids.length > 2);
    expect(bodies.length).toBeGreaterThan(0);
    const targets = [...bodies.slice(0, 3), ...Array.from({ length: 3 }, () => ids[Math.floor(r() * ids.length)]!)];
    let nonEmpty = 0;
    for (const t of targets) {
      const expected = influencersOf(map, t, {});
      if (expected.length > 0) nonEmpty++;
      expect(influencersViaWorker(map, t), `influencers of ${t}`).toEqual(expected);
    }
    expect(nonEmpty).toBeGreaterThan(0);
    let found = 0;
    for (let i = 0; i < 6; i++) {
      const a = ids[Math.floor(r() * ids.length)]!;
      const b = ids[Math.floor(r() * ids.length)]!;
      const k = 1 + (i % 5);
      const expected = pathsBetween(map, a, b, { k });
      found += expected.length;
      expect(pathsViaWorker(map, a, b, k), `paths ${a} → ${b}`).toEqual(expected);
    }
    expect(found).toBeGreaterThan(0);
  });

  it("reuses the worker's snapshot for a second query of the same version", () => {
    const map = PowerMap.fromDocument(randomDoc(9, 50, 200));
    const handle = createAnalysisHandler();
    viaWorker(map, influencersJob(map, map.graph.nodes()[0]!), handle);
    const messages: WorkerMessage[] = [];
    const t = map.graph.nodes()[4]!;
    handle({ kind: "run", id: 2, version: map.version, job: influencersJob(map, t) }, (msg) => messages.push(msg));
    const last = messages.at(-1)!;
    if (last.kind !== "result" || last.result.type !== "influencers") throw new Error("no result");
    expect(explainInfluencers(map.graph, last.result)).toEqual(influencersOf(map, t, {}));
    expect(messages.filter((m) => m.kind === "progress").map((m) => (m.kind === "progress" ? m.progress.phase : ""))).toEqual(["search", "result"]);
  });
});

const until = async (f: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !f(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(f()).toBe(true);
};

describe("AnalysisClient query jobs", () => {
  function setup() {
    const map = PowerMap.fromDocument(schoolBoardExample());
    const { workers, options } = fakeWorkers();
    return { map, client: new AnalysisClient(map, options), workers };
  }

  it("explains the worker's answer with the map's records (equal to core's)", async () => {
    const { map, client, workers } = setup();
    const p = client.run(influencersJob(map, "school-board"), { version: map.version });
    await until(() => workers[0]?.inbox.length === 1);
    workers[0]!.process();
    const r = await p;
    expect(r.inline).toBe(false);
    expect(r.version).toBe(map.version);
    expect(r.influencers).toEqual(influencersOf(map, "school-board", {}));
  });

  it("rejects an answer that arrives after an edit (never explained against another revision)", async () => {
    const { map, client, workers } = setup();
    const p = client.run(pathsJob("union-local", "board-president", 3), { version: map.version });
    await until(() => workers[0]?.inbox.length === 1);
    map.updateActor("board-president", { name: "Renamed" });
    workers[0]!.process();
    await expect(p).rejects.toBeInstanceOf(StaleAnalysisError);
  });

  it("queues a query before waiting measures and runs small maps inline", async () => {
    const { map, client, workers } = setup();
    const order: string[] = [];
    const m1 = client.run({ type: "centrality", measure: "pagerank" }).then(() => order.push("pagerank"));
    const m2 = client.run({ type: "communities" }).then(() => order.push("communities"));
    const q = client.run(influencersJob(map, "school-board")).then(() => order.push("influencers"));
    for (let i = 0; i < 3; i++) {
      await until(() => workers[0]!.inbox.length === 1);
      workers[0]!.process();
    }
    await Promise.all([m1, m2, q]);
    expect(order).toEqual(["pagerank", "influencers", "communities"]);
    const inline = new AnalysisClient(map, { inlineBelow: 1000, createWorker: () => null });
    const r = inline.runSync(influencersJob(map, "school-board"));
    expect(r.inline).toBe(true);
    expect(r.influencers).toEqual(influencersOf(map, "school-board", {}));
  });
});
