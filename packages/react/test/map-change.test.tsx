import { createRef } from "react";
import { act, render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { schoolBoardExample, type PowerMap } from "@powermap/core";
import { PowerMapEditor, type PowerMapEditorHandle } from "../src/PowerMapEditor.tsx";

describe("onMapChange", () => {
  it("hands over the live map once per tick, without building a document", async () => {
    const ref = createRef<PowerMapEditorHandle>();
    const onMapChange = vi.fn<(map: PowerMap) => void>();
    render(<PowerMapEditor ref={ref} initialDocument={schoolBoardExample()} analysisPanels={false} onMapChange={onMapChange} />);
    const map = ref.current!.getMap();
    const toDocument = vi.spyOn(map, "toDocument");
    act(() => {
      map.updateActor("union-local", { stance: 1 });
      map.updateActor("school-board", { stance: -1 });
    });
    await act(async () => {});
    expect(onMapChange).toHaveBeenCalledTimes(1);
    expect(onMapChange.mock.calls[0]![0]).toBe(map);
    expect(toDocument).not.toHaveBeenCalled();
    act(() => map.undo());
    await act(async () => {});
    expect(onMapChange).toHaveBeenCalledTimes(2);
  });
});
