import type { Issue } from "../errors.ts";
import { PowerMapDocument } from "../schema/document.ts";
import { crossRecordIssues } from "./checks.ts";
import { describeValue, documentLocator, fromZodIssues, makeIssue } from "./issues.ts";
import { toJsonTree } from "./json-tree.ts";
import { migrate } from "./migrate.ts";
import { today } from "./partial-date.ts";
import { MAX_DEPTH, sanitizeJsonTree } from "./sanitize.ts";

/** Result of `parse`: the valid document with its warnings, or every issue found. */
export type ParseResult = { ok: true; document: PowerMapDocument; warnings: Issue[] } | { ok: false; issues: Issue[] };

export interface ParseOptions {
  /** Date (YYYY-MM-DD) that "in the past" is measured against; default today (UTC). */
  today?: string;
}

const docIssue = (code: string, message: string): Issue => ({ code, message: `document: ${message}`, path: [], severity: "error" });

const RANK: Record<string, number> = { meta: 1, actors: 2, relationships: 3 };
const orderKey = (i: Issue): [number, number] => [i.record ? (RANK[i.record.collection] ?? 0) : 0, i.record?.index ?? 0];

/**
 * Reads a powermap document from JSON text or an already parsed value. Never throws on bad data:
 * returns `{ ok: true, document, warnings }` or `{ ok: false, issues }` listing every problem found,
 * each naming the record (collection, index, id) and field. Unknown extra fields are kept;
 * `__proto__` keys are dropped with a warning. Older format versions are migrated.
 */
export function parse(input: string | unknown, options: ParseOptions = {}): ParseResult {
  const read = toJsonTree(input);
  if ("issue" in read) return { ok: false, issues: [read.issue] };
  const tree = read.tree;
  if (tree === null || typeof tree !== "object" || Array.isArray(tree)) {
    return { ok: false, issues: [docIssue("not_an_object", `expected a powermap document (a JSON object with "format", "version", "meta", "actors" and "relationships"), got ${describeValue(tree)}`)] };
  }
  const { tooDeep, removed } = sanitizeJsonTree(tree);
  const locate = documentLocator(tree);
  if (tooDeep) {
    // Point at the field holding the deep data: actors[i].field, meta.field or a top-level field.
    const path = tooDeep.slice(0, tooDeep[0] === "actors" || tooDeep[0] === "relationships" ? 3 : tooDeep[0] === "meta" ? 2 : 1);
    return { ok: false, issues: [makeIssue("too_deep", path, locate(path), `data nested more than ${MAX_DEPTH} levels deep`)] };
  }
  const issues: Issue[] = removed.map((path) => makeIssue("forbidden_key", path, locate(path), `the key "__proto__" is not allowed and was dropped`, "warning"));

  const migrated = migrate(tree as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, issues: [...migrated.issues, ...issues] };
  const doc = migrated.document;

  const result = PowerMapDocument.safeParse(doc);
  if (!result.success) issues.push(...fromZodIssues(result.error.issues, PowerMapDocument, doc, documentLocator(doc)));
  issues.push(...crossRecordIssues(doc, options.today ?? today()));

  // Stable sort: document-level first, then meta, actors and relationships by index.
  const sorted = issues
    .map((issue, n) => ({ issue, n, key: orderKey(issue) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.n - b.n)
    .map((x) => x.issue);
  if (!result.success || sorted.some((i) => i.severity !== "warning")) return { ok: false, issues: sorted };
  return { ok: true, document: result.data, warnings: sorted };
}
