/** Small mutable state shared by the canvas controllers for one gesture (not React state). */
export interface Interaction {
  /** Clicks arriving before this time (ms) are the tail of a drag or box select: ignore them. */
  suppressClickUntil: number;
  /** A node drag or connect drag is in progress. */
  dragging: boolean;
}

export const createInteraction = (): Interaction => ({ suppressClickUntil: 0, dragging: false });

export const suppressNextClick = (i: Interaction) => {
  i.suppressClickUntil = Date.now() + 400;
};

export const clickSuppressed = (i: Interaction) => Date.now() < i.suppressClickUntil;
