import { RELATIONSHIP_KIND_INFO } from "../../kinds.ts";
import { RELATIONSHIP_KINDS, type RelationshipKind } from "../../schema/index.ts";

/**
 * Oligrapher edges carry only a free-text label, so the kind is guessed from it. First match wins;
 * the patterns cover LittleSis's relationship labels ("CEO", "Board Member", "$1,000", "Parent company").
 */
export const OLIGRAPHER_LABEL_KINDS: readonly (readonly [RegExp, RelationshipKind])[] = [
  [/^\$\s?[\d,]+(\.\d+)?$/, "donation"],
  [/\b(donat|contribut|donor|gave|campaign)/i, "donation"],
  [/\b(owner|owns|shareholder|stake|holding|investor)/i, "ownership"],
  [/\b(grant|fund(s|ed|ing|er)?|invest(ment|s|ed)?)\b/i, "funding"],
  [/\b(parent|subsidiary|child org)/i, "subsidiary"],
  [/\b(lobb)/i, "lobbying"],
  [/\b(colleague|professional|business (partner|associate)|associate)\b/i, "professional"],
  [/\b(ceo|cfo|coo|cto|chair(man|woman|person)?|president|director|board|trustee|officer|founder|executive|governor|senator|secretary|treasurer|vice|head|partner|commissioner|mayor|member of congress)\b/i, "position"],
  [/\b(employee|staff|works? (at|for)|employ)/i, "employment"],
  [/\b(member|membership)\b/i, "membership"],
  [/\b(student|alumn|graduate|degree|studied)/i, "education"],
  [/\b(spouse|wife|husband|son|daughter|brother|sister|father|mother|sibling|cousin|relative|family|married)\b/i, "family"],
  [/\b(friend|social)\b/i, "social"],
  [/\b(contract|client|vendor|service|transaction|supplier)\b/i, "contract"],
  [/\b(appoint)/i, "appointment"],
  [/\b(endors)/i, "endorsement"],
  [/\b(ally|allies|alliance|coalition)\b/i, "alliance"],
  [/\b(oppos|conflict|against|rival)/i, "conflict"],
];

const EXACT = new Map<string, RelationshipKind>();
for (const kind of RELATIONSHIP_KINDS) {
  const info = RELATIONSHIP_KIND_INFO[kind];
  EXACT.set(kind, kind);
  EXACT.set(info.label.toLowerCase(), kind);
  EXACT.set(info.verb.toLowerCase(), kind);
}

/** The kind a label names, or undefined when no rule matches. Our own kind names and labels match exactly. */
export function kindFromLabel(label: string): RelationshipKind | undefined {
  const clean = label.replace(/\s*\(past\)\s*$/i, "").trim();
  const exact = EXACT.get(clean.toLowerCase());
  if (exact) return exact;
  for (const [re, kind] of OLIGRAPHER_LABEL_KINDS) if (re.test(clean)) return kind;
  return undefined;
}

/** "$1,000" → 1000 (the way LittleSis labels donation edges on maps), else undefined. */
export function amountFromLabel(label: string): number | undefined {
  const m = /^\$\s?([\d,]+(?:\.\d+)?)$/.exec(label.trim());
  if (!m?.[1]) return undefined;
  const n = Number(m[1].replace(/,/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

/** 1000 → "$1,000" (inverse of amountFromLabel for whole and fractional dollars). */
export function labelFromAmount(amount: number): string {
  return "$" + amount.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
