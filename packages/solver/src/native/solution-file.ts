import type { LpBasis, LpStatus } from "@paraat/core";

/** What a native solver's solution file says, before the objective constant is added back. */
export interface NativeSolutionFile {
  status: LpStatus;
  /** As the solver reports it (without the objective constant). NaN without a solution. */
  objective: number;
  primal: Map<string, number>;
  duals: Map<string, number>;
  message?: string;
  /** Peak resident memory of the solver process, when it could be sampled. */
  peakRssMb?: number;
  /** CPU time of the solver process, when it could be sampled. */
  cpuMs?: number;
  /** The optimal basis, when it was asked for and the solver wrote one. */
  basis?: LpBasis;
}

export const withoutSolution = (status: LpStatus, message?: string): NativeSolutionFile => ({
  status,
  objective: NaN,
  primal: new Map(),
  duals: new Map(),
  ...(message === undefined ? {} : { message }),
});
