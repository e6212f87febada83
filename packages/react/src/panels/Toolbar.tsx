/** The toolbar: buttons for registry actions (label and shortcut from the action), search, extras. */
import type { ReactNode } from "react";
import { formatShortcut } from "../actions/shortcuts.ts";
import type { ActionRegistry } from "../actions/registry.ts";
import type { EditorController } from "../editor-controller.ts";
import { useEditor } from "../context.ts";
import { useMapVersion } from "../hooks/useMapVersion.ts";
import { useUi } from "../hooks/useUi.ts";
import { SearchBox } from "./SearchBox.tsx";

interface Props {
  controller: EditorController;
  actions: ActionRegistry<EditorController>;
  extra?: ReactNode;
}

const BUTTONS: { id: string; text: string; testId: string }[] = [
  { id: "undo", text: "↶ Undo", testId: "toolbar-undo" },
  { id: "redo", text: "↷ Redo", testId: "toolbar-redo" },
  { id: "add-actor", text: "+ Actor", testId: "toolbar-add-actor" },
  { id: "connect-tool", text: "⤳ Connect", testId: "toolbar-connect" },
  { id: "delete", text: "Delete", testId: "toolbar-delete" },
  { id: "fit-view", text: "Fit", testId: "toolbar-fit" },
];

export function Toolbar({ controller, actions, extra }: Props) {
  const { map, readOnly } = useEditor();
  useMapVersion(map);
  // Read what the enabled state depends on so the buttons update with it.
  useUi((s) => s.selection);
  const tool = useUi((s) => s.tool);
  const view = useUi((s) => s.view);
  const highlight = useUi((s) => s.highlight);

  const button = (b: (typeof BUTTONS)[number]) => {
    const a = actions.get(b.id);
    if (!a || (readOnly && a.mutates)) return null;
    const shortcut = a.shortcuts?.[0];
    const title = shortcut ? `${a.label} (${formatShortcut(shortcut)})` : a.label;
    const pressed = b.id === "connect-tool" ? tool === "connect" : undefined;
    return (
      <button
        key={b.id}
        type="button"
        className="pm-btn"
        data-testid={b.testId}
        aria-label={a.label}
        aria-pressed={pressed}
        title={title}
        disabled={!actions.isEnabled(b.id, controller, readOnly)}
        onClick={() => actions.perform(b.id, controller, readOnly)}
      >
        {b.text}
      </button>
    );
  };

  return (
    <div className="pm-toolbar" role="toolbar" aria-label="Editor toolbar" data-testid="toolbar">
      <div className="pm-toolbar-group">{BUTTONS.slice(0, 2).map(button)}</div>
      <div className="pm-toolbar-group">{BUTTONS.slice(2, 5).map(button)}</div>
      <div className="pm-toolbar-group" role="group" aria-label="View">
        <button type="button" className="pm-btn" data-testid="view-canvas" aria-pressed={view === "canvas"} onClick={() => actions.perform(view === "table" ? "toggle-table" : "fit-view", controller)}>
          Map
        </button>
        <button type="button" className="pm-btn" data-testid="view-table" aria-pressed={view === "table"} onClick={() => view !== "table" && actions.perform("toggle-table", controller)}>
          Table
        </button>
        {button(BUTTONS[5])}
        {highlight && (
          <button type="button" className="pm-btn" data-testid="toolbar-clear-highlight" onClick={() => actions.perform("clear-highlight", controller)}>
            Clear highlight
          </button>
        )}
      </div>
      {extra && <div className="pm-toolbar-group">{extra}</div>}
      <div className="pm-toolbar-spacer" />
      <SearchBox />
    </div>
  );
}
