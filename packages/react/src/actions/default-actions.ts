/** The editor's user actions, used by the toolbar and the keyboard handler. */
import type { EditorController } from "../editor-controller.ts";
import { addActorAt, copyItems, deleteItems, pasteItems } from "../map/commands.ts";
import * as P from "../state/producers.ts";
import { ActionRegistry, type Action } from "./registry.ts";

type A = Action<EditorController>;

const hasSelection = (c: EditorController) => {
  const s = c.ui.get().selection;
  return s.actors.length + s.relationships.length > 0;
};

export const undoAction: A = {
  id: "undo",
  label: "Undo",
  shortcuts: ["Mod+Z"],
  mutates: true,
  enabled: (c) => c.map.canUndo,
  perform: (c) => c.map.undo(),
};

export const redoAction: A = {
  id: "redo",
  label: "Redo",
  shortcuts: ["Mod+Shift+Z", "Ctrl+Y"],
  mutates: true,
  enabled: (c) => c.map.canRedo,
  perform: (c) => c.map.redo(),
};

export const addActorAction: A = {
  id: "add-actor",
  label: "Add actor",
  shortcuts: ["N"],
  mutates: true,
  perform: (c) => {
    const id = addActorAt(c.map, c.newActorPosition());
    c.ui.update(P.selectOnly({ actors: [id] }));
    c.ui.update(P.requestFocus("name"));
    c.ui.update(P.setStatus(`Added actor "${c.map.graph.getNodeAttribute(id, "name")}"`));
  },
};

export const deleteAction: A = {
  id: "delete",
  label: "Delete selection",
  shortcuts: ["Delete", "Backspace"],
  mutates: true,
  enabled: hasSelection,
  perform: (c) => {
    const s = c.ui.get().selection;
    const n = deleteItems(c.map, s.actors, s.relationships);
    c.ui.update(P.clearSelection);
    c.ui.update(P.setStatus(`Deleted ${n} item${n === 1 ? "" : "s"}`));
  },
};

export const copyAction: A = {
  id: "copy",
  label: "Copy",
  shortcuts: ["Mod+C"],
  enabled: (c) => c.ui.get().selection.actors.length > 0,
  perform: (c) => {
    c.clipboard = copyItems(c.map, c.ui.get().selection.actors);
    c.ui.update(P.setStatus(`Copied ${c.clipboard.actors.length} actors`));
  },
};

export const pasteAction: A = {
  id: "paste",
  label: "Paste",
  shortcuts: ["Mod+V"],
  mutates: true,
  enabled: (c) => (c.clipboard?.actors.length ?? 0) > 0,
  perform: (c) => {
    const ids = pasteItems(c.map, c.clipboard!, c.pasteOffset());
    c.ui.update(P.selectOnly({ actors: ids }));
    c.ui.update(P.setStatus(`Pasted ${ids.length} actors`));
  },
};

export const selectAllAction: A = {
  id: "select-all",
  label: "Select all",
  shortcuts: ["Mod+A"],
  perform: (c) => c.ui.update(P.selectOnly({ actors: c.map.graph.nodes() })),
};

export const escapeAction: A = {
  id: "escape",
  label: "Clear selection",
  shortcuts: ["Escape"],
  perform: (c) => {
    c.ui.update(P.closeConnection);
    c.ui.update(P.clearSelection);
    c.ui.update(P.setTool("select"));
  },
};

export const connectToolAction: A = {
  id: "connect-tool",
  label: "Connect tool (drag from an actor to another)",
  shortcuts: ["C"],
  mutates: true,
  perform: (c) => c.ui.update(P.setTool(c.ui.get().tool === "connect" ? "select" : "connect")),
};

export const toggleTableAction: A = {
  id: "toggle-table",
  label: "Table view",
  shortcuts: ["T"],
  perform: (c) => c.ui.update(P.setView(c.ui.get().view === "table" ? "canvas" : "table")),
};

export const fitViewAction: A = {
  id: "fit-view",
  label: "Fit map to screen",
  shortcuts: ["F"],
  perform: (c) => c.fitView(),
};

export const clearHighlightAction: A = {
  id: "clear-highlight",
  label: "Clear highlight",
  enabled: (c) => c.ui.get().highlight !== null,
  perform: (c) => c.ui.update(P.setHighlight(null)),
};

export const DEFAULT_ACTIONS: readonly A[] = [
  undoAction,
  redoAction,
  addActorAction,
  deleteAction,
  copyAction,
  pasteAction,
  selectAllAction,
  escapeAction,
  connectToolAction,
  toggleTableAction,
  fitViewAction,
  clearHighlightAction,
];

export function createDefaultRegistry(): ActionRegistry<EditorController> {
  return new ActionRegistry(DEFAULT_ACTIONS);
}
