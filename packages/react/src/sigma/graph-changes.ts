/**
 * Which records of a PowerMap graph changed since the display last caught up, collected from
 * graphology's change events (the same events core's snapshot columns follow). With these, the
 * sync after an edit visits the edited records only, not 100k actors and 500k relationships.
 */
import type { PowerGraph } from "@powermap/core";

/** Ids touched since the last `reset()`, or `everything` when only a full walk can tell. */
export class GraphChanges {
  readonly actors = new Set<string>();
  readonly relationships = new Set<string>();
  /** Set by events that cannot be followed record by record (clear, bulk attribute updates). */
  everything = true;
  private graph: PowerGraph | null = null;
  private off: (() => void) | null = null;

  /** Follows `graph` (a different graph than before means: everything changed). */
  watch(graph: PowerGraph): void {
    if (graph === this.graph) return;
    this.dispose();
    this.graph = graph;
    this.everything = true;
    const actor = ({ key }: { key: string }) => this.note(this.actors, key);
    const relationship = ({ key }: { key: string }) => this.note(this.relationships, key);
    const all = () => this.markEverything();
    const handlers = [
      ["nodeAdded", actor],
      ["nodeDropped", actor],
      ["nodeAttributesUpdated", actor],
      ["edgeAdded", relationship],
      ["edgeDropped", relationship],
      ["edgeAttributesUpdated", relationship],
      ["cleared", all],
      ["edgesCleared", all],
      ["eachNodeAttributesUpdated", all],
      ["eachEdgeAttributesUpdated", all],
    ] as const;
    // graphology's typed `on` wants one overload per event name; the handlers only read `key`.
    const emitter = graph as unknown as { on(e: string, f: (p: { key: string }) => void): void; off(e: string, f: (p: { key: string }) => void): void };
    for (const [event, fn] of handlers) emitter.on(event, fn);
    this.off = () => {
      for (const [event, fn] of handlers) emitter.off(event, fn);
    };
  }

  /** The number of changed records (the graph's whole size when a full walk is due). */
  get count(): number {
    if (this.everything) return this.graph ? this.graph.order + this.graph.size : Infinity;
    return this.actors.size + this.relationships.size;
  }

  /** Forgets what was collected: the display has caught up. */
  reset(): void {
    this.actors.clear();
    this.relationships.clear();
    this.everything = false;
  }

  /** Stops listening (the graph outlives this object only if someone else holds it). */
  dispose(): void {
    this.off?.();
    this.off = null;
    this.graph = null;
  }

  private note(set: Set<string>, key: string): void {
    if (this.everything) return; // a full walk is due anyway: no need to remember ids
    set.add(key);
    // Past half the graph, remembering ids costs more memory than the walk they would save.
    const g = this.graph!;
    if (this.actors.size + this.relationships.size > 1024 && this.actors.size + this.relationships.size > (g.order + g.size) / 2) this.markEverything();
  }

  private markEverything(): void {
    this.actors.clear();
    this.relationships.clear();
    this.everything = true;
  }
}
