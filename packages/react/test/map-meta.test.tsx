import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { schoolBoardExample } from "@powermap/core";
import { renderEditor } from "./helpers.tsx";

afterEach(cleanup);

const commit = (el: HTMLElement, value: string) => {
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
};

describe("Inspector: the map's title and description", () => {
  it("shows them when nothing is selected and edits each as one undoable command", () => {
    const { api, map } = renderEditor();
    const title = screen.getByTestId("map-title") as HTMLInputElement;
    expect(title.value).toBe(schoolBoardExample().meta.title ?? "");
    const v = map.version;
    commit(title, "Riverton contract fight 2026");
    expect(map.meta.title).toBe("Riverton contract fight 2026");
    expect(map.version).toBe(v + 1);
    commit(screen.getByTestId("map-description"), "Who decides the new teacher contract, and who moves them.");
    expect(map.meta.description).toBe("Who decides the new teacher contract, and who moves them.");
    expect(api.getDocument().meta.title).toBe("Riverton contract fight 2026");

    act(() => api.undo());
    expect(map.meta.description).toBe(schoolBoardExample().meta.description);
    expect(map.meta.title).toBe("Riverton contract fight 2026");
    act(() => api.undo());
    expect(map.meta.title).toBe(schoolBoardExample().meta.title);
    expect((screen.getByTestId("map-title") as HTMLInputElement).value).toBe(schoolBoardExample().meta.title ?? "");
    act(() => api.redo());
    expect((screen.getByTestId("map-title") as HTMLInputElement).value).toBe("Riverton contract fight 2026");
  });

  it("an emptied title is removed; a title over the schema's limit is refused with its message", () => {
    const { map } = renderEditor();
    const title = screen.getByTestId("map-title");
    commit(title, "   ");
    expect(map.meta.title).toBeUndefined();
    const v = map.version;
    commit(title, "x".repeat(1001));
    expect(screen.getByTestId("field-error").textContent).toMatch(/1000|too big|at most/i);
    expect(map.version).toBe(v);
  });

  it("is hidden while something is selected and read-only in a read-only editor", () => {
    const { api } = renderEditor(schoolBoardExample(), { readOnly: true });
    expect((screen.getByTestId("map-title") as HTMLInputElement).readOnly).toBe(true);
    act(() => api.select(["union-local"]));
    expect(screen.queryByTestId("map-title")).toBeNull();
  });
});
