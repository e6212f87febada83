/**
 * The action registry: each user action is defined once (label, shortcuts, perform) and used by the
 * toolbar, the keyboard handler and tests (excalidraw-style `register`).
 */
import { matchShortcut, type KeyLike } from "./shortcuts.ts";

export interface Action<C> {
  id: string;
  label: string;
  /** Shortcuts, e.g. ["Mod+Shift+Z", "Ctrl+Y"]; the first one is shown in tooltips. */
  shortcuts?: readonly string[];
  /** Changes the document: disabled in read-only editors. */
  mutates?: boolean;
  enabled?(ctx: C): boolean;
  perform(ctx: C): void;
}

export class ActionRegistry<C> {
  private readonly actions = new Map<string, Action<C>>();

  constructor(actions: readonly Action<C>[] = []) {
    for (const a of actions) this.register(a);
  }

  register(action: Action<C>): () => void {
    if (this.actions.has(action.id)) throw new Error(`ActionRegistry.register: action "${action.id}" already exists`);
    this.actions.set(action.id, action);
    return () => void this.actions.delete(action.id);
  }

  get(id: string): Action<C> | undefined {
    return this.actions.get(id);
  }

  list(): Action<C>[] {
    return [...this.actions.values()];
  }

  isEnabled(id: string, ctx: C, readOnly = false): boolean {
    const a = this.actions.get(id);
    if (!a || (readOnly && a.mutates)) return false;
    return a.enabled ? a.enabled(ctx) : true;
  }

  /** Runs the action if it is enabled; returns whether it ran. */
  perform(id: string, ctx: C, readOnly = false): boolean {
    if (!this.isEnabled(id, ctx, readOnly)) return false;
    this.actions.get(id)!.perform(ctx);
    return true;
  }

  /** The action whose shortcut matches the key event, if any. */
  forKey(e: KeyLike): Action<C> | undefined {
    for (const a of this.actions.values()) if (a.shortcuts?.some((s) => matchShortcut(s, e))) return a;
    return undefined;
  }
}
