/**
 * The File menu, rendered in the editor's toolbar slot: new, open (picker), save, export (PNG, SVG
 * and every format core can export). It only raises intents; the app does the work.
 */
import { useEffect, useRef, useState } from "react";
import type { FormatInfo } from "../files/formats.ts";

export interface FileMenuProps {
  formats: FormatInfo[];
  onNew(): void;
  onOpen(): void;
  onSave(): void;
  onExportImage(kind: "png" | "svg"): void;
  onExportFormat(format: FormatInfo): void;
}

export function FileMenu({ formats, onNew, onOpen, onSave, onExportImage, onExportFormat }: FileMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", esc);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", esc);
    };
  }, [open]);
  const item = (label: string, run: () => void, hint?: string) => (
    <button
      type="button"
      role="menuitem"
      onClick={() => {
        setOpen(false);
        run();
      }}
    >
      <span>{label}</span>
      {hint && <kbd>{hint}</kbd>}
    </button>
  );
  const exportable = formats.filter((f) => f.canExport);
  return (
    <div className="pme-filemenu" ref={root}>
      <button type="button" className="pme-menubutton" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        File ▾
      </button>
      {open && (
        <div role="menu" aria-label="File" className="pme-menu">
          {item("New map", onNew)}
          {item("Open…", onOpen, "Ctrl+O")}
          {item("Save", onSave, "Ctrl+S")}
          <hr />
          {item("Export as PNG", () => onExportImage("png"))}
          {item("Export as SVG", () => onExportImage("svg"))}
          {exportable.map((f) => (
            <button
              key={f.id}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                onExportFormat(f);
              }}
            >
              Export as {f.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
