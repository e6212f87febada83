import { useSyncExternalStore } from "react";
import { useEditor } from "../context.ts";
import type { UiState } from "../state/ui-state.ts";

/** Selects a slice of the UI state; the selector must return a stable value (no new objects). */
export function useUi<T>(selector: (s: UiState) => T): T {
  const { ui } = useEditor();
  return useSyncExternalStore(ui.subscribe, () => selector(ui.get()), () => selector(ui.get()));
}
