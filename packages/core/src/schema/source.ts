import { z } from "zod";
import { HttpUrl, PartialDate } from "./common.ts";

/** Evidence for a claim: a document, article or filing. A source needs a URL or a title. */
export const Source = z
  .looseObject({
    url: HttpUrl.optional(),
    title: z.string().max(2000).optional(),
    publisher: z.string().max(500).optional(),
    accessed: PartialDate.optional(),
    published: PartialDate.optional(),
    quote: z.string().max(20000).optional(),
  })
  .refine((s) => s.url !== undefined || (s.title !== undefined && s.title.trim() !== ""), {
    message: "a source needs a url or a title",
    path: ["url"],
  });
export type Source = z.infer<typeof Source>;
