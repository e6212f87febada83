/**
 * Autosave to browser storage: the document is written (debounced) after every change and read
 * back on start. A corrupt or invalid entry is reported, kept aside under a backup key, and never
 * crashes the app; a full storage is reported too (the map stays open, only the autosave failed).
 * A big map is written to IndexedDB instead (big-autosave.ts); localStorage then holds a small
 * pointer to that save, so this key alone always says which save is current.
 */
import { parse, serialize, type Issue, type PowerMapDocument } from "@powermap/core";

export const AUTOSAVE_KEY = "powermap:autosave:v1";
export const AUTOSAVE_BACKUP_KEY = "powermap:autosave:v1:unreadable";
/** Above this many records the autosave stores plain JSON instead of the canonical serialisation. */
export const CANONICAL_LIMIT = 5_000;

/** Runs `fn` after about `delayMs`; returns a cancel function (a timer, or an idle-time scheduler). */
export type Scheduler = (fn: () => void, delayMs: number) => () => void;
const timeout: Scheduler = (fn, delayMs) => {
  const t = setTimeout(fn, delayMs);
  return () => clearTimeout(t);
};

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export type AutosaveLoad =
  | { status: "none" }
  | { status: "ok"; document: PowerMapDocument; savedAt: string | null }
  /** A big map saved in IndexedDB: read it with `loadBigMap(saveId)` (asynchronous). */
  | { status: "indexeddb"; saveId: string; savedAt: string | null }
  | { status: "corrupt"; reason: string; issues: Issue[] };

interface Envelope {
  savedAt: string;
  /** The document as `serialize` wrote it (a string, so what is stored is exactly the file format). */
  document: string;
}

/** Where a big map's save is (IndexedDB), written once that save is complete. */
export interface Pointer {
  savedAt: string;
  store: "indexeddb";
  saveId: string;
  actors: number;
  relationships: number;
}

const isPointer = (v: unknown): v is Pointer =>
  typeof v === "object" && v !== null && (v as Pointer).store === "indexeddb" && typeof (v as Pointer).saveId === "string";

/** Makes a complete IndexedDB save the current autosave. */
export function writePointer(store: Store, pointer: Pointer): { ok: true } | { ok: false; reason: string } {
  try {
    store.setItem(AUTOSAVE_KEY, JSON.stringify(pointer));
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: errorText(e) };
  }
}

/** Puts the current entry aside under the backup key (a save that could not be read back). */
export function keepAside(store: Store): void {
  try {
    const raw = store.getItem(AUTOSAVE_KEY);
    if (raw !== null) store.setItem(AUTOSAVE_BACKUP_KEY, raw);
    store.removeItem(AUTOSAVE_KEY);
  } catch {
    // Storage unavailable: nothing to keep.
  }
}

/** IndexedDB saves referenced by the kept-aside entry (not to be deleted by later saves). */
export function keptAsideSaves(store: Store): string[] {
  try {
    const raw = store.getItem(AUTOSAVE_BACKUP_KEY);
    const v: unknown = raw === null ? null : JSON.parse(raw);
    return isPointer(v) ? [v.saveId] : [];
  } catch {
    return [];
  }
}

/** Reads the autosaved map. Never throws. */
export function loadAutosave(store: Store): AutosaveLoad {
  let raw: string | null;
  try {
    raw = store.getItem(AUTOSAVE_KEY);
  } catch (e) {
    return { status: "corrupt", reason: `browser storage is not readable (${errorText(e)})`, issues: [] };
  }
  if (raw === null) return { status: "none" };
  const fail = (reason: string, issues: Issue[] = []): AutosaveLoad => {
    try {
      store.setItem(AUTOSAVE_BACKUP_KEY, raw);
    } catch {
      // No room for a backup: the notice still tells the user.
    }
    return { status: "corrupt", reason, issues };
  };
  let env: unknown;
  try {
    env = JSON.parse(raw);
  } catch (e) {
    return fail(`the saved data is not JSON (${errorText(e)})`);
  }
  if (isPointer(env)) return { status: "indexeddb", saveId: env.saveId, savedAt: typeof env.savedAt === "string" ? env.savedAt : null };
  if (typeof env !== "object" || env === null || typeof (env as Envelope).document !== "string")
    return fail("the saved data has an unknown shape");
  const res = parse((env as Envelope).document);
  if (!res.ok) return fail(`the saved map is not valid (${res.issues.length} problem${res.issues.length === 1 ? "" : "s"})`, res.issues);
  const savedAt = typeof (env as Envelope).savedAt === "string" ? (env as Envelope).savedAt : null;
  return { status: "ok", document: res.document, savedAt };
}

/** Writes the map; returns the reason when the browser refuses (quota, private mode). */
export function writeAutosave(store: Store, doc: PowerMapDocument, now = new Date()): { ok: true } | { ok: false; reason: string } {
  try {
    // serialize() writes a canonical file (sorted keys, stable order) and takes about a second for a
    // 10k-actor map; a big map is stored as plain JSON, which reads back the same through parse().
    const big = doc.actors.length + doc.relationships.length > CANONICAL_LIMIT;
    const env: Envelope = { savedAt: now.toISOString(), document: big ? JSON.stringify(doc) : serialize(doc) };
    store.setItem(AUTOSAVE_KEY, JSON.stringify(env));
    return { ok: true };
  } catch (e) {
    const quota = e instanceof DOMException && (e.name === "QuotaExceededError" || e.code === 22);
    return { ok: false, reason: quota ? "the map is too large for browser storage" : errorText(e) };
  }
}

export function clearAutosave(store: Store): void {
  try {
    store.removeItem(AUTOSAVE_KEY);
  } catch {
    // Nothing to do: storage unavailable.
  }
}

/**
 * Debounces writes: `schedule()` on every change, `flush()` before the page goes away.
 * `getDocument` is read at write time, so the latest state is what gets saved.
 */
export class Autosaver {
  private pending: (() => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly getDocument: () => PowerMapDocument,
    private readonly onResult: (r: { ok: true } | { ok: false; reason: string }) => void = () => undefined,
    readonly delayMs = 400,
  ) {}

  /**
   * Plans a write (replacing any planned one). Big maps pass a longer delay and an idle-time
   * scheduler, so the write never lands in the middle of a pan or a drag.
   */
  schedule(delayMs = this.delayMs, scheduler: Scheduler = timeout): void {
    this.pending?.();
    this.pending = scheduler(() => this.flush(), delayMs);
  }

  /** Drops the pending write, if any, without writing. */
  cancel(): void {
    this.pending?.();
    this.pending = null;
  }

  /** Writes now if a write is pending. */
  flush(): void {
    if (this.pending === null) return;
    this.pending();
    this.pending = null;
    this.onResult(writeAutosave(this.store, this.getDocument()));
  }

  dispose(): void {
    this.flush();
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
