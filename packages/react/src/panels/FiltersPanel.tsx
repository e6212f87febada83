/** Filters: actor kind, role, stance, tag, relationship kind and "as of" date; fade or hide the rest. */
import { useId, useMemo, useState } from "react";
import { ACTOR_KINDS, ACTOR_ROLES, PartialDate, RELATIONSHIP_KINDS, RELATIONSHIP_KIND_INFO } from "@powermap/core";
import { useEditor } from "../context.ts";
import { useMapVersion } from "../hooks/useMapVersion.ts";
import { useUi } from "../hooks/useUi.ts";
import * as P from "../state/producers.ts";
import type { Filters, StanceValue } from "../state/ui-state.ts";
import { filtersActive, hiddenByFilters } from "../state/visibility.ts";
import { STANCE_LABELS } from "../sigma/colors.ts";
import { humanize } from "./fields.tsx";

type ListKey = "kinds" | "roles" | "stances" | "tags" | "relationshipKinds";

export function FiltersPanel() {
  const { map, ui } = useEditor();
  const version = useMapVersion(map);
  const filters = useUi((s) => s.filters);
  const tags = useMemo(() => {
    const set = new Set<string>();
    map.graph.forEachNode((_id, a) => a.tags?.forEach((t) => set.add(t)));
    return [...set].sort();
  }, [map, version]);
  const hidden = useMemo(() => hiddenByFilters(map.graph, filters), [map, filters, version]);
  const [asOf, setAsOf] = useState(filters.asOf ?? "");
  const [asOfError, setAsOfError] = useState<string | null>(null);
  const uid = useId();

  const group = <K extends ListKey>(key: K, label: string, options: { value: Filters[K][number]; label: string }[]) => (
    <fieldset className="pm-filter-group" data-testid={`filter-${key}`}>
      <legend>{label}</legend>
      <div className="pm-checks">
        {options.map((o) => (
          <label key={String(o.value)} className="pm-check">
            <input
              type="checkbox"
              data-testid={`filter-${key}-${o.value}`}
              checked={(filters[key] as readonly unknown[]).includes(o.value)}
              onChange={() => ui.update(P.toggleFilterValue(key, o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );

  const commitAsOf = () => {
    const v = asOf.trim();
    if (v === "") return (setAsOfError(null), ui.update(P.setFilters({ asOf: null })));
    const r = PartialDate.safeParse(v);
    if (!r.success) return setAsOfError(r.error.issues[0]?.message ?? "invalid date");
    setAsOfError(null);
    ui.update(P.setFilters({ asOf: v }));
  };

  const stanceOptions: { value: StanceValue; label: string }[] = [2, 1, 0, -1, -2, "unknown"].map((v) => ({ value: v as StanceValue, label: STANCE_LABELS[String(v)] }));

  return (
    <section className="pm-panel" aria-label="Filters" data-testid="filters">
      <header className="pm-panel-head">
        <h2>Filters</h2>
        {filtersActive(filters) && (
          <button type="button" className="pm-btn pm-btn-small" data-testid="filter-clear" onClick={() => (setAsOf(""), ui.update(P.clearFilters))}>
            Clear
          </button>
        )}
      </header>
      <p className="pm-muted" data-testid="filter-summary" aria-live="polite">
        {filtersActive(filters) ? `${hidden.nodes.size} actors and ${hidden.edges.size} relationships filtered out` : "Showing everything"}
      </p>
      <div className="pm-row" role="radiogroup" aria-label="Filtered items">
        {(["fade", "hide"] as const).map((m) => (
          <label key={m} className="pm-check">
            <input type="radio" name={`${uid}-mode`} data-testid={`filter-mode-${m}`} checked={filters.mode === m} onChange={() => ui.update(P.setFilters({ mode: m }))} />
            {m === "fade" ? "Fade" : "Hide"}
          </label>
        ))}
      </div>
      {group("kinds", "Actor kind", ACTOR_KINDS.map((k) => ({ value: k, label: humanize(k) })))}
      {group("roles", "Role", ACTOR_ROLES.map((k) => ({ value: k, label: humanize(k) })))}
      {group("stances", "Stance", stanceOptions)}
      {tags.length > 0 && group("tags", "Tag", tags.map((t) => ({ value: t, label: t })))}
      {group("relationshipKinds", "Relationship kind", RELATIONSHIP_KINDS.map((k) => ({ value: k, label: RELATIONSHIP_KIND_INFO[k].label })))}
      <div className="pm-field">
        <label className="pm-label" htmlFor={`${uid}-asof`}>
          Relationships active as of
        </label>
        <input
          id={`${uid}-asof`}
          className="pm-input"
          placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
          aria-label="Relationships active as of date"
          aria-invalid={asOfError ? true : undefined}
          data-testid="filter-asof"
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
          onBlur={commitAsOf}
          onKeyDown={(e) => e.key === "Enter" && commitAsOf()}
        />
        {asOfError && (
          <div className="pm-error" role="alert" data-testid="field-error">
            {asOfError}
          </div>
        )}
      </div>
    </section>
  );
}
