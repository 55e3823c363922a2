/**
 * The OpenAPI document at /api/openapi.json and Swagger UI at /api/docs. Both are public: they
 * describe the API and hold no data. Swagger UI reads the document through `fastify.swagger()`,
 * which @fastify/swagger normally provides; our document comes from the route declarations
 * instead, so a small plugin under that name provides it.
 */
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { OpenApiDocument } from "../openapi.js";

declare module "fastify" {
  interface FastifyInstance {
    swagger(): OpenApiDocument;
  }
}

/** Swagger UI's page needs its own inline script hashes; no upgrade-insecure-requests, as the rest of the app. */
function docsCsp(app: FastifyInstance): string {
  const hashes = (app as Partial<FastifyInstance>).swaggerCSP ?? { script: [], style: [] };
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' data:",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    `script-src 'self' ${hashes.script.join(" ")}`.trim(),
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
  ].join("; ");
}

export async function registerDocs(app: FastifyInstance, doc: OpenApiDocument): Promise<void> {
  const text = JSON.stringify(doc);
  app.get("/api/openapi.json", (_request, reply) => reply.type("application/json; charset=utf-8").send(text));
  await app.register(
    fp(
      (instance, _opts, done) => {
        instance.decorate("swagger", () => doc);
        done();
      },
      { name: "@fastify/swagger" },
    ),
  );
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { docExpansion: "list", deepLinking: true },
    transformStaticCSP: () => docsCsp(app),
  });
}
