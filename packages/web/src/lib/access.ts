/** Which pages and actions a user's permissions allow; the server enforces, this only hides and disables. Pure. */
import type { Permission } from "../api/types.js";
import type { DataTab, Page } from "./route.js";

export const pageNeeds: Record<Page, Permission> = {
  overview: "dataset:read",
  plan: "plan:read",
  network: "dataset:read",
  risk: "risk:read",
  scenarios: "scenario:read",
  data: "dataset:read",
};

export const dataTabNeeds: Record<DataTab, Permission> = {
  import: "dataset:write",
  export: "dataset:read",
  edit: "dataset:read",
  audit: "audit:read",
};

export function can(permissions: readonly string[], needed: Permission): boolean {
  return permissions.includes(needed);
}

export function visiblePages(permissions: readonly string[], order: readonly Page[]): Page[] {
  return order.filter((p) => can(permissions, pageNeeds[p]));
}
