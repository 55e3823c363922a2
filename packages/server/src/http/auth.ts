/**
 * Who is calling: the session cookie set at sign-in, or an API token in the Authorization header.
 * Unsafe requests (POST, PUT, PATCH, DELETE) that a browser marks as coming from another site are
 * refused, on top of the SameSite=Strict cookie.
 */
import { ParaatError } from "@paraat/core";
import type { Actor, Services } from "@paraat/services";
import type { FastifyRequest } from "fastify";

export const SESSION_COOKIE = "paraat_session";

export function sessionIdOf(request: FastifyRequest): string | undefined {
  const v = request.cookies[SESSION_COOKIE];
  return typeof v === "string" && v !== "" ? v : undefined;
}

export async function resolveActor(request: FastifyRequest, services: Services): Promise<Actor | undefined> {
  const header = request.headers.authorization;
  if (typeof header === "string" && /^bearer\s/i.test(header)) {
    const actor = await services.tokens.authenticate(header.replace(/^bearer\s+/i, "").trim());
    if (actor === undefined)
      throw new ParaatError("UNAUTHENTICATED", "the API token is not valid (revoked, mistyped, or its user is disabled)");
    return actor;
  }
  const session = sessionIdOf(request);
  return session === undefined ? undefined : await services.sessions.authenticate(session);
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** FORBIDDEN for an unsafe request a browser says came from another site or origin. */
export function refuseCrossSite(request: FastifyRequest): void {
  if (SAFE.has(request.method)) return;
  const site = request.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site")
    throw new ParaatError("FORBIDDEN", "requests from other sites are refused", { details: { secFetchSite: site } });
  const origin = request.headers.origin;
  if (typeof origin === "string" && origin !== "null") {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new ParaatError("FORBIDDEN", "requests from other sites are refused", { details: { origin } });
    }
    // Both through URL, so default ports compare equal (Host "x:80" is origin "http://x").
    const expected = new URL(`${request.protocol}://${request.host}`).host;
    if (host !== expected) throw new ParaatError("FORBIDDEN", "requests from other sites are refused", { details: { origin } });
  }
}
