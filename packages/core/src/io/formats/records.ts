import { Actor, Meta, PowerMapDocument, Relationship } from "../../schema/index.ts";
import type { PowerMapDocument as Doc } from "../../schema/index.ts";
import { emptyDocument } from "./report.ts";
import type { ImportResult, ReportBuilder } from "./report.ts";
import type { ZodType } from "zod";
import { claimId, slug as slugOf } from "../../graph/ids.ts";

/**
 * Assembles a schema-valid document from candidate records. Each candidate is validated with the core
 * schema; an optional field that fails is dropped (noted as a change), a required one drops the record
 * (noted as skipped). Then duplicate ids, dangling references and reversed dates are handled, so what
 * comes out always passes `PowerMapDocument` and the cross-record rules.
 */
export class DocumentAssembler {
  private readonly actors: Actor[] = [];
  private readonly actorIds = new Set<string>();
  private readonly rels: { rel: Relationship; ref: string }[] = [];
  private readonly relIds = new Set<string>();

  constructor(private readonly rb: ReportBuilder) {}

  /** Validate and add an actor; returns its id when kept. */
  addActor(candidate: Record<string, unknown>, ref: string): string | undefined {
    const actor = this.validate(Actor, candidate, ref, ACTOR_REQUIRED);
    if (!actor) return undefined;
    if (this.actorIds.has(actor.id)) {
      this.rb.skip(ref, `duplicate actor id ${JSON.stringify(actor.id)}; the first record with this id was kept`, "id");
      return undefined;
    }
    this.actorIds.add(actor.id);
    this.actors.push(actor);
    return actor.id;
  }

  hasActor(id: string): boolean {
    return this.actorIds.has(id);
  }

  /** Validate and add a relationship (endpoints are checked in `finish`). */
  addRelationship(candidate: Record<string, unknown>, ref: string): void {
    const rel = this.validate(Relationship, candidate, ref, REL_REQUIRED);
    if (!rel) return;
    if (this.relIds.has(rel.id)) {
      let n = 2;
      while (this.relIds.has(`${rel.id}-${n}`)) n++;
      this.rb.change(ref, `duplicate relationship id ${JSON.stringify(rel.id)}; renamed to ${JSON.stringify(`${rel.id}-${n}`)}`, "id");
      rel.id = `${rel.id}-${n}`;
    }
    this.relIds.add(rel.id);
    this.rels.push({ rel, ref });
  }

  /** Drop dangling relationships, fix reversed dates, validate the whole and build the result. */
  finish(meta: Record<string, unknown> = {}): ImportResult {
    const relationships: Relationship[] = [];
    for (const { rel, ref } of this.rels) {
      const missing = (["from", "to"] as const).filter((end) => !this.actorIds.has(rel[end]));
      if (missing.length) {
        for (const end of missing) this.rb.skip(ref, `refers to unknown actor ${JSON.stringify(rel[end])} (dangling reference)`, end);
        continue;
      }
      if (rel.startDate && rel.endDate && datePrefixAfter(rel.startDate, rel.endDate)) {
        this.rb.change(ref, `endDate ${rel.endDate} is before startDate ${rel.startDate}; endDate dropped`, "endDate");
        delete rel.endDate;
      }
      relationships.push(rel);
    }
    const metaOut = this.validate(Meta, meta, "meta", []) ?? {};
    const doc: Doc = { format: "powermap", version: 1, meta: metaOut, actors: this.actors, relationships };
    const check = PowerMapDocument.safeParse(doc);
    if (!check.success) {
      // Unreachable when every record was validated; kept so a bug can never hand out an invalid map.
      this.rb.skip("document", `internal check failed: ${check.error.issues[0]?.message ?? "invalid"}; nothing imported`);
      return this.rb.finish(emptyDocument());
    }
    return this.rb.finish(check.data);
  }

  private validate<T>(schema: ZodType<T>, candidate: Record<string, unknown>, ref: string, required: readonly string[]): T | undefined {
    const obj: Record<string, unknown> = { ...candidate };
    for (let round = 0; round < 8; round++) {
      const res = schema.safeParse(obj);
      if (res.success) return res.data;
      const removeAt = new Map<string, number[]>();
      for (const issue of res.error.issues) {
        const key = issue.path[0];
        const field = issue.path.join(".");
        if (typeof key !== "string" || required.includes(key)) {
          this.rb.skip(ref, `${field || "record"}: ${issue.message}`, field || undefined);
          return undefined;
        }
        const idx = issue.path[1];
        if (Array.isArray(obj[key]) && typeof idx === "number") {
          removeAt.set(key, [...(removeAt.get(key) ?? []), idx]);
          this.rb.change(ref, `${issue.message}; item dropped`, `${key}.${idx}`);
        } else if (key in obj) {
          this.rb.change(ref, `${issue.message}; value dropped`, field);
          delete obj[key];
        }
      }
      for (const [key, idxs] of removeAt) {
        const arr = (obj[key] as unknown[]).filter((_, i) => !idxs.includes(i));
        if (arr.length) obj[key] = arr;
        else delete obj[key];
      }
    }
    this.rb.skip(ref, "record could not be repaired");
    return undefined;
  }
}

const ACTOR_REQUIRED = ["id", "name", "kind"] as const;
const REL_REQUIRED = ["id", "from", "to", "kind"] as const;

/** Compare partial dates on their common precision ("2020" is not after "2020-05"). */
function datePrefixAfter(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}

/** Remove undefined values so records stay minimal. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** A fresh id that is not in `taken` (which it joins): `base`, `base-2` … */
export const uniqueId = (base: string, taken: Set<string>): string => claimId(base || "actor", taken);

/** A readable id from a name: "Board of Ed." → "board-of-ed". */
export const slug = (name: string): string => slugOf(name, "actor");
