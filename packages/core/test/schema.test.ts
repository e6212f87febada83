import { describe, expect, it } from "vitest";
import { Actor, Source } from "../src/schema/index.ts";

describe("schema", () => {
  it("rejects javascript: urls in sources", () => {
    expect(Source.safeParse({ url: "javascript:alert(1)" }).success).toBe(false);
    expect(Source.safeParse({ url: "https://example.org/a" }).success).toBe(true);
  });
  it("keeps unknown actor fields", () => {
    const a = Actor.parse({ id: "a", name: "A", kind: "person", extra: 1 });
    expect((a as Record<string, unknown>).extra).toBe(1);
  });
});
