/**
 * The transfer snapshot: the part of one map revision that background analysis needs, as typed
 * arrays that `postMessage` moves to the worker without copying (transferables) — the actor ids
 * too, as UTF-16 code units, since cloning 100k strings would itself block for milliseconds.
 *
 * Built on the main thread from the map's records — never by cloning the graphology graph. That
 * build is what blocks the UI (at 100k actors / 500k relationships it costs a few hundred ms, mostly
 * id → number lookups), so `buildTransferSnapshotSliced` does it in slices of a few milliseconds,
 * yielding to the browser between them, and gives up when the map changes meanwhile.
 */
import { RELATIONSHIP_KINDS, currentFilter, type PowerGraph, type PowerMap, type Relationship } from "@powermap/core";

/** Kind code of a relationship kind missing from RELATIONSHIP_KINDS. */
export const UNKNOWN_KIND_CODE = 255;
const KIND_CODE: ReadonlyMap<string, number> = new Map(RELATIONSHIP_KINDS.map((k, i) => [k, i]));

/** Bit set in `flags` when a relationship counts today (core's `currentFilter` without asOf). */
export const FLAG_CURRENT = 1;

export interface TransferSnapshot {
  /** The map revision (`map.version`) the arrays describe. */
  version: number;
  /** Actor count. */
  n: number;
  /** Actor ids by actor number (graph order, as core's `buildSnapshot` numbers them), as UTF-16 code units; see `decodeIds`. */
  idChars: Uint16Array;
  /** End (exclusive) of each actor's id in `idChars`. */
  idEnds: Int32Array;
  /** Relationships in graph order: `from[r]` → `to[r]` as actor numbers. */
  from: Int32Array;
  to: Int32Array;
  /** Index into RELATIONSHIP_KINDS, or UNKNOWN_KIND_CODE. */
  kind: Uint8Array;
  /** The recorded strength, NaN when absent (core applies its own default). */
  strength: Float64Array;
  /** FLAG_CURRENT when the relationship counts today. */
  flags: Uint8Array;
}

/** A snapshot plus the id → actor number index the main thread keeps to read results. */
export interface BuiltSnapshot {
  snapshot: TransferSnapshot;
  index: ReadonlyMap<string, number>;
}

/**
 * Resumable O(n + m) build over the graph's entry iterators: `step(deadline)` works until
 * performance.now() passes the deadline and returns true once finished.
 */
class Builder {
  private readonly g: PowerGraph;
  private readonly nodes: Iterator<{ node: string }>;
  private readonly edges: Iterator<{ attributes: Relationship; source: string; target: string }>;
  private readonly n: number;
  private chars: Uint16Array;
  private c = 0;
  private readonly index = new Map<string, number>();
  private v = 0;
  private r = 0;
  private readonly s: TransferSnapshot;
  private readonly counts = currentFilter(undefined, "buildTransferSnapshot");

  constructor(readonly map: PowerMap) {
    this.g = map.graph;
    const m = this.g.size;
    this.n = this.g.order;
    this.chars = new Uint16Array(Math.max(16, this.n * 8));
    this.nodes = this.g.nodeEntries();
    this.edges = this.g.edgeEntries();
    this.s = {
      version: map.version,
      n: this.n,
      idChars: this.chars,
      idEnds: new Int32Array(this.n),
      from: new Int32Array(m),
      to: new Int32Array(m),
      kind: new Uint8Array(m),
      strength: new Float64Array(m),
      flags: new Uint8Array(m),
    };
  }

  step(deadline: number): boolean {
    const { index, s } = this;
    for (;;) {
      // Check the clock every 256 records: cheap, and fine-grained enough for a few-ms budget.
      for (let i = 0; i < 256; i++) {
        if (this.v < this.n) {
          const e = this.nodes.next();
          if (e.done) throw new Error("buildTransferSnapshot: the graph changed during the build");
          const id = e.value.node;
          index.set(id, this.v);
          if (this.c + id.length > this.chars.length) this.grow(this.c + id.length);
          for (let k = 0; k < id.length; k++) this.chars[this.c++] = id.charCodeAt(k);
          s.idEnds[this.v++] = this.c;
          continue;
        }
        if (this.r >= s.from.length) return true;
        const e = this.edges.next();
        if (e.done) throw new Error("buildTransferSnapshot: the graph changed during the build");
        const { attributes: rel, source, target } = e.value;
        const r = this.r++;
        s.from[r] = index.get(source)!;
        s.to[r] = index.get(target)!;
        s.kind[r] = KIND_CODE.get(rel.kind) ?? UNKNOWN_KIND_CODE;
        s.strength[r] = typeof rel.strength === "number" ? rel.strength : NaN;
        // Only relationships with an end recorded need the date rule; the rest count unless current: false.
        s.flags[r] = (rel.endDate === undefined ? rel.current !== false : this.counts(rel)) ? FLAG_CURRENT : 0;
      }
      if (performance.now() >= deadline) return false;
    }
  }

  private grow(need: number): void {
    const next = new Uint16Array(Math.max(need, this.chars.length * 2));
    next.set(this.chars);
    this.chars = next;
  }

  result(): BuiltSnapshot {
    return { snapshot: { ...this.s, idChars: this.chars.slice(0, this.c) }, index: this.index };
  }
}

/** Builds the transfer snapshot of the map's current revision in one go (tests, small maps). */
export function buildTransferSnapshot(map: PowerMap): BuiltSnapshot {
  const b = new Builder(map);
  b.step(Infinity);
  return b.result();
}

/** Lets the browser paint and handle input between slices. */
export function yieldToEventLoop(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === "function") return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface SliceOptions {
  /** Longest slice of work between yields, ms. Default 6 (well inside a 16 ms frame). */
  budgetMs?: number;
  /** Stop (resolve null) when this returns true, checked between slices; the build also stops if map.version changes. */
  stopped?(): boolean;
  /** Called after each slice with its duration (measurements). */
  onSlice?(ms: number): void;
}

/**
 * Builds the transfer snapshot in slices of about `budgetMs`, yielding between them; resolves null
 * when stopped or when the map changed before the build finished (the caller starts over).
 */
export async function buildTransferSnapshotSliced(map: PowerMap, opts: SliceOptions = {}): Promise<BuiltSnapshot | null> {
  const budget = opts.budgetMs ?? 6;
  const version = map.version;
  const b = new Builder(map);
  for (;;) {
    const start = performance.now();
    const finished = b.step(start + budget);
    opts.onSlice?.(performance.now() - start);
    if (finished) return b.result();
    await yieldToEventLoop();
    if (opts.stopped?.() || map.version !== version) return null;
  }
}

/** The buffers `postMessage` can move instead of copying. */
export function transferablesOf(s: TransferSnapshot): ArrayBuffer[] {
  return [s.idChars.buffer, s.idEnds.buffer, s.from.buffer, s.to.buffer, s.kind.buffer, s.strength.buffer, s.flags.buffer] as ArrayBuffer[];
}

/** The actor ids of a snapshot, by actor number (exact for any code units, lone surrogates too). */
export function decodeIds(s: TransferSnapshot): string[] {
  const text: string[] = [];
  for (let a = 0; a < s.idChars.length; a += 8192) text.push(String.fromCharCode(...s.idChars.subarray(a, a + 8192)));
  const all = text.join("");
  const ids = new Array<string>(s.n);
  let start = 0;
  for (let v = 0; v < s.n; v++) {
    ids[v] = all.slice(start, s.idEnds[v]);
    start = s.idEnds[v]!;
  }
  return ids;
}
