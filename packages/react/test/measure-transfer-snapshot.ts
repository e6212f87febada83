/**
 * Not a test: measures the main-thread cost of background analysis on a generated map (default
 * 100k actors / ~500k relationships): building the transfer snapshot, cloning the message as
 * postMessage does (with the typed arrays transferred), and turning a result into a Map; plus, for
 * context, the worker-side times of a few jobs (handler called in this thread).
 *
 *   node --expose-gc --import tsx packages/react/test/measure-transfer-snapshot.ts [actors]
 */
import { PowerMap, buildSnapshot } from "@powermap/core";
import { documentOfEdges, generateEdges } from "../../../bench/lib/gen.ts";
import { createAnalysisHandler } from "../src/worker/handler.ts";
import type { AnalysisJob, WorkerMessage } from "../src/worker/protocol.ts";
import { buildTransferSnapshot, transferablesOf } from "../src/worker/snapshot.ts";

const n = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const ms = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number): string => x.toFixed(1).padStart(8);

let t = performance.now();
const doc = documentOfEdges(generateEdges(n));
console.log(`generated ${doc.actors.length} actors / ${doc.relationships.length} relationships in ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const map = PowerMap.fromDocument(doc);
console.log(`PowerMap.fromDocument: ${(performance.now() - t).toFixed(0)} ms (context: the editor pays this on load)`);

const runs = 7;
const build: number[] = [];
const clone: number[] = [];
const core: number[] = [];
for (let i = 0; i < runs; i++) {
  gc();
  let snap!: ReturnType<typeof buildTransferSnapshot>;
  build.push(ms(() => (snap = buildTransferSnapshot(map))));
  const msg = { kind: "run", id: 1, version: map.version, job: { type: "centrality", measure: "pagerank" }, snapshot: snap };
  clone.push(ms(() => structuredClone(msg, { transfer: transferablesOf(snap) })));
  gc();
  core.push(ms(() => buildSnapshot(map.graph)));
}
console.log(`\nmain thread, ${runs} runs            first   median`);
console.log(`buildTransferSnapshot          ${fmt(build[0]!)} ${fmt(median(build))} ms`);
console.log(`postMessage clone (transfer)   ${fmt(clone[0]!)} ${fmt(median(clone))} ms`);
console.log(`core buildSnapshot (compare)   ${fmt(core[0]!)} ${fmt(median(core))} ms`);

// Result → Map<id, score>, as AnalysisClient does on arrival.
const ids = map.graph.nodes();
const scores = new Float64Array(ids.length).map((_, i) => i);
const toMap: number[] = [];
for (let i = 0; i < runs; i++) {
  toMap.push(
    ms(() => {
      const m = new Map<string, number>();
      for (let v = 0; v < ids.length; v++) m.set(ids[v]!, scores[v]!);
    }),
  );
}
console.log(`result -> Map (${ids.length})         ${fmt(toMap[0]!)} ${fmt(median(toMap))} ms`);

// Worker side (run here, in this thread): what the user waits for, not what blocks the UI.
const handle = createAnalysisHandler();
const jobs: AnalysisJob[] = [
  { type: "centrality", measure: "degree" },
  { type: "centrality", measure: "pagerank" },
  { type: "centrality", measure: "betweenness", options: { samples: 200 } },
  { type: "communities" },
];
console.log("\nworker side (same thread here)");
let first = true;
for (const job of jobs) {
  const snapshot = first ? buildTransferSnapshot(map) : undefined;
  first = false;
  const phases: string[] = [];
  let out: WorkerMessage | undefined;
  const d = ms(() =>
    handle({ kind: "run", id: 1, version: map.version, job, snapshot }, (m) => {
      if (m.kind === "progress") phases.push(m.progress.phase);
      else out = m;
    }),
  );
  const label = job.type === "centrality" ? `${job.measure}${job.options?.samples ? ` (${job.options.samples} samples)` : ""}` : "communities";
  console.log(`${label.padEnd(30)} ${fmt(d)} ms  ${out?.kind}  phases: ${phases.join(" > ")}`);
}
