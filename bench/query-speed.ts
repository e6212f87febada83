// Query speed of influencersOf / pathsBetween (not part of `npm run bench`): CPU time per call,
// median of 5 after 2 warm-up calls, on the generated 100k-actor / ~500k-relationship network and
// on the campaign-sized example map.
// Run: node --import tsx bench/query-speed.ts [actors]
import { influencersOf, pathsBetween } from "../packages/core/src/analysis/index.ts";
import { PowerMap, graphFromDocument, schoolBoardExample } from "../packages/core/src/graph/index.ts";
import { snapshotOf } from "../packages/core/src/snapshot/index.ts";
import type { PowerGraph } from "../packages/core/src/graph/types.ts";
import { documentOfEdges, generateEdges } from "./lib/gen.ts";

const n = Number(process.argv[2] ?? 100_000);

/** CPU milliseconds (user + system) of one call. */
function cpuMs(fn: () => unknown): number {
  const s = process.cpuUsage();
  fn();
  const d = process.cpuUsage(s);
  return (d.user + d.system) / 1000;
}

function time(label: string, fn: () => unknown): void {
  fn();
  fn();
  const ms: number[] = [];
  for (let r = 0; r < 5; r++) ms.push(cpuMs(fn));
  ms.sort((a, b) => a - b);
  const first = ms[0]!;
  console.log(`${label.padEnd(58)} median ${ms[2]!.toFixed(2).padStart(8)} ms  (min ${first.toFixed(2)}, max ${ms[4]!.toFixed(2)})`);
}

const doc = documentOfEdges(generateEdges(n));
const graph: PowerGraph = graphFromDocument(doc);
console.log(`generated ${graph.order} actors, ${graph.size} relationships`);

// Largest hub first, then actors of decreasing degree.
const byDegree = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a));
const mid = `a${Math.floor(n / 2)}`;
const quiet = [byDegree[10]!, byDegree[1000]!, mid];

time(`influencersOf a0 (depth 3, degree ${graph.degree("a0")})`, () => influencersOf(graph, "a0", { depth: 3 }));
time(`influencersOf ${byDegree[1]} (depth 3, degree ${graph.degree(byDegree[1]!)})`, () => influencersOf(graph, byDegree[1]!, { depth: 3 }));
for (const t of quiet) time(`influencersOf ${t} (depth 3, degree ${graph.degree(t)})`, () => influencersOf(graph, t, { depth: 3 }));
time(`pathsBetween ${mid} → a0 (k 5)`, () => pathsBetween(graph, mid, "a0", { k: 5 }));
time(`pathsBetween a0 → ${byDegree[1000]} (k 5, direction any)`, () => pathsBetween(graph, "a0", byDegree[1000]!, { k: 5, direction: "any" }));
time(`pathsBetween ${byDegree[1000]} → ${mid} (k 5, direction any)`, () => pathsBetween(graph, byDegree[1000]!, mid, { k: 5, direction: "any" }));

// First query after an edit. An edit of an actor record keeps the relationships: the new snapshot
// carries the influence arrays over. A relationship edit makes them be rebuilt (then cached).
let edits = 0;
const renameActor = (): void => {
  graph.mergeNodeAttributes("a99", { name: `Actor 99 (edit ${++edits})` });
};
const editRelationship = (): void => {
  graph.mergeEdgeAttributes(graph.edges("a99")[0]!, { strength: 1 + (++edits % 5) });
};
time("influencersOf a0 right after renaming an actor", () => {
  renameActor();
  return influencersOf(graph, "a0", { depth: 3 });
});
time(`pathsBetween ${mid} → a0 right after renaming an actor`, () => {
  renameActor();
  return pathsBetween(graph, mid, "a0", { k: 5 });
});
time("influencersOf a0 right after a relationship edit (arrays rebuilt)", () => {
  editRelationship();
  return influencersOf(graph, "a0", { depth: 3 });
});
time(`pathsBetween ${mid} → a0 right after a relationship edit (arrays rebuilt)`, () => {
  editRelationship();
  return pathsBetween(graph, mid, "a0", { k: 5 });
});

// The edits themselves, through PowerMap (validation, undo command, events), each followed by
// snapshotOf as the editor's background analysis does: the snapshot borrows the graph's columns,
// so the next edit has to copy what it writes (see snapshot/columns.ts).
const map = PowerMap.fromDocument(doc, { trusted: true });
snapshotOf(map);
let k = 0;
const edited = (label: string, edit: () => unknown): void =>
  time(label, () => {
    edit();
    return snapshotOf(map);
  });
edited("PowerMap.updateRelationship (strength) + snapshotOf", () => map.updateRelationship(map.graph.edges("a99")[0]!, { strength: 1 + (++k % 5) }));
edited("PowerMap.addRelationship + snapshotOf", () => map.addRelationship({ from: "a5", to: `a${1000 + ++k}`, kind: "donation" }));
edited("PowerMap.updateActor (position) + snapshotOf", () => map.updateActor("a7", { position: { x: ++k, y: k } }));
edited("PowerMap.removeRelationship + snapshotOf", () => map.removeRelationship(map.graph.edges("a5").at(-1)!));

const school = graphFromDocument(schoolBoardExample());
console.log(`school board example: ${school.order} actors, ${school.size} relationships`);
time("influencersOf school-board (example map)", () => influencersOf(school, "school-board"));
time("influencersOf board-president (example map)", () => influencersOf(school, "board-president"));
time("pathsBetween own → school-board (example map, k 5)", () => pathsBetween(school, undefined, "school-board", { k: 5 }));
