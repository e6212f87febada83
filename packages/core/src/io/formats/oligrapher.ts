import { RELATIONSHIP_KIND_INFO } from "../../kinds.ts";
import type { Actor, PowerMapDocument, Relationship } from "../../schema/index.ts";
import { amountFromLabel, kindFromLabel, labelFromAmount } from "./oligrapher-labels.ts";
import { asRecord, jsonValue, httpUrl, isUnsafeKey, parseJson, ReportBuilder, text, unreadable, type Candidate, type ImportResult } from "./report.ts";

export { OLIGRAPHER_LABEL_KINDS } from "./oligrapher-labels.ts";

/** The parts of an Oligrapher map we read, wherever the variant keeps them. */
interface MapParts {
  graph: Record<string, unknown>;
  annotations?: unknown;
  attributes?: Record<string, unknown>;
}

/** Find the graph in the known wrappers: `{graph}`, `{configuration: {graph}}`, `{graph_data}` (LittleSis save), bare `{nodes, edges}`. */
function locate(value: unknown): MapParts | undefined {
  const root = asRecord(value);
  if (!root) return undefined;
  const conf = asRecord(root.configuration);
  if (conf) return locate(conf);
  let graph = asRecord(root.graph);
  let graphData = root.graph_data;
  if (typeof graphData === "string") {
    const p = parseJson(graphData);
    graphData = p.ok ? p.value : undefined;
  }
  graph ??= asRecord(graphData);
  if (!graph && ("nodes" in root || "edges" in root) && !("elements" in root)) graph = root;
  if (!graph || !("nodes" in graph)) return undefined;
  const attributes = asRecord(root.attributes);
  let annotations: unknown = root.annotations;
  if (annotations === undefined && typeof attributes?.annotations_data === "string") {
    const p = parseJson(attributes.annotations_data);
    if (p.ok) annotations = p.value;
  }
  return { graph, annotations, attributes };
}

/** True when `value` looks like an Oligrapher map (nodes with node1_id/node2_id edges or `display` objects). */
export function detectOligrapher(input: unknown): boolean {
  const value = jsonValue(input);
  const parts = locate(value);
  if (!parts) return false;
  const nodes = items(parts.graph.nodes);
  const edges = items(parts.graph.edges);
  const e = asRecord(edges[0]?.[1]);
  const n = asRecord(nodes[0]?.[1]);
  return (e !== undefined && "node1_id" in e) || (n !== undefined && ("display" in n || ("name" in n && "x" in n)));
}

/** Entries of an id-keyed map or an array, as [key, value] pairs. */
function items(v: unknown, b?: ReportBuilder, what = "item"): [string, unknown][] {
  if (Array.isArray(v)) return v.map((x, i) => [String(i), x]);
  const r = asRecord(v);
  if (!r) return [];
  return Object.entries(r).filter(([k]) => {
    if (!isUnsafeKey(k)) return true;
    b?.skip(`${what} ${JSON.stringify(k)}`, "reserved key name; not imported", "id");
    return false;
  });
}

/** Oligrapher's own loader merges `display` into the top level (legacy format); so do we. */
function flatten(v: unknown): Record<string, unknown> | undefined {
  const r = asRecord(v);
  if (!r) return undefined;
  const display = asRecord(r.display);
  return display ? { ...r, ...display } : r;
}

const finite = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : undefined);

/**
 * Import an Oligrapher map (current flat format or the legacy one with `display`). Node and edge
 * ids are kept as our ids and in `externalIds.oligrapher`; numeric ids are LittleSis ids as well.
 * Captions and annotations go to `meta.captions` / `meta.annotations` (annotation HTML is kept
 * verbatim in `html` as data, never interpreted).
 */
export function importOligrapher(input: string | unknown): ImportResult {
  let value = input;
  if (typeof input === "string") {
    const parsed = parseJson(input);
    if (!parsed.ok) return unreadable("oligrapher", parsed.reason);
    value = parsed.value;
  }
  const parts = locate(value);
  if (!parts) return unreadable("oligrapher", "no Oligrapher graph found (expected {graph: {nodes, edges}})");
  const b = new ReportBuilder("oligrapher");
  const actors: Candidate[] = [];
  let kindless = 0;
  for (const [key, raw] of items(parts.graph.nodes, b, "node")) {
    const n = flatten(raw);
    const id = text(n?.id) ?? key;
    const where = `node ${id}`;
    if (!n) {
      b.skip(where, "not an object");
      continue;
    }
    const c = nodeCandidate(n, id, where, b);
    if (c.value.kind === "other") kindless++;
    actors.push(c);
  }
  if (kindless > 0) b.warn("nodes", `Oligrapher has no actor kinds: ${kindless} node(s) without a LittleSis person link imported as kind "other"`, "kind");

  const relationships: Candidate[] = [];
  const unknownLabels = new Map<string, number>();
  for (const [key, raw] of items(parts.graph.edges, b, "edge")) {
    const e = flatten(raw);
    const id = text(e?.id) ?? key;
    const where = `edge ${id}`;
    if (!e) {
      b.skip(where, "not an object");
      continue;
    }
    relationships.push(edgeCandidate(e, id, where, b, unknownLabels));
  }
  for (const [label, count] of unknownLabels) {
    b.warn(`edges labelled ${JSON.stringify(label)} (${count})`, `label names no known relationship kind; kind "influence" used`, "label");
  }

  const meta: Record<string, unknown> = {};
  const attrs = parts.attributes;
  const title = text(attrs?.title);
  if (title) meta.title = title;
  const description = text(attrs?.subtitle) ?? text(attrs?.description);
  if (description) meta.description = description;
  const captions = readCaptions(parts.graph.captions, b);
  if (captions.length) meta.captions = captions;
  const annotations = readAnnotations(parts.annotations, b);
  if (annotations.length) meta.annotations = annotations;
  return b.build({ meta, actors, relationships });
}

function nodeCandidate(n: Record<string, unknown>, id: string, where: string, b: ReportBuilder): Candidate {
  const value: Record<string, unknown> = { id, name: text(n.name) ?? n.name, kind: "other", externalIds: { oligrapher: id } };
  if (/^\d+$/.test(id)) (value.externalIds as Record<string, string>).littlesis = id;
  const description = text(n.description);
  if (description) value.description = description;
  const x = finite(n.x);
  const y = finite(n.y);
  if (x !== undefined && y !== undefined) value.position = { x, y };
  if (n.url !== undefined && n.url !== null && n.url !== "") {
    const url = httpUrl(n.url);
    if (url) {
      value.sources = [{ url }];
      // LittleSis profile links say whether the entity is a person.
      if (/^https?:\/\/(www\.)?littlesis\.org\/person\//.test(url)) value.kind = "person";
    } else b.change(where, "url dropped: not an http(s) URL", "url");
  }
  const custom: Record<string, string | number> = {};
  if (n.image !== undefined && n.image !== null && n.image !== "") {
    const url = httpUrl(n.image);
    if (url) custom.image = url;
    else b.change(where, `image dropped: only http(s) image links are kept${typeof n.image === "string" && n.image.startsWith("data:") ? " (was a data: URL)" : ""}`, "image");
  }
  const color = text(n.color);
  if (color && color.toLowerCase() !== "#ccc") custom.color = color;
  const scale = finite(n.scale);
  if (scale !== undefined && scale !== 1) custom.scale = scale;
  if (Object.keys(custom).length) value.custom = custom;
  return { record: where, value };
}

function edgeCandidate(e: Record<string, unknown>, id: string, where: string, b: ReportBuilder, unknownLabels: Map<string, number>): Candidate {
  const n1 = text(e.node1_id);
  const n2 = text(e.node2_id);
  const arrow = e.arrow;
  const reversed = arrow === "2->1" || arrow === "left";
  const value: Record<string, unknown> = { id, from: reversed ? n2 : n1, to: reversed ? n1 : n2, kind: "influence", externalIds: { oligrapher: id } };
  if (/^\d+$/.test(id)) (value.externalIds as Record<string, string>).littlesis = id;
  const custom: Record<string, string | number> = {};
  if (arrow === "both") custom.arrow = "both";
  else if (arrow === null || arrow === undefined || arrow === false || arrow === "") custom.arrow = "none";
  else if (arrow !== "1->2" && arrow !== "2->1" && arrow !== "left" && arrow !== "right") {
    b.change(where, `unknown arrow ${JSON.stringify(arrow)} read as node1 → node2`, "arrow");
  }
  const label = text(e.label);
  if (label) {
    const kind = kindFromLabel(label);
    if (kind) value.kind = kind;
    else unknownLabels.set(label, (unknownLabels.get(label) ?? 0) + 1);
    // A label that only names the kind (what exportOligrapher writes for unlabelled edges) is not kept.
    if (!kind || label !== RELATIONSHIP_KIND_INFO[kind].label) value.label = label;
    if (kind === "position" && value.label !== undefined) value.title = label.replace(/\s*\(past\)\s*$/i, "");
    const amount = amountFromLabel(label);
    if (amount !== undefined) {
      value.amount = amount;
      value.currency = "USD";
    }
    if (/\(past\)\s*$/i.test(label)) value.current = false;
  }
  if (e.dash === true) value.current = false; // LittleSis draws past relationships dashed
  const scale = finite(e.scale);
  if (scale !== undefined && scale !== 1) custom.scale = scale;
  if (Object.keys(custom).length) value.custom = custom;
  if (e.url !== undefined && e.url !== null && e.url !== "") {
    const url = httpUrl(e.url);
    if (url) value.sources = [{ url }];
    else b.change(where, "url dropped: not an http(s) URL", "url");
  }
  return { record: where, value };
}

function readCaptions(v: unknown, b: ReportBuilder): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const [key, raw] of items(v, b, "caption")) {
    const c = flatten(raw);
    const id = text(c?.id) ?? key;
    const t = typeof c?.text === "string" ? c.text : undefined;
    if (!c || t === undefined) {
      b.skip(`caption ${id}`, "caption without text", "text");
      continue;
    }
    const caption: Record<string, unknown> = { id, text: t };
    for (const k of ["x", "y", "width", "height", "scale"] as const) {
      const n = finite(c[k]);
      if (n !== undefined) caption[k] = n;
    }
    for (const k of ["font", "size", "weight"] as const) {
      const s = text(c[k]);
      if (s !== undefined) caption[k] = s;
    }
    out.push(caption);
  }
  return out;
}

function readAnnotations(v: unknown, b: ReportBuilder): Record<string, unknown>[] {
  const list = Array.isArray(v) ? v : asRecord(v)?.list;
  if (!Array.isArray(list)) return [];
  const ids = (x: unknown): string[] => (Array.isArray(x) ? x.map(text).filter((s): s is string => s !== undefined) : []);
  const out: Record<string, unknown>[] = [];
  list.forEach((raw, i) => {
    const a = asRecord(raw);
    if (!a) return b.skip(`annotation ${i}`, "not an object");
    out.push({
      id: text(a.id) ?? String(i),
      header: typeof a.header === "string" ? a.header : "",
      html: typeof a.text === "string" ? a.text : "",
      nodeIds: ids(a.nodeIds),
      edgeIds: ids(a.edgeIds),
      captionIds: ids(a.captionIds),
    });
  });
  if (out.length) b.warn("annotations", `${out.length} annotation(s) kept in meta.annotations; their text is Oligrapher HTML, kept verbatim as data`, "annotations");
  return out;
}

/** Positions for actors that have none: a circle, so an exported map opens readable. */
function fallbackPosition(i: number, n: number): { x: number; y: number } {
  const r = Math.max(200, n * 25);
  const a = (2 * Math.PI * i) / Math.max(1, n);
  return { x: Math.round(r * Math.cos(a) * 100) / 100, y: Math.round(r * Math.sin(a) * 100) / 100 };
}

/**
 * Export to Oligrapher's current (flat) format `{graph, annotations, attributes}`, which its
 * constructor and LittleSis's map editor load. Kinds, stance, power and roles have no place there.
 */
export function exportOligrapher(doc: PowerMapDocument): string {
  const nodes: Record<string, unknown> = {};
  const pos = new Map<string, { x: number; y: number }>();
  const scaleOf = (a: Actor): number => (typeof a.custom?.scale === "number" ? a.custom.scale : 1);
  doc.actors.forEach((a, i) => {
    const p = a.position ?? fallbackPosition(i, doc.actors.length);
    pos.set(a.id, p);
    const node: Record<string, unknown> = { id: a.id, name: a.name, x: p.x, y: p.y, scale: scaleOf(a), color: typeof a.custom?.color === "string" ? a.custom.color : "#ccc", edgeIds: [] };
    if (a.description) node.description = a.description;
    if (typeof a.custom?.image === "string") node.image = a.custom.image;
    const url = a.sources?.find((s) => s.url)?.url;
    if (url) node.url = url;
    nodes[a.id] = node;
  });
  const edges: Record<string, unknown> = {};
  const scales = new Map(doc.actors.map((a) => [a.id, scaleOf(a)]));
  for (const r of doc.relationships) {
    const p1 = pos.get(r.from);
    const p2 = pos.get(r.to);
    if (!p1 || !p2 || r.from === r.to) continue; // Oligrapher refuses self-loops
    const edge: Record<string, unknown> = {
      id: r.id,
      node1_id: r.from,
      node2_id: r.to,
      label: edgeLabel(r),
      arrow: r.custom?.arrow === "both" ? "both" : r.custom?.arrow === "none" ? null : "1->2",
      dash: r.current === false,
      scale: typeof r.custom?.scale === "number" ? r.custom.scale : 1,
      x1: p1.x, y1: p1.y, s1: scales.get(r.from) ?? 1,
      x2: p2.x, y2: p2.y, s2: scales.get(r.to) ?? 1,
    };
    const url = r.sources?.find((s) => s.url)?.url;
    if (url) edge.url = url;
    edges[r.id] = edge;
    (asRecord(nodes[r.from])?.edgeIds as string[]).push(r.id);
    (asRecord(nodes[r.to])?.edgeIds as string[]).push(r.id);
  }
  const captions: Record<string, unknown> = {};
  if (Array.isArray(doc.meta.captions)) {
    for (const c of doc.meta.captions) {
      const cap = asRecord(c);
      const id = text(cap?.id);
      if (!cap || !id || typeof cap.text !== "string") continue;
      // Only the fields we hold; Oligrapher fills in its defaults (width 300, height 200, Arial, "12", "400").
      const out: Record<string, unknown> = { id, text: cap.text, x: finite(cap.x) ?? 0, y: finite(cap.y) ?? 0 };
      for (const k of ["width", "height", "scale"] as const) if (finite(cap[k]) !== undefined) out[k] = finite(cap[k]);
      for (const k of ["font", "size", "weight"] as const) if (text(cap[k]) !== undefined) out[k] = text(cap[k]);
      captions[id] = out;
    }
  }
  const list = Array.isArray(doc.meta.annotations)
    ? doc.meta.annotations.flatMap((a) => {
        const r = asRecord(a);
        return r ? [{ id: text(r.id) ?? "", header: typeof r.header === "string" ? r.header : "", text: typeof r.html === "string" ? r.html : "", nodeIds: r.nodeIds ?? [], edgeIds: r.edgeIds ?? [], captionIds: r.captionIds ?? [] }] : [];
      })
    : [];
  const attributes: Record<string, unknown> = {};
  if (doc.meta.title !== undefined) attributes.title = doc.meta.title;
  if (doc.meta.description !== undefined) attributes.subtitle = doc.meta.description;
  return JSON.stringify({ graph: { nodes, edges, captions }, annotations: { currentIndex: 0, list, sources: null }, attributes }, null, 2) + "\n";
}

/** Label for an edge: the relationship's own label, else "$1,000" for USD money, else the kind's label. */
function edgeLabel(r: Relationship): string {
  if (r.label) return r.label;
  if ((r.kind === "donation") && r.amount !== undefined && (r.currency ?? "USD") === "USD") return labelFromAmount(r.amount);
  if (r.kind === "position" && r.title) return r.title;
  return RELATIONSHIP_KIND_INFO[r.kind].label;
}
