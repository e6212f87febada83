/** Freezes a JSON tree in place (depth is bounded by parse's MAX_DEPTH) and returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Plain loops, no Object.values() copy per object: large maps freeze a few hundred thousand.
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v !== null && typeof v === "object") deepFreeze(v);
      }
    } else {
      for (const k in value) {
        const v: unknown = value[k];
        if (v !== null && typeof v === "object") deepFreeze(v);
      }
    }
  }
  return value;
}
