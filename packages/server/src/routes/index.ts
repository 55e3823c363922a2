import type { RouteSpec } from "./route-spec.js";
import { accountRoutes } from "./accounts.js";
import { analysisRoutes } from "./analysis.js";
import { authRoutes, type AuthRouteOptions } from "./auth.js";
import { datasetRoutes } from "./datasets.js";
import { jobRoutes } from "./jobs.js";
import { scenarioRoutes } from "./scenarios.js";

/** Every API route. A later module (scenarios, tenders, the fund) adds its own list here. */
export function apiRoutes(options: AuthRouteOptions): RouteSpec[] {
  return [...authRoutes(options), ...datasetRoutes(), ...analysisRoutes(), ...scenarioRoutes(), ...jobRoutes(), ...accountRoutes()];
}
