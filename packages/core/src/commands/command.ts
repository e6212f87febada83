/**
 * Commands and history. Every change to a PowerMap is a Command that knows how to apply itself and
 * how to invert (undo) itself, so undo/redo needs no snapshots of the whole map.
 */

/** What kind of change happened (the editor re-renders the ids listed in the Change). */
export type ChangeType =
  | "addActor"
  | "updateActor"
  | "removeActor"
  | "addRelationship"
  | "updateRelationship"
  | "removeRelationship"
  | "updateMeta"
  | "replaceDocument"
  | "batch";

export interface Change {
  type: ChangeType;
  /** The command's label, e.g. "Add actor" or the label given to `batch`. */
  label: string;
  /** Ids of actors and relationships touched (both lists together). */
  ids: string[];
  actorIds: string[];
  relationshipIds: string[];
}

/** A reversible change. `apply` and `invert` each return the Change they made. */
export interface Command {
  readonly label: string;
  apply(): Change;
  invert(): Change;
}

export function change(type: ChangeType, label: string, actorIds: string[] = [], relationshipIds: string[] = []): Change {
  return { type, label, ids: [...actorIds, ...relationshipIds], actorIds, relationshipIds };
}

/** Merges the changes of a group into one "batch" change (ids de-duplicated, order kept). */
export function mergeChanges(label: string, changes: Change[]): Change {
  const actors = new Set<string>();
  const rels = new Set<string>();
  for (const c of changes) {
    for (const id of c.actorIds) actors.add(id);
    for (const id of c.relationshipIds) rels.add(id);
  }
  return change("batch", label, [...actors], [...rels]);
}

/** A group of commands applied in order and inverted in reverse order: one undo step. */
export function batchCommand(label: string, commands: Command[]): Command {
  return {
    label,
    apply: () => mergeChanges(label, commands.map((c) => c.apply())),
    invert: () => mergeChanges(label, [...commands].reverse().map((c) => c.invert())),
  };
}

/** Undo and redo stacks. A new command clears the redo stack. */
export class History {
  private readonly done: Command[] = [];
  private undone: Command[] = [];

  constructor(private readonly limit = 1000) {}

  push(command: Command): void {
    this.done.push(command);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }
  /** Label of the step `undo` would revert, for menus ("Undo Move actor"). */
  get undoLabel(): string | undefined {
    return this.done[this.done.length - 1]?.label;
  }
  get redoLabel(): string | undefined {
    return this.undone[this.undone.length - 1]?.label;
  }

  undo(): Change | undefined {
    const c = this.done.pop();
    if (!c) return undefined;
    const ch = c.invert();
    this.undone.push(c);
    return ch;
  }

  redo(): Change | undefined {
    const c = this.undone.pop();
    if (!c) return undefined;
    const ch = c.apply();
    this.done.push(c);
    return ch;
  }

  clear(): void {
    this.done.length = 0;
    this.undone = [];
  }
}
