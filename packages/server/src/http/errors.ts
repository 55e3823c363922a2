/**
 * The one place errors become HTTP responses: a ParaatError keeps its stable code and gets the
 * status of core's errorCodes table; framework errors (malformed JSON, body too large, rate
 * limit) get the nearest code; anything else is INTERNAL, with its message kept out of the
 * response and written to the log.
 */
import { ParaatError, errorCodes } from "@paraat/core";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";

function fromFramework(e: FastifyError): ParaatError | undefined {
  const status = e.statusCode;
  if (status === undefined || status >= 500) return undefined;
  if (status === 429) return new ParaatError("RATE_LIMITED", "too many requests; wait and try again");
  if (e.code === "FST_ERR_CTP_BODY_TOO_LARGE") return new ParaatError("INVALID_ARGUMENT", `the request body is too large: ${e.message}`);
  if (e.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return new ParaatError("INVALID_ARGUMENT", `unsupported Content-Type: ${e.message}`);
  if (status === 404) return new ParaatError("NOT_FOUND", e.message);
  return new ParaatError("INVALID_ARGUMENT", e.message);
}

export function toHttpError(e: unknown): { status: number; error: ParaatError; internal: boolean } {
  if (e instanceof ParaatError) return { status: errorCodes[e.code].http, error: e, internal: errorCodes[e.code].http >= 500 };
  const framework = typeof e === "object" && e !== null && "statusCode" in e ? fromFramework(e as FastifyError) : undefined;
  if (framework) return { status: errorCodes[framework.code].http, error: framework, internal: false };
  return {
    status: 500,
    error: new ParaatError("INTERNAL", "unexpected internal error; the server log has the details", { cause: e }),
    internal: true,
  };
}

export function errorHandler(e: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, error, internal } = toHttpError(e);
  if (internal) request.log.error({ err: e }, "request failed");
  const retryAfter = (error.details as { retryAfter?: unknown } | undefined)?.retryAfter;
  if (error.code === "RATE_LIMITED" && typeof retryAfter === "number") void reply.header("retry-after", String(retryAfter));
  return reply.code(status).type("application/json; charset=utf-8").send(JSON.stringify(error.toJSON()));
}
