/**
 * The editor's non-React core: holds the PowerMap, the UI store, the display graph and the sigma
 * instance, and implements the context API. PowerMapEditor only wires it to React, so most of the
 * behaviour is testable without a canvas.
 */
import type { PowerMap, PowerMapDocument } from "@powermap/core";
import type Sigma from "sigma";
import type { EditorContextValue, QueryHandler } from "./context.ts";
import { moveActors, type Clip } from "./map/commands.ts";
import { createDisplayGraph, DisplaySync, fallbackPosition, type DisplayGraph } from "./sigma/display-graph.ts";
import type { ReducerContext } from "./sigma/reducers.ts";
import { sigmaNodeRepainter } from "./sigma/node-repainter.ts";
import { repaintGuard, type RepaintGuard } from "./sigma/repaint-guard.ts";
import { cachedCommunities, centralityJob, isCentralityMeasure, measureLabel, rememberCommunities } from "./sigma/metric-values.ts";
import * as P from "./state/producers.ts";
import type { Highlight, PositionMode, UiState } from "./state/ui-state.ts";
import { UiStore } from "./state/ui-store.ts";
import { hiddenByFilters, type HiddenSets } from "./state/visibility.ts";
import { BackgroundValues } from "./worker/background-values.ts";
import { AnalysisClient, type AnalysisClientOptions } from "./worker/client.ts";
import type { NodeRepainter } from "./sigma/restyle-job.ts";

export class EditorController implements EditorContextValue {
  readonly ui = new UiStore();
  readonly display: DisplayGraph = createDisplayGraph();
  private readonly displaySync = new DisplaySync(this.display);
  private sigma: Sigma | null = null;
  private readonly queries = new Map<string, QueryHandler>();
  /** In-editor clipboard (copy/paste of actors with the relationships among them). */
  clipboard: Clip | null = null;
  /**
   * Heavy analysis for the canvas ("size by" centrality, "colour by" community): on the spot for
   * small maps, in a web worker for large ones (progress and Cancel in the status bar), always for
   * the current map version. See src/worker/.
   */
  readonly analysis: AnalysisClient;
  readonly background: BackgroundValues;
  private reducerCache: { ui: UiState; version: number; ctx: ReducerContext; filters: UiState["filters"] } | null = null;

  constructor(
    readonly map: PowerMap,
    /** Mutable: the component updates it from its prop. */
    public readOnly = false,
    /** Background analysis options (tests pass a fake worker). */
    analysisOptions: AnalysisClientOptions = {},
  ) {
    this.analysis = new AnalysisClient(map, analysisOptions);
    this.background = new BackgroundValues(map, this.analysis, {
      // New values restyle the actors only (relationships do not depend on them).
      onReady: () => this.syncDisplay("nodes"),
      onStatus: (message) => this.ui.update(P.setStatus(message)),
    });
  }

  // ---- context API -------------------------------------------------------------------------

  getSigma = (): Sigma | null => this.sigma;
  getDisplayGraph = (): DisplayGraph => this.display;
  getNodeRepainter = (): NodeRepainter | null => this.displaySync.repainter;

  setHighlight = (highlight: Highlight | null): void => this.ui.update(P.setHighlight(highlight));

  select = (ids: readonly string[]): void => {
    const g = this.map.graph;
    this.ui.update(P.selectOnly({ actors: ids.filter((id) => g.hasNode(id)), relationships: ids.filter((id) => g.hasEdge(id)) }));
  };

  focusActor = (id: string): void => {
    if (!this.map.graph.hasNode(id)) return;
    this.ui.update(P.selectOnly({ actors: [id] }));
    const sigma = this.sigma;
    if (sigma && this.display.hasNode(id)) {
      // From graph coordinates, not getNodeDisplayData: right after a refresh sigma's cache holds
      // raw graph coordinates until its next render normalises them.
      const { x, y } = this.display.getNodeAttributes(id);
      const target = sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
      const camera = sigma.getCamera();
      void camera.animate({ x: target.x, y: target.y, ratio: Math.min(camera.getState().ratio, 0.6) }, { duration: 350 });
    }
  };

  registerQuery = (name: string, run: QueryHandler): (() => void) => {
    this.queries.set(name, run);
    return () => {
      if (this.queries.get(name) === run) this.queries.delete(name);
    };
  };

  runQuery = (name: string, params: Record<string, unknown> = {}): unknown => {
    const run = this.queries.get(name);
    if (!run) throw new Error(`PowerMapEditor.runQuery: no query panel registered as "${name}" (registered: ${[...this.queries.keys()].join(", ") || "none"})`);
    return run(params);
  };

  queryNames(): string[] {
    return [...this.queries.keys()];
  }

  commitDisplayPositions = (label: string, ids?: readonly string[]): void => {
    if (this.readOnly) return;
    const positions = new Map<string, { x: number; y: number }>();
    for (const id of ids ?? this.display.nodes()) {
      if (!this.display.hasNode(id)) continue;
      const { x, y } = this.display.getNodeAttributes(id);
      positions.set(id, { x, y });
    }
    moveActors(this.map, positions, label);
  };

  setPositionMode = (mode: PositionMode | null): void => {
    this.ui.update(P.setPositionMode(mode));
    this.syncDisplay(false, true);
    this.fitView();
  };

  // ---- display graph and sigma ----------------------------------------------------------------

  /**
   * Brings the display graph up to date with the map (cheap when little changed). `force`: restyle
   * everything; `"nodes"`: restyle every actor but leave relationships alone (see DisplaySync.sync).
   */
  syncDisplay(force: boolean | "nodes" = false, forcePositions = false): void {
    const { appearance, positionMode } = this.ui.get();
    const metric = this.metricValues();
    const community = this.communityValues();
    // Values a background job is computing: the display keeps what it shows until they arrive
    // (one restyle instead of two: placeholder, then values). A cancelled or failed job is not
    // pending: its onReady brings the placeholder look.
    const pending = { size: metric === undefined && this.background.pending("metric"), color: community === undefined && this.background.pending("community") };
    this.displaySync.sync(this.map.graph, { appearance, positionMode, metric, community, pending }, force, forcePositions);
  }

  /** Whether the display is still restyling every actor in slices (big maps, see DisplaySync). */
  get restyling(): boolean {
    return this.displaySync.restyling;
  }

  /** Centrality per actor for "size by", or undefined while it is computed in the background. */
  private metricValues(): ReadonlyMap<string, number> | undefined {
    const { sizeBy } = this.ui.get().appearance;
    if (!isCentralityMeasure(sizeBy)) {
      this.background.release("metric");
      return undefined;
    }
    const n = this.map.graph.order;
    return this.background.get("metric", sizeBy, centralityJob(sizeBy, n), measureLabel(sizeBy, n));
  }

  private communityValues(): ReadonlyMap<string, number> | undefined {
    if (this.ui.get().appearance.colorBy !== "community") {
      this.background.release("community");
      return undefined;
    }
    // The legend may have computed them already (computeCommunities shares this cache).
    const values = cachedCommunities(this.map) ?? this.background.get("community", "louvain", { type: "communities" }, "Communities");
    if (values) rememberCommunities(this.map, this.map.version, values);
    return values;
  }

  /** Community index per actor (for the legend), when colouring by community; undefined while computed in the background. */
  getCommunities(): ReadonlyMap<string, number> | undefined {
    return this.communityValues();
  }

  private analysisDisposed = false;

  /** Stops background analysis (the worker); the editor calls it on unmount. */
  disposeAnalysis(): void {
    this.analysisDisposed = true;
    this.background.dispose();
  }

  /** After `disposeAnalysis` (e.g. React StrictMode's remount): asks again for the values shown. */
  resumeAnalysis(): void {
    if (!this.analysisDisposed) return;
    this.analysisDisposed = false;
    this.syncDisplay();
  }

  attachSigma(sigma: Sigma | null): void {
    this.sigma = sigma;
    this.repaint?.dispose();
    const guard = (this.repaint = sigma ? repaintGuard(sigma, this.display) : null);
    this.displaySync.colourInPlace = () => guard?.ok ?? false;
    // Big maps restyle every actor in slices, repainted through sigma's partial refresh.
    this.displaySync.repainter = sigma && guard ? sigmaNodeRepainter(sigma, this.display, guard) : null;
  }

  private repaint: RepaintGuard | null = null;

  /** The state the reducers read, recomputed only when the UI state or the map changed. */
  reducerContext = (): ReducerContext => {
    const ui = this.ui.get();
    const version = this.map.version;
    const c = this.reducerCache;
    if (c && c.ui === ui && c.version === version) return c.ctx;
    const hidden: HiddenSets = c && c.version === version && c.filters === ui.filters ? c.ctx.hidden : hiddenByFilters(this.map.graph, ui.filters);
    const ctx: ReducerContext = {
      ui,
      hidden,
      display: this.display,
      selectedActors: c && c.ui.selection === ui.selection ? c.ctx.selectedActors : new Set(ui.selection.actors),
      selectedRelationships: c && c.ui.selection === ui.selection ? c.ctx.selectedRelationships : new Set(ui.selection.relationships),
      edgeLabel: (id) => this.edgeLabel(id),
    };
    this.reducerCache = { ui, version, ctx, filters: ui.filters };
    return ctx;
  };

  private edgeLabel(id: string): string {
    if (!this.map.graph.hasEdge(id)) return "";
    const r = this.map.graph.getEdgeAttributes(id);
    return r.label ?? r.kind;
  }

  /** Re-frames the camera on the whole map (after a load or a change of view). */
  fitView = (): void => {
    const sigma = this.sigma;
    if (!sigma) return;
    sigma.setCustomBBox(null);
    sigma.refresh();
    sigma.setCustomBBox(sigma.getBBox());
    void sigma.getCamera().animatedReset({ duration: 200 });
  };

  /** Where a new actor goes when added from the toolbar: the centre of the view. */
  newActorPosition(): { x: number; y: number } {
    const sigma = this.sigma;
    if (sigma) {
      const { width, height } = sigma.getDimensions();
      if (width > 0 && height > 0) {
        const jitter = (Math.random() - 0.5) * 20;
        return sigma.viewportToGraph({ x: width / 2 + jitter, y: height / 2 + jitter });
      }
    }
    return fallbackPosition(this.map.graph.order);
  }

  /** A small shift in graph units for pasted copies (about 30 pixels on screen). */
  pasteOffset(): { x: number; y: number } {
    const sigma = this.sigma;
    if (sigma) {
      const a = sigma.viewportToGraph({ x: 0, y: 0 });
      const b = sigma.viewportToGraph({ x: 30, y: 30 });
      return { x: b.x - a.x, y: b.y - a.y };
    }
    return { x: 30, y: 30 };
  }

  // ---- document ----------------------------------------------------------------------------

  getDocument(): PowerMapDocument {
    return this.map.toDocument();
  }

  /** Replaces the document as one undo step; selection and highlights are cleared. */
  loadDocument(doc: PowerMapDocument): void {
    this.map.replaceDocument(doc);
    this.ui.update((s) => ({ ...s, selection: { actors: [], relationships: [] }, highlight: null, searchMatches: null, hoveredNode: null, hoveredEdge: null }));
    this.fitView();
  }

  /** Drops selected/hovered ids that no longer exist (after undo, delete, load). */
  pruneSelection(): void {
    const g = this.map.graph;
    this.ui.update(P.pruneSelection((id) => g.hasNode(id), (id) => g.hasEdge(id)));
  }
}
