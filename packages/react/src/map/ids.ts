/** Readable, unique ids for records the editor creates ("new-actor", "new-actor-2" …). */

export function slugify(text: string): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return s || "item";
}

/** `base` if free, else `base-2`, `base-3` … */
export function uniqueId(base: string, exists: (id: string) => boolean): string {
  if (!exists(base)) return base;
  for (let i = 2; ; i++) if (!exists(`${base}-${i}`)) return `${base}-${i}`;
}
