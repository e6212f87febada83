/**
 * Actor search for the search box. Uses `map.search(query)` when the core model offers it;
 * otherwise (and for its results' order) a local ranking: exact name, name prefix, word prefix,
 * substring, then aliases/tags/title — case and accent insensitive.
 */
import type { Actor, PowerMap } from "@powermap/core";

export interface SearchHit {
  id: string;
  name: string;
  kind: Actor["kind"];
  /** What matched when it is not the name (an alias, a tag …). */
  via?: string;
}

export const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

function score(q: string, text: string): number {
  const t = fold(text);
  if (t === q) return 100;
  if (t.startsWith(q)) return 80;
  if (t.split(/[^a-z0-9]+/).some((w) => w.startsWith(q))) return 60;
  if (t.includes(q)) return 40;
  return 0;
}

export function searchActors(map: PowerMap, query: string, limit = 10): SearchHit[] {
  const q = fold(query.trim());
  if (!q) return [];
  const core = (map as unknown as { search?: (q: string) => unknown }).search;
  let candidates: Iterable<string> | null = null;
  if (typeof core === "function") {
    try {
      const res = core.call(map, query.trim());
      if (Array.isArray(res)) candidates = res.map((r) => (typeof r === "string" ? r : (r as { id: string }).id)).filter((id) => map.graph.hasNode(id));
    } catch {
      candidates = null;
    }
  }
  const hits: (SearchHit & { s: number })[] = [];
  const consider = (id: string, a: Actor, fromCore: boolean) => {
    let s = score(q, a.name);
    let via: string | undefined;
    if (s === 0)
      for (const alt of [...(a.aliases ?? []), ...(a.tags ?? []), a.title ?? "", a.id]) {
        const x = score(q, alt) * 0.5;
        if (x > s) [s, via] = [x, alt];
      }
    if (s === 0 && fromCore) s = 1; // the core found it for a reason we do not rank
    if (s > 0) hits.push({ id, name: a.name, kind: a.kind, via, s });
  };
  if (candidates) for (const id of candidates) consider(id, map.graph.getNodeAttributes(id), true);
  else map.graph.forEachNode((id, a) => consider(id, a, false));
  hits.sort((x, y) => y.s - x.s || x.name.localeCompare(y.name));
  return hits.slice(0, limit).map(({ s: _s, ...h }) => h);
}
