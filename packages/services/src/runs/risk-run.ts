/** The work of a risk analysis as one plain function (see plan-run.ts): a dataset in, the RiskResult out. */
import { analyzeRisk, type Dataset, type RiskResult } from "@paraat/core";
import type { Progress } from "./progress.js";

export interface RiskRunInput {
  dataset: Dataset;
}

export function runRisk(input: RiskRunInput, progress: Progress): Promise<RiskResult> {
  progress(0, "analysing the risks");
  const result = analyzeRisk(input.dataset);
  progress(1, "risks analysed");
  return Promise.resolve(result);
}
