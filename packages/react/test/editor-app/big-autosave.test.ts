import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { PowerMap, type PowerMapDocument } from "@powermap/core";
import { openAutosaveDb, putChunk } from "../../../../apps/editor/src/files/autosave-db.ts";
import { AUTOSAVE_BACKUP_KEY, AUTOSAVE_KEY, keepAside, loadAutosave } from "../../../../apps/editor/src/files/autosave.ts";
import { loadBigMap, saveBigMap, type SlotWaiter } from "../../../../apps/editor/src/files/big-autosave.ts";
import { MapAutosave, type AutosaveStatus } from "../../../../apps/editor/src/files/map-autosave.ts";

/** A map of `n` actors in a ring plus chords, with meta and an unknown top-level field. */
function bigDoc(n: number): PowerMapDocument {
  const actors = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}`, kind: "person" as const, ...(i % 3 ? { stance: ((i % 5) - 2) as -2 } : {}) }));
  const relationships = actors.flatMap((a, i) => [
    { id: `r${i}`, from: a.id, to: `a${(i + 1) % n}`, kind: "influence" as const },
    { id: `c${i}`, from: a.id, to: `a${(i * 7 + 3) % n}`, kind: "donation" as const, strength: 4 as const, label: `gift "${i}"` },
  ]);
  return { format: "powermap", version: 1, meta: { title: "Big map" }, actors, relationships, extra: { kept: true } } as PowerMapDocument;
}

const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const sameDocument = (a: PowerMapDocument, b: PowerMapDocument) => {
  expect({ ...a, actors: byId(a.actors), relationships: byId(a.relationships) }).toEqual({ ...b, actors: byId(b.actors), relationships: byId(b.relationships) });
};
/** Slots of 1 ms: many chunks, so the chunking is exercised. */
const quick: SlotWaiter = () => Promise.resolve(1);

function memoryStore(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: (i) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

async function chunkKeys(db: IDBDatabase): Promise<string[]> {
  return new Promise((resolve) => {
    const req = db.transaction("chunks").objectStore("chunks").getAllKeys();
    req.onsuccess = () => resolve([...new Set((req.result as [string, number][]).map((k) => k[0]))]);
  });
}

describe("big-map autosave (IndexedDB, in chunks)", () => {
  it("writes the map in many chunks and reads back the same document, unknown fields included", async () => {
    const factory = new IDBFactory();
    const db = () => openAutosaveDb(factory);
    const map = PowerMap.fromDocument(bigDoc(3000));
    const progress: number[] = [];
    const res = await saveBigMap(map, { db, slot: quick, onProgress: (d) => progress.push(d) });
    expect(res.ok).toBe(true);
    expect(progress.length).toBeGreaterThan(3); // one per chunk
    expect(progress.at(-1)).toBe(1);
    const back = await loadBigMap((res as { saveId: string }).saveId, db);
    expect(back.status).toBe("ok");
    sameDocument((back as { document: PowerMapDocument }).document, map.toDocument());
  });

  it("abandons a save when the map changes midway; the previous save stays readable and the partial one is cleaned up later", async () => {
    const factory = new IDBFactory();
    const db = () => openAutosaveDb(factory);
    const map = PowerMap.fromDocument(bigDoc(2000));
    const first = await saveBigMap(map, { db, slot: quick });
    const before = map.toDocument();
    let slots = 0;
    const editing: SlotWaiter = () => {
      if (++slots === 3) map.updateActor("a5", { name: "Renamed" });
      return Promise.resolve(1);
    };
    expect(await saveBigMap(map, { db, slot: editing })).toEqual({ ok: "abandoned" });
    expect((await chunkKeys(await db())).length).toBe(2); // the committed save and the partial one
    const back = await loadBigMap((first as { saveId: string }).saveId, db);
    sameDocument((back as { document: PowerMapDocument }).document, before);
    const third = await saveBigMap(map, { db, slot: quick });
    expect(await chunkKeys(await db())).toEqual([(third as { saveId: string }).saveId]);
    const latest = await loadBigMap((third as { saveId: string }).saveId, db);
    expect((latest as { document: PowerMapDocument }).document.actors.find((a) => a.id === "a5")?.name).toBe("Renamed");
  });

  it("reports a damaged, incomplete or invalid save instead of opening it", async () => {
    const factory = new IDBFactory();
    const db = () => openAutosaveDb(factory);
    const map = PowerMap.fromDocument(bigDoc(600));
    const { saveId } = (await saveBigMap(map, { db, slot: quick })) as { saveId: string };
    await putChunk(await db(), saveId, 1, { kind: "a", text: '{"id": oops' });
    expect(await loadBigMap(saveId, db)).toMatchObject({ status: "corrupt", reason: expect.stringMatching(/not valid/) });
    await putChunk(await db(), saveId, 1, { kind: "a", text: '{"id":"z","name":"Z","kind":"alien"}' });
    const invalid = await loadBigMap(saveId, db);
    expect(invalid).toMatchObject({ status: "corrupt" });
    expect((invalid as { issues: { field?: string }[] }).issues.some((i) => i.field === "kind")).toBe(true);
    await putChunk(await db(), saveId, 999, { kind: "r", text: "" });
    expect(await loadBigMap(saveId, db)).toMatchObject({ status: "corrupt", reason: "the saved map is incomplete" });
    expect(await loadBigMap("no-such-save", db)).toMatchObject({ status: "corrupt", reason: expect.stringMatching(/missing/) });
  });
});

describe("MapAutosave: localStorage for small maps, IndexedDB for big ones", () => {
  it("a small map goes to localStorage whole; a big one to IndexedDB, with a pointer that start-up follows", async () => {
    const factory = new IDBFactory();
    const db = () => openAutosaveDb(factory);
    const store = memoryStore();
    const statuses: AutosaveStatus[] = [];
    const autosave = new MapAutosave(store, (s) => statuses.push(s), { db, slot: quick, bigDelayMs: 0 });
    const small = PowerMap.fromDocument(bigDoc(10));
    autosave.changed(small);
    autosave.flush();
    const s = loadAutosave(store);
    expect(s.status).toBe("ok");
    sameDocument((s as { document: PowerMapDocument }).document, small.toDocument());

    const big = PowerMap.fromDocument(bigDoc(2500));
    autosave.changed(big);
    await new Promise((r) => setTimeout(r, 5));
    await autosave.running;
    expect(statuses.some((x) => x.state === "saving")).toBe(true);
    expect(statuses.at(-1)).toMatchObject({ state: "saved", big: true });
    const pointer = loadAutosave(store);
    expect(pointer.status).toBe("indexeddb");
    expect(store.getItem(AUTOSAVE_KEY)!.length).toBeLessThan(300); // a pointer, not the map
    const back = await loadBigMap((pointer as { saveId: string }).saveId, db);
    sameDocument((back as { document: PowerMapDocument }).document, big.toDocument());

    // An unreadable save kept aside survives the next save (nothing else points to it).
    keepAside(store);
    expect(loadAutosave(store).status).toBe("none");
    expect(store.getItem(AUTOSAVE_BACKUP_KEY)).toContain((pointer as { saveId: string }).saveId);
    big.updateActor("a1", { name: "Changed" });
    autosave.changed(big);
    await new Promise((r) => setTimeout(r, 5));
    await autosave.running;
    const ids = await chunkKeys(await db());
    expect(ids).toContain((pointer as { saveId: string }).saveId);
    expect(ids).toHaveLength(2);
  });
});
