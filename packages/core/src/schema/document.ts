import { z } from "zod";
import { Actor } from "./actor.ts";
import { Relationship } from "./relationship.ts";
import { Source } from "./source.ts";

export const FORMAT_NAME = "powermap";
export const FORMAT_VERSION = 1;

export const Meta = z.looseObject({
  title: z.string().max(1000).optional(),
  description: z.string().max(20000).optional(),
  campaign: z.string().max(1000).optional(),
  author: z.string().max(500).optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  sources: z.array(Source).optional(),
});
export type Meta = z.infer<typeof Meta>;

/**
 * The file format: `{ format: "powermap", version: 1, meta, actors, relationships }`.
 * Cross-record rules (unique ids, relationships pointing at existing actors, start ≤ end) are
 * checked by `parse`, which reports them as issues naming the record and field.
 */
export const PowerMapDocument = z.looseObject({
  format: z.literal(FORMAT_NAME),
  version: z.literal(FORMAT_VERSION),
  meta: Meta,
  actors: z.array(Actor),
  relationships: z.array(Relationship),
});
export type PowerMapDocument = z.infer<typeof PowerMapDocument>;
