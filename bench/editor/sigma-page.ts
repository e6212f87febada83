// Bare sigma baseline: opens the same powermap JSON file as the editor (file input), builds a
// graphology graph with the same positions and shows it with sigma defaults. No editor code.
import Graph from "graphology";
import Sigma from "sigma";

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

interface Doc {
  actors: { id: string; name: string; position: { x: number; y: number } }[];
  relationships: { id: string; from: string; to: string }[];
}

const input = document.getElementById("open") as HTMLInputElement;
input.addEventListener("change", async () => {
  const file = input.files?.[0];
  if (!file) return;
  const doc = JSON.parse(await file.text()) as Doc;
  const graph = new Graph({ multi: true, type: "directed" });
  doc.actors.forEach((a, i) => graph.addNode(a.id, { x: a.position.x, y: a.position.y, label: a.name, size: 2, color: COLORS[i % 10] }));
  for (const r of doc.relationships) graph.addDirectedEdgeWithKey(r.id, r.from, r.to, { size: 1, color: "#ccc" });
  graph.forEachNode((id) => graph.setNodeAttribute(id, "size", 1 + 2 * Math.log(1 + graph.degree(id))));
  // ?hide=1: hideEdgesOnMove, as the editor sets it on big maps.
  const hide = new URLSearchParams(location.search).get("hide") === "1";
  const sigma = new Sigma(graph, document.getElementById("stage") as HTMLElement, { hideEdgesOnMove: hide });
  (window as unknown as { __sigma: Sigma }).__sigma = sigma;
  document.body.dataset.loaded = String(graph.order);
});
