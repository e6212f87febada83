/**
 * "Size & colour" described as data (style guide item 12): each option names what it shows and how
 * its legend is built, so a new measure or colouring needs one entry here and no new UI code.
 */
import { ACTOR_KINDS, RELATIONSHIP_KIND_INFO, type PowerGraph, type RelationshipKind } from "@powermap/core";
import { COMMUNITY_PALETTE, KIND_COLORS, RELATIONSHIP_COLORS, ROLE_COLORS, ROLE_ORDER, STANCE_COLORS, STANCE_LABELS, primaryRole } from "../../sigma/colors.ts";
import type { ColorBy, SizeBy } from "../../state/ui-state.ts";

export interface SizeOption {
  id: SizeBy;
  label: string;
  /** What "bigger" means, shown under the legend. */
  meaning: string;
  /** Needs core's centrality() (absent: only degree-like measures work). */
  centrality?: boolean;
}

export const SIZE_OPTIONS: readonly SizeOption[] = [
  { id: "power", label: "Power (1–5)", meaning: "Bigger = more power over the issue (unknown power: small)." },
  { id: "degree", label: "Connections (degree)", meaning: "Bigger = more relationships.", centrality: true },
  { id: "indegree", label: "Incoming relationships", meaning: "Bigger = more relationships pointing at the actor.", centrality: true },
  { id: "outdegree", label: "Outgoing relationships", meaning: "Bigger = more relationships starting at the actor.", centrality: true },
  { id: "betweenness", label: "Betweenness (brokers)", meaning: "Bigger = sits on more shortest paths between others: a broker.", centrality: true },
  { id: "closeness", label: "Closeness", meaning: "Bigger = fewer steps to everybody else.", centrality: true },
  { id: "eigenvector", label: "Eigenvector", meaning: "Bigger = connected to well-connected actors.", centrality: true },
  { id: "pagerank", label: "PageRank", meaning: "Bigger = receives ties from important actors.", centrality: true },
  { id: "uniform", label: "All the same", meaning: "Every actor drawn the same size." },
];

export interface LegendItem {
  color: string;
  label: string;
  count: number;
}

export interface ColorOption {
  id: ColorBy;
  label: string;
  /** Legend rows for this map; `community` maps actor id → community index. */
  legend(graph: PowerGraph, community: ReadonlyMap<string, number> | null): LegendItem[];
}

const countBy = (graph: PowerGraph, key: (id: string) => string): Map<string, number> => {
  const out = new Map<string, number>();
  graph.forEachNode((id) => {
    const k = key(id);
    out.set(k, (out.get(k) ?? 0) + 1);
  });
  return out;
};

const humanize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, " ");

export const COLOR_OPTIONS: readonly ColorOption[] = [
  {
    id: "stance",
    label: "Stance",
    legend: (g) => {
      const n = countBy(g, (id) => String(g.getNodeAttribute(id, "stance") ?? "unknown"));
      return ["2", "1", "0", "-1", "-2", "unknown"].map((k) => ({ color: STANCE_COLORS[k], label: STANCE_LABELS[k], count: n.get(k) ?? 0 }));
    },
  },
  {
    id: "kind",
    label: "Kind of actor",
    legend: (g) => {
      const n = countBy(g, (id) => g.getNodeAttribute(id, "kind"));
      return ACTOR_KINDS.filter((k) => n.has(k)).map((k) => ({ color: KIND_COLORS[k], label: humanize(k), count: n.get(k) ?? 0 }));
    },
  },
  {
    id: "role",
    label: "Role in the campaign",
    legend: (g) => {
      const n = countBy(g, (id) => primaryRole(g.getNodeAttributes(id)));
      return [...ROLE_ORDER, "none" as const].filter((r) => n.has(r)).map((r) => ({ color: ROLE_COLORS[r], label: r === "own" ? "Our side" : r === "none" ? "No role" : humanize(r), count: n.get(r) ?? 0 }));
    },
  },
  {
    id: "community",
    label: "Community (cluster)",
    legend: (g, community) => {
      if (!community) return [];
      const members = new Map<number, string[]>();
      community.forEach((c, id) => {
        if (!g.hasNode(id)) return;
        if (!members.has(c)) members.set(c, []);
        members.get(c)!.push(g.getNodeAttribute(id, "name"));
      });
      return [...members.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([c, names]) => ({
          color: COMMUNITY_PALETTE[c % COMMUNITY_PALETTE.length],
          label: names.slice(0, 2).join(", ") + (names.length > 2 ? "…" : ""),
          count: names.length,
        }));
    },
  },
];

/** Relationship colours present in the map (the edge legend). */
export function relationshipLegend(graph: PowerGraph): LegendItem[] {
  const n = new Map<RelationshipKind, number>();
  graph.forEachEdge((_id, r) => n.set(r.kind, (n.get(r.kind) ?? 0) + 1));
  return [...n.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, count]) => ({ color: RELATIONSHIP_COLORS[k] ?? "#999", label: RELATIONSHIP_KIND_INFO[k]?.label ?? k, count }));
}
