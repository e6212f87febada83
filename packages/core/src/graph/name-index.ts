import type { Actor } from "../schema/actor.ts";

/**
 * Name and alias lookup for actors. `key` folds case, Unicode forms and whitespace (for exact
 * lookups); `searchKey` also folds accents (for autocomplete, where "garcia" should find "García").
 */
export const nameKey = (s: string): string => s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
export const searchKey = (s: string): string => nameKey(s.normalize("NFKD").replace(/\p{M}/gu, ""));

/** One autocomplete result. `matched` is the name or alias that matched the text. */
export interface SearchHit {
  id: string;
  name: string;
  kind: Actor["kind"];
  matched: string;
}

interface Entry {
  id: string;
  name: string;
  kind: Actor["kind"];
  labels: string[];
  keys: string[];
  searchKeys: string[];
}

export class NameIndex {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly entries = new Map<string, Entry>();

  add(actor: Actor): void {
    const labels = [actor.name, ...(actor.aliases ?? [])];
    const entry: Entry = { id: actor.id, name: actor.name, kind: actor.kind, labels, keys: labels.map(nameKey), searchKeys: labels.map(searchKey) };
    this.entries.set(actor.id, entry);
    for (const key of new Set(entry.keys)) {
      let ids = this.byKey.get(key);
      if (!ids) this.byKey.set(key, (ids = new Set()));
      ids.add(actor.id);
    }
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    for (const key of entry.keys) {
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids && ids.size === 0) this.byKey.delete(key);
    }
  }

  clear(): void {
    this.byKey.clear();
    this.entries.clear();
  }

  /** Ids of actors whose name or an alias equals `name` (case-insensitively). */
  lookup(name: string): string[] {
    return [...(this.byKey.get(nameKey(name)) ?? [])];
  }

  /**
   * Actors whose name or alias contains `text`, best first: exact match, then prefix, then the
   * start of a word, then anywhere; ties by shorter label, then alphabetically.
   */
  search(text: string, limit: number): SearchHit[] {
    const q = searchKey(text);
    if (q === "" || limit <= 0) return [];
    const hits: { hit: SearchHit; rank: number; len: number }[] = [];
    for (const e of this.entries.values()) {
      let best: { rank: number; i: number } | undefined;
      e.searchKeys.forEach((k, i) => {
        const at = k.indexOf(q);
        if (at < 0) return;
        const rank = k === q ? 0 : at === 0 ? 1 : /[\s\p{P}]/u.test(k[at - 1] ?? "") ? 2 : 3;
        if (!best || rank < best.rank || (rank === best.rank && (e.labels[i] as string).length < (e.labels[best.i] as string).length)) best = { rank, i };
      });
      if (best) hits.push({ hit: { id: e.id, name: e.name, kind: e.kind, matched: e.labels[best.i] as string }, rank: best.rank, len: (e.labels[best.i] as string).length });
    }
    hits.sort((a, b) => a.rank - b.rank || a.len - b.len || (a.hit.name < b.hit.name ? -1 : a.hit.name > b.hit.name ? 1 : a.hit.id < b.hit.id ? -1 : 1));
    return hits.slice(0, limit).map((h) => h.hit);
  }
}
