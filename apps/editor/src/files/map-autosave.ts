/**
 * Which autosave a change goes to: a small map is serialised whole into localStorage (debounced,
 * flushed when the page goes away); a big one is written to IndexedDB chunk by chunk at idle time
 * (big-autosave.ts), without ever building the whole document. Fed by the editor's `onMapChange`,
 * which hands over the live map, not a copy.
 */
import { clearSaves, openAutosaveDb } from "./autosave-db.ts";
import { Autosaver, CANONICAL_LIMIT, keptAsideSaves, writePointer } from "./autosave.ts";
import { saveBigMap, idleSlot, type SlotWaiter } from "./big-autosave.ts";
import type { PowerMap } from "@powermap/core";

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** What the header shows about the autosave. */
export type AutosaveStatus =
  | { state: "saved"; at: Date; big: boolean }
  | { state: "saving"; done: number }
  | { state: "failed"; reason: string };

export interface MapAutosaveOptions {
  /** While true (camera moving, drag), big saves wait. */
  busy?: () => boolean;
  db?: () => Promise<IDBDatabase>;
  slot?: SlotWaiter;
  /** Quiet time after the last change before a big save starts (ms). */
  bigDelayMs?: number;
}

/** Whether a map goes to IndexedDB (by record count: localStorage holds a few MB, ~30k records). */
export const isBigForAutosave = (map: PowerMap): boolean => map.graph.order + map.graph.size > CANONICAL_LIMIT;

export class MapAutosave {
  private map: PowerMap | null = null;
  private readonly small: Autosaver;
  /** Bumped by every change: a big save in progress checks it and gives up. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** IndexedDB may hold saves no pointer refers to (a big map saved earlier, maybe in another session). */
  private idbDirty = true;
  private smallWrites = 0;
  private db: Promise<IDBDatabase> | null = null;
  /** The save in progress, if any (tests await it). */
  running: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly onStatus: (s: AutosaveStatus) => void,
    private readonly options: MapAutosaveOptions = {},
  ) {
    this.small = new Autosaver(
      store,
      () => this.map!.toDocument(),
      (r) => {
        if (!r.ok) return this.onStatus({ state: "failed", reason: r.reason });
        this.smallWrites++;
        this.onStatus({ state: "saved", at: new Date(), big: false });
        if (this.idbDirty) void this.clearIdb();
      },
    );
  }

  /** After each change (coalesced per tick by the editor). */
  changed(map: PowerMap): void {
    this.map = map;
    this.generation++;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!isBigForAutosave(map)) return this.small.schedule();
    this.small.cancel();
    const gen = this.generation;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.saveBig(map, gen);
    }, this.options.bigDelayMs ?? 2_000);
  }

  /** Before the page goes away: a pending small write is done now (a big save cannot be hurried). */
  flush(): void {
    this.small.flush();
  }

  dispose(): void {
    this.flush();
    this.generation++;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private database(): Promise<IDBDatabase> {
    return (this.db ??= (this.options.db ?? openAutosaveDb)());
  }

  private async saveBig(map: PowerMap, gen: number): Promise<void> {
    const smallBefore = this.smallWrites;
    this.onStatus({ state: "saving", done: 0 });
    const res = await saveBigMap(map, {
      db: () => this.database(),
      slot: this.options.slot ?? idleSlot(this.options.busy),
      keep: () => keptAsideSaves(this.store),
      cancelled: () => gen !== this.generation,
      onProgress: (done) => gen === this.generation && this.onStatus({ state: "saving", done }),
    });
    if (res.ok === "abandoned") return; // a newer change: its own save follows
    if (res.ok === false) return this.onStatus({ state: "failed", reason: res.reason });
    // Committed: point to it, unless a small map was saved to localStorage meanwhile (newer).
    if (this.smallWrites !== smallBefore) return;
    const w = writePointer(this.store, { store: "indexeddb", saveId: res.saveId, savedAt: res.savedAt, actors: map.graph.order, relationships: map.graph.size });
    if (!w.ok) return this.onStatus({ state: "failed", reason: w.reason });
    this.idbDirty = true;
    this.onStatus({ state: "saved", at: new Date(res.savedAt), big: true });
  }

  private async clearIdb(): Promise<void> {
    this.idbDirty = false;
    try {
      await clearSaves(await this.database(), keptAsideSaves(this.store));
    } catch {
      // Old saves stay until the next big save deletes them; nothing points to them.
    }
  }
}
