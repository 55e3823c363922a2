/**
 * The web app: the Vite build (packages/web/dist) as static files, with every other non-API GET
 * answered by index.html so the app's own routes work on reload. Hashed assets are cached for a
 * year; index.html never. Without a build, a page says how to make one.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ParaatError } from "@paraat/core";

/** packages/web/dist, found from this file (src/ or dist/ of packages/server). */
export function defaultWebRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "web", "dist");
}

export const BUILD_HINT = "npm run build -w @paraat/web";

const missingPage = (root: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Paraat</title></head>
<body><h1>Paraat</h1><p>The API runs, but the web app is not built (no ${root}/index.html).</p>
<p>Build it with <code>${BUILD_HINT}</code> and reload. The API is documented at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

export function webAppBuilt(root: string): boolean {
  return existsSync(join(root, "index.html"));
}

export async function registerWebApp(app: FastifyInstance, root: string | false): Promise<void> {
  const built = root !== false && webAppBuilt(root);
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: "/",
      wildcard: false,
      index: false,
      // Our own Cache-Control below, per kind of file.
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader("cache-control", /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?")[0]!;
    if (path === "/api" || path.startsWith("/api/") || (request.method !== "GET" && request.method !== "HEAD"))
      throw new ParaatError("NOT_FOUND", `no route ${request.method} ${path}`, { details: { method: request.method, path } });
    if (!built)
      return reply
        .code(404)
        .type("text/html; charset=utf-8")
        .send(missingPage(root === false ? "(web app disabled)" : root));
    return reply.header("cache-control", "no-cache").sendFile("index.html", { cacheControl: false });
  });
}
