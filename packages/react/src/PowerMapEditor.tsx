/**
 * <PowerMapEditor>: the embeddable power-map editor. Takes `initialDocument` ONCE (later changes of
 * the prop are ignored, as with excalidraw's initialData); the document then lives in a PowerMap
 * outside React state, and React re-renders from its version counter. Use the ref for the
 * imperative API (getDocument, loadDocument, undo, redo, select, runQuery …).
 */
import { memo, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from "react";
import { PowerMap, type PowerMapDocument } from "@powermap/core";
import type Sigma from "sigma";
import { createDefaultRegistry } from "./actions/default-actions.ts";
import { EditorContext } from "./context.ts";
import { EditorController } from "./editor-controller.ts";
import { useUi } from "./hooks/useUi.ts";
import { loadDocument, type LoadDocumentOptions } from "./load-document.ts";
import { ANALYSIS_PANELS } from "./panels/analysis/index.ts";
import { FiltersPanel } from "./panels/FiltersPanel.tsx";
import { Inspector } from "./panels/Inspector.tsx";
import { TableView } from "./panels/TableView.tsx";
import { Toolbar } from "./panels/Toolbar.tsx";
import { syncDisplay } from "./sigma/bulk-sync.ts";
import { isBigMap } from "./sigma/big-map.ts";
import { SigmaHost } from "./sigma/SigmaHost.tsx";
import { runWhenIdle } from "./util/idle.ts";
import { AnalysisStatus } from "./worker/AnalysisStatus.tsx";
import "./styles.css";

/**
 * An extra side panel, rendered inside the editor context (so it can `useEditor()`). Give either
 * `content` (an element) or `render` (called on each render of the side bar).
 */
export interface EditorPanel {
  id: string;
  title: string;
  content?: ReactNode;
  render?: () => ReactNode;
  /** Start collapsed (default: open). */
  collapsed?: boolean;
}

/** The imperative API, reached through `ref`. */
export interface PowerMapEditorHandle {
  /** The current document (a fresh, valid PowerMapDocument). */
  getDocument(): PowerMapDocument;
  /**
   * Replaces the document; one undo step. Validate first with core's `parse`; pass
   * `{ validated: true }` when `doc` is parse's output, so a big map is not validated twice.
   */
  loadDocument(doc: PowerMapDocument, options?: LoadDocumentOptions): void;
  undo(): void;
  redo(): void;
  /** Selects actors and/or relationships by id. */
  select(ids: readonly string[]): void;
  /** Runs a query registered by a panel (see `registerQuery` in the context). */
  runQuery(name: string, params?: Record<string, unknown>): unknown;
  getMap(): PowerMap;
  getSigma(): Sigma | null;
  /** The editor's controller (context API: highlight, focusActor, display graph …). */
  getController(): EditorController;
}

export interface PowerMapEditorProps {
  /** Read once, on mount. */
  initialDocument: PowerMapDocument;
  /**
   * `initialDocument` is core `parse`'s output (e.g. an autosave just read back): a big map is then
   * not validated a second time (core still checks ids and references). Default false.
   */
  initialDocumentValidated?: boolean;
  /**
   * Called after changes with the new document: coalesced per tick; on big maps at idle time, never
   * during a camera move or drag. Building that document copies every record (seconds of main
   * thread at 100k actors): for big maps prefer `onMapChange`.
   */
  onChange?(doc: PowerMapDocument): void;
  /**
   * Called after changes with the live map itself, coalesced per tick, at any size: nothing is
   * built or copied. Read what you need (`map.version`, `map.graph`, `getActor` …; records are
   * immutable, so holding them is safe) or call `map.toDocument()` when you really need a copy.
   */
  onMapChange?(map: PowerMap): void;
  className?: string;
  /** Extra side panels, rendered after the inspector and the question panels. */
  panels?: readonly EditorPanel[];
  /**
   * Show the built-in question panels ("Who influences…", "Paths", "Size & colour", "Layout").
   * Default true; pass false to choose them yourself with `analysisPanels([...ids])` in `panels`.
   */
  analysisPanels?: boolean;
  /** Extra toolbar content (file menu, export, layouts …). */
  toolbar?: ReactNode;
  readOnly?: boolean;
  ref?: Ref<PowerMapEditorHandle>;
}

function Panel({ title, id, collapsed, children }: { title: string; id: string; collapsed?: boolean; children: ReactNode }) {
  return (
    <details className="pm-side-section" open={!collapsed} data-testid={`panel-${id}`}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

function EditorBody({ controller, panels, toolbar }: { controller: EditorController; panels: readonly EditorPanel[]; toolbar?: ReactNode }) {
  const view = useUi((s) => s.view);
  const status = useUi((s) => s.status);
  const actions = useMemo(createDefaultRegistry, []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const t = e.target as HTMLElement;
    if (t.closest("input, textarea, select, [contenteditable='true'], .pm-popover")) return;
    const a = actions.forKey(e);
    if (a && actions.perform(a.id, controller, controller.readOnly)) e.preventDefault();
  };
  return (
    <div className="pm-layout" onKeyDown={onKeyDown}>
      <Toolbar controller={controller} actions={actions} extra={toolbar} />
      <div className="pm-body">
        <main className="pm-main">
          <div className="pm-view" hidden={view !== "canvas"}>
            <SigmaHost controller={controller} />
          </div>
          {view === "table" && <TableView />}
        </main>
        <aside className="pm-side" aria-label="Side panels">
          <Inspector />
          {panels.map((p) => (
            <Panel key={p.id} id={p.id} title={p.title} collapsed={p.collapsed}>
              {p.render ? p.render() : p.content}
            </Panel>
          ))}
          <Panel id="filters" title="Filters" collapsed>
            <FiltersPanel />
          </Panel>
        </aside>
      </div>
      {/* One row of fixed height: a background job's progress appearing or ending must not resize
          the canvas (each resize makes sigma re-process the whole map — seconds on a big one). */}
      <div className="pm-statusbar">
        <div className="pm-status" role="status" aria-live="polite" data-testid="status">
          {status}
        </div>
        <AnalysisStatus controller={controller} />
      </div>
    </div>
  );
}

function PowerMapEditorImpl({ initialDocument, initialDocumentValidated = false, onChange, onMapChange, className, panels = [], analysisPanels = true, toolbar, readOnly = false, ref }: PowerMapEditorProps) {
  const [controller] = useState(() => {
    const c = new EditorController(PowerMap.fromDocument(initialDocument, { trusted: initialDocumentValidated }), readOnly);
    c.syncDisplay();
    return c;
  });
  controller.readOnly = readOnly;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const onMapChangeRef = useRef(onMapChange);
  onMapChangeRef.current = onMapChange;

  // Map changes: display graph, stale selection, onChange (coalesced: one document per tick; on big
  // maps, where building the document takes a noticeable moment, at idle time and never while the
  // camera or a drag is moving).
  useEffect(() => {
    let pending = false;
    let mapPending = false;
    let cancel: (() => void) | null = null;
    const emit = () => {
      pending = false;
      cancel = null;
      onChangeRef.current?.(controller.map.toDocument());
    };
    const busy = () => {
      const sigma = controller.getSigma();
      return !!sigma && (sigma.getCamera().isAnimated() || sigma.getMouseCaptor().isMouseDown);
    };
    const off = controller.map.subscribe(() => {
      syncDisplay(controller);
      controller.pruneSelection();
      if (onMapChangeRef.current && !mapPending) {
        mapPending = true;
        queueMicrotask(() => {
          mapPending = false;
          onMapChangeRef.current?.(controller.map);
        });
      }
      if (!onChangeRef.current || pending) return;
      pending = true;
      if (isBigMap(controller.map.graph)) cancel = runWhenIdle(emit, { delayMs: 300, busy });
      else queueMicrotask(emit);
    });
    return () => {
      off();
      // Do not lose the last change: hand it over now rather than never.
      if (cancel) {
        cancel();
        emit();
      }
    };
  }, [controller]);

  // Appearance changes recolour/resize every node.
  useEffect(() => {
    let last = controller.ui.get().appearance;
    return controller.ui.subscribe(() => {
      const a = controller.ui.get().appearance;
      if (a !== last) {
        // Only edge labels change how relationships look; size and colour restyle the actors alone.
        const edges = a.edgeLabels !== last.edgeLabels;
        last = a;
        controller.syncDisplay(edges ? true : "nodes");
      }
    });
  }, [controller]);

  useImperativeHandle(
    ref,
    () => ({
      getDocument: () => controller.getDocument(),
      loadDocument: (doc, options) => loadDocument(controller, doc, options),
      undo: () => controller.map.undo(),
      redo: () => controller.map.redo(),
      select: (ids) => controller.select(ids),
      runQuery: (name, params) => controller.runQuery(name, params),
      getMap: () => controller.map,
      getSigma: () => controller.getSigma(),
      getController: () => controller,
    }),
    [controller],
  );

  return (
    <EditorContext.Provider value={controller}>
      <div className={`pm-editor${className ? ` ${className}` : ""}`} data-testid="powermap-editor" data-readonly={readOnly || undefined}>
        <EditorBody controller={controller} panels={analysisPanels ? [...ANALYSIS_PANELS, ...panels] : panels} toolbar={toolbar} />
      </div>
    </EditorContext.Provider>
  );
}

/** The editor component (memoised: parent re-renders do not touch the map). */
export const PowerMapEditor = memo(PowerMapEditorImpl);
