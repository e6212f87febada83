/** Popover that asks which kind of relationship to create after a connect drag. */
import { useLayoutEffect, useRef } from "react";
import { RELATIONSHIP_KINDS, RELATIONSHIP_KIND_INFO } from "@powermap/core";
import { useEditor } from "../context.ts";
import { useUi } from "../hooks/useUi.ts";
import { connect } from "../map/commands.ts";
import * as P from "../state/producers.ts";
import { RELATIONSHIP_COLORS } from "./colors.ts";

export function KindPicker() {
  const { map, ui } = useEditor();
  const pending = useUi((s) => s.pendingConnection);
  const first = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // Keep the popover inside the canvas (near an edge it opens up/left), then focus its first kind
  // without scrolling the canvas wrapper.
  useLayoutEffect(() => {
    const el = box.current;
    const parent = el?.offsetParent as HTMLElement | null;
    if (!el || !parent || !pending) return;
    const left = Math.max(4, Math.min(pending.x + 8, parent.clientWidth - el.offsetWidth - 4));
    const top = Math.max(4, Math.min(pending.y + 8, parent.clientHeight - el.offsetHeight - 4));
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
    first.current?.focus({ preventScroll: true });
  }, [pending]);
  if (!pending || !map.graph.hasNode(pending.from) || !map.graph.hasNode(pending.to)) return null;
  const name = (id: string) => map.graph.getNodeAttribute(id, "name");
  const choose = (kind: (typeof RELATIONSHIP_KINDS)[number]) => {
    const id = connect(map, pending.from, pending.to, kind);
    ui.update(P.closeConnection);
    ui.update(P.selectOnly({ relationships: [id] }));
    ui.update(P.setStatus(`Connected ${name(pending.from)} → ${name(pending.to)} (${RELATIONSHIP_KIND_INFO[kind].label})`));
  };
  return (
    <div
      className="pm-popover pm-kind-picker"
      role="dialog"
      aria-label={`Relationship from ${name(pending.from)} to ${name(pending.to)}`}
      data-testid="kind-picker"
      ref={box}
      style={{ left: pending.x + 8, top: pending.y + 8 }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          ui.update(P.closeConnection);
        }
      }}
    >
      <div className="pm-popover-title">
        {name(pending.from)} → {name(pending.to)}
      </div>
      <ul className="pm-kind-list">
        {RELATIONSHIP_KINDS.map((k, i) => (
          <li key={k}>
            <button type="button" ref={i === 0 ? first : undefined} data-testid={`kind-option-${k}`} className="pm-kind-option" onClick={() => choose(k)}>
              <span className="pm-swatch" style={{ background: RELATIONSHIP_COLORS[k] }} aria-hidden="true" />
              {RELATIONSHIP_KIND_INFO[k].label}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="pm-btn pm-btn-small" data-testid="kind-cancel" onClick={() => ui.update(P.closeConnection)}>
        Cancel
      </button>
    </div>
  );
}
