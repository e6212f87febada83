/** Search with autocomplete (ARIA combobox): choosing an actor selects it and centres the camera on it. */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useEditor } from "../context.ts";
import { useMapVersion } from "../hooks/useMapVersion.ts";
import { searchActors } from "../map/search.ts";
import * as P from "../state/producers.ts";
import { humanize } from "./fields.tsx";

export function SearchBox() {
  const { map, ui, focusActor } = useEditor();
  const version = useMapVersion(map);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => searchActors(map, query, 12), [map, query, version]);

  // Matches light up on the canvas while the list is open.
  useEffect(() => {
    ui.update(P.setSearchMatches(open && hits.length ? hits.map((h) => h.id) : null));
  }, [hits, open, ui]);
  useEffect(() => () => ui.update(P.setSearchMatches(null)), [ui]);

  const choose = (i: number) => {
    const h = hits[i];
    if (!h) return;
    focusActor(h.id);
    ui.update(P.setStatus(`Selected ${h.name}`));
    setQuery(h.name);
    setOpen(false);
  };

  return (
    <div className="pm-search" data-testid="search">
      <input
        ref={input}
        type="search"
        className="pm-input pm-search-input"
        placeholder="Search actors…"
        aria-label="Search actors"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        data-testid="search-input"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => query && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            choose(active);
          } else if (e.key === "Escape") {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open && query.trim() !== "" && (
        <ul className="pm-search-list" role="listbox" id={listId} aria-label="Matching actors" data-testid="search-results">
          {hits.length === 0 && <li className="pm-muted pm-search-empty">No actor matches “{query}”</li>}
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "pm-search-hit pm-active" : "pm-search-hit"}
              data-testid={`search-result-${h.id}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(i)}
            >
              <span>{h.name}</span>
              <span className="pm-muted">
                {humanize(h.kind)}
                {h.via ? ` · ${h.via}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
