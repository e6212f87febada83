/**
 * The transfer snapshot: the part of one map revision that background analysis needs, as typed
 * arrays that `postMessage` moves to the worker without copying (transferables) — the actor ids
 * too, as UTF-16 code units, since cloning 100k strings would itself block for milliseconds.
 *
 * Built on the main thread from core's analysis snapshot of the revision (`snapshotOf`: typed
 * arrays kept by graph events, ~10 ms at 100k actors / 500k relationships) — never by walking or
 * cloning the graphology graph. The rest (ids as code units, the id → number index, relationship
 * ends, and id / kind / strength / "current" read from the 500k records) is O(n + m) plain loops
 * without allocation per record, done by `buildTransferSnapshotSliced` in slices of a few
 * milliseconds, yielding to the browser between them, and given up when the map changes meanwhile.
 */
import { RELATIONSHIP_KINDS, currentFilter, snapshotOf, type AnalysisSnapshot, type PowerMap } from "@powermap/core";
import { markSpan } from "./timing.ts";

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
  /** Actor ids by actor number (as core's snapshot numbers them), as UTF-16 code units; see `decodeIds`. */
  idChars: Uint16Array;
  /** End (exclusive) of each actor's id in `idChars`. */
  idEnds: Int32Array;
  /** Relationships in core's snapshot order: `from[r]` → `to[r]` as actor numbers. */
  from: Int32Array;
  to: Int32Array;
  /** Index into RELATIONSHIP_KINDS, or UNKNOWN_KIND_CODE. */
  kind: Uint8Array;
  /** The recorded strength, NaN when absent (core applies its own default). */
  strength: Float64Array;
  /** FLAG_CURRENT when the relationship counts today. */
  flags: Uint8Array;
  /**
   * Relationship ids in relationship order, as UTF-16 code units (see `decodeRelationshipIds`):
   * the queries break ties by relationship id and answer with ids the main thread explains.
   */
  relIdChars: Uint16Array;
  /** End (exclusive) of each relationship's id in `relIdChars`. */
  relIdEnds: Int32Array;
}

/** A snapshot plus the id → actor number index the main thread keeps to read results. */
export interface BuiltSnapshot {
  snapshot: TransferSnapshot;
  index: ReadonlyMap<string, number>;
}

/** Items between two looks at the clock: cheap, and fine-grained enough for a few-ms budget. */
const CHUNK = 1024;

/**
 * Resumable O(n + m) build: `step(deadline)` works until performance.now() passes the deadline
 * and returns true once finished. Passes: ids (and the index), relationship ends, record fields.
 */
class Builder {
  private readonly snap: AnalysisSnapshot;
  private chars: Uint16Array;
  private c = 0;
  private relChars: Uint16Array;
  private rc = 0;
  private readonly index = new Map<string, number>();
  private pass = 0;
  private i = 0;
  private readonly s: TransferSnapshot;
  private readonly counts = currentFilter(undefined, "buildTransferSnapshot");

  constructor(readonly map: PowerMap) {
    const start = performance.now();
    this.snap = snapshotOf(map); // cached per revision; one block, the only one not sliced here
    markSpan("snapshot core", start);
    const { n, m } = this.snap;
    this.chars = new Uint16Array(Math.max(16, n * 8));
    this.relChars = new Uint16Array(Math.max(16, m * 8));
    this.s = {
      version: map.version,
      n,
      idChars: this.chars,
      idEnds: new Int32Array(n),
      from: new Int32Array(m),
      to: new Int32Array(m),
      kind: new Uint8Array(m),
      strength: new Float64Array(m),
      flags: new Uint8Array(m),
      relIdChars: this.relChars,
      relIdEnds: new Int32Array(m),
    };
  }

  step(deadline: number): boolean {
    const { index, s, snap } = this;
    for (;;) {
      if (this.pass === 0) {
        const { ids } = snap;
        const end = Math.min(snap.n, this.i + CHUNK);
        for (let v = this.i; v < end; v++) {
          const id = ids[v]!;
          index.set(id, v);
          if (this.c + id.length > this.chars.length) this.chars = grown(this.chars, this.c + id.length);
          for (let k = 0; k < id.length; k++) this.chars[this.c++] = id.charCodeAt(k);
          s.idEnds[v] = this.c;
        }
        this.i = end;
      } else if (this.pass === 1) {
        // The ends in relationship order, copied from core's columns (its sorted adjacency is
        // never needed here: sorting it would be one unsliced block of O(m)).
        const end = Math.min(snap.m, this.i + 32 * CHUNK);
        s.from.set(snap.relFrom.subarray(this.i, end), this.i);
        s.to.set(snap.relTo.subarray(this.i, end), this.i);
        this.i = end;
      } else if (this.pass === 2) {
        const rels = snap.relationships;
        const end = Math.min(snap.m, this.i + CHUNK);
        for (let r = this.i; r < end; r++) {
          const rel = rels[r]!;
          s.kind[r] = KIND_CODE.get(rel.kind) ?? UNKNOWN_KIND_CODE;
          s.strength[r] = typeof rel.strength === "number" ? rel.strength : NaN;
          // Only relationships with an end recorded need the date rule; the rest count unless current: false.
          s.flags[r] = (rel.endDate === undefined ? rel.current !== false : this.counts(rel)) ? FLAG_CURRENT : 0;
          const id = rel.id;
          if (this.rc + id.length > this.relChars.length) this.relChars = grown(this.relChars, this.rc + id.length);
          for (let k = 0; k < id.length; k++) this.relChars[this.rc++] = id.charCodeAt(k);
          s.relIdEnds[r] = this.rc;
        }
        this.i = end;
      } else return true;
      if (this.i >= (this.pass === 0 ? snap.n : snap.m)) {
        this.pass++;
        this.i = 0;
      }
      if (performance.now() >= deadline) return this.pass > 2;
    }
  }

  result(): BuiltSnapshot {
    return { snapshot: { ...this.s, idChars: this.chars.slice(0, this.c), relIdChars: this.relChars.slice(0, this.rc) }, index: this.index };
  }
}

/** A copy of `a` with room for at least `need` code units. */
function grown(a: Uint16Array, need: number): Uint16Array {
  const next = new Uint16Array(Math.max(need, a.length * 2));
  next.set(a);
  return next;
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
  // Not in the caller's task: that is often a UI event already doing its own work (a select's sync).
  await yieldToEventLoop();
  if (opts.stopped?.() || map.version !== version) return null;
  const b = new Builder(map);
  for (;;) {
    const start = performance.now();
    const finished = b.step(start + budget);
    markSpan("snapshot slice", start);
    opts.onSlice?.(performance.now() - start);
    if (finished) return b.result();
    await yieldToEventLoop();
    if (opts.stopped?.() || map.version !== version) return null;
  }
}

/** The buffers `postMessage` can move instead of copying. */
export function transferablesOf(s: TransferSnapshot): ArrayBuffer[] {
  return [s.idChars.buffer, s.idEnds.buffer, s.from.buffer, s.to.buffer, s.kind.buffer, s.strength.buffer, s.flags.buffer, s.relIdChars.buffer, s.relIdEnds.buffer] as ArrayBuffer[];
}

/** The actor ids of a snapshot, by actor number (exact for any code units, lone surrogates too). */
export function decodeIds(s: TransferSnapshot): string[] {
  return decodeStrings(s.idChars, s.idEnds);
}

/** The relationship ids of a snapshot, by relationship number. */
export function decodeRelationshipIds(s: TransferSnapshot): string[] {
  return decodeStrings(s.relIdChars, s.relIdEnds);
}

/** Splits concatenated code units at `ends` (String.fromCharCode in chunks: no argument-count limit). */
function decodeStrings(chars: Uint16Array, ends: Int32Array): string[] {
  const text: string[] = [];
  for (let a = 0; a < chars.length; a += 8192) text.push(String.fromCharCode(...chars.subarray(a, a + 8192)));
  const all = text.join("");
  const out = new Array<string>(ends.length);
  let start = 0;
  for (let v = 0; v < ends.length; v++) {
    out[v] = all.slice(start, ends[v]);
    start = ends[v]!;
  }
  return out;
}
