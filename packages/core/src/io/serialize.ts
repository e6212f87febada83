import { Actor } from "../schema/actor.ts";
import { Meta, PowerMapDocument } from "../schema/document.ts";
import { Relationship } from "../schema/relationship.ts";
import { Source } from "../schema/source.ts";

/**
 * Stable, lossless JSON writer. Equal maps give byte-identical text, so files diff cleanly and
 * version control shows only real changes: known fields come in schema order, then unknown keys
 * sorted; keys of free-form records (custom, externalIds) are sorted; arrays keep their order;
 * 2-space indent and a trailing newline.
 */

type Obj = Record<string, unknown>;
type Transform = (v: unknown) => unknown;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Any JSON value with every object's keys sorted. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const key of Object.keys(v).sort()) out[key] = canonical(v[key]);
  return out;
}

/** Writes `keys` first in that order (through their transform), then the other keys sorted. */
function ordered(keys: readonly string[], transforms: Partial<Record<string, Transform>> = {}): Transform {
  const known = new Set(keys);
  return (v) => {
    if (!isObj(v)) return canonical(v);
    const out: Obj = {};
    for (const key of keys) {
      if (Object.prototype.hasOwnProperty.call(v, key) && v[key] !== undefined) out[key] = (transforms[key] ?? canonical)(v[key]);
    }
    for (const key of Object.keys(v).filter((k) => !known.has(k)).sort()) out[key] = canonical(v[key]);
    return out;
  };
}

const each = (t: Transform): Transform => (v) => (Array.isArray(v) ? v.map(t) : canonical(v));

const source = ordered(Object.keys(Source.shape));
const sources = each(source);
const position = ordered(["x", "y"]);
const actor = ordered(Object.keys(Actor.shape), { sources, position });
const relationship = ordered(Object.keys(Relationship.shape), { sources });
const meta = ordered(Object.keys(Meta.shape), { sources });
const document = ordered(Object.keys(PowerMapDocument.shape), { meta, actors: each(actor), relationships: each(relationship) });

/** Serialises a document to its canonical JSON text (see module comment). */
export function serialize(doc: PowerMapDocument): string {
  return JSON.stringify(document(doc), null, 2) + "\n";
}
