/** The cached resources pages share, keyed by dataset so a change to one dataset refetches only its own. */
import type { Dataset, RiskResult } from "@paraat/core";
import { api, type ScenarioRecord } from "./endpoints.js";
import { invalidate, useQuery, type Query } from "./query.js";
import { resetPlan } from "./plan-job.js";

export const keys = {
  dataset: (name: string) => `ds:${name}:dataset`,
  risk: (name: string) => `ds:${name}:risk`,
  scenarios: (name: string) => `ds:${name}:scenarios`,
};

export function useDataset(name: string | null): Query<Dataset> {
  return useQuery(name === null ? null : keys.dataset(name), () => api.dataset(name!));
}

export function useScenarios(name: string | null): Query<ScenarioRecord[]> {
  return useQuery(name === null ? null : keys.scenarios(name), () => api.scenarios(name!));
}

/** After a scenario is saved or deleted. */
export function scenariosChanged(name: string): void {
  invalidate(keys.scenarios(name));
}

export function useRisk(name: string | null, enabled = true): Query<RiskResult> {
  return useQuery(name === null || !enabled ? null : keys.risk(name), () => api.risk(name!));
}

/** After an edit or import: everything derived from the dataset is stale. */
export function datasetChanged(name: string): void {
  invalidate(`ds:${name}:`);
  resetPlan(name);
}
