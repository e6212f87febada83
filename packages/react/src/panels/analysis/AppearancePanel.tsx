/** "Size & colour": size actors by power or a centrality, colour them by stance, kind, role or community, with a legend. */
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { useEditor } from "../../context.ts";
import { availableMeasures, cachedCommunities, computeCommunities, subscribeCommunities } from "../../sigma/metric-values.ts";
import { INLINE_BELOW } from "../../worker/client.ts";
import { setAppearance } from "../../state/producers.ts";
import type { ColorBy, SizeBy } from "../../state/ui-state.ts";
import { COLOR_OPTIONS, SIZE_OPTIONS, relationshipLegend, type LegendItem } from "./appearance-options.ts";
import { useVersion } from "./use-map-version.ts";

function Legend({ items, label }: { items: LegendItem[]; label: string }) {
  return (
    <ul className="pma-legend" aria-label={label}>
      {items.map((it) => (
        <li key={it.label + it.color}>
          <span className="pma-swatch" style={{ background: it.color }} aria-hidden="true" />
          <span>{it.label}</span>
          <span className="pma-muted"> {it.count}</span>
        </li>
      ))}
    </ul>
  );
}

export function AppearancePanel() {
  const { map, ui } = useEditor();
  const version = useVersion(map);
  const appearance = useSyncExternalStore(ui.subscribe, () => ui.get().appearance);
  const measures = availableMeasures();
  const sizeOptions = SIZE_OPTIONS.filter((o) => !o.centrality || measures.includes(o.id));
  const colorOption = COLOR_OPTIONS.find((o) => o.id === appearance.colorBy) ?? COLOR_OPTIONS[0];
  const sizeOption = SIZE_OPTIONS.find((o) => o.id === appearance.sizeBy);
  // Communities only when shown; keyed by version because the graph mutates in place. The canvas
  // asks for them (in the background worker on big maps); the legend reads that result when it
  // arrives and computes them itself only on a small map, where Louvain takes no time.
  const subscribe = useCallback((l: () => void) => subscribeCommunities(map, l), [map]);
  const known = useSyncExternalStore(subscribe, () => cachedCommunities(map));
  const showCommunities = colorOption.id === "community";
  const community = showCommunities ? (known ?? (map.graph.order < INLINE_BELOW && version >= 0 ? computeCommunities(map) : null)) : null;
  const items = useMemo(() => colorOption.legend(map.graph, version >= 0 ? community : null), [colorOption, map, version, community]);
  const edges = useMemo(() => (version >= 0 ? relationshipLegend(map.graph) : []), [map, version]);

  return (
    <section className="pma-analysis" aria-label="Size and colour">
      <div className="pma-field">
        <label htmlFor="pma-size-by">Size by</label>
        <select id="pma-size-by" value={appearance.sizeBy} onChange={(e) => ui.update(setAppearance({ sizeBy: e.target.value as SizeBy }))}>
          {sizeOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        {sizeOption && <p className="pma-muted">{sizeOption.meaning}</p>}
      </div>
      <div className="pma-field">
        <label htmlFor="pma-color-by">Colour by</label>
        <select id="pma-color-by" value={appearance.colorBy} onChange={(e) => ui.update(setAppearance({ colorBy: e.target.value as ColorBy }))}>
          {COLOR_OPTIONS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <h4 className="pma-subhead">Actors: {colorOption.label.toLowerCase()}</h4>
      {showCommunities && !community ? <p className="pma-muted">Finding communities in the background…</p> : <Legend items={items} label={`Legend: ${colorOption.label}`} />}
      <details>
        <summary>Relationships</summary>
        <Legend items={edges} label="Legend: relationships" />
      </details>
    </section>
  );
}
