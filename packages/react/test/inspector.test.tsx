import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { renderEditor } from "./helpers.tsx";

afterEach(cleanup);

const commit = (el: HTMLElement, value: string) => {
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
};

describe("Inspector: actor", () => {
  it("an empty name shows the schema's message and never reaches the map", () => {
    const { api, map } = renderEditor();
    act(() => api.select(["union-local"]));
    const v = map.version;
    const name = screen.getByTestId("actor-name");
    commit(name, "   ");
    expect(screen.getByTestId("field-error").textContent).toBe("name must not be empty");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(map.version).toBe(v);
    expect(map.getActor("union-local")!.name).toBe("Riverton Education Association Local 12");
  });

  it("a valid edit is one command; Escape restores the stored value", () => {
    const { api, map } = renderEditor();
    act(() => api.select(["union-local"]));
    const name = screen.getByTestId("actor-name") as HTMLInputElement;
    commit(name, "REA Local 12 (renamed)");
    expect(map.getActor("union-local")!.name).toBe("REA Local 12 (renamed)");
    expect(map.undoLabel).toBeDefined();
    fireEvent.change(name, { target: { value: "draft" } });
    fireEvent.keyDown(name, { key: "Escape" });
    expect(name.value).toBe("REA Local 12 (renamed)");
    act(() => api.undo());
    expect((screen.getByTestId("actor-name") as HTMLInputElement).value).toBe("Riverton Education Association Local 12");
  });

  it("stance, power, kind, roles and tags write typed values; clearing removes the field", () => {
    const { api, map } = renderEditor();
    act(() => api.select(["trustee-price"]));
    expect(map.getActor("trustee-price")!.stance).toBeUndefined();
    fireEvent.change(screen.getByTestId("actor-stance"), { target: { value: "-1" } });
    expect(map.getActor("trustee-price")!.stance).toBe(-1);
    fireEvent.change(screen.getByTestId("actor-power"), { target: { value: "" } });
    expect("power" in map.getActor("trustee-price")!).toBe(false);
    fireEvent.change(screen.getByTestId("actor-kind"), { target: { value: "other" } });
    expect(map.getActor("trustee-price")!.kind).toBe("other");
    fireEvent.click(screen.getByTestId("actor-roles-ally"));
    expect(map.getActor("trustee-price")!.roles).toEqual(["target", "ally"]);
    commit(screen.getByTestId("actor-tags"), "board, swing-vote,  , family-tie");
    expect(map.getActor("trustee-price")!.tags).toEqual(["board", "swing-vote", "family-tie"]);
  });

  it("aliases are one per line (names may contain commas)", () => {
    const { api, map } = renderEditor();
    act(() => api.select(["mayor"]));
    commit(screen.getByTestId("actor-aliases"), "Mayor Donnelly\nDonnelly, Frank");
    expect(map.getActor("mayor")!.aliases).toEqual(["Mayor Donnelly", "Donnelly, Frank"]);
  });

  it("sources: a javascript: URL is refused with the schema message; an https one is added as a safe link", () => {
    const { api, map } = renderEditor();
    act(() => api.select(["trustee-price"]));
    const before = map.getActor("trustee-price")!.sources!.length;
    fireEvent.click(screen.getByTestId("source-add"));
    fireEvent.change(screen.getByTestId("source-new-url"), { target: { value: "javascript:alert(1)" } });
    fireEvent.click(screen.getByTestId("source-new-save"));
    expect(screen.getByTestId("field-error").textContent).toBe("expected an http:// or https:// URL");
    expect(map.getActor("trustee-price")!.sources!.length).toBe(before);
    fireEvent.change(screen.getByTestId("source-new-url"), { target: { value: "https://news.example.org/price" } });
    fireEvent.change(screen.getByTestId("source-new-title"), { target: { value: "Price profile" } });
    fireEvent.click(screen.getByTestId("source-new-save"));
    const sources = map.getActor("trustee-price")!.sources!;
    expect(sources.length).toBe(before + 1);
    expect(sources[before]).toEqual({ url: "https://news.example.org/price", title: "Price profile" });
    const link = within(screen.getByTestId(`source-${before}`)).getByRole("link");
    expect(link.getAttribute("href")).toBe("https://news.example.org/price");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("a source must keep a url or a title; remove deletes it", () => {
    const { api, map } = renderEditor();
    act(() => api.select(["trustee-price"]));
    const n = map.getActor("trustee-price")!.sources!.length;
    commit(screen.getByTestId("source-0-url"), "");
    // the example source has a title, so dropping the url is fine
    expect(map.getActor("trustee-price")!.sources![0].url).toBeUndefined();
    commit(screen.getByTestId("source-0-title"), "");
    expect(screen.getByTestId("field-error").textContent).toBe("a source needs a url or a title");
    fireEvent.click(screen.getByTestId("source-0-remove"));
    expect(map.getActor("trustee-price")!.sources?.length ?? 0).toBe(n - 1);
  });

  it("text is rendered as text, never as HTML", () => {
    const { api, container } = renderEditor();
    act(() => api.getMap().updateActor("union-local", { name: '<img src=x onerror="window.__pwned=1">' }));
    act(() => api.select(["union-local"]));
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByTestId("actor-form").getAttribute("aria-label")).toContain("<img");
  });

  it("custom fields and external ids: duplicates refused, values written", () => {
    const { api, map } = renderEditor();
    act(() => api.select(["mayor"]));
    const kv = screen.getByTestId("actor-externalIds");
    fireEvent.click(screen.getByTestId("actor-externalIds-add"));
    const name = within(kv).getByLabelText("External ids 1 name");
    const value = within(kv).getByLabelText("External ids 1 value");
    fireEvent.change(name, { target: { value: "wikidata" } });
    commit(value, "Q42");
    expect(map.getActor("mayor")!.externalIds).toEqual({ wikidata: "Q42" });
    fireEvent.click(screen.getByTestId("actor-externalIds-add"));
    fireEvent.change(within(kv).getByLabelText("External ids 2 name"), { target: { value: "wikidata" } });
    commit(within(kv).getByLabelText("External ids 2 value"), "Q43");
    expect(within(kv).getByTestId("field-error").textContent).toBe('"wikidata" appears twice');
    expect(map.getActor("mayor")!.externalIds).toEqual({ wikidata: "Q42" });
  });
});

describe("Inspector: relationship", () => {
  const relId = (map: ReturnType<typeof renderEditor>["map"], kind: string) => map.graph.findEdge((_e, r) => r.kind === kind)!;

  it("shows kind-specific fields and validates currency, amount and date order", () => {
    const { api, map } = renderEditor();
    const id = relId(map, "donation");
    act(() => api.select([id]));
    expect(screen.getByTestId("relationship-form")).toBeTruthy();
    commit(screen.getByTestId("rel-currency"), "dollars");
    expect(screen.getByTestId("field-error").textContent).toBe("expected an ISO 4217 currency code such as USD");
    commit(screen.getByTestId("rel-currency"), "eur");
    expect(map.getRelationship(id)!.currency).toBe("EUR");
    commit(screen.getByTestId("rel-amount"), "lots");
    expect(screen.getByTestId("field-error").textContent).toBe("expected a number");
    commit(screen.getByTestId("rel-amount"), "12,500");
    expect(map.getRelationship(id)!.amount).toBe(12500);
    commit(screen.getByTestId("rel-startDate"), "2024-02-30");
    expect(screen.getByTestId("field-error").textContent).toBe("not a real calendar date");
    commit(screen.getByTestId("rel-startDate"), "2024");
    commit(screen.getByTestId("rel-endDate"), "2023-06");
    expect(screen.getByTestId("field-error").textContent).toBe("end date is before the start date");
    expect(map.getRelationship(id)!.endDate).toBeUndefined();
  });

  it("changing from/to moves the relationship to other actors", () => {
    const { api, map } = renderEditor();
    const id = relId(map, "donation");
    act(() => api.select([id]));
    fireEvent.change(screen.getByTestId("rel-to"), { target: { value: "mayor" } });
    expect(map.getRelationship(id)!.to).toBe("mayor");
    expect(map.graph.target(id)).toBe("mayor");
  });

  it("tri-state booleans: Yes / No / Unknown", () => {
    const { api, map } = renderEditor();
    const id = relId(map, "position");
    act(() => api.select([id]));
    fireEvent.change(screen.getByTestId("rel-isBoard"), { target: { value: "true" } });
    expect(map.getRelationship(id)!.isBoard).toBe(true);
    fireEvent.change(screen.getByTestId("rel-isBoard"), { target: { value: "" } });
    expect("isBoard" in map.getRelationship(id)!).toBe(false);
  });
});
