/**
 * Field edits from forms and table cells: validate the candidate record with the core schemas and
 * only then call the map command. Returns the message to show next to the field, or null on success.
 */
import { ValidationError, type Actor, type Meta, type PowerMap, type Relationship } from "@powermap/core";
import { messageFor, validateActor, validateRelationship } from "./validate.ts";

export type EditResult = string | null;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function editActor(map: PowerMap, id: string, patch: Partial<Actor>, field: string): EditResult {
  if (!map.graph.hasNode(id)) return "this actor no longer exists";
  const issues = validateActor(map.graph.getNodeAttributes(id), patch);
  if (issues.length) return messageFor(issues, field) ?? issues[0].message;
  try {
    map.updateActor(id, patch);
    return null;
  } catch (e) {
    return errorText(e);
  }
}

export function editRelationship(map: PowerMap, id: string, patch: Partial<Relationship>, field: string): EditResult {
  if (!map.graph.hasEdge(id)) return "this relationship no longer exists";
  const rel = map.graph.getEdgeAttributes(id);
  if (patch.from !== undefined && !map.graph.hasNode(patch.from)) return `no actor with id "${patch.from}"`;
  if (patch.to !== undefined && !map.graph.hasNode(patch.to)) return `no actor with id "${patch.to}"`;
  const issues = validateRelationship(rel, patch);
  if (issues.length) return messageFor(issues, field) ?? issues[0].message;
  try {
    map.updateRelationship(id, patch);
    return null;
  } catch (e) {
    return errorText(e);
  }
}

/** Changes the map's title, description … (one undo step); the schema's message on bad input. */
export function editMeta(map: PowerMap, patch: Partial<Meta>): EditResult {
  try {
    map.updateMeta(patch);
    return null;
  } catch (e) {
    return e instanceof ValidationError && e.issues.length > 0 ? e.issues[0]!.message : errorText(e);
  }
}
