// The end of a force layout at N actors in Node (no renderer): the display already shows the final
// positions (as the layout's last write leaves it), then moveActors commits them (one PowerMap
// command) and the display sync that follows. Usage: N=100000 npx tsx bench/editor/layout-commit.ts
import { PowerMap } from "@powermap/core";
import { documentOfEdges, generateEdges } from "../lib/gen.ts";
import { moveActors } from "../../packages/react/src/map/commands.ts";
import { createDisplayGraph, DisplaySync } from "../../packages/react/src/sigma/display-graph.ts";
import { initialUiState } from "../../packages/react/src/state/ui-state.ts";

const N = Number(process.env.N ?? 100_000);
const map = PowerMap.fromDocument(documentOfEdges(generateEdges(N)), { trusted: true });
const display = createDisplayGraph();
const sync = new DisplaySync(display);
const opts = { appearance: initialUiState().appearance };
sync.sync(map.graph, opts);
let events = 0;
display.on("nodeAttributesUpdated", () => events++);
for (let k = 0; k < 3; k++) {
  const pos = new Map<string, { x: number; y: number }>();
  display.forEachNode((id, a) => pos.set(id, { x: a.x + 10.123456 + k, y: a.y - 3.333333 }));
  // As the layout's final apply does: the display shows the new positions before the commit.
  display.updateEachNodeAttributes((id, a) => ({ ...a, ...pos.get(id)! }), { attributes: ["x", "y"] });
  let t = performance.now();
  moveActors(map, pos, "Force-directed layout");
  const batch = performance.now() - t;
  t = performance.now();
  events = 0;
  sync.sync(map.graph, opts);
  const s = performance.now() - t;
  console.log(`N=${N}: moveActors (one batch) ${batch.toFixed(0)} ms, display sync ${s.toFixed(0)} ms (${events} per-node events)`);
}
