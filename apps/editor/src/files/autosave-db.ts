/**
 * The IndexedDB side of the big-map autosave: a save is a head (the document without its records)
 * plus numbered chunks of JSON text (actors, then relationships). Chunks are written one by one at
 * idle time; the head is written last, in the transaction that also deletes every other save, so
 * a save is complete or absent — never half of one over half of another.
 */

export const DB_NAME = "powermap-autosave";
const CHUNKS = "chunks";
const HEADS = "heads";

/** What is stored besides the chunks. */
export interface SaveHead {
  saveId: string;
  savedAt: string;
  /** JSON of the document without `actors` and `relationships` (format, version, meta, unknown fields). */
  head: string;
  actorChunks: number;
  relationshipChunks: number;
  actors: number;
  relationships: number;
}

/** One chunk: the JSON texts of consecutive records, comma-separated (no brackets). */
export interface SaveChunk {
  kind: "a" | "r";
  text: string;
}

const done = (req: IDBRequest | IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    if ("oncomplete" in req) {
      req.oncomplete = () => resolve();
      req.onabort = req.onerror = () => reject(req.error ?? new Error("IndexedDB transaction aborted"));
    } else {
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
    }
  });

const result = <T>(req: IDBRequest<T>): Promise<T> => done(req).then(() => req.result);

/** Opens (creating on first use) the autosave database. */
export function openAutosaveDb(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<IDBDatabase> {
  if (!factory) return Promise.reject(new Error("this browser has no IndexedDB"));
  const req = factory.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains(CHUNKS)) db.createObjectStore(CHUNKS);
    if (!db.objectStoreNames.contains(HEADS)) db.createObjectStore(HEADS, { keyPath: "saveId" });
  };
  return result(req);
}

/** All chunk keys of one save lie between these two (IndexedDB orders numbers before arrays). */
const range = (saveId: string) => IDBKeyRange.bound([saveId, 0], [saveId, []]);

export async function putChunk(db: IDBDatabase, saveId: string, index: number, chunk: SaveChunk): Promise<void> {
  const tx = db.transaction(CHUNKS, "readwrite");
  tx.objectStore(CHUNKS).put(chunk, [saveId, index]);
  await done(tx);
}

/**
 * Makes `head` the current save and deletes every other save (abandoned partial ones included),
 * except those in `keep` (a save kept aside because it could not be read).
 */
export async function commitSave(db: IDBDatabase, head: SaveHead, keep: readonly string[] = []): Promise<void> {
  const spare = new Set([head.saveId, ...keep]);
  const tx = db.transaction([CHUNKS, HEADS], "readwrite");
  tx.objectStore(HEADS).put(head);
  const chunks = tx.objectStore(CHUNKS);
  const cursorReq = chunks.openKeyCursor();
  cursorReq.onsuccess = () => {
    const cursor = cursorReq.result;
    if (!cursor) return;
    const id = (cursor.key as [string, number])[0];
    if (spare.has(id)) return cursor.continue([id, []]); // skip to the next save's first chunk
    chunks.delete(range(id));
    cursor.continue([id, []]);
  };
  const heads = tx.objectStore(HEADS);
  const headsReq = heads.getAllKeys();
  headsReq.onsuccess = () => {
    for (const id of headsReq.result as string[]) if (!spare.has(id)) heads.delete(id);
  };
  await done(tx);
}

/** Deletes every save except those in `keep`. */
export async function clearSaves(db: IDBDatabase, keep: readonly string[] = []): Promise<void> {
  await commitSave(db, { saveId: "\u0000none", savedAt: "", head: "{}", actorChunks: 0, relationshipChunks: 0, actors: 0, relationships: 0 }, keep);
  const tx = db.transaction(HEADS, "readwrite");
  tx.objectStore(HEADS).delete("\u0000none");
  await done(tx);
}

/** A save's head and chunks in order, or null when its head is missing. */
export async function readSave(db: IDBDatabase, saveId: string): Promise<{ head: SaveHead; chunks: SaveChunk[] } | null> {
  const tx = db.transaction([CHUNKS, HEADS], "readonly");
  const head = result(tx.objectStore(HEADS).get(saveId) as IDBRequest<SaveHead | undefined>);
  const chunks = result(tx.objectStore(CHUNKS).getAll(range(saveId)) as IDBRequest<SaveChunk[]>);
  const [h, c] = await Promise.all([head, chunks]);
  return h ? { head: h, chunks: c } : null;
}
