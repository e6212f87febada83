import { describe, expect, it } from "vitest";
import { ActionRegistry } from "../src/actions/registry.ts";
import { formatShortcut, matchShortcut } from "../src/actions/shortcuts.ts";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("matchShortcut", () => {
  it("Mod means Ctrl or Cmd", () => {
    expect(matchShortcut("Mod+Z", key("z", { ctrlKey: true }))).toBe(true);
    expect(matchShortcut("Mod+Z", key("z", { metaKey: true }))).toBe(true);
    expect(matchShortcut("Mod+Z", key("z"))).toBe(false);
  });
  it("requires exact modifiers: Mod+Z is not Mod+Shift+Z", () => {
    expect(matchShortcut("Mod+Z", key("Z", { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchShortcut("Mod+Shift+Z", key("Z", { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchShortcut("Ctrl+Y", key("y", { metaKey: true }))).toBe(false);
  });
  it("plain keys match without modifiers only", () => {
    expect(matchShortcut("Delete", key("Delete"))).toBe(true);
    expect(matchShortcut("N", key("n", { ctrlKey: true }))).toBe(false);
  });
  it("formats for the platform", () => {
    expect(formatShortcut("Mod+Shift+Z", false)).toBe("Ctrl+Shift+Z");
    expect(formatShortcut("Mod+Shift+Z", true)).toBe("⌘⇧Z");
  });
});

describe("ActionRegistry", () => {
  type Ctx = { count: number; canRun: boolean };
  const make = () =>
    new ActionRegistry<Ctx>([
      { id: "inc", label: "Increment", shortcuts: ["Mod+I"], mutates: true, enabled: (c) => c.canRun, perform: (c) => void c.count++ },
      { id: "look", label: "Look", shortcuts: ["L"], perform: () => {} },
    ]);

  it("finds actions by shortcut and performs enabled ones", () => {
    const r = make();
    const ctx = { count: 0, canRun: true };
    expect(r.forKey(key("i", { ctrlKey: true }))?.id).toBe("inc");
    expect(r.forKey(key("x"))).toBeUndefined();
    expect(r.perform("inc", ctx)).toBe(true);
    expect(ctx.count).toBe(1);
  });

  it("does not run disabled actions, nor mutating ones when read-only", () => {
    const r = make();
    const ctx = { count: 0, canRun: false };
    expect(r.perform("inc", ctx)).toBe(false);
    ctx.canRun = true;
    expect(r.perform("inc", ctx, true)).toBe(false);
    expect(r.isEnabled("look", ctx, true)).toBe(true);
    expect(ctx.count).toBe(0);
  });

  it("rejects duplicate ids and unregisters", () => {
    const r = make();
    expect(() => r.register({ id: "inc", label: "x", perform: () => {} })).toThrow(/already exists/);
    const off = r.register({ id: "new", label: "New", perform: () => {} });
    expect(r.get("new")).toBeDefined();
    off();
    expect(r.get("new")).toBeUndefined();
  });
});
