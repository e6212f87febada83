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
