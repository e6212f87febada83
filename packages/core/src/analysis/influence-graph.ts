import { UsageError } from "../errors.ts";
import type { PowerGraph } from "../graph/types.ts";
import { resolveKinds, type KindOverrides, type RelationshipKindInfo } from "../kinds.ts";
import type { Relationship } from "../schema/relationship.ts";
import { currentFilter, type AsOf, type CurrentFilter } from "./current.ts";

/** Strength assumed for a relationship that does not state one (the middle of 1…5). */
export const DEFAULT_STRENGTH = 3;

/** One derived arc: `source` influences `target` through relationship `rel`. */
export interface InfluenceArc {
  source: string;
  target: string;
  /** kind weight × strength / 5, in (0, 1]. */
  weight: number;
  /** +1 pushes, −1 opposes (from the registry). */
  sign: 1 | -1;
  rel: Relationship;
  /** "forward" when the arc runs from the relationship's `from` to its `to`. */
  along: "forward" | "backward";
}

export interface InfluenceViewOptions {
  asOf?: AsOf;
  /** Per-query overrides of the relationship-kind registry. */
  kinds?: KindOverrides;
  /**
   * "influence" (default): arcs only in the registry's direction(s) of influence.
   * "any": every counted relationship can be walked both ways (kinds with direction "none" too).
   */
  mode?: "influence" | "any";
  /** Keep arcs of negative sign (conflict). Default true. */
  includeOpposition?: boolean;
}

interface NodeArcs {
  in: InfluenceArc[];
  out: InfluenceArc[];
}

/** Validates registry overrides once per query so bad weights fail loudly instead of skewing scores. */
export function checkedKinds(overrides: KindOverrides | undefined, origin: string): Record<string, RelationshipKindInfo> {
  const kinds = resolveKinds(overrides);
  for (const info of Object.values(kinds)) {
    if (!(info.weight >= 0 && info.weight <= 1)) throw new UsageError(`${origin}: kinds.${info.kind}.weight must be within 0…1, got ${String(info.weight)}`);
    if (info.sign !== 1 && info.sign !== -1) throw new UsageError(`${origin}: kinds.${info.kind}.sign must be 1 or -1`);
    if (!["forward", "backward", "both", "none"].includes(info.direction))
      throw new UsageError(`${origin}: kinds.${info.kind}.direction must be forward, backward, both or none`);
  }
  return kinds;
}

/**
 * The influence view of a power map, derived lazily: the arcs of a node are computed from its
 * relationships the first time a search touches it, so a query costs what it explores, not the size
 * of the graph. The view never changes the map. Build one per query (it caches per node).
 */
export class InfluenceView {
  readonly graph: PowerGraph;
  readonly counts: CurrentFilter;
  private readonly kinds: Record<string, RelationshipKindInfo>;
  private readonly mode: "influence" | "any";
  private readonly opposition: boolean;
  private readonly cache = new Map<string, NodeArcs>();

  constructor(graph: PowerGraph, options: InfluenceViewOptions = {}, origin = "InfluenceView") {
    this.graph = graph;
    this.kinds = checkedKinds(options.kinds, origin);
    this.counts = currentFilter(options.asOf, origin);
    this.mode = options.mode ?? "influence";
    this.opposition = options.includeOpposition ?? true;
  }

  /** Arcs through which `node` influences others. */
  outArcs(node: string): readonly InfluenceArc[] {
    return this.arcs(node).out;
  }

  /** Arcs through which others influence `node`. */
  inArcs(node: string): readonly InfluenceArc[] {
    return this.arcs(node).in;
  }

  /** Number of nodes whose arcs were derived so far (how much of the graph the query touched). */
  get touched(): number {
    return this.cache.size;
  }

  private arcs(node: string): NodeArcs {
    let entry = this.cache.get(node);
    if (entry) return entry;
    entry = { in: [], out: [] };
    if (this.graph.hasNode(node)) {
      const e = entry;
      this.graph.forEachEdge(node, (_key, rel, source, target) => {
        if (source === target) return;
        const info = this.kinds[rel.kind];
        if (!info || info.weight <= 0 || (info.sign < 0 && !this.opposition) || !this.counts(rel)) return;
        const weight = (info.weight * (rel.strength ?? DEFAULT_STRENGTH)) / 5;
        const dir = this.mode === "any" ? "both" : info.direction;
        const fwd = dir === "forward" || dir === "both";
        const bwd = dir === "backward" || dir === "both";
        // The node is either the relationship's `from` (source) or its `to` (target).
        const isFrom = source === node;
        if (fwd) {
          const arc: InfluenceArc = { source, target, weight, sign: info.sign, rel, along: "forward" };
          (isFrom ? e.out : e.in).push(arc);
        }
        if (bwd) {
          const arc: InfluenceArc = { source: target, target: source, weight, sign: info.sign, rel, along: "backward" };
          (isFrom ? e.in : e.out).push(arc);
        }
      });
    }
    this.cache.set(node, entry);
    return entry;
  }
}
