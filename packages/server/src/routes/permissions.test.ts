/**
 * Every route × every role: allowed roles get past sign-in and permission, the others get 403
 * FORBIDDEN, and nobody signed out gets further than 401 UNAUTHENTICATED. The expected roles are
 * written out here by hand, route by route, from docs/api.md.
 */
import { roles, type Role } from "@paraat/services";
import { shellDataset } from "@paraat/services/test-support";
import { datasetToJson } from "@paraat/io";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../http/auth.js";
import { openTestServer, passwordOf, type TestServer } from "../test-support/server.js";

const ALL: Role[] = [...roles];
const WRITE: Role[] = ["admin", "analyst"];
const RUN: Role[] = ["admin", "analyst", "procurement"];
const TOKENS: Role[] = ["admin", "analyst", "procurement", "fund"];
const ADMIN: Role[] = ["admin"];

let s: TestServer;
let jobId = "";

/** The request each route gets from role `r`: valid input, aimed at nothing that later requests need. */
const cases: Record<string, { allowed: Role[] | "public"; request(r: Role): InjectOptions }> = {
  "GET /api/health": { allowed: "public", request: () => ({ method: "GET", url: "/api/health" }) },
  "POST /api/auth/login": {
    allowed: "public",
    request: (r) => ({ method: "POST", url: "/api/auth/login", payload: { username: r, password: passwordOf(r) } }),
  },
  "POST /api/auth/logout": { allowed: ALL, request: () => ({ method: "POST", url: "/api/auth/logout" }) },
  "GET /api/auth/me": { allowed: ALL, request: () => ({ method: "GET", url: "/api/auth/me" }) },
  "GET /api/datasets": { allowed: ALL, request: () => ({ method: "GET", url: "/api/datasets" }) },
  "POST /api/datasets/import": {
    allowed: WRITE,
    request: (r) => ({
      method: "POST",
      url: `/api/datasets/import?name=imported-${r}`,
      headers: { "content-type": "application/json" },
      payload: datasetToJson(shellDataset()),
    }),
  },
  "GET /api/datasets/:name": { allowed: ALL, request: () => ({ method: "GET", url: "/api/datasets/shells" }) },
  "GET /api/datasets/:name/summary": { allowed: ALL, request: () => ({ method: "GET", url: "/api/datasets/shells/summary" }) },
  "GET /api/datasets/:name/export": { allowed: ALL, request: () => ({ method: "GET", url: "/api/datasets/shells/export?format=json" }) },
  "POST /api/datasets/:name/entities/:entity": {
    allowed: WRITE,
    request: (r) => ({
      method: "POST",
      url: "/api/datasets/shells/entities/items",
      payload: { id: `part-${r}`, name: "Part", kind: "component", unit: "pcs", unitValue: 1 },
    }),
  },
  "PUT /api/datasets/:name/entities/:entity/:key": {
    allowed: WRITE,
    request: () => ({
      method: "PUT",
      url: "/api/datasets/shells/entities/items/body",
      payload: { id: "body", name: "Shell body", kind: "component", unit: "pcs", unitValue: 500 },
    }),
  },
  "DELETE /api/datasets/:name/entities/:entity/:key": {
    allowed: WRITE,
    request: () => ({ method: "DELETE", url: "/api/datasets/shells/entities/items/no-such-item" }),
  },
  "DELETE /api/datasets/:name": { allowed: ADMIN, request: () => ({ method: "DELETE", url: "/api/datasets/no-such-dataset" }) },
  "POST /api/datasets/:name/plan": { allowed: RUN, request: () => ({ method: "POST", url: "/api/datasets/shells/plan", payload: {} }) },
  "GET /api/datasets/:name/plan": { allowed: ALL, request: () => ({ method: "GET", url: "/api/datasets/shells/plan" }) },
  "GET /api/datasets/:name/risk": { allowed: ALL, request: () => ({ method: "GET", url: "/api/datasets/shells/risk" }) },
  "GET /api/datasets/:name/network/:item": { allowed: ALL, request: () => ({ method: "GET", url: "/api/datasets/shells/network/shell" }) },
  "GET /api/datasets/:name/scenarios": { allowed: ALL, request: () => ({ method: "GET", url: "/api/datasets/shells/scenarios" }) },
  "GET /api/datasets/:name/scenarios/:scenario": {
    allowed: ALL,
    request: () => ({ method: "GET", url: "/api/datasets/shells/scenarios/no-such-scenario" }),
  },
  "PUT /api/datasets/:name/scenarios/:scenario": {
    allowed: WRITE,
    request: (r) => ({
      method: "PUT",
      url: `/api/datasets/shells/scenarios/more-${r}`,
      payload: {
        format: "paraat-scenario",
        version: 1,
        name: `more-${r}`,
        changes: [{ kind: "capacity", supply: "s-shell", from: "2025-03", factor: 2 }],
      },
    }),
  },
  "DELETE /api/datasets/:name/scenarios/:scenario": {
    allowed: WRITE,
    request: () => ({ method: "DELETE", url: "/api/datasets/shells/scenarios/no-such-scenario" }),
  },
  "POST /api/datasets/:name/scenarios/compare": {
    allowed: RUN,
    request: () => ({ method: "POST", url: "/api/datasets/shells/scenarios/compare", payload: { scenarios: [] } }),
  },
  "POST /api/datasets/:name/montecarlo": {
    allowed: RUN,
    request: () => ({
      method: "POST",
      url: "/api/datasets/shells/montecarlo",
      payload: { events: { format: "paraat-events", version: 1, events: [] }, runs: 2, seed: 1 },
    }),
  },
  "POST /api/datasets/:name/survive": {
    allowed: RUN,
    request: () => ({ method: "POST", url: "/api/datasets/shells/survive", payload: { node: "us-plant" } }),
  },
  "GET /api/jobs/:id": { allowed: ALL, request: () => ({ method: "GET", url: `/api/jobs/${jobId}` }) },
  "DELETE /api/jobs/:id": { allowed: ALL, request: () => ({ method: "DELETE", url: "/api/jobs/no-such-job" }) },
  "GET /api/jobs/:id/events": { allowed: ALL, request: () => ({ method: "GET", url: `/api/jobs/${jobId}/events` }) },
  "GET /api/jobs/:id/result": { allowed: ALL, request: () => ({ method: "GET", url: `/api/jobs/${jobId}/result` }) },
  "GET /api/users": { allowed: ADMIN, request: () => ({ method: "GET", url: "/api/users" }) },
  "POST /api/users": {
    allowed: ADMIN,
    request: (r) => ({ method: "POST", url: "/api/users", payload: { username: `new-${r}`, role: "viewer", password: "a-long-password" } }),
  },
  "PATCH /api/users/:username": {
    allowed: ADMIN,
    request: () => ({ method: "PATCH", url: "/api/users/fund", payload: { displayName: "Fund" } }),
  },
  "DELETE /api/users/:username": { allowed: ADMIN, request: () => ({ method: "DELETE", url: "/api/users/no-such-user" }) },
  "GET /api/tokens": { allowed: ALL, request: () => ({ method: "GET", url: "/api/tokens" }) },
  "POST /api/tokens": { allowed: TOKENS, request: () => ({ method: "POST", url: "/api/tokens", payload: { name: "ci" } }) },
  "DELETE /api/tokens/:id": { allowed: ALL, request: () => ({ method: "DELETE", url: "/api/tokens/0123456789abcdef" }) },
  "GET /api/audit": { allowed: ADMIN, request: () => ({ method: "GET", url: "/api/audit" }) },
};

beforeAll(async () => {
  s = await openTestServer();
  const plan = await s.as("admin", { method: "GET", url: "/api/datasets/shells/plan" });
  jobId = plan.json<{ id: string }>().id;
  await s.t.services.jobs.settled(jobId);
});
afterAll(async () => s.close());

it("has a case for every declared route, and no case without a route", () => {
  expect(Object.keys(cases).sort()).toEqual(s.app.paraatRoutes.map((r) => `${r.method} ${r.url}`).sort());
});

describe.each(Object.entries(cases))("%s", (route, c) => {
  it("refuses anyone signed out with 401 (unless public)", async () => {
    const res = await s.as("anonymous", c.request("viewer"));
    if (c.allowed === "public") expect(res.statusCode, res.body).toBeLessThan(400);
    else expect([res.statusCode, res.json()]).toEqual([401, expect.objectContaining({ code: "UNAUTHENTICATED" })]);
  });

  it.each(ALL)("as %s", async (role) => {
    const request = c.request(role);
    // Signing out ends the session: use a session of its own.
    const headers =
      route === "POST /api/auth/logout"
        ? { cookie: `${SESSION_COOKIE}=${(await s.t.services.sessions.login(role, passwordOf(role), "127.0.0.1")).sessionId}` }
        : { cookie: s.cookie[role] };
    const res = await s.app.inject({ ...request, headers: { ...(request.headers ?? {}), ...headers } });
    const allowed = c.allowed === "public" || c.allowed.includes(role);
    if (allowed) {
      expect(res.statusCode, `${route} as ${role}: ${res.body}`).not.toBe(401);
      expect(res.statusCode, `${route} as ${role}: ${res.body}`).not.toBe(403);
      expect(res.statusCode, `${route} as ${role}: ${res.body}`).toBeLessThan(500);
    } else {
      expect(res.statusCode, `${route} as ${role}`).toBe(403);
      expect(res.json()).toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
