/**
 * Structural guards run on raw JSON data before schema validation, iteratively (no recursion) so
 * that hostile input cannot overflow the stack:
 * - nesting deeper than MAX_DEPTH is refused (everything downstream — JSON.stringify, clones,
 *   deep equality — recurses, so a file nested 100 000 levels deep would crash it later);
 * - own `__proto__` keys are removed (they would otherwise reach code that assigns keys and could
 *   swap an object's prototype); their paths are returned so callers can warn.
 */

/** Maximum nesting depth of a document (the format itself needs about 6). */
export const MAX_DEPTH = 200;

const FORBIDDEN_KEYS = ["__proto__"];

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | undefined;
  key: string | number;
}

function pathOf(frame: Frame | undefined): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f = frame; f && f.parent; f = f.parent) path.push(f.key);
  return path.reverse();
}

export interface SanitizeResult {
  /** Path at which the data first nests deeper than MAX_DEPTH. */
  tooDeep?: (string | number)[];
  /** Paths of removed `__proto__` keys. */
  removed: (string | number)[][];
}

/** Mutates `root` (which must be a fresh tree such as JSON.parse output). */
export function sanitizeJsonTree(root: unknown, maxDepth = MAX_DEPTH): SanitizeResult {
  const removed: (string | number)[][] = [];
  const stack: Frame[] = [{ value: root, depth: 0, parent: undefined, key: "" }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const v = frame.value;
    if (v === null || typeof v !== "object") continue;
    if (frame.depth > maxDepth) return { tooDeep: pathOf(frame), removed };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth: frame.depth + 1, parent: frame, key: i });
      continue;
    }
    const obj = v as Record<string, unknown>;
    for (const bad of FORBIDDEN_KEYS) {
      if (Object.prototype.hasOwnProperty.call(obj, bad)) {
        removed.push([...pathOf(frame), bad]);
        delete obj[bad];
      }
    }
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      stack.push({ value: obj[key], depth: frame.depth + 1, parent: frame, key });
    }
  }
  return { removed };
}
