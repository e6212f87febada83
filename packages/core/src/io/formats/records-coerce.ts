import { isUnsafeKey } from "./report.ts";
import type { ReportBuilder } from "./report.ts";

/**
 * Value coercion shared by the flat importers (CSV, graphology, GEXF, GraphML). Every function takes
 * a raw value (a spreadsheet string or an already typed JSON/XML value) and returns our value, or
 * undefined after noting in the report why the value was dropped. Nothing here throws.
 */
export interface FieldCtx {
  rb: ReportBuilder;
  /** The record, e.g. `actors.csv line 4` or `node "union"`. */
  ref: string;
}

type Scalar = string | number | boolean | null;

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function drop(ctx: FieldCtx, field: string, value: unknown, expected: string): undefined {
  ctx.rb.change(ctx.ref, `${JSON.stringify(shorten(value))} is not ${expected}; value dropped`, field);
  return undefined;
}

function shorten(v: unknown): unknown {
  if (typeof v === "string" && v.length > 80) return v.slice(0, 77) + "...";
  return v;
}

/** Text value (numbers and booleans become text); blank → undefined. */
export function text(v: unknown, ctx: FieldCtx, field: string): string | undefined {
  if (blank(v)) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return drop(ctx, field, v, "text");
}

/** A number; spreadsheet decoration ("$1,200", "25%", " 3 ") is tolerated. */
export function num(v: unknown, ctx: FieldCtx, field: string): number | undefined {
  if (blank(v)) return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : drop(ctx, field, String(v), "a finite number");
  if (typeof v === "string") {
    const cleaned = v.trim().replace(/^[$€£¥]|[$€£¥%]$/g, "").replace(/[,\s_]/g, "").replace(/^\+/, "");
    if (/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return Number(cleaned);
  }
  return drop(ctx, field, v, "a number");
}

/** An integer within [min, max]. */
export function int(v: unknown, ctx: FieldCtx, field: string, min: number, max: number): number | undefined {
  const n = num(v, ctx, field);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < min || n > max) return drop(ctx, field, v, `a whole number from ${min} to ${max}`);
  return n;
}

const TRUE = new Set(["true", "yes", "y", "1", "x", "✓", "t", "current"]);
const FALSE = new Set(["false", "no", "n", "0", "f", "", "past", "former"]);

/** A boolean from true/false, yes/no, 1/0, x. */
export function bool(v: unknown, ctx: FieldCtx, field: string): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean") return v;
  if (typeof v === "number" && (v === 0 || v === 1)) return v === 1;
  if (typeof v === "string") {
    const s = v.trim().toLowerCase();
    if (s === "") return undefined;
    if (TRUE.has(s)) return true;
    if (FALSE.has(s)) return false;
  }
  return drop(ctx, field, v, "true or false");
}

/** A partial date YYYY, YYYY-MM or YYYY-MM-DD; an ISO date-time is cut to its date. */
export function partialDate(v: unknown, ctx: FieldCtx, field: string): string | undefined {
  if (blank(v)) return undefined;
  const s = typeof v === "number" && Number.isInteger(v) ? String(v) : typeof v === "string" ? v.trim() : undefined;
  const m = s === undefined ? null : /^(\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)(?:[T ][\d:.]+(?:Z|[-+]\d\d:?\d\d)?)?$/.exec(s);
  if (m && m[1] && (m[1].length < 10 || new Date(m[1] + "T00:00:00Z").toISOString().startsWith(m[1]))) return m[1];
  return drop(ctx, field, v, "a date YYYY, YYYY-MM or YYYY-MM-DD");
}

/** Split a list cell on ";" (or on "," when there is no ";"); arrays pass through. Empty items dropped. */
export function list(v: unknown, ctx: FieldCtx, field: string): string[] | undefined {
  if (Array.isArray(v) && v.length === 0) return []; // JSON formats can say "none" explicitly
  if (blank(v)) return undefined;
  let items: unknown[];
  if (Array.isArray(v)) items = v;
  else if (typeof v === "string") {
    const s = v.trim();
    const json = /^\[.*\]$/s.test(s) ? jsonStringArray(s) : undefined; // items holding ";" are written as JSON
    const inner = /^\[.*\]$/s.test(s) ? s.slice(1, -1) : s; // Gephi list types print as "[a, b]"
    items = json ?? inner.split(inner.includes(";") ? ";" : inner.includes("|") ? "|" : ",");
  } else return drop(ctx, field, v, "a list");
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === "string" || typeof item === "number") {
      const t = String(item).trim();
      if (t !== "" && !out.includes(t)) out.push(t);
    } else drop(ctx, field, item, "a text item");
  }
  return out.length ? out : undefined;
}

function jsonStringArray(s: string): string[] | undefined {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A list as one cell: items joined with "; ", or a JSON array when an item would not survive that. */
export function listCell(items: readonly string[]): string {
  return items.some((i) => /[;|,]/.test(i) || /^\[|\]$/.test(i)) ? JSON.stringify(items) : items.join("; ");
}

/** Map each list item through `of`; unknown items are noted (as warnings, the record is kept) and left out. */
export function vocabList<T extends string>(
  v: unknown,
  ctx: FieldCtx,
  field: string,
  of: (s: string) => T | undefined,
): T[] | undefined {
  const items = list(v, ctx, field);
  if (!items) return undefined;
  if (items.length === 0) return [];
  const out: T[] = [];
  for (const item of items) {
    const t = of(item);
    if (t === undefined) ctx.rb.warn(ctx.ref, `unknown value ${JSON.stringify(shorten(item))} left out`, field);
    else if (!out.includes(t)) out.push(t);
  }
  return out.length ? out : undefined;
}

/** True for an absolute http(s) URL (the only links imported data may carry). */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s.trim());
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** A string-keyed object (or its JSON text) whose values pass `keep`. */
export function jsonObject(v: unknown, ctx: FieldCtx, field: string): Record<string, unknown> | undefined {
  if (blank(v)) return undefined;
  let o = v;
  if (typeof v === "string") {
    try {
      o = JSON.parse(v);
    } catch {
      return drop(ctx, field, v, "a JSON object");
    }
  }
  if (typeof o !== "object" || o === null || Array.isArray(o)) return drop(ctx, field, v, "an object");
  return o as Record<string, unknown>;
}

/** Keep only scalar values (custom fields hold text, numbers, booleans and null). */
export function scalarRecord(o: Record<string, unknown>, _ctx: FieldCtx, _field: string): Record<string, Scalar> | undefined {
  const out: Record<string, Scalar> = {};
  for (const [k, val] of Object.entries(o)) {
    if (isUnsafeKey(k)) continue;
    if (val === null || typeof val === "string" || typeof val === "boolean" || (typeof val === "number" && Number.isFinite(val))) out[k] = val;
    else if (val !== undefined) out[k] = JSON.stringify(val) ?? null; // nested data survives as JSON text
  }
  return Object.keys(out).length ? out : undefined;
}

/** External ids: values become strings. */
export function stringRecord(o: Record<string, unknown>, ctx: FieldCtx, field: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(o)) {
    if (isUnsafeKey(k)) continue;
    if (typeof val === "string" && val !== "") out[k] = val;
    else if (typeof val === "number" && Number.isFinite(val)) out[k] = String(val);
    else if (val !== undefined && val !== null) drop(ctx, `${field}.${k}`, val, "an id");
  }
  return Object.keys(out).length ? out : undefined;
}

export interface SourceOut {
  url?: string;
  title?: string;
  [k: string]: unknown;
}

/**
 * Sources from a list of objects, a JSON text, or a cell of entries separated by ";" / newlines,
 * each a URL, a title, or `Title <https://url>`. Non-http(s) URLs are dropped (the title is kept).
 */
export function sources(v: unknown, ctx: FieldCtx, field: string): SourceOut[] | undefined {
  if (blank(v)) return undefined;
  let items: unknown[];
  if (Array.isArray(v)) items = v;
  else if (typeof v === "string" && /^\s*\[/.test(v)) {
    try {
      const parsed: unknown = JSON.parse(v);
      items = Array.isArray(parsed) ? parsed : [v];
    } catch {
      items = splitSourceCell(v);
    }
  } else if (typeof v === "string") items = splitSourceCell(v);
  else if (typeof v === "object" && v !== null) items = [v];
  else return drop(ctx, field, v, "a source");
  const out: SourceOut[] = [];
  items.forEach((item, i) => {
    const s = sourceOf(item, ctx, `${field}.${i}`);
    if (s) out.push(s);
  });
  return out.length ? out : undefined;
}

function splitSourceCell(s: string): string[] {
  return s.split(/\s*(?:;|\r?\n)\s*/).filter((x) => x.trim() !== "");
}

function sourceOf(item: unknown, ctx: FieldCtx, field: string): SourceOut | undefined {
  let src: SourceOut;
  if (typeof item === "string") {
    const t = item.trim();
    const m = /^(.*?)\s*<([^<>\s]+)>$/s.exec(t);
    if (m) src = m[1] ? { title: m[1], url: m[2] } : { url: m[2] };
    else if (/^[a-z][a-z0-9+.-]*:/i.test(t) && !/\s/.test(t)) src = { url: t };
    else src = { title: t };
  } else if (typeof item === "object" && item !== null && !Array.isArray(item)) {
    src = Object.fromEntries(Object.entries(item).filter(([k]) => !isUnsafeKey(k)));
  } else return drop(ctx, field, item, "a source");
  const hasTitle = typeof src.title === "string" && src.title.trim() !== "";
  if (src.url !== undefined && (typeof src.url !== "string" || !isHttpUrl(src.url))) {
    ctx.rb.change(ctx.ref, `${JSON.stringify(shorten(src.url))} is not an http(s) URL; ${hasTitle ? "link" : "source"} dropped`, `${field}.url`);
    if (!hasTitle) return undefined;
    delete src.url;
  } else if (typeof src.url === "string") src.url = src.url.trim();
  if (src.url === undefined && !hasTitle) {
    ctx.rb.change(ctx.ref, "source has neither an http(s) URL nor a title; dropped", field);
    return undefined;
  }
  return src;
}
