/** Colour palettes for the canvas and the legend (one place, so both agree). */
import type { Actor, ActorKind, ActorRole, RelationshipKind } from "@powermap/core";

export const STANCE_COLORS: Readonly<Record<string, string>> = {
  "-2": "#c62828",
  "-1": "#ef6c00",
  "0": "#d4a72c",
  "1": "#7cb342",
  "2": "#2e7d32",
  unknown: "#9e9e9e",
};
export const STANCE_LABELS: Readonly<Record<string, string>> = {
  "-2": "Strongly opposed",
  "-1": "Opposed",
  "0": "Neutral",
  "1": "Supportive",
  "2": "Strongly supportive",
  unknown: "Unknown",
};

export const KIND_COLORS: Readonly<Record<ActorKind, string>> = {
  person: "#5c6bc0",
  government_body: "#8e24aa",
  company: "#e53935",
  financial_institution: "#6d4c41",
  nonprofit: "#00897b",
  union: "#43a047",
  community_group: "#7cb342",
  media: "#fb8c00",
  political_committee: "#d81b60",
  faith_group: "#3949ab",
  school: "#039be5",
  other: "#757575",
};

/** Roles by priority: an actor with several roles takes the colour of the first one it has. */
export const ROLE_ORDER: readonly ActorRole[] = ["own", "target", "ally", "opposition", "bad_actor", "power_broker", "influencer"];
export const ROLE_COLORS: Readonly<Record<ActorRole | "none", string>> = {
  own: "#2e7d32",
  target: "#c62828",
  ally: "#7cb342",
  opposition: "#ef6c00",
  bad_actor: "#4e342e",
  power_broker: "#6a1b9a",
  influencer: "#1565c0",
  none: "#9e9e9e",
};

export function primaryRole(a: Actor): ActorRole | "none" {
  const roles = a.roles ?? [];
  return ROLE_ORDER.find((r) => roles.includes(r)) ?? "none";
}

export const COMMUNITY_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

export const RELATIONSHIP_COLORS: Readonly<Record<RelationshipKind, string>> = {
  position: "#5c6bc0",
  employment: "#7986cb",
  membership: "#9fa8da",
  professional: "#90a4ae",
  education: "#b0bec5",
  ownership: "#8d6e63",
  subsidiary: "#a1887f",
  donation: "#2e7d32",
  funding: "#43a047",
  contract: "#9e9d24",
  lobbying: "#f9a825",
  appointment: "#6a1b9a",
  endorsement: "#00838f",
  influence: "#00897b",
  alliance: "#26a69a",
  family: "#ad1457",
  social: "#ec407a",
  conflict: "#d32f2f",
};

/** Colour used for faded (filtered or not highlighted) items. */
export const FADED_NODE = "#e4e4e4";
export const FADED_EDGE = "#efefef";
export const SELECTED_EDGE = "#111111";
