import { addLine, FtmAccumulator } from "./ftm-map.ts";
import type { ImportResult } from "./report.ts";

/**
 * Import FollowTheMoney JSON Lines from a stream of lines (e.g. `readline` over a file stream), so a
 * 100 MB file never sits in one string. Edges may come before their entities: they are kept until
 * the end and resolved then; those whose entities never come are reported as skipped.
 * Chunks that contain several lines are split, so a stream of text chunks ending on line breaks works too.
 */
export async function importFtmStream(lines: AsyncIterable<string> | Iterable<string>): Promise<ImportResult> {
  const acc = new FtmAccumulator();
  let n = 0;
  for await (const chunk of lines) {
    if (chunk.includes("\n")) {
      const parts = chunk.split("\n");
      if (parts[parts.length - 1] === "") parts.pop(); // a chunk ending on a line break
      for (const line of parts) addLine(acc, line, ++n);
    } else addLine(acc, chunk, ++n);
  }
  return acc.finish();
}
