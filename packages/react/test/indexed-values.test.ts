import { describe, expect, it } from "vitest";
import { mulberry32 } from "@powermap/core";
import { metricRange } from "../src/sigma/display-graph.ts";
import { IndexedValues } from "../src/worker/indexed-values.ts";

describe("IndexedValues.range", () => {
  it("is the range a walk of the values gives (skipped numbers and absent values left out)", () => {
    const r = mulberry32(5);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(r() * 40);
      const index = new Map(Array.from({ length: n }, (_, v) => [`a${v}`, v] as const));
      const skip = trial % 2 === 0 ? -1 : undefined;
      const data = Float64Array.from({ length: n }, () => (r() < 0.2 ? -1 : r() < 0.1 ? Number.NaN : r() * 100 - 20));
      const values = new IndexedValues(index, data, skip);
      // The generic walk: a plain Map holding what the view says.
      expect(values.range()).toEqual(metricRange(new Map(values)));
      expect(metricRange(values)).toEqual(metricRange(new Map(values)));
      // An index over part of the numbers only (not one value per actor number).
      const part = new Map([...index].filter(([, v]) => v % 3 === 0));
      const some = new IndexedValues(part, data, skip);
      expect(some.range()).toEqual(metricRange(new Map(some)));
    }
    expect(new IndexedValues(new Map(), new Float64Array(0)).range()).toEqual([0, 0]);
  });
});
