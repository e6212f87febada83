import { describe, expect, it } from "vitest";
import type { Context, OutStream } from "../src/context.ts";
import { startProgress } from "../src/progress.ts";

function fakeContext(isTTY: boolean, quiet = false): { ctx: Context; err: string[] } {
  const err: string[] = [];
  const stream = (sink: string[]): OutStream => ({ isTTY, write: (s: string) => sink.push(s) });
  return { ctx: { stdout: stream([]), stderr: stream(err), quiet, debug: false }, err };
}

describe("startProgress", () => {
  it("draws a bar on a terminal and erases it at the end", () => {
    const { ctx, err } = fakeContext(true);
    const p = startProgress(ctx, "Reading big.json");
    p.update(50, 100);
    p.update(100, 100);
    p.finish();
    const text = err.join("");
    expect(text).toContain("Reading big.json");
    expect(text).toMatch(/\[#{15}\.{15}\]\s+50%/);
    expect(text).toMatch(/100%/);
    expect(err.at(-1)).toBe("\r\x1b[K");
  });

  it("prints nothing on a pipe, with --quiet, or for short work", () => {
    for (const [tty, quiet, long] of [[false, false, true], [true, true, true], [true, false, false]] as const) {
      const { ctx, err } = fakeContext(tty, quiet);
      const p = startProgress(ctx, "Importing", long);
      p.update(1, 2);
      p.finish();
      expect(err).toEqual([]);
    }
  });
});
