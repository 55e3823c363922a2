/**
 * buildServer: the Fastify application over the services — security headers, cookies, rate
 * limits, the API routes, the OpenAPI document and its docs page, and the web app. Testable in
 * process with `app.inject`; `listen` is the caller's business.
 */
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { ParaatError } from "@paraat/core";
import type { Services } from "@paraat/services";
import { registerDocs } from "./http/docs.js";
import { errorHandler } from "./http/errors.js";
import { registerRoutes } from "./http/register.js";
import { helmetOptions } from "./http/security.js";
import { defaultWebRoot, registerWebApp } from "./http/web.js";
import { buildOpenApi, type OpenApiDocument } from "./openapi.js";
import { apiRoutes } from "./routes/index.js";
import type { RouteSpec } from "./routes/route-spec.js";
import { SERVER_VERSION } from "./version.js";

export interface ServerOptions {
  services: Services;
  /** The web build to serve; default packages/web/dist; false for the API alone. */
  webRoot?: string | false;
  /** Served over HTTPS (directly or behind a proxy): Secure cookies, HSTS. Default false. */
  secure?: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (for the client address and protocol). Default false. */
  trustProxy?: boolean;
  /** Fastify's logger (pino); default off. */
  logger?: boolean;
  /** Check every JSON response against its declared schema; for tests. Default false. */
  checkResponses?: boolean;
  /** Sign-in requests per client address per window. Default 20 per minute. */
  loginRateLimit?: { max: number; windowMs: number };
}

/** Largest JSON body outside file uploads. */
const BODY_LIMIT = 1024 * 1024;

declare module "fastify" {
  interface FastifyInstance {
    /** The declared API routes, as registered (for the docs and the tests). */
    paraatRoutes: readonly RouteSpec[];
    paraatOpenApi: OpenApiDocument;
    /** Every route Fastify registered (method and URL), whichever way it was added: the docs test compares them with the document. */
    paraatRegistered: { method: string; url: string }[];
  }
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const secure = options.secure ?? false;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: BODY_LIMIT,
    // Dataset names and keys may be up to 200 characters (the router's default limit is 100).
    routerOptions: { maxParamLength: 1000 },
    // On close, end open event streams too instead of waiting for their jobs.
    forceCloseConnections: true,
  });
  const registered: { method: string; url: string }[] = [];
  app.decorate("paraatRegistered", registered);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) registered.push({ method, url: route.url });
  });
  app.setErrorHandler(errorHandler);
  // Bodies reach the routes as bytes: JSON routes parse and validate them with their schema, uploads take them as they are.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  await app.register(fastifyHelmet, helmetOptions(secure));
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    // Thrown by the plugin; the error handler turns it into 429 RATE_LIMITED.
    errorResponseBuilder: (_request, context) =>
      new ParaatError("RATE_LIMITED", `too many requests; try again in ${context.after}`, {
        details: { retryAfter: Math.ceil(context.ttl / 1000) },
      }),
  });

  const specs = apiRoutes({
    version: SERVER_VERSION,
    secureCookies: secure,
    loginRateLimit: options.loginRateLimit ?? { max: 20, windowMs: 60_000 },
  });
  registerRoutes(app, options.services, specs, { checkResponses: options.checkResponses ?? false });
  const openApi = buildOpenApi(specs, SERVER_VERSION);
  app.decorate("paraatRoutes", specs);
  app.decorate("paraatOpenApi", openApi);
  await registerDocs(app, openApi);
  await registerWebApp(app, options.webRoot === undefined ? defaultWebRoot() : options.webRoot);
  return app;
}
