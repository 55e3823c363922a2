/** Typed calls of the routes in docs/api.md that the web app uses. */
import type {
  Dataset,
  DatasetSummary,
  MonteCarloSummary,
  NodeSurvival,
  PlanResult,
  RiskResult,
  Scenario,
  ScenarioComparison,
} from "@paraat/core";
import { apiUrl, getJson, request } from "./client.js";
import type { AuditEntry, DatasetInfo, EntityChange, Job, Me, User } from "./types.js";

export interface ScenarioRecord {
  dataset: string;
  name: string;
  scenario: Scenario;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

export interface SurviveResult {
  from: string;
  nodes: NodeSurvival[];
}

export interface PlanRunOptions {
  ties?: "due-date" | "pro-rata";
}

const ds = (name: string): string => `/api/datasets/${encodeURIComponent(name)}`;

export const api = {
  me: () => getJson<Me>("/api/auth/me"),
  login: async (username: string, password: string) =>
    (await request<{ user: User }>("/api/auth/login", { method: "POST", body: { username, password } })).data,
  logout: async () => {
    await request<void>("/api/auth/logout", { method: "POST" });
  },
  datasets: async (options: { quiet?: boolean } = {}) => (await request<DatasetInfo[]>("/api/datasets", options)).data,
  dataset: (name: string) => getJson<Dataset>(ds(name)),
  summary: (name: string) => getJson<DatasetSummary>(`${ds(name)}/summary`),
  risk: (name: string) => getJson<RiskResult>(`${ds(name)}/risk`),
  /** 200 with the cached plan, or 202 with the job that computes it. */
  getPlan: (name: string) => request<PlanResult | Job>(`${ds(name)}/plan`),
  /** Options as the plan request schema takes them (e.g. the tie rule); {} plans with the defaults. */
  runPlan: (name: string, options: PlanRunOptions = {}) => request<PlanResult | Job>(`${ds(name)}/plan`, { method: "POST", body: options }),
  job: (id: string) => getJson<Job>(`/api/jobs/${encodeURIComponent(id)}`),
  jobEventsUrl: (id: string) => `/api/jobs/${encodeURIComponent(id)}/events`,
  jobResult: <T>(job: Pick<Job, "id" | "resultUrl">) => getJson<T>(job.resultUrl ?? `/api/jobs/${encodeURIComponent(job.id)}/result`),
  audit: (query: { dataset?: string; actor?: string; limit?: number; before?: string }) =>
    getJson<AuditEntry[] | { entries: AuditEntry[] }>("/api/audit", query),
  importDataset: async (body: ArrayBuffer, contentType: string, query: { name?: string; replace?: boolean; filename?: string }) =>
    (await request<DatasetInfo>("/api/datasets/import", { method: "POST", body, contentType, query })).data,
  putEntity: async (name: string, entity: string, key: string, row: unknown) =>
    (
      await request<EntityChange>(`${ds(name)}/entities/${encodeURIComponent(entity)}/${encodeURIComponent(key)}`, {
        method: "PUT",
        body: row,
      })
    ).data,
  postEntity: async (name: string, entity: string, row: unknown) =>
    (await request<EntityChange>(`${ds(name)}/entities/${encodeURIComponent(entity)}`, { method: "POST", body: row })).data,
  deleteEntity: async (name: string, entity: string, key: string) =>
    (await request<EntityChange>(`${ds(name)}/entities/${encodeURIComponent(entity)}/${encodeURIComponent(key)}`, { method: "DELETE" }))
      .data,
  scenarios: (name: string) => getJson<ScenarioRecord[]>(`${ds(name)}/scenarios`),
  putScenario: async (name: string, scenario: { name: string }) =>
    (await request<ScenarioRecord>(`${ds(name)}/scenarios/${encodeURIComponent(scenario.name)}`, { method: "PUT", body: scenario })).data,
  deleteScenario: async (name: string, scenario: string) => {
    await request<void>(`${ds(name)}/scenarios/${encodeURIComponent(scenario)}`, { method: "DELETE" });
  },
  compare: (name: string, body: { scenarios?: string[] }) =>
    request<ScenarioComparison | Job>(`${ds(name)}/scenarios/compare`, { method: "POST", body }),
  monteCarlo: (name: string, body: { events: unknown; runs: number; seed: number; scenario?: string }) =>
    request<MonteCarloSummary | Job>(`${ds(name)}/montecarlo`, { method: "POST", body }),
  survive: (name: string, body: { from?: string; node?: string; scenario?: string }) =>
    request<SurviveResult | Job>(`${ds(name)}/survive`, { method: "POST", body }),
  exportUrl: (name: string, format: "json" | "xlsx" | "csv") => apiUrl(`${ds(name)}/export`, { format }),
};

/** A plan route's answer: the result itself, or a job to follow. */
export function isJob(value: unknown): value is Job {
  return typeof value === "object" && value !== null && "status" in value && "id" in value && !("demands" in value);
}
