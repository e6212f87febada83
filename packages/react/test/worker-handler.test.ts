// @vitest-environment node
/**
 * The analysis worker's message handler, called directly in Node: its results must equal core's
 * synchronous `centrality` / `communities` on the same map, and it must report phases in order.
 */
import { describe, expect, it } from "vitest";
import { CENTRALITY_MEASURES, PowerMap, centrality, communities, schoolBoardExample, snapshotOf, type PowerMapDocument } from "@powermap/core";
import { createAnalysisHandler, type Post } from "../src/worker/handler.ts";
import type { AnalysisJob, WireResult, WorkerMessage } from "../src/worker/protocol.ts";
import { buildTransferSnapshot, decodeIds, type TransferSnapshot } from "../src/worker/snapshot.ts";

/** Runs one request, as the worker would, through a structured clone (buffers transferred). */
function run(handle: ReturnType<typeof createAnalysisHandler>, map: PowerMap, job: AnalysisJob, snapshot?: TransferSnapshot) {
  const messages: WorkerMessage[] = [];
  const post: Post = (msg, transfer = []) => messages.push(structuredClone(msg, { transfer }));
  const req = { kind: "run" as const, id: 7, version: map.version, job, snapshot };
  handle(structuredClone(req), post);
  const last = messages.at(-1)!;
  return { messages, last, progress: messages.filter((m) => m.kind === "progress").map((m) => (m.kind === "progress" ? m.progress : null)!) };
}

function resultOf(m: WorkerMessage): WireResult {
  if (m.kind !== "result") throw new Error(`expected a result, got ${JSON.stringify(m)}`);
  return m.result;
}

describe("analysis worker handler", () => {
  const map = PowerMap.fromDocument(schoolBoardExample());
  const ids = snapshotOf(map).ids;

  it("numbers actors as core's snapshot does and transfers ids exactly", () => {
    const { snapshot, index } = buildTransferSnapshot(map);
    expect(decodeIds(snapshot)).toEqual([...ids]);
    expect([...index.keys()]).toEqual([...ids]);
    expect(snapshot.from.length).toBe(map.graph.size);
  });

  it.each(CENTRALITY_MEASURES)("%s equals core's synchronous centrality on the example map", (measure) => {
    const handle = createAnalysisHandler();
    const { last } = run(handle, map, { type: "centrality", measure }, buildTransferSnapshot(map).snapshot);
    const r = resultOf(last);
    if (r.type !== "centrality") throw new Error("wrong type");
    const expected = new Map(centrality(map, measure).map((x) => [x.id, x.score]));
    expect(r.scores.length).toBe(ids.length);
    ids.forEach((id, v) => expect(r.scores[v], `${measure} of ${id}`).toBe(expected.get(id)));
    expect(r.exact).toBe(true);
  });

  it("communities equal core's synchronous communities, including ended relationships", () => {
    const doc: PowerMapDocument = schoolBoardExample();
    // End a few more relationships (current: false, or an end date in the past): they must not count.
    doc.relationships.slice(0, 4).forEach((r) => Object.assign(r, { current: false }));
    const undated = doc.relationships.filter((r) => r.startDate === undefined && r.date === undefined && r.endDate === undefined);
    undated.slice(0, 4).forEach((r) => Object.assign(r, { endDate: "2001-05" }));
    expect(undated.length).toBeGreaterThan(0);
    const m2 = PowerMap.fromDocument(doc);
    for (const m of [map, m2]) {
      const { last } = run(createAnalysisHandler(), m, { type: "communities" }, buildTransferSnapshot(m).snapshot);
      const r = resultOf(last);
      if (r.type !== "communities") throw new Error("wrong type");
      const sync = communities(m);
      const got = Object.fromEntries(snapshotOf(m).ids.map((id, v) => [id, r.assignments[v]]));
      expect(got).toEqual(sync.assignments);
      expect(r.count).toBe(sync.count);
      expect(r.modularity).toBe(sync.modularity);
    }
    // The ended relationships changed the partition's input: the two maps' modularities differ.
    expect(communities(m2).modularity).not.toBe(communities(map).modularity);
  });

  it("weighted and sampled options give core's numbers, with the sample's error bound", () => {
    const handle = createAnalysisHandler();
    const snap = buildTransferSnapshot(map).snapshot;
    const options = { weighted: true, samples: 5, seed: 3 };
    const r = resultOf(run(handle, map, { type: "centrality", measure: "betweenness", options }, snap).last);
    if (r.type !== "centrality") throw new Error("wrong type");
    const expected = new Map(centrality(map, "betweenness", options).map((x) => [x.id, x.score]));
    ids.forEach((id, v) => expect(r.scores[v]).toBe(expected.get(id)));
    expect(r.exact).toBe(false);
    expect(r.errorBound?.confidence).toBe(0.95);
    expect(r.errorBound?.epsilon).toBeGreaterThan(0);
  });

  it("reports phases in order, keeps the snapshot for later jobs of the same version, and asks for it otherwise", () => {
    const handle = createAnalysisHandler();
    const first = run(handle, map, { type: "communities" }, buildTransferSnapshot(map).snapshot);
    expect(first.progress.map((p) => p.phase)).toEqual(["snapshot", "graph", "communities", "result"]);
    expect(first.progress.map((p) => p.done)).toEqual([1, 2, 3, 4]); // after the main thread's "prepare"
    expect(new Set(first.progress.map((p) => p.total))).toEqual(new Set([5]));

    const second = run(handle, map, { type: "centrality", measure: "pagerank" });
    expect(second.progress.map((p) => p.phase)).toEqual(["measure", "result"]);
    expect(second.last.kind).toBe("result");

    map.updateActor("union-local", { power: 4 });
    const third = run(handle, map, { type: "centrality", measure: "degree" });
    expect(third.last).toMatchObject({ kind: "error", missingSnapshot: true, version: map.version });
  });

  it("turns a bad job into an error message, not a crash", () => {
    const handle = createAnalysisHandler();
    const bad = { type: "centrality", measure: "pagerank", options: { alpha: 2 } } as AnalysisJob;
    const { last } = run(handle, map, bad, buildTransferSnapshot(map).snapshot);
    expect(last).toMatchObject({ kind: "error", id: 7 });
    expect(last.kind === "error" && last.message).toMatch(/alpha/);
  });
});
