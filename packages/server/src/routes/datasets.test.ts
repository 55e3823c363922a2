/** Dataset routes end to end: list, read, summary, export downloads, network, risk filters, errors as JSON. */
import JSZip from "jszip";
import { shellDataset } from "@paraat/services/test-support";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestServer, type TestServer } from "../test-support/server.js";

let s: TestServer;
beforeAll(async () => {
  s = await openTestServer();
});
afterAll(async () => s.close());

it("lists datasets and returns one in canonical form", async () => {
  const list = await s.as("viewer", { method: "GET", url: "/api/datasets" });
  expect(list.json<{ name: string; counts: { items: number } }[]>().map((d) => [d.name, d.counts.items])).toEqual([["shells", 4]]);
  const one = await s.as("viewer", { method: "GET", url: "/api/datasets/shells" });
  expect(one.json()).toEqual(shellDataset());
  expect(one.headers["content-type"]).toBe("application/json; charset=utf-8");
  const missing = await s.as("viewer", { method: "GET", url: "/api/datasets/nope" });
  expect([missing.statusCode, missing.json<{ code: string }>().code]).toEqual([404, "NOT_FOUND"]);
  expect(missing.json<{ details: unknown }>().details).toMatchObject({ dataset: "nope", available: ["shells"] });
});

it("summarises the dataset", async () => {
  const res = await s.as("fund", { method: "GET", url: "/api/datasets/shells/summary" });
  expect(res.json()).toMatchObject({
    name: "shells",
    horizon: { start: "2025-01", end: "2026-12", periods: 24 },
    targets: [{ id: "t1", level: 500 }],
  });
});

it("downloads the dataset as JSON, XLSX and a zip of CSV files", async () => {
  const json = await s.as("viewer", { method: "GET", url: "/api/datasets/shells/export" });
  expect(json.headers["content-disposition"]).toBe('attachment; filename="shells.json"');
  expect(JSON.parse(json.body)).toEqual(shellDataset());
  const xlsx = await s.as("viewer", { method: "GET", url: "/api/datasets/shells/export?format=xlsx" });
  expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  const csv = await s.as("viewer", { method: "GET", url: "/api/datasets/shells/export?format=csv" });
  expect(csv.headers["content-disposition"]).toBe('attachment; filename="shells-csv.zip"');
  const zip = await JSZip.loadAsync(csv.rawPayload);
  expect(Object.keys(zip.files)).toContain("shells/bom.csv");
});

it("filters the risk register and narrows it to an item", async () => {
  const all = (await s.as("viewer", { method: "GET", url: "/api/datasets/shells/risk" })).json<{
    register: { severity: string; kind: string }[];
    items: { id: string }[];
  }>();
  const high = (await s.as("viewer", { method: "GET", url: "/api/datasets/shells/risk?severity=high" })).json<typeof all>();
  expect(high.register).toEqual(all.register.filter((f) => f.severity === "high"));
  const kinds = (await s.as("viewer", { method: "GET", url: "/api/datasets/shells/risk?kind=single-source,exposure" })).json<typeof all>();
  expect(kinds.register).toEqual(all.register.filter((f) => f.kind === "single-source" || f.kind === "exposure"));
  const tnt = (await s.as("viewer", { method: "GET", url: "/api/datasets/shells/risk?item=tnt" })).json<typeof all>();
  expect(tnt.items.map((i) => i.id)).toEqual(["tnt"]);
});

it("returns an item's chain, with a depth limit", async () => {
  const full = (await s.as("viewer", { method: "GET", url: "/api/datasets/shells/network/shell" })).json<{
    nodes: { id: string }[];
    truncated: boolean;
  }>();
  expect(full.nodes).toHaveLength(11);
  expect(full.truncated).toBe(false);
  const one = (await s.as("viewer", { method: "GET", url: "/api/datasets/shells/network/shell?depth=1" })).json<typeof full>();
  expect(one.truncated).toBe(true);
  const missing = await s.as("viewer", { method: "GET", url: "/api/datasets/shells/network/ghost" });
  expect([missing.statusCode, missing.json<{ code: string }>().code]).toEqual([404, "NOT_FOUND"]);
});

it("answers conflicts and refused edits with their codes", async () => {
  const dup = await s.as("analyst", {
    method: "POST",
    url: "/api/datasets/shells/entities/items",
    payload: { id: "tnt", name: "TNT", kind: "material", unit: "kg", unitValue: 20 },
  });
  expect([dup.statusCode, dup.json<{ code: string }>().code]).toEqual([409, "CONFLICT"]);
  const inUse = await s.as("analyst", { method: "DELETE", url: "/api/datasets/shells/entities/items/tnt" });
  expect([inUse.statusCode, inUse.json<{ code: string }>().code]).toEqual([422, "VALIDATION_FAILED"]);
  const otherKey = await s.as("analyst", {
    method: "PUT",
    url: "/api/datasets/shells/entities/items/tnt",
    payload: { id: "body", name: "B", kind: "component", unit: "pcs", unitValue: 1 },
  });
  expect([otherKey.statusCode, otherKey.json<{ code: string }>().code]).toEqual([400, "INVALID_ARGUMENT"]);
  const badRow = await s.as("analyst", {
    method: "POST",
    url: "/api/datasets/shells/entities/items",
    payload: { id: "x", name: "", kind: "rocket", unit: "pcs", unitValue: 1 },
  });
  expect(badRow.statusCode).toBe(422);
  expect(
    badRow
      .json<{ details: { issues: { field: string }[] } }>()
      .details.issues.map((i) => i.field)
      .sort(),
  ).toEqual(["kind", "name"]);
});
