/**
 * "Who influences…": pick an actor or a group (e.g. the school board: its members count too), get a
 * ranked list from core's influencersOf; each entry expands to the paths that carry the influence,
 * and the paths light up on the map (all top entries after a run, one entry when it is opened).
 * On a big map the query runs in the analysis worker (see use-query-run.ts): progress and Cancel
 * here, and an edit meanwhile drops the run.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useEditor } from "../../context.ts";
import { ActorPicker } from "./ActorPicker.tsx";
import { pathsHighlight, formatScore } from "./highlight.ts";
import { PathList } from "./PathList.tsx";
import { influencersIn, type InfluenceEntry } from "./queries.ts";
import { QueryProgress } from "./QueryProgress.tsx";
import { firstWithRole, useVersion } from "./use-map-version.ts";
import { useAnalysisClient, useQueryRun } from "./use-query-run.ts";

/** How many entries light up together after a run. */
const LIT_ENTRIES = 5;

interface Result {
  target: string;
  entries: InfluenceEntry[];
  version: number;
}

export function InfluencePanel() {
  const { map, setHighlight, registerQuery, focusActor } = useEditor();
  const version = useVersion(map);
  const [target, setTarget] = useState<string | null>(() => firstWithRole(map, "target"));
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const client = useAnalysisClient();
  const query = useQueryRun(map, version);
  const startQuery = query.start;

  const light = useCallback(
    (entries: readonly InfluenceEntry[], targetId: string) => setHighlight(pathsHighlight(entries.flatMap((e) => e.paths), [targetId, ...entries.map((e) => e.id)])),
    [setHighlight],
  );

  const run = useCallback(
    (targetId: string | null): InfluenceEntry[] | Promise<InfluenceEntry[]> => {
      setOpen(null);
      if (targetId === null || !map.graph.hasNode(targetId)) {
        setResult(null);
        setError("Pick an actor or a group first.");
        return [];
      }
      const fail = (e: unknown): void => {
        setResult(null);
        setError(e instanceof Error ? e.message : String(e));
      };
      const resultVersion = map.version;
      setResult(null);
      setError(null);
      try {
        return startQuery(
          `Finding influencers of ${map.graph.getNodeAttributes(targetId).name}…`,
          (opts) => influencersIn(client, map, targetId, opts),
          (entries) => {
            setError(null);
            setResult({ target: targetId, entries, version: resultVersion });
            light(entries.slice(0, LIT_ENTRIES), targetId);
          },
          fail,
        );
      } catch (e) {
        fail(e);
        return [];
      }
    },
    [map, light, client, startQuery],
  );

  // Callable through the editor's imperative runQuery("influencers", { target }).
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(
    () =>
      registerQuery("influencers", (p) => {
        const t = typeof p.target === "string" ? p.target : null;
        if (t !== null) setTarget(t);
        return runRef.current(t);
      }),
    [registerQuery],
  );
  // Clear the map highlight when the panel goes away.
  useEffect(() => () => setHighlight(null), [setHighlight]);

  const toggle = (e: InfluenceEntry) => {
    if (!result) return;
    if (open === e.id) {
      setOpen(null);
      light(result.entries.slice(0, LIT_ENTRIES), result.target);
    } else {
      setOpen(e.id);
      light([e], result.target);
    }
  };

  return (
    <section className="pma-analysis" aria-label="Who influences">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          run(target);
        }}
      >
        <ActorPicker graph={map.graph} version={version} label="Target (actor or group)" value={target} onChange={setTarget} />
        <div className="pma-row">
          <button type="submit">Find influencers</button>
          {result && (
            <button
              type="button"
              onClick={() => {
                setResult(null);
                setHighlight(null);
              }}
            >
              Clear
            </button>
          )}
        </div>
      </form>
      <QueryProgress running={query.running} notice={query.notice} onCancel={query.cancel} />
      {error && <p role="alert" className="pma-error">{error}</p>}
      {result && (
        <>
          <p className="pma-muted" role="status">
            {result.entries.length === 0
              ? `Nobody influences ${map.graph.hasNode(result.target) ? map.graph.getNodeAttributes(result.target).name : result.target} in this map.`
              : `${result.entries.length} influencer${result.entries.length === 1 ? "" : "s"} of ${map.graph.hasNode(result.target) ? map.graph.getNodeAttributes(result.target).name : result.target}, strongest first.`}
            {result.version !== version && " The map changed since: run again to update."}
          </p>
          <ol className="pma-ranked" aria-label="Influencers">
            {result.entries.map((e, i) => (
              <li key={e.id} className={open === e.id ? "pma-active" : undefined}>
                <div className="pma-entry">
                  <button type="button" className="pma-entry-toggle" aria-expanded={open === e.id} onClick={() => toggle(e)}>
                    <span className="pma-rank">{i + 1}.</span> {e.name}
                    {e.effect === "opposes" && <span className="pma-tag pma-opposes">opposes</span>}
                    <span className="pma-score">{formatScore(e.score)}</span>
                  </button>
                  <button type="button" className="pma-link" onClick={() => focusActor(e.id)} aria-label={`Show ${e.name} on the map`} title="Centre the map on this actor">
                    Show
                  </button>
                </div>
                {open === e.id && <PathList paths={e.paths} label={`Paths from ${e.name}`} />}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
