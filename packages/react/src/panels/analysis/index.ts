/**
 * The question panels, described as data: `{ id, title, render }`. Pass them (or a subset) to
 * `<PowerMapEditor panels={…}>`; each renders inside the editor context.
 */
import { createElement, type ReactNode } from "react";
import "./analysis.css";
import { LayoutPanel } from "../../layouts/LayoutPanel.tsx";
import { AppearancePanel } from "./AppearancePanel.tsx";
import { InfluencePanel } from "./InfluencePanel.tsx";
import { PathsPanel } from "./PathsPanel.tsx";

export interface AnalysisPanel {
  id: string;
  title: string;
  /** What the panel answers, one line. */
  description: string;
  /** Starts closed in the side bar. */
  collapsed: boolean;
  render(): ReactNode;
}

export const ANALYSIS_PANELS: readonly AnalysisPanel[] = [
  { id: "influence", title: "Who influences…", description: "Rank who has sway over an actor or a group, with the paths.", collapsed: false, render: () => createElement(InfluencePanel) },
  { id: "paths", title: "Paths", description: "The best ways from one actor to another.", collapsed: true, render: () => createElement(PathsPanel) },
  { id: "size-colour", title: "Size & colour", description: "Size by power or centrality; colour by stance, kind, role or community.", collapsed: true, render: () => createElement(AppearancePanel) },
  { id: "layouts", title: "Layout", description: "Force-directed, circle, or the stance × power grid.", collapsed: true, render: () => createElement(LayoutPanel) },
];

/**
 * The panels in the shape `<PowerMapEditor panels>` takes (`{ id, title, content, collapsed }`),
 * optionally only the listed ids, in the listed order.
 */
export function analysisPanels(ids?: readonly string[]): { id: string; title: string; content: ReactNode; collapsed: boolean }[] {
  const chosen = ids ? ids.map((id) => ANALYSIS_PANELS.find((p) => p.id === id)).filter((p): p is AnalysisPanel => p !== undefined) : ANALYSIS_PANELS;
  return chosen.map((p) => ({ id: p.id, title: p.title, content: p.render(), collapsed: p.collapsed }));
}

export { InfluencePanel, PathsPanel, AppearancePanel, LayoutPanel };
export { ActorPicker } from "./ActorPicker.tsx";
export { matchActors } from "./match-actors.ts";
export { pathsHighlight, formatScore } from "./highlight.ts";
export { COLOR_OPTIONS, SIZE_OPTIONS, relationshipLegend } from "./appearance-options.ts";
