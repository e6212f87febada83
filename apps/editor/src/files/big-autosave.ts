/**
 * Autosave of a big map. Building the whole document and one JSON string (`toDocument` +
 * `JSON.stringify`) held the main thread for 5–12 s at 100k actors, and localStorage (5–10 MB)
 * refused the result (60+ MB) anyway. Instead the records are read straight from the map's graph
 * (they are immutable: no copy needed) and written to IndexedDB in chunks, one chunk per idle
 * slot of at most `SLICE_MS` — never more than a frame at a time. A change of the map abandons the
 * save in progress (the next one starts after it); the previous complete save stays current until
 * a new one is committed (see autosave-db.ts).
 */
import { parse, type Issue, type PowerMap, type PowerMapDocument } from "@powermap/core";
import { commitSave, openAutosaveDb, putChunk, readSave, type SaveChunk } from "./autosave-db.ts";

/** Work per slot (ms): well under a 16-ms frame, with room for the IndexedDB put. */
export const SLICE_MS = 8;

/** Waits for a moment to work; resolves with the time the slot may take (ms). */
export type SlotWaiter = () => Promise<number>;

type IdleWindow = { requestIdleCallback?: (cb: (d: { timeRemaining(): number }) => void, opts?: { timeout: number }) => number };

/** The next idle period (or a macrotask where there is no requestIdleCallback), while `busy()` waits. */
export function idleSlot(busy: () => boolean = () => false): SlotWaiter {
  const w = (typeof window === "undefined" ? {} : window) as IdleWindow;
  const once = (): Promise<number> =>
    new Promise((resolve) => {
      if (w.requestIdleCallback) w.requestIdleCallback((d) => resolve(Math.min(SLICE_MS, Math.max(1, d.timeRemaining()))), { timeout: 1_000 });
      else setTimeout(() => resolve(SLICE_MS), 0);
    });
  return async () => {
    // Never during a pan, zoom or drag: poll until the view is still.
    while (busy()) await new Promise((r) => setTimeout(r, 200));
    return once();
  };
}

/** The document's top-level fields other than the records (format, version, meta, unknown fields). */
export function documentHead(map: PowerMap): Record<string, unknown> {
  return map.documentHead();
}

export type BigSaveResult = { ok: true; saveId: string; savedAt: string } | { ok: false; reason: string } | { ok: "abandoned" };

export interface BigSaveOptions {
  /** The database (default: this browser's autosave database). */
  db?: () => Promise<IDBDatabase>;
  /** When to work (default: idle slots of at most SLICE_MS). */
  slot?: SlotWaiter;
  /** Saves to spare when old ones are deleted (one kept aside because it was unreadable). */
  keep?: () => readonly string[];
  /** Fraction done, 0..1. */
  onProgress?(done: number): void;
  /** Stop when this returns true (a newer save was scheduled). */
  cancelled?(): boolean;
  now?: () => Date;
}

/**
 * Writes `map` as it is now, chunk by chunk. Abandons (`{ ok: "abandoned" }`) as soon as the map
 * changes or `cancelled()` says so; the previous save then stays the current one.
 */
export async function saveBigMap(map: PowerMap, options: BigSaveOptions = {}): Promise<BigSaveResult> {
  const { slot = idleSlot(), keep = () => [], onProgress, cancelled = () => false, now = () => new Date() } = options;
  const version = map.version;
  const stale = () => cancelled() || map.version !== version;
  const total = map.graph.order + map.graph.size;
  const clock = typeof performance === "undefined" ? Date : performance;
  try {
    const db = await (options.db ?? openAutosaveDb)();
    const saveId = `${now().getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const head = JSON.stringify(documentHead(map));
    let index = 0;
    let written = 0;
    const chunksOf = { a: 0, r: 0 };
    // Iterators over the graph: valid across slots as long as the map is unchanged (checked each slot).
    const sources: [SaveChunk["kind"], Iterator<{ attributes: unknown }>][] = [
      ["a", map.graph.nodeEntries()],
      ["r", map.graph.edgeEntries()],
    ];
    for (const [kind, it] of sources) {
      for (let finished = false; !finished; ) {
        const budget = await slot();
        if (stale()) return { ok: "abandoned" };
        const end = clock.now() + budget;
        const parts: string[] = [];
        do {
          for (let k = 0; k < 64; k++) {
            const next = it.next();
            if (next.done) {
              finished = true;
              break;
            }
            parts.push(JSON.stringify(next.value.attributes));
          }
        } while (!finished && clock.now() < end);
        if (parts.length === 0) break;
        const text = parts.join(",");
        mark("autosave chunk", end - budget);
        await putChunk(db, saveId, index++, { kind, text });
        chunksOf[kind]++;
        written += parts.length;
        onProgress?.(total === 0 ? 1 : written / total);
      }
    }
    if (stale()) return { ok: "abandoned" };
    const savedAt = now().toISOString();
    await commitSave(
      db,
      { saveId, savedAt, head, actorChunks: chunksOf.a, relationshipChunks: chunksOf.r, actors: map.graph.order, relationships: map.graph.size },
      keep(),
    );
    return { ok: true, saveId, savedAt };
  } catch (e) {
    const quota = e instanceof DOMException && e.name === "QuotaExceededError";
    return { ok: false, reason: quota ? "the map is too large for this browser's storage — save it as a file" : errorText(e) };
  }
}

export type BigLoad = { status: "ok"; document: PowerMapDocument } | { status: "corrupt"; reason: string; issues: Issue[] };

/** Reads a save back and validates it like a file (`parse`). Never throws. */
export async function loadBigMap(saveId: string, db: () => Promise<IDBDatabase> = openAutosaveDb): Promise<BigLoad> {
  let save: Awaited<ReturnType<typeof readSave>>;
  try {
    save = await readSave(await db(), saveId);
  } catch (e) {
    return { status: "corrupt", reason: `browser storage is not readable (${errorText(e)})`, issues: [] };
  }
  if (!save) return { status: "corrupt", reason: "the saved map is missing from browser storage", issues: [] };
  const { head, chunks } = save;
  if (chunks.length !== head.actorChunks + head.relationshipChunks) return { status: "corrupt", reason: "the saved map is incomplete", issues: [] };
  const texts = (kind: SaveChunk["kind"]) => chunks.filter((c) => c.kind === kind).map((c) => c.text);
  if (typeof head.head !== "string" || !head.head.endsWith("}")) return { status: "corrupt", reason: "the saved data has an unknown shape", issues: [] };
  const text = `${head.head.slice(0, -1)},"actors":[${texts("a").join(",")}],"relationships":[${texts("r").join(",")}]}`;
  const res = parse(text);
  if (!res.ok) return { status: "corrupt", reason: `the saved map is not valid (${res.issues.length} problem${res.issues.length === 1 ? "" : "s"})`, issues: res.issues };
  return { status: "ok", document: res.document };
}

/** A User Timing span (what the freeze benchmark attributes long tasks to), where supported. */
function mark(name: string, start: number): void {
  try {
    performance.measure(`powermap:${name}`, { start, end: performance.now() });
  } catch {
    // No User Timing here (old browser): nothing to record.
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
