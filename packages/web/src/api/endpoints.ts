/** Typed calls of the routes in docs/api.md that the web app uses. */
import type { Dataset, DatasetSummary, PlanResult, RiskResult } from "@paraat/core";
import { apiUrl, getJson, request } from "./client.js";
import type { AuditEntry, DatasetInfo, EntityChange, Job, Me, User } from "./types.js";

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
  exportUrl: (name: string, format: "json" | "xlsx" | "csv") => apiUrl(`${ds(name)}/export`, { format }),
};

/** A plan route's answer: the result itself, or a job to follow. */
export function isJob(value: unknown): value is Job {
  return typeof value === "object" && value !== null && "status" in value && "id" in value && !("demands" in value);
}
