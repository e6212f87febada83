/**
 * An accessible autocomplete (ARIA combobox + listbox) to pick one actor by name or alias.
 * Controlled by `value` (an actor id or null); typing filters, Enter/click picks, Escape closes.
 */
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { PowerGraph } from "@powermap/core";
import { matchActors } from "./match-actors.ts";

export interface ActorPickerProps {
  graph: PowerGraph;
  /** Bump to recompute (the map's version). */
  version: number;
  label: string;
  value: string | null;
  onChange(id: string | null): void;
  placeholder?: string;
}

export function ActorPicker({ graph, version, label, value, onChange, placeholder }: ActorPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const current = value !== null && graph.hasNode(value) ? graph.getNodeAttributes(value).name : "";
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = text ?? current;
  // `version` is a dependency on purpose: the graph mutates in place.
  const options = useMemo(() => (open && text !== null && version >= 0 ? matchActors(graph, text) : []), [graph, version, text, open]);

  const pick = (i: number) => {
    const opt = options[i];
    if (!opt) return;
    onChange(opt.id);
    setText(null);
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(0, options.length - 1)));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === "Enter") {
      if (options.length > 0) {
        e.preventDefault();
        pick(active);
      }
    } else if (e.key === "Escape") {
      setText(null);
      setOpen(false);
    }
  };

  return (
    <div className="pma-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder ?? "Type a name…"}
        value={shown}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(e) => e.target.select()}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" className="pma-picker-list" aria-label={`${label} suggestions`}>
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "pma-active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(i);
              }}
            >
              {o.name}
              {o.alias !== undefined && <span className="pma-muted"> ({o.alias})</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
