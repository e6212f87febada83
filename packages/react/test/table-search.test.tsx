import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { renderEditor } from "./helpers.tsx";

afterEach(cleanup);

const openTable = () => fireEvent.click(screen.getByTestId("view-table"));
const commit = (el: HTMLElement, value: string) => {
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
};

// jsdom is slow on a 50-row table full of selects: give these tests more time.
describe("TableView", { timeout: 30_000 }, () => {
  it("lists every actor, sortable by name both ways", () => {
    const { map } = renderEditor();
    openTable();
    const table = screen.getByTestId("actors-table");
    const names = () => [...table.querySelectorAll<HTMLInputElement>('input[data-testid$="-name"]')].map((el) => el.value);
    const expected = map.graph.mapNodes((_id, a) => a.name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    expect(names()).toEqual(expected.slice(0, 50));
    fireEvent.click(screen.getByTestId("actors-table-sort-name"));
    expect(names()).toEqual([...expected].reverse().slice(0, 50));
    expect(screen.getByTestId("actors-table-sort-name").closest("th")!.getAttribute("aria-sort")).toBe("descending");
  });

  it("sorts by power numerically", () => {
    const { map } = renderEditor();
    openTable();
    fireEvent.click(screen.getByTestId("actors-table-sort-power"));
    fireEvent.click(screen.getByTestId("actors-table-sort-power"));
    const powers = [...screen.getByTestId("actors-table").querySelectorAll<HTMLSelectElement>('select[data-testid$="-power"]')].map((el) => Number(el.value || 0));
    expect(powers[0]).toBe(Math.max(...map.graph.mapNodes((_i, a) => a.power ?? 0)));
    expect(powers).toEqual([...powers].sort((a, b) => b - a));
  });

  it("edits cells through validated commands: a bad role is refused with the schema message", () => {
    const { map } = renderEditor();
    openTable();
    const cell = screen.getByTestId("cell-mayor-roles");
    commit(cell, "power broker, kingmaker");
    expect(within(cell.closest("td")!).getByTestId("field-error").textContent).toMatch(/Invalid option/);
    expect(map.getActor("mayor")!.roles).toEqual(["power_broker", "target"]);
    commit(cell, "power broker, ally");
    expect(map.getActor("mayor")!.roles).toEqual(["power_broker", "ally"]);
    fireEvent.change(screen.getByTestId("cell-mayor-stance"), { target: { value: "2" } });
    expect(map.getActor("mayor")!.stance).toBe(2);
  });

  it("relationships table edits and adds relationships without the canvas", () => {
    const { map } = renderEditor();
    openTable();
    fireEvent.click(screen.getByTestId("table-tab-relationships"));
    const id = map.graph.edges().sort()[0]; // first row: the table starts sorted by id
    commit(screen.getByTestId(`cell-${id}-startDate`), "20-01");
    expect(within(screen.getByTestId(`cell-${id}-startDate`).closest("td")!).getByTestId("field-error").textContent).toBe("expected a date YYYY, YYYY-MM or YYYY-MM-DD");
    commit(screen.getByTestId(`cell-${id}-startDate`), "2019-09");
    expect(map.getRelationship(id)!.startDate).toBe("2019-09");
    const size = map.graph.size;
    fireEvent.change(screen.getByTestId("add-rel-from"), { target: { value: "member-nurse" } });
    fireEvent.change(screen.getByTestId("add-rel-kind"), { target: { value: "family" } });
    fireEvent.change(screen.getByTestId("add-rel-to"), { target: { value: "trustee-price" } });
    fireEvent.click(screen.getByTestId("add-rel-submit"));
    expect(map.graph.size).toBe(size + 1);
    expect(map.graph.edges("member-nurse", "trustee-price").some((e) => map.getRelationship(e)!.kind === "family")).toBe(true);
  });

  it("row filter narrows the rows; every control has a label", () => {
    renderEditor();
    openTable();
    fireEvent.change(screen.getByTestId("table-filter"), { target: { value: "harmon" } });
    const rows = within(screen.getByTestId("actors-table")).getAllByRole("row");
    expect(rows).toHaveLength(2); // header + Linda Harmon
    for (const el of screen.getByTestId("table-view").querySelectorAll("input, select, button")) {
      const labelled = el.getAttribute("aria-label") || el.textContent?.trim() || el.closest("label");
      expect(labelled, el.outerHTML).toBeTruthy();
    }
  });
});

describe("SearchBox", () => {
  it("autocompletes by name and alias (accent and case insensitive) and selects the chosen actor", () => {
    const { api } = renderEditor();
    const input = screen.getByTestId("search-input");
    fireEvent.change(input, { target: { value: "HARM" } });
    const list = screen.getByTestId("search-results");
    expect(within(list).getAllByRole("option")[0].textContent).toContain("Linda Harmon");
    fireEvent.click(screen.getByTestId("search-result-board-president"));
    expect(api.getController().ui.get().selection.actors).toEqual(["board-president"]);
    expect(screen.getByTestId("actor-form")).toBeTruthy();
  });

  it("keyboard: arrows move, Enter chooses; matches light up while open", () => {
    const { api } = renderEditor();
    const input = screen.getByTestId("search-input");
    fireEvent.change(input, { target: { value: "the school board" } }); // an alias
    expect(api.getController().ui.get().searchMatches?.has("school-board")).toBe(true);
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "ArrowUp" });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(api.getController().ui.get().selection.actors).toEqual(["school-board"]);
    expect(api.getController().ui.get().searchMatches).toBeNull();
  });

  it("says so when nothing matches", () => {
    renderEditor();
    fireEvent.change(screen.getByTestId("search-input"), { target: { value: "zzzz-nobody" } });
    expect(screen.getByTestId("search-results").textContent).toMatch(/No actor matches/);
  });
});

describe("FiltersPanel", () => {
  it("filters count what they hide; the as-of date is validated", () => {
    const { map } = renderEditor();
    fireEvent.click(screen.getByTestId("filter-kinds-person"));
    const people = map.graph.filterNodes((_id, a) => a.kind === "person").length;
    expect(screen.getByTestId("filter-summary").textContent).toMatch(new RegExp(`^${map.graph.order - people} actors`));
    commit(screen.getByTestId("filter-asof"), "last year");
    expect(screen.getByTestId("field-error").textContent).toMatch(/expected a date/);
    fireEvent.click(screen.getByTestId("filter-clear"));
    expect(screen.getByTestId("filter-summary").textContent).toBe("Showing everything");
  });
});
