/**
 * Indexed binary min-heap of node numbers keyed by a Float64 priority, on typed arrays with
 * decrease-key: Dijkstra allocates nothing per arc. Capacity is the number of nodes.
 */
export class NodeHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private readonly key: Float64Array;
  size = 0;

  constructor(n: number) {
    this.heap = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
    this.key = new Float64Array(n);
  }

  /** Inserts `v` with priority `k`, or lowers its priority if it is already queued. */
  push(v: number, k: number): void {
    let i = this.pos[v]!;
    if (i < 0) {
      i = this.size++;
      this.heap[i] = v;
      this.pos[v] = i;
    }
    this.key[v] = k;
    this.up(i);
  }

  /** Removes and returns the node of smallest priority (heap must not be empty). */
  pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    this.pos[top] = -1;
    const last = heap[--this.size]!;
    if (this.size > 0) {
      heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const { heap, pos, key } = this;
    const v = heap[i]!;
    const k = key[v]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const u = heap[p]!;
      if (key[u]! <= k) break;
      heap[i] = u;
      pos[u] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  }

  private down(i: number): void {
    const { heap, pos, key } = this;
    const size = this.size;
    const v = heap[i]!;
    const k = key[v]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && key[heap[c + 1]!]! < key[heap[c]!]!) c++;
      const u = heap[c]!;
      if (key[u]! >= k) break;
      heap[i] = u;
      pos[u] = i;
      i = c;
    }
    heap[i] = v;
    pos[v] = i;
  }
}
