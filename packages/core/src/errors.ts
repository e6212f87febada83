/**
 * Errors and issues. Programming mistakes (unknown id passed to a query, bad option) throw typed
 * subclasses of PowermapError whose message starts with where it came from
 * ("PowerMap.addActor: …"). Problems in user data are never thrown: they come back as Issue values.
 */

/** Where a problem sits in a document: the record (collection, index, id) and the field path. */
export interface Issue {
  /** Stable machine code, e.g. "invalid_type", "duplicate_id", "dangling_reference", "date_order". */
  code: string;
  /** Human message that names the record and field, e.g. `actors[3] (id "a3").stance: …`. */
  message: string;
  /** JSON path inside the document, e.g. ["actors", 3, "stance"]. */
  path: (string | number)[];
  /** The record the issue belongs to, when it belongs to one. */
  record?: { collection: "actors" | "relationships" | "meta"; index: number; id?: string };
  /** The field inside the record, dotted (e.g. "sources.0.url"). */
  field?: string;
  severity?: "error" | "warning";
}

export class PowermapError extends Error {
  override name = "PowermapError";
}
/** The caller used the API wrongly (bad option, wrong argument type). */
export class UsageError extends PowermapError {
  override name = "UsageError";
}
/** An id or name that does not exist in the map. */
export class NotFoundError extends PowermapError {
  override name = "NotFoundError";
}
/** An id that already exists. */
export class DuplicateIdError extends PowermapError {
  override name = "DuplicateIdError";
}
/** A name that matches several actors; `candidates` lists them so the caller can pick. */
export class AmbiguousNameError extends PowermapError {
  override name = "AmbiguousNameError";
  constructor(
    message: string,
    readonly candidates: { id: string; name: string }[],
  ) {
    super(message);
  }
}
/** Data that fails validation; `issues` names each record and field. */
export class ValidationError extends PowermapError {
  override name = "ValidationError";
  constructor(
    message: string,
    readonly issues: Issue[],
  ) {
    super(message);
  }
}
