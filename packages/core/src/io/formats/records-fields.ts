import { actorKindOf, powerSourceOf, relationshipKindOf, roleOf, stanceWord } from "./records-kinds.ts";
import { bool, int, jsonObject, list, num, partialDate, scalarRecord, sources, stringRecord, text, vocabList } from "./records-coerce.ts";
import type { FieldCtx } from "./records-coerce.ts";
import { compact } from "./records.ts";
import { isUnsafeKey } from "./report.ts";

/** Actor fields a flat format (spreadsheet column, GEXF/GraphML attribute) can name. */
export const ACTOR_FIELDS = [
  "id", "name", "kind", "roles", "stance", "power", "powerSources", "selfInterest", "aliases", "title",
  "description", "tags", "notes", "sources", "externalIds", "x", "y",
] as const;
export type ActorField = (typeof ACTOR_FIELDS)[number];

/** Relationship fields a flat format can name. */
export const RELATIONSHIP_FIELDS = [
  "id", "from", "to", "kind", "label", "strength", "startDate", "endDate", "current", "title", "isBoard",
  "isExecutive", "percentage", "amount", "currency", "date", "tags", "notes", "sources", "externalIds",
] as const;
export type RelationshipField = (typeof RELATIONSHIP_FIELDS)[number];

/** Header key: lower case, letters and digits only ("Full name" → "fullname", "Actor 1" → "actor1"). */
export function headerKey(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Common column names per field (as header keys), in order of preference. */
export const ACTOR_HEADER_NAMES: Record<ActorField, string[]> = {
  id: ["id", "actorid", "key", "identifier", "nodeid"],
  name: ["name", "fullname", "actor", "actorname", "label", "organization", "organisation", "entity", "entityname"],
  kind: ["kind", "type", "category", "actortype", "entitytype", "actorkind"],
  roles: ["roles", "role", "campaignrole"],
  stance: ["stance", "position", "support", "stanceonissue"],
  power: ["power", "influence", "powerlevel", "powerrating"],
  powerSources: ["powersources", "powersource", "sourcesofpower", "sourceofpower"],
  selfInterest: ["selfinterest", "interests", "interest"],
  aliases: ["aliases", "alias", "aka", "othernames"],
  title: ["title", "jobtitle"],
  description: ["description", "summary", "bio", "about", "blurb"],
  tags: ["tags", "tag", "keywords"],
  notes: ["notes", "note", "comments", "comment"],
  sources: ["sources", "source", "url", "urls", "link", "links", "sourceurl", "evidence"],
  externalIds: ["externalids"],
  x: ["x"],
  y: ["y"],
};

export const RELATIONSHIP_HEADER_NAMES: Record<RelationshipField, string[]> = {
  id: ["id", "relationshipid", "key", "edgeid"],
  from: ["from", "actor1", "fromactor", "sourceactor", "entity1", "subject", "fromname", "fromid", "source"],
  to: ["to", "target", "actor2", "toactor", "targetactor", "entity2", "object", "toname", "toid"],
  kind: ["kind", "relationship", "type", "relationshiptype", "relationshipkind", "category", "relation"],
  label: ["label", "description", "relationshipdescription"],
  strength: ["strength", "tiestrength"],
  startDate: ["startdate", "start", "since", "fromdate"],
  endDate: ["enddate", "end", "until"],
  current: ["current", "iscurrent", "active"],
  title: ["title", "role", "position", "jobtitle"],
  isBoard: ["isboard", "board", "boardmember"],
  isExecutive: ["isexecutive", "executive"],
  percentage: ["percentage", "percent", "stake", "share"],
  amount: ["amount", "value", "sum"],
  currency: ["currency"],
  date: ["date"],
  tags: ["tags", "tag", "keywords"],
  notes: ["notes", "note", "comments", "comment"],
  sources: ["sources", "url", "urls", "link", "links", "sourceurl", "evidence", "source"],
  externalIds: ["externalids"],
};

/** Raw values keyed by field, plus prefixed extras (`custom.<k>`, `externalIds.<k>`) and unmapped ones. */
export interface RawRecord {
  fields: Partial<Record<string, unknown>>;
  custom: Record<string, unknown>;
  externalIds: Record<string, unknown>;
}

export function emptyRaw(): RawRecord {
  return { fields: {}, custom: {}, externalIds: {} };
}

/**
 * Put a named value in the right bucket: a known field (by header-name synonyms), `custom.<k>` /
 * `externalIds.<k>` prefixed names, or `custom` for anything else.
 */
export function assign(raw: RawRecord, name: string, value: unknown, names: Record<string, string[]>, claimed?: Set<string>): void {
  if (isUnsafeKey(name)) return; // never copied: it would set the prototype
  const m = /^(custom|externalids)[.:](.+)$/i.exec(name);
  if (m && m[1] && m[2] && !isUnsafeKey(m[2])) {
    (m[1].toLowerCase() === "custom" ? raw.custom : raw.externalIds)[m[2]] = value;
    return;
  }
  const key = headerKey(name);
  for (const [field, syns] of Object.entries(names)) {
    if (syns.includes(key) && !(field in raw.fields) && !claimed?.has(field)) {
      raw.fields[field] = value;
      return;
    }
  }
  raw.custom[name] = value;
}

/** Build an actor candidate from raw values. `kindDefault` is used (silently) when no kind is given. */
export function actorFromRaw(raw: RawRecord, ctx: FieldCtx, id: string, name: string | undefined): Record<string, unknown> {
  const f = raw.fields;
  const custom = { ...(jsonObject(f.custom, ctx, "custom") ?? {}), ...raw.custom };
  const rawKind = text(f.kind, ctx, "kind");
  let kind = rawKind === undefined ? "other" : actorKindOf(rawKind);
  if (kind === undefined) {
    ctx.rb.warn(ctx.ref, `unknown actor kind ${JSON.stringify(rawKind)}; set to "other" (original kept in custom.originalKind)`, "kind");
    custom.originalKind = rawKind;
    kind = "other";
  }
  let stance: number | undefined;
  const st = f.stance;
  if (typeof st === "string" && stanceWord(st) !== undefined) stance = stanceWord(st);
  else stance = int(st, ctx, "stance", -2, 2);
  const ext = { ...(jsonObject(f.externalIds, ctx, "externalIds") ?? {}), ...raw.externalIds };
  const x = num(f.x, ctx, "x");
  const y = num(f.y, ctx, "y");
  const posObj = jsonObject(f.position, ctx, "position");
  let position: { x: number; y: number } | undefined;
  if (x !== undefined && y !== undefined) position = { x, y };
  else if (posObj && typeof posObj.x === "number" && typeof posObj.y === "number") position = { x: posObj.x, y: posObj.y };
  else if (posObj || x !== undefined || y !== undefined) ctx.rb.change(ctx.ref, "position needs numeric x and y; dropped", "position");
  return compact({
    id,
    name,
    kind,
    roles: vocabList(f.roles, ctx, "roles", roleOf),
    stance,
    power: int(f.power, ctx, "power", 1, 5),
    powerSources: vocabList(f.powerSources, ctx, "powerSources", powerSourceOf),
    selfInterest: text(f.selfInterest, ctx, "selfInterest"),
    aliases: list(f.aliases, ctx, "aliases"),
    title: text(f.title, ctx, "title"),
    description: text(f.description, ctx, "description"),
    tags: list(f.tags, ctx, "tags"),
    notes: text(f.notes, ctx, "notes"),
    externalIds: stringRecord(ext, ctx, "externalIds"),
    custom: scalarRecord(custom, ctx, "custom"),
    sources: sources(f.sources, ctx, "sources"),
    position,
  });
}

/**
 * Build a relationship candidate. `from`/`to` are already resolved actor ids. Without a kind, an
 * undirected edge becomes "social" and a directed one "influence".
 */
export function relationshipFromRaw(raw: RawRecord, ctx: FieldCtx, id: string, from: string, to: string, undirected: boolean): Record<string, unknown> {
  const f = raw.fields;
  const custom = { ...(jsonObject(f.custom, ctx, "custom") ?? {}), ...raw.custom };
  const fallback = undirected ? "social" : "influence";
  const rawKind = text(f.kind, ctx, "kind");
  let kind = rawKind === undefined ? fallback : relationshipKindOf(rawKind);
  if (kind === undefined) {
    ctx.rb.warn(ctx.ref, `unknown relationship kind ${JSON.stringify(rawKind)}; set to "${fallback}" (original kept in custom.originalKind)`, "kind");
    custom.originalKind = rawKind;
    kind = fallback;
  }
  if (undirected) custom.undirected = true;
  const currency = text(f.currency, ctx, "currency")?.trim().toUpperCase();
  const ext = { ...(jsonObject(f.externalIds, ctx, "externalIds") ?? {}), ...raw.externalIds };
  return compact({
    id,
    from,
    to,
    kind,
    label: text(f.label, ctx, "label"),
    strength: int(f.strength, ctx, "strength", 1, 5),
    startDate: partialDate(f.startDate, ctx, "startDate"),
    endDate: partialDate(f.endDate, ctx, "endDate"),
    current: bool(f.current, ctx, "current"),
    title: text(f.title, ctx, "title"),
    isBoard: bool(f.isBoard, ctx, "isBoard"),
    isExecutive: bool(f.isExecutive, ctx, "isExecutive"),
    percentage: num(f.percentage, ctx, "percentage"),
    amount: num(f.amount, ctx, "amount"),
    currency: currency === "" ? undefined : currency,
    date: partialDate(f.date, ctx, "date"),
    tags: list(f.tags, ctx, "tags"),
    notes: text(f.notes, ctx, "notes"),
    externalIds: stringRecord(ext, ctx, "externalIds"),
    custom: scalarRecord(custom, ctx, "custom"),
    sources: sources(f.sources, ctx, "sources"),
  });
}

/** Our own actor field names, taken as they are before synonyms are tried ("position" is an {x,y} object, not a stance). */
export const ACTOR_OWN = ["name", "kind", "roles", "stance", "power", "powerSources", "selfInterest", "aliases", "title", "description", "tags", "notes", "sources", "externalIds", "position", "x", "y"];
/** Our own relationship field names. */
export const REL_OWN = ["kind", "label", "strength", "startDate", "endDate", "current", "title", "isBoard", "isExecutive", "percentage", "amount", "currency", "date", "tags", "notes", "sources", "externalIds"];

/**
 * Sort named values (graphology attributes, GEXF/GraphML columns) into a raw record: our own names
 * first, then common synonyms, the rest to `custom`; a `custom` object is merged.
 */
export function rawFromNamed(named: Record<string, unknown>, own: readonly string[], names: Record<string, string[]>): RawRecord {
  const raw = emptyRaw();
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  for (const [k, v] of Object.entries(named)) {
    if (k === "custom" && isObj(v)) for (const [ck, cv] of Object.entries(v)) assign(raw, `custom.${ck}`, cv, names);
    else if (own.includes(k)) raw.fields[k] = v;
  }
  const claimed = new Set(Object.keys(raw.fields));
  for (const [k, v] of Object.entries(named)) if (!(k === "custom" && isObj(v)) && !own.includes(k)) assign(raw, k, v, names, claimed);
  return raw;
}
