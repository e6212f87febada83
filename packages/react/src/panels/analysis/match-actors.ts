/** Autocomplete matching for actor pickers: name or alias, prefix matches first. Pure, testable. */
import type { PowerGraph } from "@powermap/core";

export interface ActorOption {
  id: string;
  name: string;
  /** The alias that matched, when the name did not. */
  alias?: string;
  kind: string;
}

const norm = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

/**
 * Actors whose name or an alias contains every word of `query` (case and accent-insensitive),
 * ranked: exact name, name prefix, alias prefix, then anywhere; ties by name. At most `limit`.
 */
export function matchActors(graph: PowerGraph, query: string, limit = 8): ActorOption[] {
  const q = norm(query);
  if (q === "") return [];
  const words = q.split(/\s+/);
  const scored: { opt: ActorOption; rank: number }[] = [];
  graph.forEachNode((id, a) => {
    const name = norm(a.name);
    let rank = -1;
    let alias: string | undefined;
    if (name === q) rank = 0;
    else if (name.startsWith(q)) rank = 1;
    else if (words.every((w) => name.includes(w))) rank = 3;
    for (const al of a.aliases ?? []) {
      const n = norm(al);
      const r = n === q || n.startsWith(q) ? 2 : words.every((w) => n.includes(w)) ? 4 : -1;
      if (r >= 0 && (rank < 0 || r < rank)) {
        rank = r;
        alias = al;
      }
    }
    if (rank < 0 && norm(id) === q) rank = 0;
    if (rank >= 0) scored.push({ opt: alias === undefined ? { id, name: a.name, kind: a.kind } : { id, name: a.name, alias, kind: a.kind }, rank });
  });
  scored.sort((x, y) => x.rank - y.rank || x.opt.name.localeCompare(y.opt.name));
  return scored.slice(0, limit).map((s) => s.opt);
}
