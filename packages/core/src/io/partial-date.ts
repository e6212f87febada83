/**
 * Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) stand for a span of days. Comparisons use the span's
 * first and last day, as sortable strings: "2020" starts at "2020-01-01" and ends at "2020-12-31".
 * (A month ends at day "31" for every month: only the ordering matters here.)
 */
const FULL = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const isPartialDate = (v: unknown): v is string => typeof v === "string" && FULL.test(v);

export function firstDay(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

export function lastDay(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

/** Today as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
