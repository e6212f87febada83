import type { AnalysisSnapshot } from "../snapshot/types.ts";

/** A partition of the actors: `labels[v]` is the component number of actor v (0…count−1). */
export interface Components {
  count: number;
  labels: Int32Array;
  /** Number of actors in each component. */
  sizes: Int32Array;
}

/**
 * Weakly connected components (relationships read both ways): union–find with path halving over
 * the relationship list, no recursion. Components are numbered in order of their first actor.
 */
export function weakComponents(snap: AnalysisSnapshot): Components {
  const { n, outOffsets, outTargets } = snap;
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  for (let v = 0; v < n; v++) {
    const end = outOffsets[v + 1]!;
    for (let a = outOffsets[v]!; a < end; a++) {
      let x = v;
      let y = outTargets[a]!;
      while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
      while (parent[y] !== y) y = parent[y] = parent[parent[y]!]!;
      if (x !== y) {
        // Smaller number becomes the root, so roots are first actors of their component.
        if (x < y) parent[y] = x;
        else parent[x] = y;
      }
    }
  }
  const labels = new Int32Array(n);
  let count = 0;
  for (let v = 0; v < n; v++) {
    let r = v;
    while (parent[r] !== r) r = parent[r]!;
    labels[v] = r === v ? count++ : labels[r]!;
  }
  return { count, labels, sizes: sizesOf(labels, count) };
}

/**
 * Strongly connected components (along from → to): iterative Tarjan with an explicit stack, so a
 * million-actor chain does not overflow the call stack. Numbered in order of their first actor.
 */
export function strongComponents(snap: AnalysisSnapshot): Components {
  const { n, outOffsets, outTargets } = snap;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callArc = new Int32Array(n);
  const raw = new Int32Array(n);
  let sp = 0;
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root]! >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callArc[0] = outOffsets[root]!;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const a = callArc[depth]!;
      if (a < outOffsets[v + 1]!) {
        callArc[depth] = a + 1;
        const w = outTargets[a]!;
        if (index[w]! < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callArc[depth] = outOffsets[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          raw[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  // Renumber by first actor so the numbering does not depend on the DFS finishing order.
  const map = new Int32Array(count).fill(-1);
  const labels = new Int32Array(n);
  let next = 0;
  for (let v = 0; v < n; v++) {
    const c = raw[v]!;
    if (map[c]! < 0) map[c] = next++;
    labels[v] = map[c]!;
  }
  return { count, labels, sizes: sizesOf(labels, count) };
}

function sizesOf(labels: Int32Array, count: number): Int32Array {
  const sizes = new Int32Array(count);
  for (let v = 0; v < labels.length; v++) sizes[labels[v]!]!++;
  return sizes;
}
