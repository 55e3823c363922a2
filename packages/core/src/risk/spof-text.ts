/** Words of a structural SPOF's explanation. */
import { list, months } from "../words.js";

/**
 * What losing a host does, after "Losing <host>": ` leaves A, B and C without any supply; E needs A
 * via E ← … ← A. Pool stock covers 2 months.` `first` holds the names of the first (at most 3) of
 * the `count` items left without supply, `path` the names from the end item down to the first one.
 * Joined in one go: a flat string is one heap object, where concatenating piece by piece would leave
 * a rope of several for the collector to copy.
 */
export function consequence(endName: string, first: string[], count: number, path: string[], cover: number | null): string {
  const parts = [" leaves ", list(first, 3, count), " without any supply"];
  if (path.length > 1) {
    parts.push("; ", endName, " needs ", first[0]!, " via ", path[0]!);
    for (let k = 1; k < path.length; k++) parts.push(" ← ", path[k]!);
  }
  parts.push(".");
  if (cover === 0) parts.push(" No pool stock covers the gap.");
  else if (cover !== null) parts.push(" Pool stock covers ", months(cover), count > 1 ? " at the least." : ".");
  return parts.join("");
}
