/**
 * Registers declared routes on Fastify: signs the caller in, checks the permission (401 before
 * 403), refuses cross-site writes, validates path, query and body with the route's zod schemas
 * (VALIDATION_FAILED lists every problem of all three), runs the handler and sends its result.
 */
import { ParaatError } from "@paraat/core";
import { can, inputFailed, inputIssues, type InputIssue, type InputPart, type Services } from "@paraat/services";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { Reply, SENT, type RouteSpec } from "../routes/route-spec.js";
import { refuseCrossSite, resolveActor } from "./auth.js";
import { acceptsGzip, cachedJson, Immutable } from "./json.js";

export interface RegisterOptions {
  /** Check every JSON response against its declared schema (tests). */
  checkResponses: boolean;
}

const JSON_TYPE = /^application\/(json|[\w.+-]+\+json)$/i;

function mediaType(request: FastifyRequest): string {
  return (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

function validate(part: InputPart, schema: z.ZodType | undefined, value: unknown, issues: InputIssue[]): unknown {
  if (schema === undefined) return undefined;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  issues.push(...inputIssues(part, r.error));
  return undefined;
}

/** The JSON body: empty is undefined; malformed is INVALID_ARGUMENT. */
function jsonBody(request: FastifyRequest): unknown {
  const raw = request.body;
  if (!Buffer.isBuffer(raw) || raw.length === 0) return undefined;
  const type = mediaType(request);
  if (!JSON_TYPE.test(type))
    throw new ParaatError("INVALID_ARGUMENT", `send the body as application/json (got ${type || "no Content-Type"})`);
  try {
    return JSON.parse(raw.toString("utf8")) as unknown;
  } catch (e) {
    throw new ParaatError("INVALID_ARGUMENT", `the body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function rawBody(request: FastifyRequest, accepted: readonly string[]): Buffer {
  const type = mediaType(request);
  if (!accepted.includes(type))
    throw new ParaatError("INVALID_ARGUMENT", `send the file with Content-Type ${accepted.join(" or ")} (got ${type || "none"})`, {
      details: { accepted },
    });
  const raw = request.body;
  if (!Buffer.isBuffer(raw) || raw.length === 0) throw new ParaatError("INVALID_ARGUMENT", "the request has no file in its body");
  return raw;
}

function send(spec: RouteSpec, request: FastifyRequest, reply: FastifyReply, result: unknown, options: RegisterOptions): FastifyReply {
  const out = result instanceof Reply ? result : new Reply(200, result);
  for (const [k, v] of Object.entries(out.headers)) void reply.header(k, v);
  void reply.code(out.status);
  const body = out.body;
  if (options.checkResponses) {
    const declared = spec.responses[out.status];
    if (declared === undefined)
      throw new ParaatError("INTERNAL", `${spec.method} ${spec.url} answered ${out.status}, which it does not declare`);
    const value = body instanceof Immutable ? body.value : body;
    if (declared.schema !== undefined) {
      const r = declared.schema.safeParse(value);
      if (!r.success)
        throw new ParaatError("INTERNAL", `${spec.method} ${spec.url} ${out.status}: the response does not match its schema`, {
          details: r.error.issues,
        });
    }
  }
  if (body === undefined) return reply.send();
  if (Buffer.isBuffer(body)) return reply.send(body);
  if (body instanceof Immutable) {
    const cached = cachedJson(body.value, acceptsGzip(request.headers["accept-encoding"]));
    void reply.header("vary", "accept-encoding");
    if (cached.gzipped) void reply.header("content-encoding", "gzip");
    return reply.type("application/json; charset=utf-8").send(cached.body);
  }
  return reply.type("application/json; charset=utf-8").send(JSON.stringify(body));
}

export function registerRoutes(app: FastifyInstance, services: Services, specs: readonly RouteSpec[], options: RegisterOptions): void {
  for (const spec of specs) {
    if (spec.body !== undefined && spec.rawBody !== undefined) throw new Error(`${spec.method} ${spec.url}: body and rawBody both set`);
    app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.rawBody ? { bodyLimit: spec.rawBody.maxBytes } : {}),
      ...(spec.rateLimit ? { config: { rateLimit: { max: spec.rateLimit.max, timeWindow: spec.rateLimit.windowMs } } } : {}),
      handler: async (request, reply) => {
        const actor = await resolveActor(request, services);
        if (spec.access !== "public") {
          if (actor === undefined) throw new ParaatError("UNAUTHENTICATED", "sign in first");
          if (spec.access !== "signed-in" && !can(actor.role, spec.access))
            throw new ParaatError("FORBIDDEN", `your role (${actor.role}) may not do this: it needs ${spec.access}`, {
              details: { permission: spec.access, role: actor.role },
            });
        }
        refuseCrossSite(request);
        const issues: InputIssue[] = [];
        const params = validate("params", spec.params, request.params, issues);
        const query = validate("query", spec.query, request.query, issues);
        const body = spec.rawBody ? undefined : validate("body", spec.body, spec.body ? jsonBody(request) : undefined, issues);
        if (issues.length > 0) throw inputFailed(issues);
        const result = await spec.handler({
          actor,
          params,
          query,
          body: spec.rawBody ? rawBody(request, spec.rawBody.contentTypes) : body,
          services,
          request,
          reply,
        });
        if (result === SENT) return reply;
        return send(spec, request, reply, result, options);
      },
    });
  }
}
