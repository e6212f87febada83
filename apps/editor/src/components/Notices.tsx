/** Dismissable notices under the header (autosave restored or unreadable, import summaries …). */
export interface Notice {
  id: number;
  kind: "info" | "warning" | "error";
  text: string;
}

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: number): void }) {
  if (notices.length === 0) return null;
  return (
    <div className="pme-notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`pme-notice pme-${n.kind}`} role={n.kind === "error" ? "alert" : "status"}>
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
