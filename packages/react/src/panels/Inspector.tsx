/** The side panel that edits the selection: one actor, one relationship, or a summary of many. */
import { useEditor } from "../context.ts";
import { useMapVersion } from "../hooks/useMapVersion.ts";
import { useUi } from "../hooks/useUi.ts";
import { deleteItems } from "../map/commands.ts";
import * as P from "../state/producers.ts";
import { ActorForm } from "./ActorForm.tsx";
import { MapMetaForm } from "./MapMetaForm.tsx";
import { RelationshipForm } from "./RelationshipForm.tsx";

export function Inspector() {
  const { map, ui, readOnly } = useEditor();
  useMapVersion(map);
  const sel = useUi((s) => s.selection);
  const g = map.graph;
  const actors = sel.actors.filter((id) => g.hasNode(id));
  const rels = sel.relationships.filter((id) => g.hasEdge(id));
  const count = actors.length + rels.length;

  let body;
  if (count === 0) {
    body = (
      <div className="pm-help" data-testid="inspector-empty">
        <MapMetaForm />
        <p>Nothing selected.</p>
        <ul>
          <li>Double-click the canvas to add an actor.</li>
          <li>Shift-drag from one actor to another to connect them.</li>
          <li>Click to select, shift-click or shift-drag on empty space to select several.</li>
        </ul>
      </div>
    );
  } else if (actors.length === 1 && rels.length === 0) {
    body = <ActorForm key={actors[0]} actor={g.getNodeAttributes(actors[0])} />;
  } else if (rels.length === 1 && actors.length === 0) {
    body = <RelationshipForm key={rels[0]} rel={g.getEdgeAttributes(rels[0])} />;
  } else {
    body = (
      <div data-testid="inspector-multi">
        <p>
          {actors.length} actors and {rels.length} relationships selected.
        </p>
        <ul className="pm-rel-list">
          {actors.map((id) => (
            <li key={id}>
              <button type="button" className="pm-linkbtn" onClick={() => ui.update(P.selectOnly({ actors: [id] }))}>
                {g.getNodeAttribute(id, "name")}
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <section className="pm-panel pm-inspector" aria-label="Inspector" data-testid="inspector">
      <header className="pm-panel-head">
        <h2>Inspector</h2>
        {count > 0 && !readOnly && (
          <button
            type="button"
            className="pm-btn pm-btn-danger pm-btn-small"
            data-testid="inspector-delete"
            aria-label={`Delete ${count} selected item${count > 1 ? "s" : ""}`}
            onClick={() => deleteItems(map, actors, rels)}
          >
            Delete
          </button>
        )}
      </header>
      {body}
    </section>
  );
}
