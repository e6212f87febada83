import type { MultiDirectedGraph } from "graphology";
import type { Actor } from "../schema/actor.ts";
import type { Meta } from "../schema/document.ts";
import type { Relationship } from "../schema/relationship.ts";

/**
 * The graph under every power map: a graphology multi directed graph whose node keys are actor ids
 * with the Actor record as attributes, and whose edge keys are relationship ids with the
 * Relationship record as attributes (source = `from`, target = `to`). Analysis code reads this.
 */
export type PowerGraph = MultiDirectedGraph<Actor, Relationship, Meta>;
