/** Readable, unique ids for records created without one ("Linda Harmon" → "linda-harmon", "linda-harmon-2"). */
export function slug(text: string, fallback = "item"): string {
  const s = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return s === "" ? fallback : s;
}

/** `base` if free, else `base-2`, `base-3` … */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** uniqueId against a set of ids in use, which it then joins (importers numbering their records). */
export function claimId(base: string, taken: Set<string>): string {
  const id = uniqueId(base, (x) => taken.has(x));
  taken.add(id);
  return id;
}
