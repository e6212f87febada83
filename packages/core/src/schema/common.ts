import { z } from "zod";

/** A calendar date as organizers know it: a year, a month or a day (ISO 8601 prefix). */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "expected a date YYYY, YYYY-MM or YYYY-MM-DD")
  .refine((s) => s.length < 10 || !Number.isNaN(Date.parse(s + "T00:00:00Z")) && new Date(s + "T00:00:00Z").toISOString().startsWith(s), "not a real calendar date");
export type PartialDate = z.infer<typeof PartialDate>;

/** Only http(s) links are accepted: imported data must never carry `javascript:` or `data:` URLs. */
export const HttpUrl = z
  .string()
  .max(4096)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "expected an http:// or https:// URL");

export const Id = z.string().min(1, "id must not be empty").max(512);

/** Free-form user columns (a spreadsheet's extra columns, Kumu fields …). */
export const CustomFields = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** Ids of the same entity in other databases: littlesis, wikidata, opensanctions, oligrapher, kumu … */
export const ExternalIds = z.record(z.string(), z.string());

export const Position = z.object({ x: z.number().finite(), y: z.number().finite() });
