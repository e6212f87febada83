import { describe, expect, it } from "vitest";
import { BIG_MAP_NODES } from "../src/sigma/big-map.ts";
import { repaintMovedNodes, type MoveSigma } from "../src/sigma/move-repaint.ts";

// A stand-in for sigma: records refresh requests; `indexed` lists what its buffers hold (a partial
// repaint of anything else throws, as sigma's "can't be repaint" does).
function fakeSigma(order: number, indexed = new Set(["a", "b", "e1", "e2"])) {
  const calls: unknown[] = [];
  const sigma = {
    refresh(opts?: { partialGraph?: { nodes?: string[]; edges?: string[] }; skipIndexation?: boolean }) {
      if (opts?.skipIndexation) for (const id of [...(opts.partialGraph?.nodes ?? []), ...(opts.partialGraph?.edges ?? [])]) if (!indexed.has(id)) throw new Error(`Sigma: node "${id}" can't be repaint`);
      calls.push(opts ?? null);
      return sigma;
    },
    getGraph: () => ({ order, size: 2, edges: (node: string) => (node === "a" ? ["e1", "e2"] : []) }),
  };
  return { sigma: sigma as unknown as MoveSigma, calls };
}

const nodeUpdate = (node: string) => ({ partialGraph: { nodes: [node] }, skipIndexation: false, schedule: true });

describe("repaintMovedNodes", () => {
  it("on a big map, repaints a changed node and its relationships in place instead of re-indexing", () => {
    const { sigma, calls } = fakeSigma(BIG_MAP_NODES);
    repaintMovedNodes(sigma);
    sigma.refresh(nodeUpdate("a"));
    expect(calls).toEqual([{ partialGraph: { nodes: ["a"], edges: ["e1", "e2"] }, skipIndexation: true, schedule: true }]);
  });

  it("keeps sigma's own request on small maps, for nodes not indexed yet, and for every other refresh", () => {
    const small = fakeSigma(BIG_MAP_NODES - 1);
    repaintMovedNodes(small.sigma);
    small.sigma.refresh(nodeUpdate("a"));
    expect(small.calls).toEqual([nodeUpdate("a")]);

    const big = fakeSigma(BIG_MAP_NODES);
    const off = repaintMovedNodes(big.sigma);
    big.sigma.refresh(nodeUpdate("new")); // added since the last process: the full pass
    big.sigma.refresh();
    big.sigma.refresh({ partialGraph: { nodes: ["a", "b"] }, skipIndexation: false, schedule: true });
    big.sigma.refresh({ partialGraph: { nodes: ["a"] }, skipIndexation: true, schedule: true });
    expect(big.calls).toEqual([nodeUpdate("new"), null, { partialGraph: { nodes: ["a", "b"] }, skipIndexation: false, schedule: true }, { partialGraph: { nodes: ["a"] }, skipIndexation: true, schedule: true }]);
    off();
    big.sigma.refresh(nodeUpdate("a"));
    expect(big.calls.at(-1)).toEqual(nodeUpdate("a"));
  });
});
