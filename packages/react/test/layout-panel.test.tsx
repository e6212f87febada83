// The Layouts panel under jsdom (no Worker there: the FA2 engine runs in-process through the same
// protocol): the force layout shows its progress, Stop writes the positions as ONE undo step, and
// Cancel leaves the document as it was.
import { createRef } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { schoolBoardExample } from "@powermap/core";
import { PowerMapEditor, type PowerMapEditorHandle } from "../src/PowerMapEditor.tsx";

afterEach(cleanup);

function setup() {
  const ref = createRef<PowerMapEditorHandle>();
  render(<PowerMapEditor ref={ref} initialDocument={schoolBoardExample()} />);
  const map = ref.current!.getMap();
  const positions = () => JSON.stringify(map.toDocument().actors.map((a) => [a.id, a.position]));
  return { map, positions, panel: within(screen.getByRole("region", { name: "Layouts" })) };
}

describe("Layouts panel: force-directed", () => {
  it("shows progress, and Stop commits the positions as one undo step", async () => {
    const { map, positions, panel } = setup();
    const before = positions();
    const version = map.version;
    fireEvent.click(panel.getByRole("button", { name: "Force-directed" }));
    expect(panel.getByTestId("layout-progress").textContent).toMatch(/Preparing… 0 %$/); // the matrices come first
    await waitFor(() => expect(panel.getByTestId("layout-progress").textContent).toMatch(/[1-9]\d* iterations?, \d+ s left$/));
    fireEvent.click(panel.getByRole("button", { name: "Stop force layout" }));
    await waitFor(() => expect(panel.getByRole("button", { name: "Force-directed" })).toBeTruthy());
    expect(panel.queryByTestId("layout-progress")).toBeNull();
    expect(positions()).not.toBe(before);
    expect(map.version).toBe(version + 1);
    map.undo();
    expect(positions()).toBe(before);
  });

  it("Cancel while preparing ends the run at once: nothing moved, nothing written", async () => {
    const { map, positions, panel } = setup();
    const before = positions();
    const version = map.version;
    fireEvent.click(panel.getByRole("button", { name: "Force-directed" }));
    expect(panel.getByTestId("layout-progress").textContent).toMatch(/Preparing…/);
    fireEvent.click(panel.getByRole("button", { name: "Cancel force layout" }));
    expect(panel.getByRole("button", { name: "Force-directed" })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50)); // a slice or a worker would have run by now
    expect(panel.queryByTestId("layout-progress")).toBeNull();
    expect(map.version).toBe(version);
    expect(positions()).toBe(before);
  });

  it("Cancel writes nothing", async () => {
    const { map, positions, panel } = setup();
    const before = positions();
    const version = map.version;
    fireEvent.click(panel.getByRole("button", { name: "Force-directed" }));
    await waitFor(() => expect(panel.getByTestId("layout-progress").textContent).toMatch(/iterations?/));
    fireEvent.click(panel.getByRole("button", { name: "Cancel force layout" }));
    await waitFor(() => expect(panel.getByRole("button", { name: "Force-directed" })).toBeTruthy());
    expect(map.version).toBe(version);
    expect(positions()).toBe(before);
  });
});
