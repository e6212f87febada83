import type { PowerGraph } from "../graph/types.ts";
import { RELATIONSHIP_KIND_INFO } from "../kinds.ts";
import type { Relationship, RelationshipKind } from "../schema/relationship.ts";
import type { Source } from "../schema/source.ts";
import { nameOf, type ActorLabel } from "./groups.ts";
import type { InfluenceArc } from "./influence-graph.ts";

/** One step of an explained path, naming the relationship that carries it and its sources. */
export interface PathStep {
  from: ActorLabel;
  to: ActorLabel;
  relationship: { id: string; kind: RelationshipKind; label?: string; strength?: number; sources: Source[] };
  /** "forward" when the step follows the relationship as recorded (from → to), else "backward". */
  along: "forward" | "backward";
  /** Readable sentence, e.g. "Riverton Growth PAC —donated $50,000 to→ Dana Ortiz". */
  text: string;
}

/**
 * A path with its explanation. `score` is the signed product of the arc weights (how much influence
 * the path carries, negative when it opposes); `cost` is the sum of −ln(weight), so the cheapest path
 * is the one with the largest |score|.
 */
export interface ExplainedPath {
  cost: number;
  score: number;
  steps: PathStep[];
}

// Building an Intl.NumberFormat costs far more than formatting with it (explanations format many
// amounts), so formatters are kept per currency code; null marks a code Intl does not know.
const formatters = new Map<string, Intl.NumberFormat | null>();
const plainNumber = new Intl.NumberFormat("en-US");
const MAX_FORMATTERS = 64;

function currencyFormat(currency: string): Intl.NumberFormat | null {
  let f = formatters.get(currency);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 });
    } catch {
      f = null; // an unknown code falls through to the plain form
    }
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(currency, f);
  }
  return f;
}

/** "$50,000", "€1,200", or "50,000" when no currency is given. */
export function formatAmount(amount: number, currency?: string): string {
  if (currency) {
    const f = currencyFormat(currency);
    if (f) return f.format(amount);
    return `${plainNumber.format(amount)} ${currency}`;
  }
  return plainNumber.format(amount);
}

/** The verb phrase of a relationship read from → to, with its title, amount or percentage when known. */
export function relationshipPhrase(rel: Relationship): string {
  if (rel.label && rel.label.trim() !== "") return rel.label.trim();
  const verb = RELATIONSHIP_KIND_INFO[rel.kind]?.verb ?? rel.kind;
  const amt = rel.amount !== undefined ? formatAmount(rel.amount, rel.currency) : undefined;
  switch (rel.kind) {
    case "position":
    case "employment":
      return rel.title ? `is ${rel.title} at` : verb;
    case "ownership":
      return rel.percentage !== undefined ? `owns ${rel.percentage}% of` : verb;
    case "donation":
      return amt ? `donated ${amt} to` : verb;
    case "funding":
      return amt ? `gave ${amt} in funding to` : verb;
    case "contract":
      return amt ? `has a ${amt} contract with` : verb;
    case "lobbying":
      return amt ? `spent ${amt} lobbying` : verb;
    default:
      return verb;
  }
}

/** Explains one arc of the influence view as a step. */
export function explainArc(graph: PowerGraph, arc: InfluenceArc): PathStep {
  const from = { id: arc.source, name: nameOf(graph, arc.source) };
  const to = { id: arc.target, name: nameOf(graph, arc.target) };
  const rel = arc.rel;
  const phrase = relationshipPhrase(rel);
  const text = arc.along === "forward" ? `${from.name} —${phrase}→ ${to.name}` : `${from.name} ←${phrase}— ${to.name}`;
  const relationship: PathStep["relationship"] = { id: rel.id, kind: rel.kind, sources: rel.sources ?? [] };
  if (rel.label !== undefined) relationship.label = rel.label;
  if (rel.strength !== undefined) relationship.strength = rel.strength;
  return { from, to, relationship, along: arc.along, text };
}

/**
 * Explains a sequence of arcs (each arc's target is the next arc's source). `weightOf` gives the
 * weight each arc counts with (default: its own weight).
 */
export function explainArcs(graph: PowerGraph, arcs: readonly InfluenceArc[], weightOf: (a: InfluenceArc) => number = (a) => a.weight): ExplainedPath {
  let cost = 0;
  let score = 1;
  for (const a of arcs) {
    const w = weightOf(a);
    cost += arcCost(w);
    score *= a.sign * w;
  }
  return { cost, score, steps: arcs.map((a) => explainArc(graph, a)) };
}

/** −ln(weight): strong, heavy ties are cheap; weight 1 costs 0. */
export function arcCost(weight: number): number {
  return weight >= 1 ? 0 : -Math.log(weight);
}
