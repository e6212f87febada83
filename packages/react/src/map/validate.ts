/**
 * Validation of edits before they reach the map: the candidate record (current record + patch) is
 * checked with the core zod schemas, and the issues are returned per field path ("sources.0.url").
 * Invalid input is never written.
 */
import { Actor, Relationship } from "@powermap/core";

export interface FieldIssue {
  field: string;
  message: string;
}

function applyPatch<T extends object>(record: T, patch: Partial<T>): T {
  const out = { ...record, ...patch } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as T;
}

function toIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
}

export function validateActor(actor: Actor, patch: Partial<Actor>): FieldIssue[] {
  const r = Actor.safeParse(applyPatch(actor, patch));
  return r.success ? [] : toIssues(r.error);
}

export function validateRelationship(rel: Relationship, patch: Partial<Relationship>): FieldIssue[] {
  const candidate = applyPatch(rel, patch);
  const r = Relationship.safeParse(candidate);
  const issues = r.success ? [] : toIssues(r.error);
  // A cross-field rule the record schema cannot see: a tie cannot end before it starts.
  if (candidate.startDate && candidate.endDate && candidate.endDate < candidate.startDate.slice(0, candidate.endDate.length))
    issues.push({ field: "endDate", message: "end date is before the start date" });
  return issues;
}

/** The first message about `field` (or one of its sub-fields), or null. */
export function messageFor(issues: readonly FieldIssue[], field: string): string | null {
  const hit = issues.find((i) => i.field === field || i.field.startsWith(field + "."));
  return hit ? hit.message : null;
}

/** Splits a comma-separated list, dropping blanks ("a, b,," → ["a","b"]); empty → undefined. */
export function parseList(text: string, sep: string | RegExp = ","): string[] | undefined {
  const items = text
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return items.length ? items : undefined;
}

/** "" → undefined; a number → number; anything else → NaN (reported as an error by the caller). */
export function parseOptionalNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  return Number(t.replace(/,/g, ""));
}
