/**
 * How a route is declared: method, path, who may call it, the zod schemas of its path, query and
 * body, its responses, and a thin handler calling a service. The same declaration registers the
 * route (validating with these schemas) and documents it in the OpenAPI document, so the two
 * cannot drift apart.
 */
import type { Actor, Permission, Services } from "@paraat/services";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** "public": no sign-in; "signed-in": any user; else the permission needed (permissions.ts decides which roles hold it). */
export type Access = "public" | "signed-in" | Permission;

export interface ResponseSpec {
  description: string;
  /** JSON body schema; absent for empty bodies and files. */
  schema?: z.ZodType;
  /** For non-JSON bodies (files, event streams). */
  contentType?: string;
}

/** A body taken as raw bytes (file uploads) instead of JSON. */
export interface RawBodySpec {
  contentTypes: readonly string[];
  maxBytes: number;
  description: string;
}

export interface HandlerContext<A extends Access, P, Q, B> {
  actor: A extends "public" ? Actor | undefined : Actor;
  params: P;
  query: Q;
  body: B;
  services: Services;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** What a handler may return besides a plain JSON value (sent with 200). */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** The handler already sent the response itself (event streams). */
export const SENT = Symbol("sent");

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<
  A extends Access = Access,
  PS extends z.ZodType | undefined = z.ZodType | undefined,
  QS extends z.ZodType | undefined = z.ZodType | undefined,
  BS extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: Method;
  /** Fastify syntax: /api/datasets/:name */
  url: string;
  access: A;
  summary: string;
  description?: string;
  tags: string[];
  params?: PS;
  query?: QS;
  body?: BS;
  /** When set, the body is these raw bytes (a Buffer) and `body` must be absent. */
  rawBody?: RawBodySpec;
  /** Per-route rate limit (requests per window per client address). */
  rateLimit?: { max: number; windowMs: number };
  responses: Record<number, ResponseSpec>;
  /** Returns a JSON value (200), a Reply, or SENT. */
  handler(ctx: HandlerContext<A, Out<PS>, Out<QS>, BS extends z.ZodType ? z.output<BS> : Buffer | undefined>): Promise<unknown>;
}

/** Keeps the handler's parameter types tied to the schemas. */
export function defineRoute<
  A extends Access,
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<A, PS, QS, BS>): RouteSpec {
  return spec;
}
