/**
 * The OpenAPI document against the server as registered: every route Fastify knows under /api is
 * documented with its method, and each documented operation carries exactly the schemas the
 * route validates with. CI fails here when the two drift apart.
 */
import { z } from "zod";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jsonSchemaOf } from "./openapi.js";
import { openTestServer, type TestServer } from "./test-support/server.js";

let s: TestServer;
beforeAll(async () => {
  s = await openTestServer();
});
afterAll(async () => s.close());

/** Routes that serve the documentation itself. */
const undocumented = (url: string): boolean => url === "/api/openapi.json" || url === "/api/docs" || url.startsWith("/api/docs/");

it("documents every API route Fastify registered, and nothing else", async () => {
  const doc = (await s.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  const registered = s.app.paraatRegistered
    .filter((r) => r.url.startsWith("/api") && !undocumented(r.url) && r.method !== "HEAD")
    .map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, "{$1}")}`)
    .sort();
  const documented = Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
    .sort();
  expect(documented).toEqual(registered);
});

it("documents each route with the schemas it validates with", async () => {
  const doc = (await s.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
          requestBody?: { content: Record<string, { schema: unknown }> };
          responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
        }
      >
    >;
    components: { schemas: Record<string, unknown> };
  }>();
  for (const route of s.app.paraatRoutes) {
    const op = doc.paths[route.url.replace(/:(\w+)/g, "{$1}")]![route.method.toLowerCase()]!;
    const where = `${route.method} ${route.url}`;
    const components: Record<string, Record<string, unknown>> = {};
    for (const [part, schema] of [
      ["path", route.params],
      ["query", route.query],
    ] as const) {
      const documented = (op.parameters ?? []).filter((p) => p.in === part);
      if (schema === undefined) {
        expect(documented, where).toEqual([]);
        continue;
      }
      const expected = jsonSchemaOf(schema, "input", components) as {
        properties: Record<string, Record<string, unknown>>;
        required?: string[];
      };
      expect(documented.map((p) => p.name).sort(), where).toEqual(Object.keys(expected.properties).sort());
      for (const p of documented) {
        const { description: _d, ...prop } = expected.properties[p.name]!;
        expect(p.schema, `${where} ${part} ${p.name}`).toEqual(prop);
        expect(p.required, `${where} ${p.name} required`).toBe(part === "path" || (expected.required ?? []).includes(p.name));
      }
    }
    if (route.body)
      expect(op.requestBody!.content["application/json"]!.schema, where).toEqual(jsonSchemaOf(route.body, "input", components));
    else if (route.rawBody) expect(Object.keys(op.requestBody!.content).sort(), where).toEqual([...route.rawBody.contentTypes].sort());
    else expect(op.requestBody, where).toBeUndefined();
    for (const [status, r] of Object.entries(route.responses))
      if (r.schema)
        expect(op.responses[status]!.content!["application/json"]!.schema, `${where} ${status}`).toEqual(
          jsonSchemaOf(r.schema, "output", components),
        );
    for (const [id, schema] of Object.entries(components)) expect(doc.components.schemas[id], id).toEqual(schema);
  }
});

it("resolves every $ref to a component, and declares itself OpenAPI 3.1", async () => {
  const text = (await s.app.inject({ method: "GET", url: "/api/openapi.json" })).body;
  const doc = JSON.parse(text) as { openapi: string; components: { schemas: Record<string, unknown> } };
  expect(doc.openapi).toBe("3.1.0");
  const refs = [...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of new Set(refs)) {
    expect(ref.startsWith("#/components/schemas/"), ref).toBe(true);
    expect(doc.components.schemas[ref.slice("#/components/schemas/".length)], ref).toBeDefined();
  }
});

it("would notice a route validating with another schema than it documents", () => {
  // The check above compares against the registered route's own schema objects; a different schema gives a different document.
  const components = {};
  expect(jsonSchemaOf(z.strictObject({ a: z.string() }), "input", components)).not.toEqual(
    jsonSchemaOf(z.strictObject({ a: z.number() }), "input", components),
  );
});
