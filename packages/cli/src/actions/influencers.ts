import { influencersOf, resolveActor, type InfluencersOptions } from "@powermap/core";
import { intOption, stringOption } from "../args.ts";
import type { Action } from "../command.ts";
import { asOfOption } from "../dates.ts";
import { EXIT_OK } from "../errors.ts";
import { explainPath } from "../explain.ts";
import { formatScore, formatTable, safeCell, toJson } from "../format.ts";
import { loadMap } from "../input/load.ts";

/** `powermap influencers FILE --target X`: core's influencersOf, ranked, with each best path. */
export const influencers: Action = async (args, ctx) => {
  const depth = intOption(args, "depth", "influencers", { min: 1, max: 10 });
  const top = intOption(args, "top", "influencers", { min: 1 });
  const asOf = asOfOption(args, "influencers");
  const map = await loadMap(args, ctx, "influencers");
  // Resolved here so an unknown or ambiguous name is reported against the option: `--target: …`.
  const target = resolveActor(map.graph, stringOption(args, "target")!, "--target");
  const opts: InfluencersOptions = {};
  if (depth !== undefined) opts.depth = depth;
  if (asOf !== undefined) opts.asOf = asOf;
  if (top !== undefined) opts.top = top;
  const ranked = influencersOf(map.graph, target, opts);
  if (args.values.json) {
    ctx.stdout.write(toJson(ranked));
    return EXIT_OK;
  }
  const targetName = safeCell(map.graph.getNodeAttributes(target).name);
  if (ranked.length === 0) {
    ctx.stdout.write(`No influencers of ${targetName} found.\n`);
    return EXIT_OK;
  }
  ctx.stdout.write(`Influencers of ${targetName}${asOf ? ` as of ${asOf}` : ""}:\n\n`);
  ctx.stdout.write(
    formatTable(
      [{ title: "#", align: "right" }, { title: "name" }, { title: "id" }, { title: "score", align: "right" }, { title: "effect" }],
      ranked.map((r, i) => [String(i + 1), r.name, r.id, formatScore(r.score), r.effect]),
    ),
  );
  if (ranked.some((r) => r.paths.length > 0)) {
    ctx.stdout.write("\nBest path of each:\n");
    ranked.forEach((r, i) => {
      const best = r.paths[0];
      if (best) ctx.stdout.write(`${String(i + 1).padStart(3)}. ${explainPath(best, "       ").join("\n")}\n`);
    });
  }
  return EXIT_OK;
};
