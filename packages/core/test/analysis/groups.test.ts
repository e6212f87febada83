import { describe, expect, it } from "vitest";
import { currentFilter, datePeriod, isCurrent } from "../../src/analysis/current.ts";
import { resolveGroup } from "../../src/analysis/groups.ts";
import { influencersOf } from "../../src/analysis/influence.ts";
import { AmbiguousNameError, NotFoundError, UsageError } from "../../src/errors.ts";
import type { Relationship } from "../../src/schema/relationship.ts";
import { build } from "./build.ts";

const rel = (r: Partial<Relationship>): Relationship => ({ id: "r", from: "a", to: "b", kind: "position", ...r });

describe("as of", () => {
  it("expands partial dates to the days they cover", () => {
    expect(datePeriod("2024")).toEqual({ first: 20240101, last: 20241231 });
    expect(datePeriod("2024-02")).toEqual({ first: 20240201, last: 20240231 });
    expect(datePeriod("2024-02-29")).toEqual({ first: 20240229, last: 20240229 });
    expect(datePeriod("24")).toBeUndefined();
  });

  it("counts a relationship whose period overlaps the asOf period", () => {
    const term = rel({ startDate: "2020-01", endDate: "2024" });
    expect(isCurrent(term, "2024-06-01")).toBe(true); // ended some time in 2024: benefit of the doubt
    expect(isCurrent(term, "2025-01-01")).toBe(false);
    expect(isCurrent(term, "2019-12-31")).toBe(false);
    expect(isCurrent(term, "2019")).toBe(false);
    expect(isCurrent(term, "2020")).toBe(true);
    expect(isCurrent(term, new Date(Date.UTC(2022, 5, 1)))).toBe(true);
    expect(isCurrent(rel({ date: "2023-05" }), "2023-04")).toBe(false); // a donation made later
    expect(isCurrent(rel({ date: "2023-05" }), "2023-05-20")).toBe(true);
    expect(isCurrent(rel({ current: false }), "2023")).toBe(false); // ended at an unknown time
    expect(isCurrent(rel({ current: false, endDate: "2023-03" }), "2023-02")).toBe(true);
  });

  it("by default counts what has not ended", () => {
    expect(isCurrent(rel({}))).toBe(true);
    expect(isCurrent(rel({ endDate: "2001" }))).toBe(false);
    expect(isCurrent(rel({ endDate: "2999" }))).toBe(true);
    expect(isCurrent(rel({ current: false }))).toBe(false);
    expect(isCurrent(rel({ startDate: "2999" }))).toBe(true); // start dates are ignored without asOf
  });

  it("rejects malformed dates", () => {
    expect(() => currentFilter("June 2024", "influencersOf")).toThrow(UsageError);
    expect(() => currentFilter("June 2024", "influencersOf")).toThrow(/^influencersOf: asOf must be/);
    expect(() => currentFilter(new Date("nope"))).toThrow(UsageError);
    expect(currentFilter("2024-06-01T10:00:00Z")(rel({ endDate: "2024-06-01" }))).toBe(true);
  });
});

// A school board: two current members, one whose term ended in 2022, a board employee, a staffer.
const board = () =>
  build(
    [
      { id: "school-board", name: "Riverton School Board", kind: "government_body", aliases: ["the board"] },
      { id: "dana", name: "Dana Ortiz" },
      { id: "lee", name: "Lee Park" },
      { id: "old", name: "Former Member" },
      { id: "sec", name: "Board Secretary" },
      { id: "staff", name: "Staffer" },
      { id: "donor", name: "Big Donor" },
    ],
    [
      { from: "dana", to: "school-board", kind: "position", title: "President", isBoard: true, startDate: "2021" },
      { from: "lee", to: "school-board", kind: "position", startDate: "2023-01" },
      { from: "old", to: "school-board", kind: "position", startDate: "2018", endDate: "2022-12" },
      { from: "sec", to: "school-board", kind: "employment", isBoard: true },
      { from: "staff", to: "school-board", kind: "employment" },
      { from: "donor", to: "old", kind: "donation", strength: 5 },
      { from: "donor", to: "dana", kind: "donation", strength: 5, endDate: "2021-12" },
    ],
  );

describe("resolveGroup", () => {
  it("is the body plus its current position holders", () => {
    const g = resolveGroup(board(), "the board");
    expect(g.ids).toEqual(["school-board", "dana", "lee", "sec"]);
    expect(g.anchors).toEqual([{ id: "school-board", name: "Riverton School Board" }]);
    expect(g.members.find((m) => m.id === "dana")).toMatchObject({ body: "school-board", relationship: "r1" });
  });

  it("follows terms as of a date", () => {
    expect(resolveGroup(board(), "school-board", { asOf: "2020-06" }).ids).toEqual(["school-board", "old", "sec"]); // dana starts 2021
    expect(resolveGroup(board(), "school-board", { asOf: "2022" }).ids).toEqual(["school-board", "dana", "old", "sec"]);
    expect(resolveGroup(board(), "school-board", { asOf: "2023-02" }).ids).toEqual(["school-board", "dana", "lee", "sec"]);
  });

  it("resolves a person to itself, lists and case-insensitive names", () => {
    expect(resolveGroup(board(), "  dana ortiz ").ids).toEqual(["dana"]);
    expect(resolveGroup(board(), ["dana", "Lee Park", "dana"]).ids).toEqual(["dana", "lee"]);
    expect(resolveGroup(board(), "school-board", { expand: false }).ids).toEqual(["school-board"]);
  });

  it("reports unknown and ambiguous names", () => {
    const g = build([{ id: "a", name: "Pat Smith" }, { id: "b", name: "P. Smith", aliases: ["pat smith"] }], []);
    expect(() => resolveGroup(g, "Nobody")).toThrow(NotFoundError);
    expect(() => resolveGroup(g, "Nobody")).toThrow(/^resolveGroup: unknown actor "Nobody"/);
    expect(() => resolveGroup(g, "PAT SMITH")).toThrow(AmbiguousNameError);
    try {
      resolveGroup(g, "pat smith");
    } catch (e) {
      expect((e as AmbiguousNameError).candidates).toEqual([{ id: "a", name: "Pat Smith" }, { id: "b", name: "P. Smith" }]);
    }
    expect(() => resolveGroup(g, [])).toThrow(UsageError);
  });
});

describe("names that are not typed in full", () => {
  const g = build(
    [
      { id: "sb", name: "Riverton Unified School Board" },
      { id: "sd", name: "Riverton Unified School District" },
      { id: "cc", name: "Riverton City Council" },
    ],
    [],
  );
  it("finds the one actor whose name has every word (word starts, a leading 'the' dropped)", () => {
    expect(resolveGroup(g, "school board").ids).toEqual(["sb"]);
    expect(resolveGroup(g, "The City Counc").ids).toEqual(["cc"]);
  });
  it("never guesses between several: ambiguous, with the candidates", () => {
    try {
      resolveGroup(g, "riverton school");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AmbiguousNameError);
      expect((e as AmbiguousNameError).candidates.map((c) => c.id)).toEqual(["sb", "sd"]);
    }
    expect(() => resolveGroup(g, "school bored")).toThrow(NotFoundError);
  });
});

describe("influence as of a date", () => {
  it("an ended board term no longer carries influence", () => {
    // Today: old's term ended (2022-12) and donor's gift to dana ended (2021-12): donor reaches nobody.
    const now = influencersOf(board(), "school-board");
    expect(now.find((r) => r.id === "donor")).toBeUndefined();
    expect(now.find((r) => r.id === "old")).toBeUndefined();
    // As of 2021-06 old and dana are both members (not ranked) and both gifts count. Ties into each
    // weigh: donation 0.8 + the board seat walked back (position 0.9 · 3/5 = 0.54) = 1.34, so donor
    // holds a share 0.8 / 1.34 of each member.
    const then = influencersOf(board(), "school-board", { asOf: "2021-06" });
    expect(then.find((r) => r.id === "old")).toBeUndefined();
    expect(then.find((r) => r.id === "donor")?.score).toBeCloseTo(1.6 / 1.34, 12);
    // As of 2020: dana is not on the board yet (her seat starts 2021) and has no other way in.
    expect(influencersOf(board(), "school-board", { asOf: "2020" }).find((r) => r.id === "donor")?.score).toBeCloseTo(0.8 / 1.34, 12);
  });
});
