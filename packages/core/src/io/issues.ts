import { z } from "zod";
import type { Issue } from "../errors.ts";

/**
 * Turns zod issues into our Issue values: each message names the record (collection, index, id)
 * and the field, says what was expected (read from the schema itself, e.g. the range of `stance`)
 * and what was found. Raw zod issues never reach callers.
 */

type Path = (string | number)[];
type RecordRef = NonNullable<Issue["record"]>;

/** Where a path points: a human label for the record, the record, and the field path inside it. */
export interface Location {
  label: string;
  record?: RecordRef;
  field: Path;
}

/** `actors[3] (id "a3")` — the way every message names a record. */
export function recordLabel(collection: string, index: number, id: unknown): string {
  return typeof id === "string" ? `${collection}[${index}] (id ${quote(id)})` : `${collection}[${index}]`;
}

/** Own-property read, so keys like "__proto__" or "constructor" never reach the prototype chain. */
export function own(value: unknown, key: string | number): unknown {
  if (value === null || typeof value !== "object") return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
}

export function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) v = own(v, key);
  return v;
}

/** Locates paths of a whole document: actors[i], relationships[i], meta or the document itself. */
export function documentLocator(doc: unknown): (path: Path) => Location {
  return (path) => {
    const [head, index] = path;
    if ((head === "actors" || head === "relationships") && typeof index === "number") {
      const id = own(own(own(doc, head), index), "id");
      return { label: recordLabel(head, index, id), record: { collection: head, index, ...(typeof id === "string" ? { id } : {}) }, field: path.slice(2) };
    }
    if (head === "meta" && path.length > 1) return { label: "meta", record: { collection: "meta", index: 0 }, field: path.slice(1) };
    return { label: "document", field: path };
  };
}

/** Shortens and quotes a string for a message. Text stays text: callers render messages as text. */
export function quote(s: string, max = 80): string {
  return JSON.stringify(s.length > max ? s.slice(0, max) + "…" : s);
}

/** "got …" part of a message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "string") return v === "" ? "an empty string" : quote(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? "" : "s"}`;
  if (typeof v === "object") return "an object";
  return `a ${typeof v}`;
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable || cur instanceof z.ZodDefault) cur = cur.unwrap() as z.ZodType;
  return cur;
}

/** The schema of the field at `path` inside `schema`, if it can be found. */
export function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  for (const key of path) {
    if (!s) return undefined;
    const u = unwrap(s);
    if (u instanceof z.ZodObject) s = Object.prototype.hasOwnProperty.call(u.shape, key) ? (u.shape[key] as z.ZodType) : undefined;
    else if (u instanceof z.ZodArray) s = u.element as z.ZodType;
    else if (u instanceof z.ZodRecord) s = u.valueType as z.ZodType;
    else return undefined;
  }
  return s ? unwrap(s) : undefined;
}

const bounded = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER;

/** "an integer from -2 to 2", "a number from 0 to 100", "a number of at least 0" … from the schema. */
function numberExpectation(schema: z.ZodType | undefined): string | undefined {
  if (!(schema instanceof z.ZodNumber)) return undefined;
  const what = schema.isInt ? "an integer" : "a number";
  const min = schema.minValue;
  const max = schema.maxValue;
  if (bounded(min) && bounded(max)) return `${what} from ${min} to ${max}`;
  if (bounded(min)) return `${what} of at least ${min}`;
  if (bounded(max)) return `${what} of at most ${max}`;
  return what;
}

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  null: "null",
};

/** zod's generic messages start like this; anything else is a message written in our schemas. */
const isSchemaMessage = (m: string): boolean => !/^(Invalid|Too (small|big)|Unrecognized)/.test(m);

function problem(zi: z.core.$ZodIssue, fieldSchema: z.ZodType | undefined, v: unknown): { code: string; text: string } {
  const got = describeValue(v);
  if (v === undefined && zi.code !== "custom") {
    // zod only reports an absent value when the field is required.
    const p = problem(zi, fieldSchema, null);
    return { code: "missing_field", text: `required field is missing (${p.text.replace(/, got null$/, "")})` };
  }
  switch (zi.code) {
    case "invalid_type": {
      const expected = numberExpectation(fieldSchema) ?? TYPE_NAMES[zi.expected] ?? zi.expected;
      return { code: "invalid_type", text: `expected ${expected}, got ${got}` };
    }
    case "invalid_value": {
      const vals = zi.values.map((x) => (typeof x === "string" ? JSON.stringify(x) : String(x)));
      return { code: "invalid_value", text: `expected ${vals.length === 1 ? vals[0] : "one of " + vals.join(", ")}, got ${got}` };
    }
    case "too_small":
    case "too_big": {
      if (zi.origin === "number" || zi.origin === "int") {
        const bound = zi.code === "too_small" ? `of at least ${String(zi.minimum)}` : `of at most ${String(zi.maximum)}`;
        return { code: "out_of_range", text: `expected ${numberExpectation(fieldSchema) ?? "a number " + bound}, got ${got}` };
      }
      const unit = zi.origin === "array" || zi.origin === "set" ? "items" : "characters";
      const limit = zi.code === "too_small" ? `at least ${String(zi.minimum)} ${unit}` : `at most ${String(zi.maximum)} ${unit}`;
      const text = isSchemaMessage(zi.message) ? zi.message : zi.code === "too_small" && zi.minimum === 1 ? "must not be empty" : `must have ${limit}`;
      return { code: "invalid_length", text: zi.code === "too_big" ? `${text} (got ${describeLength(v)})` : text };
    }
    case "invalid_format":
      return { code: "invalid_format", text: `${isSchemaMessage(zi.message) ? zi.message : "expected format " + zi.format}, got ${got}` };
    case "invalid_union": {
      const expected = [...new Set(zi.errors.flat().filter((e) => e.code === "invalid_type").map((e) => TYPE_NAMES[(e as { expected: string }).expected] ?? (e as { expected: string }).expected))];
      return { code: "invalid_type", text: expected.length > 0 ? `expected ${expected.join(", ").replace(/, ([^,]*)$/, " or $1")}, got ${got}` : `${zi.message}, got ${got}` };
    }
    case "custom":
      return { code: "invalid_value", text: v === undefined ? zi.message : `${zi.message}, got ${got}` };
    default:
      return { code: zi.code, text: zi.message };
  }
}

function describeLength(v: unknown): string {
  if (typeof v === "string") return `${v.length} characters`;
  if (Array.isArray(v)) return `${v.length} items`;
  return describeValue(v);
}

/** Builds an Issue from a located path and a text, in the shared message format. */
export function makeIssue(code: string, path: Path, loc: Location, text: string, severity: "error" | "warning" = "error"): Issue {
  const field = loc.field.length > 0 ? loc.field.join(".") : undefined;
  return {
    code,
    message: field !== undefined ? `${loc.label}: field ${JSON.stringify(field)}: ${text}` : `${loc.label}: ${text}`,
    path,
    ...(loc.record ? { record: loc.record } : {}),
    ...(field !== undefined ? { field } : {}),
    severity,
  };
}

/**
 * Converts zod issues of `schema` validating `value`. `prefix` is where `value` sits in its document
 * and `locate` names the record for a full document path.
 */
export function fromZodIssues(zodIssues: readonly z.core.$ZodIssue[], schema: z.ZodType, value: unknown, locate: (path: Path) => Location, prefix: Path = []): Issue[] {
  return zodIssues.map((zi) => {
    const rel = zi.path.filter((p): p is string | number => typeof p !== "symbol");
    const { code, text } = problem(zi, schemaAt(schema, rel), valueAt(value, rel));
    const path = [...prefix, ...rel];
    return makeIssue(code, path, locate(path), text);
  });
}
