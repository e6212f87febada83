/**
 * The powermap editor app: <PowerMapEditor> plus what a standalone app needs — a File menu, drag
 * and drop of files, autosave to this browser, and the example map on first visit.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { schoolBoardExample, serialize, type PowerMap, type PowerMapDocument } from "@powermap/core";
import { PowerMapEditor, downloadBlob, exportPng, exportSvg, fileNameFromTitle, type PowerMapEditorHandle } from "@powermap/react";
import { FileMenu } from "./components/FileMenu.tsx";
import { IssuesDialog, type IssuesReport } from "./components/IssuesDialog.tsx";
import { Notices, type Notice } from "./components/Notices.tsx";
import { keepAside, loadAutosave } from "./files/autosave.ts";
import { loadBigMap } from "./files/big-autosave.ts";
import { MapAutosave, type AutosaveStatus } from "./files/map-autosave.ts";
import { availableFormats, exportWith, importExtensions, type FormatInfo } from "./files/formats.ts";
import { readMapFile } from "./files/read-map.ts";
import { useFileDrop } from "./files/use-file-drop.ts";

const EMPTY: PowerMapDocument = { format: "powermap", version: 1, meta: { title: "Untitled map" }, actors: [], relationships: [] };

/** `validated`: the document is `parse`'s output (an autosave read back), not to be validated twice. */
type Start = { doc: PowerMapDocument; notice: Omit<Notice, "id"> | null; validated?: boolean };

const restored = (doc: PowerMapDocument, savedAt: string | null): Start => ({
  doc,
  validated: true,
  notice: { kind: "info", text: `Restored your map from this browser${savedAt ? ` (saved ${new Date(savedAt).toLocaleString()})` : ""}.` },
});
const unreadable = (reason: string): Start => ({
  doc: schoolBoardExample(),
  notice: { kind: "warning", text: `Your autosaved map could not be restored: ${reason}. It was kept aside in browser storage; showing the example map instead.` },
});

/** The map to start with: the autosaved one if it reads back, else the example; a big map's save is read asynchronously. */
function startingPoint(): Start | { saveId: string; savedAt: string | null } {
  const saved = loadAutosave(window.localStorage);
  if (saved.status === "ok") return restored(saved.document, saved.savedAt);
  if (saved.status === "indexeddb") return saved;
  if (saved.status === "corrupt") return unreadable(saved.reason);
  return { doc: schoolBoardExample(), notice: null };
}

function statusText(s: AutosaveStatus): string {
  if (s.state === "saving") return `Saving in this browser… ${Math.floor(s.done * 100)}%`;
  if (s.state === "failed") return `Autosave failed: ${s.reason}`;
  return `Saved in this browser at ${s.at.toLocaleTimeString()}`;
}

/** Starts with the autosaved map: at once when it is in localStorage, after an asynchronous read when it is a big map in IndexedDB. */
export function App() {
  const [start, setStart] = useState(startingPoint);
  useEffect(() => {
    if (!("saveId" in start)) return;
    let live = true;
    void loadBigMap(start.saveId).then((res) => {
      if (!live) return;
      if (res.status === "ok") return setStart(restored(res.document, start.savedAt));
      keepAside(window.localStorage);
      setStart(unreadable(res.reason));
    });
    return () => {
      live = false;
    };
  }, [start]);
  if ("saveId" in start)
    return (
      <div className="pme-app">
        <p className="pme-restoring" role="status">
          Restoring your map from this browser…
        </p>
      </div>
    );
  return <EditorApp start={start} />;
}

function EditorApp({ start }: { start: Start }) {
  const editor = useRef<PowerMapEditorHandle>(null);
  const [notices, setNotices] = useState<Notice[]>(() => (start.notice ? [{ ...start.notice, id: 1 }] : []));
  const [issues, setIssues] = useState<IssuesReport | null>(null);
  const [saveState, setSaveState] = useState<string>("");
  const fileInput = useRef<HTMLInputElement>(null);
  const formats = useMemo(availableFormats, []);

  const notify = useCallback((kind: Notice["kind"], text: string) => setNotices((n) => [...n.slice(-3), { id: Date.now() + Math.random(), kind, text }]), []);
  const currentDoc = useCallback(() => editor.current?.getDocument() ?? start.doc, [start]);

  // The editor hands over the live map on every change (no document built): small maps are
  // serialised into localStorage, big ones written to IndexedDB chunk by chunk at idle time.
  const [autosave] = useState(
    () =>
      new MapAutosave(window.localStorage, (st) => setSaveState(statusText(st)), {
        busy: () => {
          const sigma = editor.current?.getSigma();
          return !!sigma && (sigma.getCamera().isAnimated() || sigma.getMouseCaptor().isMouseDown);
        },
      }),
  );
  useEffect(() => {
    const flush = () => autosave.flush();
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      autosave.dispose();
    };
  }, [autosave]);
  const onMapChange = useCallback((map: PowerMap) => autosave.changed(map), [autosave]);

  const openFile = useCallback(
    async (file: File) => {
      const res = await readMapFile(file);
      if (!res.ok) {
        setIssues({ title: `Could not open “${file.name}”`, intro: "The file has these problems. The open map was not changed.", issues: res.issues });
        return;
      }
      // Our own format came through core's parse just now: no second validation of a big map.
      editor.current?.loadDocument(res.document, { validated: res.format === "powermap" });
      const { actors, relationships } = res.document;
      const extra = res.report ? ` ${res.report.skipped.length} record(s) skipped, ${res.report.changed.length} repaired.` : "";
      notify("info", `Opened “${file.name}”: ${actors.length} actors, ${relationships.length} relationships.${extra} Undo (Ctrl+Z) brings the previous map back.`);
      if (res.warnings.length > 0)
        setIssues({ title: `Opened “${file.name}” with notes`, intro: "The map was opened. Worth a look:", issues: res.warnings });
    },
    [notify],
  );
  const dragging = useFileDrop(openFile);

  const actions = useMemo(
    () => ({
      onNew: () => {
        editor.current?.loadDocument(EMPTY);
        notify("info", "New empty map. Undo (Ctrl+Z) brings the previous one back.");
      },
      onOpen: () => fileInput.current?.click(),
      onSave: () => {
        const doc = currentDoc();
        downloadBlob(serialize(doc), fileNameFromTitle(doc.meta.title, ".powermap.json"), "application/json");
      },
      onExportImage: async (kind: "png" | "svg") => {
        const sigma = editor.current?.getSigma();
        if (!sigma) return notify("error", "No canvas to export (WebGL is not available in this browser).");
        const name = fileNameFromTitle(currentDoc().meta.title, `.${kind}`);
        try {
          if (kind === "png") downloadBlob(await exportPng(sigma, { background: "#ffffff" }), name);
          else downloadBlob(exportSvg(sigma, { background: "#ffffff" }), name, "image/svg+xml");
        } catch (e) {
          notify("error", `Export failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      },
      onExportFormat: (f: FormatInfo) => {
        const doc = currentDoc();
        try {
          const out = exportWith(doc, f.id);
          if (typeof out === "string") downloadBlob(out, fileNameFromTitle(doc.meta.title, f.extension));
          else for (const [name, content] of Object.entries(out)) downloadBlob(content, name);
        } catch (e) {
          notify("error", `Export to ${f.label} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      },
    }),
    [currentDoc, notify],
  );

  // `?debug` exposes the editor handle as window.powermapEditor (used by the browser tests to find
  // where an actor is drawn; everything else they do goes through the UI).
  useEffect(() => {
    if (!new URLSearchParams(window.location.search).has("debug")) return;
    const w = window as unknown as { powermapEditor?: PowerMapEditorHandle | null };
    w.powermapEditor = editor.current;
    return () => {
      w.powermapEditor = null;
    };
  }, []);

  // Ctrl/Cmd+S saves, Ctrl/Cmd+O opens (the browser's own dialogs would be useless here).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === "s") {
        e.preventDefault();
        actions.onSave();
      } else if (k === "o") {
        e.preventDefault();
        actions.onOpen();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions]);

  const toolbar = useMemo(() => <FileMenu formats={formats} {...actions} />, [formats, actions]);
  const accept = useMemo(() => importExtensions().join(","), []);

  return (
    <div className="pme-app">
      <header className="pme-header">
        <h1 className="pme-brand">powermap</h1>
        <span className="pme-tagline">who holds power over your issue, and how to reach them</span>
        <span className="pme-savestate" aria-live="polite">
          {saveState}
        </span>
      </header>
      <Notices notices={notices} onDismiss={(id) => setNotices((n) => n.filter((x) => x.id !== id))} />
      <PowerMapEditor ref={editor} className="pme-editor" initialDocument={start.doc} initialDocumentValidated={start.validated} onMapChange={onMapChange} toolbar={toolbar} />
      <input
        ref={fileInput}
        type="file"
        accept={accept}
        hidden
        aria-label="Open a map file"
        data-testid="open-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) void openFile(f);
        }}
      />
      {dragging && (
        <div className="pme-dropzone" aria-hidden="true">
          Drop a map file to open it
        </div>
      )}
      <IssuesDialog report={issues} onClose={() => setIssues(null)} />
    </div>
  );
}
