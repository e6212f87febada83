import fc from "fast-check";
import { ACTOR_KINDS, ACTOR_ROLES, POWER_SOURCES, RELATIONSHIP_KINDS } from "../../src/schema/index.ts";
import type { PowerMapDocument } from "../../src/schema/index.ts";

/** fast-check generators of valid power-map documents (shared by the round-trip tests). */

/** Drops the keys whose value is null (fc.option's "absent"). */
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const text = fc.string({ maxLength: 30 });
const label = fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s.length > 0);
const partialDate = fc
  .tuple(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), fc.constantFrom(4, 7, 10))
  .map(([d, n]) => d.toISOString().slice(0, n));
/** JSON values as JSON would give them back (e.g. -0 becomes 0). */
// ("__proto__" keys are dropped by parse on purpose, so they are not generated.)
const json = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
  .filter((v) => !JSON.stringify(v).includes('"__proto__"'));
const extraFields = fc.dictionary(fc.string({ maxLength: 8 }).map((k) => `x_${k}`), json, { maxKeys: 2 });
const primitive = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)), fc.boolean(), fc.constant(null));

const source = fc
  .record({ url: opt(fc.webUrl()), title: opt(label), publisher: opt(text), accessed: opt(partialDate), quote: opt(text), extra: extraFields })
  .map(({ extra, ...s }) => compact({ ...extra, ...s, ...(s.url === null && s.title === null ? { title: "untitled" } : {}) }));

const common = {
  tags: opt(fc.array(label, { maxLength: 3 })),
  notes: opt(text),
  externalIds: opt(fc.dictionary(fc.constantFrom("littlesis", "wikidata", "opensanctions", "kumu", "constructor"), text, { maxKeys: 3 })),
  custom: opt(fc.dictionary(fc.string({ maxLength: 10 }).filter((k) => k !== "__proto__"), primitive, { maxKeys: 3 })),
  sources: opt(fc.array(source, { maxLength: 2 })),
  extra: extraFields,
};

const actor = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 12 }),
    name: label,
    kind: fc.constantFrom(...ACTOR_KINDS),
    roles: opt(fc.subarray([...ACTOR_ROLES])),
    stance: opt(fc.integer({ min: -2, max: 2 })),
    power: opt(fc.integer({ min: 1, max: 5 })),
    powerSources: opt(fc.subarray([...POWER_SOURCES])),
    selfInterest: opt(text),
    aliases: opt(fc.array(label, { maxLength: 2 })),
    title: opt(text),
    description: opt(text),
    position: opt(fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)) })),
    ...common,
  })
  .map(({ extra, ...a }) => compact({ ...extra, ...a }));

const relationship = (ids: string[]) =>
  fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 12 }),
      from: fc.constantFrom(...ids),
      to: fc.constantFrom(...ids),
      kind: fc.constantFrom(...RELATIONSHIP_KINDS),
      label: opt(text),
      strength: opt(fc.integer({ min: 1, max: 5 })),
      dates: fc.array(partialDate, { maxLength: 2 }),
      current: opt(fc.boolean()),
      title: opt(text),
      isBoard: opt(fc.boolean()),
      percentage: opt(fc.double({ min: 0, max: 100, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x))),
      amount: opt(fc.integer({ min: 0, max: 1e9 })),
      currency: opt(fc.constantFrom("USD", "EUR", "GBP")),
      date: opt(partialDate),
      ...common,
    })
    .map(({ extra, dates, ...r }) => {
      // Keep start ≤ end (compare the whole spans), the one cross-field rule that is an error.
      const [a, b] = [...dates].sort();
      const span = a !== undefined && b !== undefined && a.slice(0, 4) !== b.slice(0, 4) ? { startDate: a, endDate: b } : a !== undefined ? { startDate: a } : {};
      return compact({ ...extra, ...r, ...span });
    });

export const documentArb: fc.Arbitrary<PowerMapDocument> = fc
  .uniqueArray(actor, { selector: (a) => a.id, minLength: 1, maxLength: 6 })
  .chain((actors) =>
    fc.record({
      actors: fc.constant(actors),
      relationships: fc.uniqueArray(relationship(actors.map((a) => a.id)), { selector: (r) => r.id, maxLength: 8 }),
      meta: fc.record({ title: opt(text), author: opt(text), extra: extraFields }).map(({ extra, ...m }) => compact({ ...extra, ...m })),
      extra: extraFields,
    }),
  )
  .map(({ extra, ...d }) => ({ ...extra, format: "powermap" as const, version: 1 as const, ...d }) as PowerMapDocument);

/** A deep copy with every object's keys in reverse order (same value, different key order). */
export function reverseKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(reverseKeys) as T;
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) as T;
}
