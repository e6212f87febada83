/**
 * A read-only Map view (actor id → value) over a typed array indexed by actor number. A result of
 * 100k scores arrives as one array; wrapping it costs nothing, where filling a Map would block the
 * main thread for tens of milliseconds. Numbers flagged `skip` (e.g. −1 for "no community") read as absent.
 */
export class IndexedValues implements ReadonlyMap<string, number> {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly data: Float64Array | Int32Array,
    private readonly skip?: number,
  ) {}

  get(id: string): number | undefined {
    const v = this.index.get(id);
    if (v === undefined) return undefined;
    const x = this.data[v];
    return x === undefined || x === this.skip ? undefined : x;
  }

  /**
   * [smallest, largest] value, straight from the typed array (a walk of the id index cost tens of
   * milliseconds at 100k actors when new sizes arrived); [0, 0] when there is none.
   */
  range(): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    const { data, skip } = this;
    const see = (x: number) => {
      if (x === skip) return;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    };
    // One value per actor number (the usual case: the index numbers the snapshot's actors 0…n−1).
    if (data.length === this.index.size) for (let v = 0; v < data.length; v++) see(data[v]!);
    else for (const v of this.index.values()) if (v < data.length) see(data[v]!);
    return Number.isFinite(lo) ? [lo, hi] : [0, 0];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    let n = 0;
    this.forEach(() => n++);
    return n;
  }

  forEach(fn: (value: number, id: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [id, v] of this.index) {
      const x = this.data[v];
      if (x !== undefined && x !== this.skip) fn(x, id, this);
    }
  }

  *entries(): MapIterator<[string, number]> {
    for (const [id, v] of this.index) {
      const x = this.data[v];
      if (x !== undefined && x !== this.skip) yield [id, x];
    }
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<number> {
    for (const [, x] of this.entries()) yield x;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}
