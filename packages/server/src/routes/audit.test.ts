/** Every change through the API leaves an audit entry (who, what, before → after), readable by admins only and not changeable. */
import { shellDataset } from "@paraat/services/test-support";
import { datasetToJson } from "@paraat/io";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestServer, type TestServer } from "../test-support/server.js";

let s: TestServer;
beforeAll(async () => {
  s = await openTestServer();
});
afterAll(async () => s.close());

interface Entry {
  id: number;
  at: string;
  actor: string;
  action: string;
  dataset: string | null;
  entity: string | null;
  key: string | null;
  before: unknown;
  after: unknown;
}

async function latest(): Promise<Entry> {
  const res = await s.as("admin", { method: "GET", url: "/api/audit?limit=1" });
  expect(res.statusCode).toBe(200);
  return res.json<Entry[]>()[0]!;
}

async function change(role: "admin" | "analyst", request: InjectOptions, status = 200): Promise<Entry> {
  const res = await s.as(role, request);
  expect(res.statusCode, res.body).toBe(status);
  return latest();
}

const fuze = { id: "fuze", name: "Fuze", kind: "component", unit: "pcs", unitValue: 80 };

it("records dataset imports, entity edits and dataset deletion with before and after", async () => {
  const imported = await change("analyst", {
    method: "POST",
    url: "/api/datasets/import?name=copy",
    headers: { "content-type": "application/json" },
    payload: datasetToJson(shellDataset()),
  });
  expect(imported).toMatchObject({
    actor: "analyst",
    action: "dataset.import",
    dataset: "copy",
    before: null,
    after: { name: "copy", counts: { items: 4 } },
  });

  const created = await change("analyst", { method: "POST", url: "/api/datasets/copy/entities/items", payload: fuze });
  expect(created).toMatchObject({
    actor: "analyst",
    action: "entity.create",
    dataset: "copy",
    entity: "items",
    key: "fuze",
    before: null,
    after: fuze,
  });

  const updated = await change("analyst", {
    method: "PUT",
    url: "/api/datasets/copy/entities/items/fuze",
    payload: { ...fuze, unitValue: 95 },
  });
  expect(updated).toMatchObject({ action: "entity.update", key: "fuze", before: fuze, after: { ...fuze, unitValue: 95 } });

  // A compound key travels URL-encoded.
  const bom = await change("analyst", { method: "DELETE", url: `/api/datasets/copy/entities/bom/${encodeURIComponent("tnt/antimony")}` });
  expect(bom).toMatchObject({
    action: "entity.delete",
    entity: "bom",
    key: "tnt/antimony",
    before: { parent: "tnt", child: "antimony", qty: 0.5 },
    after: null,
  });

  const deletedRow = await change("analyst", { method: "DELETE", url: "/api/datasets/copy/entities/items/fuze" });
  expect(deletedRow).toMatchObject({ action: "entity.delete", before: { ...fuze, unitValue: 95 }, after: null });

  const deleted = await change("admin", { method: "DELETE", url: "/api/datasets/copy" }, 204);
  expect(deleted).toMatchObject({
    actor: "admin",
    action: "dataset.delete",
    dataset: "copy",
    before: { counts: { items: 4, bom: 2 } },
    after: null,
  });
  expect(Number.isNaN(Date.parse(deleted.at))).toBe(false);
});

it("records user and token changes without passwords or secrets", async () => {
  const created = await change("admin", {
    method: "POST",
    url: "/api/users",
    payload: { username: "dana", role: "viewer", password: "dana-password-1" },
  });
  expect(created).toMatchObject({
    actor: "admin",
    action: "user.create",
    entity: "users",
    key: "dana",
    before: null,
    after: { username: "dana", role: "viewer" },
  });
  const patched = await change("admin", {
    method: "PATCH",
    url: "/api/users/dana",
    payload: { role: "analyst", password: "dana-password-2" },
  });
  expect(patched).toMatchObject({ action: "user.update", before: { role: "viewer" }, after: { role: "analyst", passwordChanged: true } });
  const removed = await change("admin", { method: "DELETE", url: "/api/users/dana" }, 204);
  expect(removed).toMatchObject({ action: "user.delete", key: "dana", after: null });

  const tokenRes = await s.as("analyst", { method: "POST", url: "/api/tokens", payload: { name: "nightly" } });
  const token = tokenRes.json<{ id: string; token: string }>();
  expect(await latest()).toMatchObject({
    actor: "analyst",
    action: "token.create",
    key: token.id,
    after: { name: "nightly", username: "analyst" },
  });
  const revoked = await change("analyst", { method: "DELETE", url: `/api/tokens/${token.id}` }, 204);
  expect(revoked).toMatchObject({ action: "token.delete", key: token.id, after: null });

  const all = (await s.as("admin", { method: "GET", url: "/api/audit?limit=1000" })).body;
  expect(all).not.toContain("dana-password");
  expect(all).not.toContain(token.token.split(".")[1]);
  expect(all).not.toContain("scrypt$");
});

it("filters by dataset and actor and pages back", async () => {
  const byActor = (await s.as("admin", { method: "GET", url: "/api/audit?actor=analyst" })).json<Entry[]>();
  expect(byActor.length).toBeGreaterThan(0);
  expect(byActor.every((e) => e.actor === "analyst")).toBe(true);
  const byDataset = (await s.as("admin", { method: "GET", url: "/api/audit?dataset=copy" })).json<Entry[]>();
  expect(byDataset.map((e) => e.action)).toEqual([
    "dataset.delete",
    "entity.delete",
    "entity.delete",
    "entity.update",
    "entity.create",
    "dataset.import",
  ]);
  const page = (await s.as("admin", { method: "GET", url: `/api/audit?dataset=copy&limit=2&before=${byDataset[1]!.id}` })).json<Entry[]>();
  expect(page.map((e) => e.id)).toEqual([byDataset[2]!.id, byDataset[3]!.id]);
});

it("offers no way to change or delete an entry", async () => {
  for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
    const res = await s.as("admin", { method, url: "/api/audit", payload: {} });
    expect(res.statusCode, method).toBe(404);
    const one = await s.as("admin", { method, url: "/api/audit/1", payload: {} });
    expect(one.statusCode, method).toBe(404);
  }
  expect(s.app.paraatRegistered.filter((r) => r.url.startsWith("/api/audit") && r.method !== "GET" && r.method !== "HEAD")).toEqual([]);
});
