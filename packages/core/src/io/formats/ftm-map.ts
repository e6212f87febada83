import { RELATIONSHIP_KIND_INFO } from "../../kinds.ts";
import { ACTOR_KINDS, type ActorKind, type RelationshipKind } from "../../schema/index.ts";
import { kindFromLabel } from "./oligrapher-labels.ts";
import { asRecord, httpUrl, isUnsafeKey, parseJson, partialDate, ReportBuilder, text, type Candidate, type ImportResult } from "./report.ts";

/** FtM node schemata imported as actors → our kind (refined by `classification` and `topics`). */
export const FTM_ACTOR_SCHEMATA: Readonly<Record<string, ActorKind>> = Object.freeze({
  Person: "person",
  Organization: "other",
  Company: "company",
  PublicBody: "government_body",
  LegalEntity: "other",
});

/** FtM edge schemata imported as relationships: source → target property, and our kind. */
export const FTM_EDGE_SCHEMATA: Readonly<Record<string, { source: string; target: string; kind: RelationshipKind; label: string }>> = Object.freeze({
  Ownership: { source: "owner", target: "asset", kind: "ownership", label: "role" },
  Directorship: { source: "director", target: "organization", kind: "position", label: "role" },
  Membership: { source: "member", target: "organization", kind: "membership", label: "role" },
  Employment: { source: "employee", target: "employer", kind: "employment", label: "role" },
  Family: { source: "person", target: "relative", kind: "family", label: "relationship" },
  Associate: { source: "person", target: "associate", kind: "social", label: "relationship" },
  Payment: { source: "payer", target: "beneficiary", kind: "donation", label: "purpose" },
  Representation: { source: "agent", target: "client", kind: "contract", label: "role" },
  UnknownLink: { source: "subject", target: "object", kind: "influence", label: "role" },
});

/** OpenSanctions topics that say more than the schema does. */
const TOPIC_KINDS: readonly (readonly [RegExp, ActorKind])[] = [
  [/^gov\.soe$/, "company"],
  [/^gov\./, "government_body"],
  [/^fin\.(bank|fund)/, "financial_institution"],
  [/^pol\.party$/, "political_committee"],
  [/^pol\.union$/, "union"],
  [/^role\.journo$|^media/, "media"],
];

/** Properties we read (per role); anything else is counted and reported once per schema and property. */
const ACTOR_PROPS = new Set([
  "name", "alias", "previousName", "weakAlias", "summary", "description", "notes", "position", "topics", "country", "sourceUrl", "publisher",
  "website", "wikidataId", "birthDate", "deathDate", "incorporationDate", "dissolutionDate", "classification", "keywords", "nationality", "jurisdiction",
]);
const EDGE_PROPS = new Set(["startDate", "endDate", "date", "role", "relationship", "purpose", "percentage", "amount", "currency", "amountEur", "amountUsd", "summary", "description", "sourceUrl", "publisher", "contract", "programme", "sharesCount", "sharesValue", "sharesCurrency", "status"]);
/** Properties that reference other entities: known but not imported (addresses, documents …). */
const IGNORED_PROPS = new Set(["addressEntity", "address", "namesMentioned", "createdAt", "modifiedAt", "retrievedAt", "recordId", "proof", "parent"]);

const MAX_ALIASES = 50;

const first = (v: string[] | undefined): string | undefined => v?.find((s) => s.trim() !== "")?.trim();

/** Sums up the import of FtM entities one by one; edges are kept until `finish` (they may come first). */
export class FtmAccumulator {
  readonly report = new ReportBuilder("ftm");
  private readonly actors: Candidate[] = [];
  private readonly edges: Candidate[] = [];
  private readonly notImported = new Map<string, number>();
  private readonly unknownProps = new Map<string, number>();
  private readonly otherIds = new Map<string, string>();
  private count = 0;

  /** Add one parsed entity; `where` names it for the report (e.g. "line 12"). */
  add(raw: unknown, where: string): void {
    this.count++;
    const e = asRecord(raw);
    const b = this.report;
    if (!e) return b.skip(where, "not a JSON object");
    const id = text(e.id);
    const schema = text(e.schema);
    const rec = `${where}${id ? ` (id "${id}")` : ""}`;
    if (!id) return b.skip(rec, "entity without an id", "id");
    if (!schema) return b.skip(rec, "entity without a schema", "schema");
    const props = readProps(e.properties, rec, b);
    if (!props) return;
    if (schema in FTM_ACTOR_SCHEMATA) this.actors.push(this.actor(id, schema, props, e, rec));
    else if (schema in FTM_EDGE_SCHEMATA) this.edge(id, schema, props, rec);
    else {
      this.notImported.set(schema, (this.notImported.get(schema) ?? 0) + 1);
      this.otherIds.set(id, schema);
    }
  }

  private noteUnknown(schema: string, props: Record<string, string[]>, known: Set<string>, extra: Set<string> = new Set()): void {
    for (const p of Object.keys(props)) {
      if (known.has(p) || extra.has(p) || IGNORED_PROPS.has(p)) continue;
      const key = `${schema}.${p}`;
      this.unknownProps.set(key, (this.unknownProps.get(key) ?? 0) + 1);
    }
  }

  private actor(id: string, schema: string, p: Record<string, string[]>, e: Record<string, unknown>, where: string): Candidate {
    const b = this.report;
    this.noteUnknown(schema, p, ACTOR_PROPS);
    let kind = FTM_ACTOR_SCHEMATA[schema] ?? "other";
    const classification = first(p.classification);
    const topics = p.topics ?? [];
    if (classification && (ACTOR_KINDS as readonly string[]).includes(classification) && kind !== "person") kind = classification as ActorKind;
    else if (kind !== "person") {
      const hit = TOPIC_KINDS.find(([re]) => topics.some((t) => re.test(t)));
      if (hit) kind = hit[1];
    }
    const names = [...(p.name ?? [])].map((s) => s.trim()).filter(Boolean);
    const name = names[0] ?? text(e.caption);
    const value: Record<string, unknown> = { id, name, kind, externalIds: { ftm: id } };
    const ext = value.externalIds as Record<string, string>;
    if (Array.isArray(e.datasets)) ext.opensanctions = id;
    const wikidata = first(p.wikidataId);
    if (wikidata) ext.wikidata = wikidata;
    const aliases = [...new Set([...names.slice(1), ...(p.alias ?? []), ...(p.previousName ?? [])].map((s) => s.trim()).filter((s) => s && s !== name))];
    if (aliases.length > MAX_ALIASES) b.change(where, `${aliases.length - MAX_ALIASES} of ${aliases.length} aliases dropped (at most ${MAX_ALIASES} kept)`, "alias");
    if (aliases.length) value.aliases = aliases.slice(0, MAX_ALIASES);
    const description = first(p.description) ?? first(p.summary);
    if (description) value.description = description;
    if (p.notes?.length) value.notes = p.notes.join("\n");
    const title = first(p.position);
    if (title) value.title = title;
    const tags = [...new Set([...topics, ...(p.keywords ?? [])].map((s) => s.trim()).filter(Boolean))];
    if (e.target === true) tags.push("sanctions target");
    if (tags.length) value.tags = tags;
    const sources = this.sources(p, where);
    if (sources.length) value.sources = sources;
    const custom: Record<string, string> = {};
    for (const k of ["country", "nationality", "jurisdiction"] as const) {
      const v = [...new Set(p[k] ?? [])].join("|");
      if (v) custom[k] = v;
    }
    for (const k of ["birthDate", "deathDate", "incorporationDate", "dissolutionDate"] as const) {
      const d = first(p[k]);
      if (d) custom[k] = d;
    }
    if (classification && !(ACTOR_KINDS as readonly string[]).includes(classification)) custom.classification = classification;
    const website = p.website?.map(httpUrl).find((u) => u !== undefined);
    if (website) custom.website = website;
    else if (p.website?.length) b.change(where, "website dropped: not an http(s) URL", "website");
    if (Array.isArray(e.datasets)) {
      const ds = e.datasets.map(text).filter((s): s is string => s !== undefined);
      if (ds.length) custom.datasets = ds.join("|");
    }
    if (Object.keys(custom).length) value.custom = custom;
    return { record: where, value };
  }

  private sources(p: Record<string, string[]>, where: string): Record<string, string>[] {
    const publisher = first(p.publisher);
    const out: Record<string, string>[] = [];
    for (const s of p.sourceUrl ?? []) {
      const url = httpUrl(s);
      if (url) out.push(publisher ? { url, publisher } : { url });
      else this.report.change(where, `sourceUrl ${JSON.stringify(s.slice(0, 80))} dropped: not an http(s) URL`, "sourceUrl");
    }
    return out;
  }

  private edge(id: string, schema: string, p: Record<string, string[]>, where: string): void {
    const b = this.report;
    const def = FTM_EDGE_SCHEMATA[schema];
    if (!def) return;
    this.noteUnknown(schema, p, EDGE_PROPS, new Set([def.source, def.target]));
    const sources = p[def.source] ?? [];
    const targets = p[def.target] ?? [];
    if (sources.length === 0) return b.skip(where, `${schema} without "${def.source}"`, def.source);
    if (targets.length === 0) return b.skip(where, `${schema} without "${def.target}"`, def.target);
    const label = first(p[def.label]);
    let kind = def.kind;
    // Payment and UnknownLink say little by schema alone; their purpose/role often names the kind.
    if (label && (schema === "UnknownLink" || schema === "Associate")) kind = kindFromLabel(label) ?? kind;
    if (schema === "Payment") {
      const guess = label ? kindFromLabel(label) : undefined;
      kind = guess === "funding" || guess === "contract" || guess === "donation" ? guess : p.contract?.length ? "contract" : "donation";
    }
    const base: Record<string, unknown> = { kind, externalIds: { ftm: id } };
    // The role of a directorship, membership or employment is the title held; other labels stay labels,
    // unless they only name the kind (what exportFtm writes).
    if (label && (schema === "Directorship" || schema === "Membership" || schema === "Employment")) base.title = label;
    else if (label && label !== RELATIONSHIP_KIND_INFO[kind].label) base.label = label;
    const start = dateProp(p, "startDate", where, b);
    const end = dateProp(p, "endDate", where, b);
    const date = dateProp(p, "date", where, b);
    if (start) base.startDate = start;
    if (end) base.endDate = end;
    if (date) base.date = date;
    const pct = first(p.percentage);
    if (pct !== undefined) {
      const n = Number(pct.replace("%", "").replace(",", "."));
      if (Number.isFinite(n) && n >= 0 && n <= 100) base.percentage = n;
      else b.change(where, `percentage ${JSON.stringify(pct)} dropped: not a number from 0 to 100`, "percentage");
    }
    if (schema === "Payment") this.money(p, base, where);
    const description = first(p.description) ?? first(p.summary);
    if (description) base.notes = description;
    const srcs = this.sources(p, where);
    if (srcs.length) base.sources = srcs;
    const custom: Record<string, string> = {};
    for (const k of ["sharesCount", "sharesValue", "sharesCurrency", "programme", "status"] as const) {
      const v = first(p[k]);
      if (v) custom[k] = v;
    }
    if (Object.keys(custom).length) base.custom = custom;
    const many = sources.length * targets.length > 1;
    let n = 0;
    for (const s of sources) {
      for (const t of targets) {
        n++;
        this.edges.push({ record: many ? `${where} #${n}` : where, value: { ...base, id: many ? `${id}-${n}` : id, from: s, to: t } });
      }
    }
  }

  private money(p: Record<string, string[]>, out: Record<string, unknown>, where: string): void {
    const candidates: [string | undefined, string | undefined][] = [
      [first(p.amount), first(p.currency)],
      [first(p.amountEur), "EUR"],
      [first(p.amountUsd), "USD"],
    ];
    for (const [raw, currency] of candidates) {
      if (raw === undefined) continue;
      const n = Number(raw.replace(/[\s,]/g, ""));
      if (!Number.isFinite(n) || n < 0) {
        this.report.change(where, `amount ${JSON.stringify(raw)} dropped: not a non-negative number`, "amount");
        continue;
      }
      out.amount = n;
      if (currency) out.currency = currency.toUpperCase();
      return;
    }
  }

  /** Validate everything, resolve buffered edges against the actors and return the result. */
  finish(): ImportResult {
    const b = this.report;
    if (this.count === 0) b.skip("input", "no FollowTheMoney entities found");
    for (const [schema, n] of this.notImported) b.warn(`${n} ${schema} entit${n === 1 ? "y" : "ies"}`, `schema ${schema} is neither an actor nor a relationship here; not imported`, "schema");
    for (const [key, n] of this.unknownProps) b.warn(`${n} entit${n === 1 ? "y" : "ies"}`, `property ${key} not imported`, key.split(".")[1]);
    // Say why an edge dangles when its end is a known non-actor entity (an Address, a Vessel …).
    const actorIds = new Set(this.actors.map((a) => a.value.id as string));
    const edges = this.edges.filter((c) => {
      for (const end of ["from", "to"] as const) {
        const ref = c.value[end] as string;
        if (actorIds.has(ref)) continue;
        const other = this.otherIds.get(ref);
        b.skip(c.record, other ? `"${end}" entity "${ref}" is a ${other}, not an actor` : `"${end}" entity "${ref}" is not in the import`, end);
        return false;
      }
      return true;
    });
    return b.build({ meta: {}, actors: this.actors, relationships: edges });
  }
}

function readProps(v: unknown, where: string, b: ReportBuilder): Record<string, string[]> | undefined {
  if (v === undefined || v === null) return {};
  const r = asRecord(v);
  if (!r) {
    b.skip(where, "properties is not an object", "properties");
    return undefined;
  }
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [k, raw] of Object.entries(r)) {
    if (isUnsafeKey(k)) {
      b.change(where, `property ${JSON.stringify(k)} dropped: reserved name`, k);
      continue;
    }
    // FtM values are arrays of strings; tolerate a bare scalar (hand-written files) but say so.
    const arr = Array.isArray(raw) ? raw : [raw];
    if (!Array.isArray(raw)) b.change(where, `property ${k} is not an array; read as one value`, `properties.${k}`);
    const vals = arr.flatMap((x) => (typeof x === "string" ? [x] : typeof x === "number" && Number.isFinite(x) ? [String(x)] : []));
    if (vals.length < arr.length) b.change(where, `${arr.length - vals.length} non-text value(s) of ${k} dropped`, `properties.${k}`);
    out[k] = vals;
  }
  return out;
}

function dateProp(p: Record<string, string[]>, key: string, where: string, b: ReportBuilder): string | undefined {
  const raw = first(p[key]);
  if (raw === undefined) return undefined;
  const d = partialDate(raw);
  if (d === undefined) b.change(where, `${key} ${JSON.stringify(raw)} dropped: not a date`, key);
  return d;
}

/** Parse and add one JSON Lines line (1-based `n`); blank lines are ignored. */
export function addLine(acc: FtmAccumulator, line: string, n: number): void {
  const s = line.trim();
  if (s === "") return;
  const p = parseJson(s);
  if (p.ok) acc.add(p.value, `line ${n}`);
  else acc.report.skip(`line ${n}`, p.reason);
}
