import { Actor, Meta, PowerMapDocument, Relationship } from "../../schema/index.ts";

/** One note about a record during import: which record, optionally which field, and why. */
export interface ImportNote {
  /** Record reference, e.g. `entity 12 (id "abc")` or `line 40`. */
  record: string;
  field?: string;
  reason: string;
}

/**
 * What an importer did with its input. `skipped` = records dropped, `changed` = records kept but
 * altered (a value dropped or coerced), `warnings` = kept, but worth a look (unknown category …).
 */
export interface ImportReport {
  format: string;
  imported: { actors: number; relationships: number };
  skipped: ImportNote[];
  changed: ImportNote[];
  warnings: ImportNote[];
}

/** An importer's answer: always a schema-valid document plus the report (importers never throw on bad data). */
export interface ImportResult {
  document: PowerMapDocument;
  report: ImportReport;
}

/** A record an importer built, not yet validated; `record` names it in the report. */
export interface Candidate {
  record: string;
  value: Record<string, unknown>;
}

/** Actor fields without which a record is dropped rather than repaired. */
const ACTOR_REQUIRED = new Set(["id", "name", "kind"]);
const RELATIONSHIP_REQUIRED = new Set(["id", "from", "to", "kind"]);
/** At most this many repair rounds per record (each round drops every offending field). */
const MAX_REPAIRS = 8;

/**
 * Collects notes while an importer runs, then turns candidate records into a document that passes
 * the core schema and the cross-record rules of `parse` (unique ids, no dangling ends, start ≤ end).
 */
export class ReportBuilder {
  readonly skipped: ImportNote[] = [];
  readonly changed: ImportNote[] = [];
  readonly warnings: ImportNote[] = [];

  constructor(readonly format: string) {}

  skip(record: string, reason: string, field?: string): void {
    this.skipped.push(note(record, reason, field));
  }

  change(record: string, reason: string, field?: string): void {
    this.changed.push(note(record, reason, field));
  }

  warn(record: string, reason: string, field?: string): void {
    this.warnings.push(note(record, reason, field));
  }

  /** The report for an already valid `document` (counts come from the document, so they cannot drift). */
  finish(document: PowerMapDocument): ImportResult {
    return {
      document,
      report: {
        format: this.format,
        imported: { actors: document.actors.length, relationships: document.relationships.length },
        skipped: this.skipped,
        changed: this.changed,
        warnings: this.warnings,
      },
    };
  }

  /**
   * Validate candidates and build the final document. A field that fails its schema is dropped
   * (noted in `changed`); a record whose id, name, kind or ends fail is dropped (noted in `skipped`),
   * as are duplicate ids and relationships whose actors are missing.
   */
  build(parts: { meta?: Record<string, unknown>; actors: Iterable<Candidate>; relationships: Iterable<Candidate> }): ImportResult {
    const meta = this.repair({ record: "meta", value: parts.meta ?? {} }, Meta, new Set()) ?? {};
    const actors: Actor[] = [];
    const actorIds = new Set<string>();
    for (const c of parts.actors) {
      const a = this.repair(c, Actor, ACTOR_REQUIRED) as Actor | undefined;
      if (!a) continue;
      if (actorIds.has(a.id)) {
        this.skip(c.record, `duplicate actor id "${a.id}"`, "id");
        continue;
      }
      actorIds.add(a.id);
      actors.push(a);
    }
    const relationships: Relationship[] = [];
    const relIds = new Set<string>();
    for (const c of parts.relationships) {
      const r = this.repair(c, Relationship, RELATIONSHIP_REQUIRED) as Relationship | undefined;
      if (!r) continue;
      if (!actorIds.has(r.from)) {
        this.skip(c.record, `"from" actor "${r.from}" is not in the import`, "from");
        continue;
      }
      if (!actorIds.has(r.to)) {
        this.skip(c.record, `"to" actor "${r.to}" is not in the import`, "to");
        continue;
      }
      if (relIds.has(r.id)) {
        this.skip(c.record, `duplicate relationship id "${r.id}"`, "id");
        continue;
      }
      if (r.startDate !== undefined && r.endDate !== undefined && r.endDate < r.startDate.slice(0, r.endDate.length)) {
        this.change(c.record, `endDate ${r.endDate} is before startDate ${r.startDate}; endDate dropped`, "endDate");
        delete r.endDate;
      }
      relIds.add(r.id);
      relationships.push(r);
    }
    const doc = PowerMapDocument.safeParse({ format: "powermap", version: 1, meta, actors, relationships });
    if (!doc.success) {
      // Unreachable when every record passed its own schema; kept so an importer can never return junk.
      this.skip("document", `final document failed validation: ${doc.error.issues[0]?.message ?? "unknown"}`);
      return this.finish(emptyDocument());
    }
    return this.finish(doc.data);
  }

  /** Parse `c.value` with `schema`, dropping offending optional fields (or array elements) until it passes. */
  private repair(c: Candidate, schema: typeof Actor | typeof Relationship | typeof Meta, required: Set<string>): Record<string, unknown> | undefined {
    const value: Record<string, unknown> = { ...c.value };
    for (let round = 0; round <= MAX_REPAIRS; round++) {
      const res = schema.safeParse(value);
      if (res.success) return res.data as Record<string, unknown>;
      const dropElements = new Map<string, Set<number>>();
      for (const issue of res.error.issues) {
        const top = issue.path[0];
        const field = issue.path.map(String).join(".");
        if (typeof top !== "string" || required.has(top)) {
          this.skip(c.record, `invalid ${field || "record"}: ${issue.message}`, field || undefined);
          return undefined;
        }
        const idx = issue.path[1];
        if (typeof idx === "number" && Array.isArray(value[top])) {
          if (!dropElements.has(top)) dropElements.set(top, new Set());
          dropElements.get(top)?.add(idx);
          this.change(c.record, `dropped ${field}: ${issue.message}`, field);
        } else if (top in value) {
          this.change(c.record, `dropped ${top}: ${issue.message}`, top);
          delete value[top];
        }
      }
      for (const [key, idxs] of dropElements) {
        const kept = (value[key] as unknown[]).filter((_, i) => !idxs.has(i));
        if (kept.length === 0) delete value[key];
        else value[key] = kept;
      }
    }
    this.skip(c.record, "record could not be repaired");
    return undefined;
  }
}

function note(record: string, reason: string, field?: string): ImportNote {
  return field === undefined ? { record, reason } : { record, field, reason };
}

/** An empty, schema-valid document (the answer to unreadable input). */
export function emptyDocument(title?: string): PowerMapDocument {
  return { format: "powermap", version: 1, meta: title === undefined ? {} : { title }, actors: [], relationships: [] };
}

/** The answer to input that could not be read at all: an empty document and one skipped note. */
export function unreadable(format: string, reason: string, record = "input"): ImportResult {
  const b = new ReportBuilder(format);
  b.skip(record, reason);
  return b.finish(emptyDocument());
}

/** Parse JSON without throwing; the error message names the position JSON.parse reports. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (e) {
    return { ok: false, reason: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Keys that would touch an object's prototype if copied by assignment; importers never copy them. */
export function isUnsafeKey(key: string): boolean {
  return key === "__proto__" || key === "constructor" || key === "prototype";
}

/** A URL string if it is http(s), else undefined (the caller reports the drop). */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const s = value.trim();
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:" ? s : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Normalise a date to a PartialDate (YYYY, YYYY-MM, YYYY-MM-DD): accepts ISO timestamps and
 * LittleSis-style zero parts ("1856-00-00" → "1856"). Returns undefined for anything else.
 */
export function partialDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (y === "0000") return undefined;
  if (mo === undefined || mo === "00") return y;
  if (Number(mo) > 12) return undefined;
  if (d === undefined || d === "00") return `${y}-${mo}`;
  const iso = `${y}-${mo}-${d}`;
  const t = new Date(iso + "T00:00:00Z");
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(iso) ? iso : undefined;
}

/** A trimmed non-empty string, or undefined. Numbers are stringified (ids often arrive as numbers). */
export function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const s = value.trim();
  return s === "" ? undefined : s;
}

/** A plain object (not an array, not null), or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** For detectors: a string is parsed as JSON (undefined when it is not JSON), anything else is returned as is. */
export function jsonValue(input: unknown): unknown {
  if (typeof input !== "string") return input;
  const p = parseJson(input);
  return p.ok ? p.value : undefined;
}
