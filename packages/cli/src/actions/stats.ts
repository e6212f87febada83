import { unsourcedClaims } from "@powermap/core";
import type { Action } from "../command.ts";
import { EXIT_OK } from "../errors.ts";
import { formatScore, formatTable, safeCell, toJson } from "../format.ts";
import { loadMap } from "../input/load.ts";
import { summarize } from "../summary.ts";

/** `powermap stats FILE`: descriptive counts plus core's unsourced claims. */
export const stats: Action = async (args, ctx) => {
  const map = await loadMap(args, ctx, "stats");
  const summary = summarize(map.graph);
  const { counts } = unsourcedClaims(map.graph);
  const unsourced = { total: counts.unsourced, actors: counts.unsourcedActors, relationships: counts.unsourcedRelationships };
  if (args.values.json) {
    ctx.stdout.write(toJson({ format: map.format, ...summary, unsourced }));
    return EXIT_OK;
  }
  const out: string[] = [];
  if (summary.title) out.push(`Title:          ${safeCell(summary.title)}`);
  out.push(
    `Format:         ${map.format}`,
    `Actors:         ${summary.actors}`,
    `Relationships:  ${summary.relationships}`,
    `Components:     ${summary.components.count} (largest ${summary.components.largest}, isolated actors ${summary.components.isolated})`,
    `Density:        ${formatScore(summary.density)}`,
    `Unsourced:      ${unsourced.total} claims (${unsourced.actors} actors, ${unsourced.relationships} relationships)`,
  );
  ctx.stdout.write(out.join("\n") + "\n");
  for (const [title, table] of [
    ["actor kind", summary.actorsByKind],
    ["role", summary.actorsByRole],
    ["relationship kind", summary.relationshipsByKind],
  ] as const) {
    ctx.stdout.write("\n" + formatTable([{ title }, { title: "count", align: "right" }], Object.entries(table).map(([k, n]) => [k, String(n)])));
  }
  return EXIT_OK;
};
