import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, serialize } from "../../src/io/index.ts";
import type { PowerMapDocument } from "../../src/schema/index.ts";
import { documentArb, reverseKeys } from "./arbitraries.ts";

describe("serialize", () => {
  it("writes known fields in schema order, unknown and record keys sorted, 2-space indent, final newline", () => {
    const doc = {
      zeta: 1,
      relationships: [{ notes: "n", to: "b", from: "a", kind: "donation", id: "r", amount: 5, zz: true, aa: false }],
      actors: [
        { position: { y: 2, x: 1 }, kind: "person", name: "A", id: "a", custom: { b: 1, a: 2 }, sources: [{ title: "T", url: "https://x.example/" }] },
        { name: "B", id: "b", kind: "union", extra: { y: 1, x: [{ d: 1, c: 2 }] } },
      ],
      meta: { updated: "2026", title: "M" },
      version: 1,
      format: "powermap",
      alpha: 2,
    } as unknown as PowerMapDocument;
    const expected = `{
  "format": "powermap",
  "version": 1,
  "meta": {
    "title": "M",
    "updated": "2026"
  },
  "actors": [
    {
      "id": "a",
      "name": "A",
      "kind": "person",
      "custom": {
        "a": 2,
        "b": 1
      },
      "sources": [
        {
          "url": "https://x.example/",
          "title": "T"
        }
      ],
      "position": {
        "x": 1,
        "y": 2
      }
    },
    {
      "id": "b",
      "name": "B",
      "kind": "union",
      "extra": {
        "x": [
          {
            "c": 2,
            "d": 1
          }
        ],
        "y": 1
      }
    }
  ],
  "relationships": [
    {
      "id": "r",
      "from": "a",
      "to": "b",
      "kind": "donation",
      "amount": 5,
      "notes": "n",
      "aa": false,
      "zz": true
    }
  ],
  "alpha": 2,
  "zeta": 1
}
`;
    expect(serialize(doc)).toBe(expected);
  });

  it("round trips generated maps losslessly and byte-stably (property)", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const text = serialize(doc);
        const back = parse(text);
        if (!back.ok) throw new Error(JSON.stringify(back.issues, null, 1));
        expect(back.document).toEqual(doc);
        expect(serialize(back.document)).toBe(text); // idempotent
        expect(serialize(reverseKeys(doc))).toBe(text); // key order of the input does not matter
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("equal maps built in different orders serialize identically", () => {
    const a = { format: "powermap", version: 1, meta: {}, actors: [{ id: "x", name: "X", kind: "other", externalIds: { wikidata: "Q1", littlesis: "2" } }], relationships: [] } as PowerMapDocument;
    const b = { relationships: [], actors: [{ externalIds: { littlesis: "2", wikidata: "Q1" }, kind: "other", name: "X", id: "x" }], meta: {}, version: 1, format: "powermap" } as PowerMapDocument;
    expect(serialize(b)).toBe(serialize(a));
  });
});
