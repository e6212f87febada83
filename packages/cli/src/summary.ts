import type { PowerGraph } from "@powermap/core";

/** Descriptive counts of a map, printed by `powermap stats`. */
export interface MapSummary {
  title?: string;
  actors: number;
  relationships: number;
  actorsByKind: Record<string, number>;
  /** An actor with several roles counts once per role; actors without a role count under "none". */
  actorsByRole: Record<string, number>;
  relationshipsByKind: Record<string, number>;
  /** Weakly connected components (relationship direction ignored); isolated actors are components of one. */
  components: { count: number; largest: number; isolated: number };
  /** Share of actor pairs tied by at least one relationship, direction and parallel ties ignored: 2·pairs / (n·(n−1)). */
  density: number;
}

/** Counts kinds, roles, relationship kinds, weak components and density of a graph. */
export function summarize(graph: PowerGraph): MapSummary {
  const actorsByKind: Record<string, number> = {};
  const actorsByRole: Record<string, number> = {};
  const relationshipsByKind: Record<string, number> = {};
  const bump = (o: Record<string, number>, k: string) => (o[k] = (o[k] ?? 0) + 1);
  graph.forEachNode((_, a) => {
    bump(actorsByKind, a.kind);
    if (!a.roles?.length) bump(actorsByRole, "none");
    for (const r of new Set(a.roles ?? [])) bump(actorsByRole, r);
  });
  const index = new Map<string, number>();
  graph.forEachNode((id) => index.set(id, index.size));
  const parent = Array.from({ length: graph.order }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const pairs = new Set<string>();
  graph.forEachEdge((_, r, source, target) => {
    bump(relationshipsByKind, r.kind);
    if (source === target) return;
    const a = index.get(source)!;
    const b = index.get(target)!;
    pairs.add(a < b ? `${a} ${b}` : `${b} ${a}`);
    parent[find(a)] = find(b);
  });
  const sizes = new Map<number, number>();
  for (let i = 0; i < graph.order; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
  const n = graph.order;
  return {
    ...(graph.getAttribute("title") ? { title: graph.getAttribute("title") } : {}),
    actors: n,
    relationships: graph.size,
    actorsByKind: sorted(actorsByKind),
    actorsByRole: sorted(actorsByRole),
    relationshipsByKind: sorted(relationshipsByKind),
    components: { count: sizes.size, largest: Math.max(0, ...sizes.values()), isolated: [...sizes.values()].filter((s) => s === 1).length },
    density: n < 2 ? 0 : (2 * pairs.size) / (n * (n - 1)),
  };
}

/** Most frequent first, then alphabetical: stable output for equal maps. */
function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
}
