/** Keyboard shortcuts written as "Mod+Shift+Z" ("Mod" = Ctrl, or Cmd on a Mac). */

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** True when the event matches the shortcut exactly (no extra modifier held). */
export function matchShortcut(shortcut: string, e: KeyLike): boolean {
  const parts = shortcut.split("+");
  const key = parts.pop()!.toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const wantMod = mods.has("mod");
  const wantCtrl = mods.has("ctrl") || (wantMod && !e.metaKey);
  const wantMeta = mods.has("meta") || (wantMod && e.metaKey);
  if (e.ctrlKey !== wantCtrl || e.metaKey !== wantMeta) return false;
  if (e.shiftKey !== mods.has("shift") || e.altKey !== mods.has("alt")) return false;
  return e.key.toLowerCase() === key;
}

/** Human form for tooltips: "Ctrl+Shift+Z" (or "⌘⇧Z" on a Mac). */
export function formatShortcut(shortcut: string, mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform)): string {
  if (!mac) return shortcut.replace(/\bMod\b/, "Ctrl");
  return shortcut
    .replace(/\bMod\+/, "⌘")
    .replace(/\bShift\+/, "⇧")
    .replace(/\bAlt\+/, "⌥")
    .replace(/\bCtrl\+/, "⌃");
}
