/**
 * CSR offsets (`n + 1` entries) for a graph that has since gained actors, numbered after the
 * others and with no arcs yet: the same array when nothing was added, else a copy whose new
 * entries all point at the end.
 */
export function extendOffsets(offsets: Int32Array, n: number): Int32Array {
  if (offsets.length === n + 1) return offsets;
  const out = new Int32Array(n + 1);
  out.set(offsets);
  out.fill(offsets[offsets.length - 1]!, offsets.length);
  return out;
}
