import { expect, it } from "vitest";
import { can, permissions, permissionsOf, requirePermission, roles, type Permission, type Role } from "./permissions.js";

/** The matrix as docs/api.md states it, written out by hand. */
const expected: Record<Role, Permission[]> = {
  admin: [...permissions],
  analyst: [
    "dataset:read",
    "dataset:write",
    "plan:read",
    "plan:run",
    "risk:read",
    "scenario:read",
    "scenario:write",
    "scenario:run",
    "job:read",
    "token:create",
  ],
  procurement: ["dataset:read", "plan:read", "plan:run", "risk:read", "scenario:read", "scenario:run", "job:read", "token:create"],
  fund: ["dataset:read", "plan:read", "risk:read", "scenario:read", "job:read", "token:create"],
  viewer: ["dataset:read", "plan:read", "risk:read", "scenario:read", "job:read"],
};

it("gives each role exactly the documented permissions", () => {
  for (const role of roles) expect(permissionsOf(role), role).toEqual(expected[role]);
  for (const role of roles) for (const p of permissions) expect(can(role, p), `${role} ${p}`).toBe(expected[role].includes(p));
});

it("keeps users, the audit log and deleting datasets to admins", () => {
  for (const p of ["user:admin", "audit:read", "dataset:admin"] as const) expect(roles.filter((r) => can(r, p))).toEqual(["admin"]);
});

it("refuses unknown roles everything", () => {
  expect(permissionsOf("root")).toEqual([]);
  expect(can("root", "dataset:read")).toBe(false);
});

it("throws FORBIDDEN naming the missing permission", () => {
  expect(() => requirePermission({ username: "v", role: "viewer" }, "plan:run")).toThrow(
    expect.objectContaining({ code: "FORBIDDEN", details: { permission: "plan:run", role: "viewer" } }),
  );
  expect(() => requirePermission({ username: "a", role: "analyst" }, "plan:run")).not.toThrow();
});
