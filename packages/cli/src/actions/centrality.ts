import { centrality, CENTRALITY_MEASURES, snapshotFromDocument, type CentralityOptions } from "@powermap/core";
import { choiceOption, intOption } from "../args.ts";
import type { Action } from "../command.ts";
import { asOfOption } from "../dates.ts";
import { EXIT_OK } from "../errors.ts";
import { formatScore, formatTable, toJson } from "../format.ts";
import { loadMap } from "../input/load.ts";
import { startProgress } from "../progress.ts";

/** Betweenness and closeness are all-pairs: a progress bar helps above this many actors. */
const LONG_NODES = 3000;

/** `powermap centrality FILE --measure M`: core's ranking as a table or JSON. */
export const centralityAction: Action = async (args, ctx) => {
  const measure = choiceOption(args, "measure", "centrality", CENTRALITY_MEASURES)!;
  const top = intOption(args, "top", "centrality", { min: 1 });
  const asOf = asOfOption(args, "centrality");
  const map = await loadMap(args, ctx, "centrality");
  const opts: CentralityOptions = { top, asOf, weighted: args.values.weighted === true };
  // An undirected input graph (or --undirected) takes the undirected view: networkx's conventions.
  if ((map.undirected || args.values.undirected === true) && measure !== "indegree" && measure !== "outdegree") opts.direction = "undirected";
  // Straight from the document to the analysis snapshot: no editing model for a one-off measure.
  const snapshot = snapshotFromDocument(map.document, { asOf });
  const long = (measure === "betweenness" || measure === "closeness") && snapshot.n > LONG_NODES;
  const progress = startProgress(ctx, `Computing ${measure}`, long);
  let ranked;
  try {
    ranked = centrality(snapshot, measure, opts);
  } finally {
    progress.finish();
  }
  const rows = ranked.map((r) => ({ id: r.id, name: r.name, score: r.score }));
  if (args.values.json) ctx.stdout.write(toJson(rows));
  else
    ctx.stdout.write(
      formatTable(
        [{ title: "#", align: "right" }, { title: "name" }, { title: "id" }, { title: measure, align: "right" }],
        rows.map((r, i) => [String(i + 1), r.name, r.id, formatScore(r.score)]),
      ),
    );
  return EXIT_OK;
};
