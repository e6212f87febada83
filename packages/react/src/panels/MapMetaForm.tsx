/**
 * The map's own fields — title and description — shown in the inspector when nothing is selected.
 * Each commit is one `map.updateMeta` command, so undo/redo cover them like any other edit.
 */
import { useEditor } from "../context.ts";
import { useMapVersion } from "../hooks/useMapVersion.ts";
import { editMeta } from "../map/edit.ts";
import { TextField } from "./fields.tsx";

export function MapMetaForm() {
  const { map, readOnly } = useEditor();
  useMapVersion(map);
  const meta = map.meta;
  return (
    <form className="pm-form pm-map-meta" data-testid="map-meta" aria-label="This map" onSubmit={(e) => e.preventDefault()}>
      <TextField
        label="Map title"
        value={meta.title ?? ""}
        readOnly={readOnly}
        testId="map-title"
        placeholder="Untitled map"
        onCommit={(v) => editMeta(map, { title: v.trim() === "" ? undefined : v })}
      />
      <TextField
        label="Description"
        value={meta.description ?? ""}
        multiline
        readOnly={readOnly}
        testId="map-description"
        placeholder="What is this map for? The issue, the decision, the target."
        onCommit={(v) => editMeta(map, { description: v.trim() === "" ? undefined : v })}
      />
    </form>
  );
}
