/**
 * What counts as a big map. From this many actors or relationships on, the editor draws for
 * throughput: hover and selection emphasise without fading the whole map (so only the touched items
 * are repainted), edges are hairlines without a picking pass and hidden while the camera moves.
 */
export const BIG_MAP_NODES = 5_000;
export const BIG_MAP_EDGES = 20_000;

export const isBigMap = (graph: { order: number; size: number }): boolean => graph.order >= BIG_MAP_NODES || graph.size >= BIG_MAP_EDGES;
