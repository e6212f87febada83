import { graphOf, type MapLike } from "../graph/input.ts";
import type { RelationshipKind } from "../schema/relationship.ts";
import { asOfPeriod, datePeriod, type AsOf } from "./current.ts";
import { nameOf, resolveActor, type ActorLabel } from "./groups.ts";

/** Relationship kinds that can carry an amount of money, flowing from `from` to `to`. */
export const MONEY_KINDS: readonly RelationshipKind[] = ["donation", "funding", "contract", "lobbying"];

/** Currency key used when a relationship has an amount but no currency. */
export const UNSPECIFIED_CURRENCY = "unspecified";

/** Money between the actor and one counterparty in one currency and direction. */
export interface MoneyFlow {
  counterparty: ActorLabel;
  currency: string;
  /** Sum of the stated amounts. */
  amount: number;
  /** Relationships with an amount that make up `amount`. */
  relationships: string[];
  kinds: RelationshipKind[];
}

export interface MoneyFlowsResult {
  actor: ActorLabel;
  /** Money received, largest first. */
  in: MoneyFlow[];
  /** Money given or spent, largest first. */
  out: MoneyFlow[];
  /** Totals per currency. */
  totals: { in: Record<string, number>; out: Record<string, number> };
  /** Money relationships of the actor that state no amount (listed so they are not silently lost). */
  withoutAmount: string[];
}

export interface MoneyFlowsOptions {
  /** Count only money that had started by this date (startDate, else date); default: all. */
  asOf?: AsOf;
}

/**
 * Money into and out of an actor: the amounts of its donation, funding, contract and lobbying
 * relationships summed by counterparty and currency. Money flows from the relationship's `from` to
 * its `to` (donor → recipient, funder → grantee, client → contractor, lobbying spent by `from` on
 * `to`). A payment is an event, not a standing tie, so ended relationships still count; `asOf` keeps
 * those that had begun by that date.
 */
export function moneyFlows(map: MapLike, actorId: string, options: MoneyFlowsOptions = {}): MoneyFlowsResult {
  const origin = "moneyFlows";
  const graph = graphOf(map);
  const id = resolveActor(graph, actorId, origin);
  const at = options.asOf === undefined ? undefined : asOfPeriod(options.asOf, origin);
  const flows = { in: new Map<string, MoneyFlow>(), out: new Map<string, MoneyFlow>() };
  const withoutAmount: string[] = [];
  graph.forEachEdge(id, (relId, rel, source, target) => {
    if (!MONEY_KINDS.includes(rel.kind) || source === target) return;
    if (at) {
      const start = rel.startDate ?? rel.date;
      const p = start === undefined ? undefined : datePeriod(start);
      if (p && p.first > at.last) return;
    }
    if (rel.amount === undefined) {
      withoutAmount.push(relId);
      return;
    }
    const dir = source === id ? "out" : "in";
    const other = dir === "out" ? target : source;
    const currency = rel.currency ?? UNSPECIFIED_CURRENCY;
    const key = `${other}\u0000${currency}`;
    let f = flows[dir].get(key);
    if (!f) {
      f = { counterparty: { id: other, name: nameOf(graph, other) }, currency, amount: 0, relationships: [], kinds: [] };
      flows[dir].set(key, f);
    }
    f.amount += rel.amount;
    f.relationships.push(relId);
    if (!f.kinds.includes(rel.kind)) f.kinds.push(rel.kind);
  });
  const sorted = (m: Map<string, MoneyFlow>) =>
    [...m.values()].sort((a, b) => b.amount - a.amount || (a.counterparty.id < b.counterparty.id ? -1 : 1) || (a.currency < b.currency ? -1 : 1));
  const total = (list: MoneyFlow[]) => {
    const t: Record<string, number> = {};
    for (const f of list) t[f.currency] = (t[f.currency] ?? 0) + f.amount;
    return t;
  };
  for (const f of [...flows.in.values(), ...flows.out.values()]) f.relationships.sort();
  const inList = sorted(flows.in);
  const outList = sorted(flows.out);
  return { actor: { id, name: nameOf(graph, id) }, in: inList, out: outList, totals: { in: total(inList), out: total(outList) }, withoutAmount };
}
