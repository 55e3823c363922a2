/**
 * Who may do what: the one permission matrix of Paraat. Routes name the permission they need;
 * this file decides which roles hold it. Later modules (scenarios, tenders, the fund) add their
 * permissions here.
 */
import { ParaatError } from "@paraat/core";

export const roles = ["admin", "analyst", "procurement", "fund", "viewer"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "dataset:read",
  "dataset:write",
  "dataset:admin",
  "plan:read",
  "plan:run",
  "risk:read",
  "scenario:read",
  "scenario:write",
  /** Compare scenarios, Monte Carlo, time to survive: jobs that plan many times. */
  "scenario:run",
  "job:read",
  /** Cancel anyone's job; everyone may cancel their own. */
  "job:cancel",
  "token:create",
  "user:admin",
  "audit:read",
] as const;
export type Permission = (typeof permissions)[number];

const readAll: readonly Permission[] = ["dataset:read", "plan:read", "risk:read", "scenario:read", "job:read"];

/** The matrix. `admin` holds everything. */
export const rolePermissions: { readonly [R in Role]: readonly Permission[] } = {
  admin: permissions,
  analyst: [...readAll, "dataset:write", "plan:run", "scenario:write", "scenario:run", "token:create"],
  procurement: [...readAll, "plan:run", "scenario:run", "token:create"],
  fund: [...readAll, "token:create"],
  viewer: readAll,
};

export const roleDescriptions: { readonly [R in Role]: string } = {
  admin: "everything, including users, the audit log and deleting datasets",
  analyst: "read everything, change datasets and scenarios, run plans and scenario analyses",
  procurement: "read everything, run plans and scenario analyses (later: tenders)",
  fund: "read everything (later: the fund)",
  viewer: "read only",
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function can(role: string, permission: Permission): boolean {
  return isRole(role) && rolePermissions[role].includes(permission);
}

/** The permissions of a role, in the order of `permissions`. */
export function permissionsOf(role: string): Permission[] {
  return permissions.filter((p) => can(role, p));
}

/** Throws FORBIDDEN unless the role holds the permission. */
export function requirePermission(actor: { username: string; role: string }, permission: Permission): void {
  if (!can(actor.role, permission))
    throw new ParaatError("FORBIDDEN", `${actor.username} (${actor.role}) may not do this: it needs ${permission}`, {
      details: { permission, role: actor.role },
    });
}
