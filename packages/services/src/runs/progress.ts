/** How a run reports how far it is: a fraction 0…1 and what it does now, in a few words. */
export type Progress = (fraction: number, message: string) => void;

/** The part [from, to] of a parent's progress: a step reporting 0…1 moves the parent from `from` to `to`. */
export function progressSpan(progress: Progress, from: number, to: number): Progress {
  return (fraction, message) => progress(from + (to - from) * Math.min(1, Math.max(0, fraction)), message);
}
