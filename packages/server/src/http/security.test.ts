/** Security headers, what is public, the web app with its SPA fallback, and the docs page. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestServer, type TestServer } from "../test-support/server.js";

let s: TestServer;
let web: string;
beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), "paraat-web-"));
  mkdirSync(join(web, "assets"));
  writeFileSync(
    join(web, "index.html"),
    '<!doctype html><html><head><script type="module" src="/assets/app-1234.js"></script></head><body>app</body></html>',
  );
  writeFileSync(join(web, "assets", "app-1234.js"), "console.log('app')");
  s = await openTestServer({ webRoot: web });
});
afterAll(async () => {
  await s.close();
  rmSync(web, { recursive: true, force: true });
});

function directives(csp: string): Record<string, string> {
  return Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim())
      .filter((d) => d !== "")
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(" ")];
      }),
  );
}

it("sends a CSP without inline scripts, and the other security headers, on API and page responses", async () => {
  for (const url of ["/api/health", "/", "/api/datasets"]) {
    const res = await s.app.inject({ method: "GET", url });
    const csp = directives(String(res.headers["content-security-policy"]));
    expect(csp["script-src"], url).toBe("'self'");
    expect(csp["default-src"]).toBe("'self'");
    expect(csp["object-src"]).toBe("'none'");
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(csp["connect-src"]).toBe("'self'");
    expect(csp["base-uri"]).toBe("'self'");
    expect("upgrade-insecure-requests" in csp).toBe(false);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    expect(res.headers["x-powered-by"]).toBeUndefined();
  }
});

it("serves only the health check, sign-in, the docs and the web app's files without a session", async () => {
  expect((await s.app.inject({ method: "GET", url: "/api/health" })).json()).toEqual({
    status: "ok",
    version: "0.1.0",
    database: "sqlite",
  });
  expect((await s.app.inject({ method: "GET", url: "/api/openapi.json" })).statusCode).toBe(200);
  expect((await s.app.inject({ method: "GET", url: "/" })).statusCode).toBe(200);
  for (const route of s.app.paraatRoutes.filter((r) => r.access !== "public")) {
    const res = await s.app.inject({ method: route.method, url: route.url.replace(/:(\w+)/g, "x") });
    expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
  }
});

it("serves the web app, its hashed assets for a year, and index.html for the app's own paths", async () => {
  const index = await s.app.inject({ method: "GET", url: "/" });
  expect(index.body).toContain("app-1234.js");
  expect(index.headers["cache-control"]).toBe("no-cache");
  const asset = await s.app.inject({ method: "GET", url: "/assets/app-1234.js" });
  expect(asset.body).toBe("console.log('app')");
  expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  const deep = await s.app.inject({ method: "GET", url: "/plan/155mm?lang=nl" });
  expect([deep.statusCode, deep.headers["content-type"]]).toEqual([200, expect.stringMatching(/^text\/html/)]);
  expect(deep.body).toContain("app-1234.js");
});

it("answers unknown API paths with a JSON NOT_FOUND, never the app", async () => {
  const res = await s.app.inject({ method: "GET", url: "/api/nothing/here" });
  expect(res.statusCode).toBe(404);
  expect(res.json()).toMatchObject({ code: "NOT_FOUND" });
  expect((await s.app.inject({ method: "POST", url: "/somewhere" })).statusCode).toBe(404);
});

it("says how to build the web app when there is no build", async () => {
  const bare = await openTestServer({ webRoot: join(web, "missing") });
  try {
    const res = await bare.app.inject({ method: "GET", url: "/" });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("npm run build -w @paraat/web");
  } finally {
    await bare.close();
  }
});

it("serves Swagger UI at /api/docs with a CSP of its own that still allows no foreign scripts", async () => {
  const page = await s.app.inject({ method: "GET", url: "/api/docs" });
  expect(page.statusCode).toBe(200);
  expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(page.body).toContain("/api/docs/static/swagger-ui-bundle.js");
  expect(page.body).not.toMatch(/<script>/);
  const bundle = await s.app.inject({ method: "GET", url: "/api/docs/static/swagger-ui-bundle.js" });
  expect(bundle.statusCode).toBe(200);
  const csp = directives(String(page.headers["content-security-policy"]));
  expect(csp["script-src"]!.startsWith("'self'")).toBe(true);
  expect(csp["script-src"]).not.toContain("unsafe-inline");
  expect(csp["script-src"]).not.toMatch(/https?:/);
  const json = await s.app.inject({ method: "GET", url: "/api/docs/json" });
  expect(json.json()).toMatchObject({ openapi: "3.1.0" });
});
