/**
 * Shapes of the HTTP API (docs/api.md) as the web app reads them. Domain results (plan, risk, dataset)
 * are core's own types, imported as types only so no server code reaches the bundle.
 */
import type { EntityName, ValidationIssue } from "@paraat/core";

export const roles = ["admin", "analyst", "procurement", "fund", "viewer"] as const;
export type Role = (typeof roles)[number];

/** Permission strings of `/api/auth/me` (packages/services/src/permissions.ts holds the matrix). */
export type Permission =
  | "dataset:read"
  | "dataset:write"
  | "dataset:admin"
  | "plan:run"
  | "plan:read"
  | "risk:read"
  | "scenario:read"
  | "scenario:write"
  | "scenario:run"
  | "job:read"
  | "user:admin"
  | "token:create"
  | "audit:read";

export interface User {
  username: string;
  displayName?: string | null;
  role: Role;
}

export interface Me {
  user: User;
  permissions: string[];
}

export interface DatasetInfo {
  name: string;
  createdAt: string;
  updatedAt: string;
  counts: Record<EntityName, number>;
}

export interface EntityChange {
  entity: EntityName;
  key: string;
  before: unknown;
  after: unknown;
}

export type JobStatus = "queued" | "running" | "done" | "failed";

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  /** 0…1 (a value above 1 is read as a percentage). */
  progress: number;
  message?: string | null;
  resultUrl?: string | null;
  error?: ErrorBody | null;
}

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actor: string;
  action: string;
  dataset?: string | null;
  entity?: string | null;
  key?: string | null;
  before: unknown;
  after: unknown;
}

/** The issues of a VALIDATION_FAILED / IMPORT_FAILED error, when it carries them. */
export function issuesOf(error: ErrorBody): ValidationIssue[] {
  const details = error.details as { issues?: unknown } | undefined;
  return Array.isArray(details?.issues) ? (details.issues as ValidationIssue[]) : [];
}
