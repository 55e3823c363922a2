import { ParaatError } from "@paraat/core";

/** The error of a run or job stopped on request. */
export function cancelledError(what = "the run"): ParaatError {
  return new ParaatError("CANCELLED", `${what} was cancelled`);
}
