/**
 * The OpenAPI 3.1 document, generated from the route declarations: the same zod schemas the routes
 * validate with become the parameters, request bodies and responses (JSON Schema 2020-12, which
 * OpenAPI 3.1 uses as is). Schemas with an `id` in their metadata become shared components.
 */
import { z } from "zod";
import { errorSchema } from "./schemas.js";
import type { RouteSpec } from "./routes/route-spec.js";

type Json = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
  security: Record<string, string[]>[];
}

const COMPONENTS = "#/components/schemas/";

/** Rewrites the local `#/$defs/X` references zod emits to document-level components. */
function relink(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relink);
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === "$ref" && typeof v === "string" && v.startsWith("#/$defs/")) out[k] = COMPONENTS + v.slice("#/$defs/".length);
    else out[k] = relink(v);
  }
  return out;
}

/** JSON Schema of a zod schema as a request (input) or response (output) sees it; shared parts go to `components`. */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output", components: Record<string, Json>): Json {
  const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  const { $schema: _schema, $defs, ...rest } = generated;
  for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) components[id] = relink(def) as Json;
  // A schema that is itself a component comes back as a $ref plus $defs; keep the $ref.
  return relink(rest) as Json;
}

function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, "{$1}");
}

function operationId(spec: RouteSpec): string {
  const words = spec.url
    .replace(/^\/api\//, "")
    .split("/")
    .map((w) => (w.startsWith(":") ? `by-${w.slice(1)}` : w));
  return [spec.method.toLowerCase(), ...words].join("-").replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
}

function parameters(spec: RouteSpec, components: Record<string, Json>): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ["path", spec.params],
    ["query", spec.query],
  ] as const) {
    if (schema === undefined) continue;
    const s = jsonSchemaOf(schema, "input", components);
    const required = new Set((s.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
      const { description, ...propSchema } = prop;
      out.push({
        name,
        in: where,
        required: where === "path" || required.has(name),
        schema: propSchema,
        ...(typeof description === "string" ? { description } : {}),
      });
    }
  }
  return out;
}

function requestBody(spec: RouteSpec, components: Record<string, Json>): Json | undefined {
  if (spec.rawBody)
    return {
      required: true,
      description: spec.rawBody.description,
      content: Object.fromEntries(spec.rawBody.contentTypes.map((t) => [t, { schema: { type: "string", format: "binary" } }])),
    };
  if (spec.body === undefined) return undefined;
  return {
    required: !spec.body.safeParse(undefined).success,
    content: { "application/json": { schema: jsonSchemaOf(spec.body, "input", components) } },
  };
}

function responses(spec: RouteSpec, components: Record<string, Json>): Json {
  const out: Json = {};
  const error = (description: string): Json => ({
    description,
    content: { "application/json": { schema: jsonSchemaOf(errorSchema, "output", components) } },
  });
  for (const [status, r] of Object.entries(spec.responses)) {
    if (r.schema)
      out[status] = {
        description: r.description,
        content: { "application/json": { schema: jsonSchemaOf(r.schema, "output", components) } },
      };
    else if (r.contentType)
      out[status] = { description: r.description, content: { [r.contentType]: { schema: { type: "string", format: "binary" } } } };
    else out[status] = { description: r.description };
  }
  if (spec.access !== "public") out["401"] ??= error("UNAUTHENTICATED: sign in first");
  if (spec.access !== "public" && spec.access !== "signed-in") out["403"] ??= error(`FORBIDDEN: your role lacks ${spec.access}`);
  if (spec.params || spec.query || spec.body) out["422"] ??= error("VALIDATION_FAILED: details.issues lists every problem");
  return out;
}

export function buildOpenApi(specs: readonly RouteSpec[], version: string): OpenApiDocument {
  const components: Record<string, Json> = {};
  const paths: OpenApiDocument["paths"] = {};
  for (const spec of specs) {
    const path = openApiPath(spec.url);
    const body = requestBody(spec, components);
    const params = parameters(spec, components);
    (paths[path] ??= {})[spec.method.toLowerCase()] = {
      operationId: operationId(spec),
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags,
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: responses(spec, components),
      ...(spec.access === "public" ? { security: [] } : {}),
      "x-permission": spec.access,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Paraat API",
      version,
      description:
        "Decision support for production and supply security. Sign in with POST /api/auth/login (session cookie) or send an API token as Authorization: Bearer. Errors are { code, message, details }.",
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "paraat_session" },
        token: { type: "http", scheme: "bearer" },
      },
    },
    security: [{ session: [] }, { token: [] }],
  };
}
