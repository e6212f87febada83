/** Modal listing why a file could not be opened: each issue with its record and field. Text only. */
import { useEffect, useRef } from "react";
import type { Issue } from "@powermap/core";

export interface IssuesReport {
  title: string;
  intro: string;
  issues: Issue[];
}

/** At most this many issues are listed (the count says how many more). */
const SHOWN = 200;

function where(i: Issue): string {
  const rec = i.record ? `${i.record.collection}[${i.record.index}]${i.record.id !== undefined ? ` “${i.record.id}”` : ""}` : "";
  return [rec, i.field].filter(Boolean).join(" · ");
}

export function IssuesDialog({ report, onClose }: { report: IssuesReport | null; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (report && !d.open) d.showModal();
    if (!report && d.open) d.close();
  }, [report]);
  return (
    <dialog ref={ref} className="pme-dialog" aria-labelledby="pme-issues-title" onClose={onClose} onCancel={onClose}>
      {report && (
        <>
          <h2 id="pme-issues-title">{report.title}</h2>
          <p>{report.intro}</p>
          <ol className="pme-issues" aria-label="Problems found">
            {report.issues.slice(0, SHOWN).map((i, n) => (
              <li key={n} className={i.severity === "warning" ? "pme-warning" : undefined}>
                {where(i) && <span className="pme-where">{where(i)}</span>}
                <span>{i.message}</span>
              </li>
            ))}
          </ol>
          {report.issues.length > SHOWN && <p>…and {report.issues.length - SHOWN} more.</p>}
          <form method="dialog">
            <button type="submit" autoFocus>
              Close
            </button>
          </form>
        </>
      )}
    </dialog>
  );
}
