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
import { buildTransferSnapshot, buildTransferSnapshotSliced, transferablesOf } from "../src/worker/snapshot.ts";

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
  let snap!: ReturnType<typeof buildTransferSnapshot>["snapshot"];
  build.push(ms(() => (snap = buildTransferSnapshot(map).snapshot)));
  const msg = { kind: "run", id: 1, version: map.version, job: { type: "centrality", measure: "pagerank" }, snapshot: snap };
  clone.push(ms(() => structuredClone(msg, { transfer: transferablesOf(snap) })));
  gc();
  core.push(ms(() => buildSnapshot(map.graph)));
}
console.log(`\nmain thread, ${runs} runs            first   median`);
console.log(`buildTransferSnapshot          ${fmt(build[0]!)} ${fmt(median(build))} ms`);
console.log(`postMessage clone (transfer)   ${fmt(clone[0]!)} ${fmt(median(clone))} ms`);
console.log(`core buildSnapshot (compare)   ${fmt(core[0]!)} ${fmt(median(core))} ms`);

// The sliced build (what AnalysisClient does): total time, main-thread work, and the longest slice.
for (const budgetMs of [6]) {
  const slices: number[] = [];
  const cpuSlices: number[] = [];
  gc();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let last = process.cpuUsage();
  const built = await buildTransferSnapshotSliced(map, {
    budgetMs,
    onSlice: (d) => {
      slices.push(d);
      const c = process.cpuUsage(last);
      last = process.cpuUsage();
      cpuSlices.push(c.user / 1000);
    },
  });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  cpuSlices.sort((a, b) => b - a);
  console.log(`  cpu: total ${(cpu.user / 1000).toFixed(0)} ms user; longest slice by cpu ${cpuSlices[0]!.toFixed(1)} ms, 99th pct ${cpuSlices[Math.floor(cpuSlices.length / 100)]!.toFixed(1)} ms`);
  const work = slices.reduce((a, b) => a + b, 0);
  const sorted = [...slices].sort((a, b) => b - a);
  console.log(`  slowest slices: ${sorted.slice(0, 6).map((x) => x.toFixed(1)).join(", ")} ms; at positions ${sorted.slice(0, 3).map((x) => slices.indexOf(x)).join(", ")}`);
  console.log(
    `sliced build (budget ${budgetMs} ms): ${slices.length} slices, work ${work.toFixed(0)} ms, wall ${wall.toFixed(0)} ms, ` +
      `longest slice ${sorted[0]!.toFixed(1)} ms, 99th pct ${sorted[Math.floor(slices.length / 100)]!.toFixed(1)} ms, ok=${built !== null}`,
  );
}

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

// The ids alone: an array of strings vs one joined string (+ ends), as clone costs.
const idTimes = { array: [] as number[], join: [] as number[], joinedClone: [] as number[] };
for (let i = 0; i < runs; i++) {
  idTimes.array.push(ms(() => structuredClone(ids)));
  let joined = "";
  idTimes.join.push(ms(() => (joined = ids.join(""))));
  idTimes.joinedClone.push(ms(() => structuredClone(joined)));
}
console.log(`clone ids array                ${fmt(idTimes.array[0]!)} ${fmt(median(idTimes.array))} ms`);
console.log(`ids.join("")                   ${fmt(idTimes.join[0]!)} ${fmt(median(idTimes.join))} ms`);
console.log(`clone joined ids               ${fmt(idTimes.joinedClone[0]!)} ${fmt(median(idTimes.joinedClone))} ms`);
if (process.argv[3] === "main") process.exit(0);

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
  const snapshot = first ? buildTransferSnapshot(map).snapshot : undefined;
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
