import type { z } from "zod";
import { ValidationError, type Issue } from "../errors.ts";
import { relationshipIssues } from "../io/checks.ts";
import { fromZodIssues, makeIssue, recordLabel, type Location } from "../io/issues.ts";
import { toJsonTree } from "../io/json-tree.ts";
import { today } from "../io/partial-date.ts";
import { MAX_DEPTH, sanitizeJsonTree } from "../io/sanitize.ts";
import { Relationship } from "../schema/relationship.ts";
import { deepFreeze } from "./freeze.ts";

type Collection = "actors" | "relationships" | "meta";

/** Locates issues of one record that sits (or would sit) at `collection[index]`. */
function recordLocator(collection: Collection, index: number, id: unknown): (path: (string | number)[]) => Location {
  const label = collection === "meta" ? "meta" : recordLabel(collection, index, id);
  const record = { collection, index, ...(typeof id === "string" ? { id } : {}) };
  return (path) => ({ label, record, field: path.slice(collection === "meta" ? 1 : 2) });
}

function fail(origin: string, issues: Issue[]): never {
  throw new ValidationError(`${origin}: ${issues.map((i) => i.message).join("; ")}`, issues);
}

/**
 * Validates one record for a mutation and returns a frozen private copy. Throws ValidationError
 * whose issues name the record and field, in the same words as `parse`. With `hasActor`, a
 * relationship must also point at existing actors and have its dates in order. `index` may be a
 * function: finding an existing record's place in map order walks the whole map (a second-long
 * pause per edit at 500k relationships), so it is asked for only when there is an issue to word.
 */
export function validateRecord<T>(
  origin: string,
  schema: z.ZodType<T>,
  collection: Collection,
  index: number | (() => number),
  value: unknown,
  hasActor?: (id: string) => boolean,
): T {
  if (typeof index === "number") return validateAt(origin, schema, collection, index, value, hasActor);
  try {
    return validateAt(origin, schema, collection, 0, value, hasActor);
  } catch (e) {
    // Validation is deterministic: the second run fails the same way, now naming the real index.
    if (e instanceof ValidationError) return validateAt(origin, schema, collection, index(), value, hasActor);
    throw e;
  }
}

function validateAt<T>(origin: string, schema: z.ZodType<T>, collection: Collection, index: number, value: unknown, hasActor?: (id: string) => boolean): T {
  const id = value !== null && typeof value === "object" ? (value as { id?: unknown }).id : undefined;
  const locate = recordLocator(collection, index, id);
  const prefix = collection === "meta" ? ["meta"] : [collection, index];
  const read = toJsonTree(value);
  if ("issue" in read) fail(origin, [makeIssue(read.issue.code, prefix, locate(prefix), read.issue.message.replace(/^document: /, ""))]);
  const tree = read.tree;
  const { tooDeep } = sanitizeJsonTree(tree); // `__proto__` keys are dropped, as parse does
  if (tooDeep) fail(origin, [makeIssue("too_deep", [...prefix, ...tooDeep.slice(0, 1)], locate([...prefix, ...tooDeep.slice(0, 1)]), `data nested more than ${MAX_DEPTH} levels deep`)]);
  const result = schema.safeParse(tree);
  const issues = result.success ? [] : fromZodIssues(result.error.issues, schema, tree, locate, prefix);
  if (schema === (Relationship as z.ZodType) && hasActor) {
    issues.push(...relationshipIssues(tree, index, locate, today(), hasActor).filter((i) => i.severity !== "warning"));
  }
  if (!result.success || issues.length > 0) fail(origin, issues);
  return deepFreeze(result.data);
}
