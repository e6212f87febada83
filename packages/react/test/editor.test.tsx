import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { schoolBoardExample } from "@powermap/core";
import { renderEditor } from "./helpers.tsx";

afterEach(cleanup);

describe("PowerMapEditor (jsdom, no WebGL)", () => {
  it("renders a placeholder instead of the canvas, and the rest of the editor", () => {
    const { api } = renderEditor();
    expect(screen.getByTestId("canvas-placeholder").textContent).toMatch(/WebGL/);
    expect(screen.getByTestId("inspector-empty")).toBeTruthy();
    expect(api.getSigma()).toBeNull();
    expect(api.getDocument().actors.length).toBe(schoolBoardExample().actors.length);
  });

  it("takes the initial document once: getDocument returns the same records", () => {
    const doc = schoolBoardExample();
    const { api } = renderEditor(doc);
    expect(api.getDocument().actors.map((a) => a.id)).toEqual(doc.actors.map((a) => a.id));
    expect(api.getDocument().relationships.length).toBe(doc.relationships.length);
  });

  it("toolbar Add actor creates, selects and focuses the new actor's name; undo removes it", async () => {
    const { map } = renderEditor();
    const before = map.graph.order;
    fireEvent.click(screen.getByTestId("toolbar-add-actor"));
    expect(map.graph.order).toBe(before + 1);
    const name = screen.getByTestId("actor-name") as HTMLInputElement;
    expect(name.value).toBe("New actor");
    expect(document.activeElement).toBe(name);
    fireEvent.click(screen.getByTestId("toolbar-undo"));
    expect(map.graph.order).toBe(before);
    fireEvent.click(screen.getByTestId("toolbar-redo"));
    expect(map.graph.order).toBe(before + 1);
  });

  it("keyboard: Delete removes the selection, Ctrl+Z and Ctrl+Shift+Z undo and redo", () => {
    const { api, map, container } = renderEditor();
    const root = container.querySelector(".pm-layout")!;
    act(() => api.select(["board-president"]));
    const degree = map.graph.degree("board-president");
    expect(degree).toBeGreaterThan(0);
    fireEvent.keyDown(root, { key: "Delete" });
    expect(map.graph.hasNode("board-president")).toBe(false);
    fireEvent.keyDown(root, { key: "z", ctrlKey: true });
    expect(map.graph.hasNode("board-president")).toBe(true);
    expect(map.graph.degree("board-president")).toBe(degree); // relationships restored too
    fireEvent.keyDown(root, { key: "Z", ctrlKey: true, shiftKey: true });
    expect(map.graph.hasNode("board-president")).toBe(false);
    fireEvent.keyDown(root, { key: "y", ctrlKey: true });
    expect(map.graph.hasNode("board-president")).toBe(false); // nothing left to redo
  });

  it("keys typed in a text field are not shortcuts", () => {
    const { api, map } = renderEditor();
    act(() => api.select(["union-local"]));
    fireEvent.keyDown(screen.getByTestId("actor-name"), { key: "Delete" });
    expect(map.graph.hasNode("union-local")).toBe(true);
  });

  it("copy/paste duplicates actors with the relationships among them, under new ids, as one undo step", () => {
    const { api, map, container } = renderEditor();
    const root = container.querySelector(".pm-layout")!;
    const ids = ["board-president", "school-board"];
    const between = map.graph.edges("board-president", "school-board").length;
    expect(between).toBeGreaterThan(0);
    act(() => api.select(ids));
    fireEvent.keyDown(root, { key: "c", ctrlKey: true });
    const order = map.graph.order;
    fireEvent.keyDown(root, { key: "v", metaKey: true });
    expect(map.graph.order).toBe(order + 2);
    expect(map.graph.hasNode("board-president-copy")).toBe(true);
    expect(map.graph.edges("board-president-copy", "school-board-copy").length).toBe(between);
    const p = map.graph.getNodeAttribute("board-president", "position")!;
    const q = map.graph.getNodeAttribute("board-president-copy", "position")!;
    expect(q.x).not.toBe(p.x);
    fireEvent.keyDown(root, { key: "z", ctrlKey: true });
    expect(map.graph.order).toBe(order);
  });

  it("loadDocument replaces the map as one undo step; onChange reports documents", async () => {
    const onChange = vi.fn();
    const { api, map } = renderEditor(undefined, { onChange });
    const small = { format: "powermap" as const, version: 1 as const, meta: { title: "Small" }, actors: [{ id: "x", name: "X", kind: "person" as const }], relationships: [] };
    act(() => api.loadDocument(small));
    expect(map.graph.order).toBe(1);
    await act(async () => {});
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][0].actors).toHaveLength(1);
    act(() => api.undo());
    expect(map.graph.hasNode("union-local")).toBe(true);
  });

  it("runQuery delegates to a registered query and explains a missing one", () => {
    const { api } = renderEditor();
    const ctl = api.getController();
    const off = ctl.registerQuery("influence", (p) => `ran with ${String(p.target)}`);
    expect(api.runQuery("influence", { target: "school-board" })).toBe("ran with school-board");
    off();
    expect(() => api.runQuery("influence")).toThrow(/no query panel registered as "influence"/);
  });

  it("read-only hides editing controls and ignores mutating shortcuts", () => {
    const { api, map, container } = renderEditor(undefined, { readOnly: true });
    expect(screen.queryByTestId("toolbar-add-actor")).toBeNull();
    act(() => api.select(["union-local"]));
    fireEvent.keyDown(container.querySelector(".pm-layout")!, { key: "Delete" });
    expect(map.graph.hasNode("union-local")).toBe(true);
    expect((screen.getByTestId("actor-name") as HTMLInputElement).readOnly).toBe(true);
  });

  it("the actor's relationships are listed; clicking one selects it", () => {
    const { api, map } = renderEditor();
    act(() => api.select(["board-president"]));
    const list = screen.getByTestId("actor-relationships");
    const first = map.graph.edges("board-president")[0];
    fireEvent.click(within(list).getByTestId(`actor-rel-${first}`));
    expect(screen.getByTestId("relationship-form")).toBeTruthy();
    expect(api.getController().ui.get().selection.relationships).toEqual([first]);
  });
});
