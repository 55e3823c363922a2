/** Health, sign-in and sign-out, and who am I. */
import { z } from "zod";
import { permissionsOf } from "@paraat/services";
import { SESSION_COOKIE, sessionIdOf } from "../http/auth.js";
import { errorSchema, meSchema, userSchema } from "../schemas.js";
import { defineRoute, Reply } from "./route-spec.js";

export interface AuthRouteOptions {
  version: string;
  /** Set the Secure flag on the session cookie (when served over HTTPS). */
  secureCookies: boolean;
  /** Sign-in attempts per client address per minute, before the services' own per-user and per-address limits. */
  loginRateLimit: { max: number; windowMs: number };
}

const loginBody = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
});

export function authRoutes(options: AuthRouteOptions) {
  return [
    defineRoute({
      method: "GET",
      url: "/api/health",
      access: "public",
      summary: "Is the server up",
      tags: ["system"],
      responses: {
        200: {
          description: "Up",
          schema: z.object({ status: z.literal("ok"), version: z.string(), database: z.enum(["sqlite", "postgres"]) }),
        },
      },
      handler: ({ services }) => Promise.resolve({ status: "ok", version: options.version, database: services.store.dialect }),
    }),
    defineRoute({
      method: "POST",
      url: "/api/auth/login",
      access: "public",
      summary: "Sign in; sets the session cookie",
      description: "Rate-limited per client address, and failed attempts per username and per address.",
      tags: ["auth"],
      body: loginBody,
      rateLimit: options.loginRateLimit,
      responses: {
        200: { description: "Signed in; Set-Cookie paraat_session (HttpOnly, SameSite=Strict)", schema: z.object({ user: userSchema }) },
        401: { description: "Wrong username or password", schema: errorSchema },
        429: { description: "Too many attempts; Retry-After says how long to wait", schema: errorSchema },
      },
      handler: async ({ body, services, request, reply }) => {
        const signedIn = await services.sessions.login(body.username, body.password, request.ip);
        void reply.setCookie(SESSION_COOKIE, signedIn.sessionId, {
          httpOnly: true,
          sameSite: "strict",
          secure: options.secureCookies,
          path: "/",
          maxAge: services.sessions.cookieMaxAgeSeconds,
        });
        return { user: signedIn.user };
      },
    }),
    defineRoute({
      method: "POST",
      url: "/api/auth/logout",
      access: "signed-in",
      summary: "Sign out: ends the session and clears the cookie",
      tags: ["auth"],
      responses: { 204: { description: "Signed out" } },
      handler: async ({ services, request, reply }) => {
        const session = sessionIdOf(request);
        if (session !== undefined) await services.sessions.logout(session);
        void reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "strict", secure: options.secureCookies });
        return new Reply(204, undefined);
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/auth/me",
      access: "signed-in",
      summary: "The signed-in user and their permissions",
      tags: ["auth"],
      responses: { 200: { description: "The user", schema: meSchema } },
      handler: ({ actor }) =>
        Promise.resolve({
          user: { username: actor.username, displayName: actor.displayName, role: actor.role },
          permissions: permissionsOf(actor.role),
          via: actor.via === "token" ? "token" : "session",
        }),
    }),
  ];
}
