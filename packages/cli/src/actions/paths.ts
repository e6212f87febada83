import { pathsBetween, resolveActor, type PathsOptions } from "@powermap/core";
import { intOption, stringOption } from "../args.ts";
import type { Action } from "../command.ts";
import { asOfOption } from "../dates.ts";
import { EXIT_OK } from "../errors.ts";
import { explainPath } from "../explain.ts";
import { safeCell, toJson } from "../format.ts";
import { loadMap } from "../input/load.ts";

/** `powermap paths FILE --from A --to B`: core's k best explained paths. */
export const paths: Action = async (args, ctx) => {
  const k = intOption(args, "k", "paths", { min: 1, max: 100 }) ?? 3;
  const asOf = asOfOption(args, "paths");
  const map = await loadMap(args, ctx, "paths");
  const fromRef = stringOption(args, "from");
  const from = fromRef === undefined ? undefined : resolveActor(map.graph, fromRef, "--from");
  const to = resolveActor(map.graph, stringOption(args, "to")!, "--to");
  const opts: PathsOptions = { k };
  if (asOf !== undefined) opts.asOf = asOf;
  const found = pathsBetween(map.graph, from, to, opts);
  if (args.values.json) {
    ctx.stdout.write(toJson(found));
    return EXIT_OK;
  }
  const name = (id: string | undefined) => (id === undefined ? "the campaign's own actors" : safeCell(map.graph.getNodeAttributes(id).name));
  if (found.length === 0) {
    ctx.stdout.write(`No path from ${name(from)} to ${name(to)}.\n`);
    return EXIT_OK;
  }
  ctx.stdout.write(`${found.length} path${found.length === 1 ? "" : "s"} from ${name(from)} to ${name(to)}, best first:\n\n`);
  found.forEach((p, i) => ctx.stdout.write(`${String(i + 1).padStart(2)}. ${explainPath(p, "      ").join("\n")}\n`));
  return EXIT_OK;
};
