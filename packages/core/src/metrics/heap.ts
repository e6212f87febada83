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

/**
 * Binary min-heap of (priority, node) pairs without decrease-key: a node may sit in it several
 * times and stale entries are skipped by the caller. Cheaper per operation than NodeHeap (no
 * position array to maintain); capacity grows by doubling.
 */
export class LazyHeap {
  private key: Float64Array;
  private node: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.key = new Float64Array(Math.max(16, capacity));
    this.node = new Int32Array(Math.max(16, capacity));
  }

  push(v: number, k: number): void {
    if (this.size === this.key.length) this.grow();
    const key = this.key;
    const node = this.node;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const kp = key[p]!;
      if (kp <= k) break;
      key[i] = kp;
      node[i] = node[p]!;
      i = p;
    }
    key[i] = k;
    node[i] = v;
  }

  /** Priority of the smallest entry (heap must not be empty). */
  topKey(): number {
    return this.key[0]!;
  }

  /** Removes the smallest entry and returns its node (heap must not be empty). */
  pop(): number {
    const key = this.key;
    const node = this.node;
    const top = node[0]!;
    const size = --this.size;
    if (size > 0) {
      const k = key[size]!;
      const v = node[size]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && key[c + 1]! < key[c]!) c++;
        const kc = key[c]!;
        if (kc >= k) break;
        key[i] = kc;
        node[i] = node[c]!;
        i = c;
      }
      key[i] = k;
      node[i] = v;
    }
    return top;
  }

  private grow(): void {
    const key = new Float64Array(this.key.length * 2);
    const node = new Int32Array(this.node.length * 2);
    key.set(this.key);
    node.set(this.node);
    this.key = key;
    this.node = node;
  }
}
