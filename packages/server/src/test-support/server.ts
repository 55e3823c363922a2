/**
 * A server for route tests, in process: fresh SQLite services with the shell dataset, one user
 * per role (signed in, with their session cookie), responses checked against their schemas.
 */
import { roles, type Role, type ServicesOptions } from "@paraat/services";
import { openTestServices, shellDataset, type TestServices } from "@paraat/services/test-support";
import { datasetToJson } from "@paraat/io";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildServer, type ServerOptions } from "../build-server.js";
import { SESSION_COOKIE } from "../http/auth.js";

export interface TestServer {
  app: FastifyInstance;
  t: TestServices;
  /** The session cookie header of each role's user (named after the role). */
  cookie: Record<Role, string>;
  /** A request as the given role (or anonymous). */
  as(role: Role | "anonymous", options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const passwordOf = (role: Role): string => `${role}-password-1`;

export async function openTestServer(
  options: Partial<Omit<ServerOptions, "services">> = {},
  servicesOptions: Partial<Omit<ServicesOptions, "store">> = {},
): Promise<TestServer> {
  const t = await openTestServices(servicesOptions);
  const system = { username: "system", role: "admin" as const, displayName: null, via: "cli" as const };
  for (const role of roles) await t.services.users.create(system, { username: role, role, password: passwordOf(role) });
  await t.services.datasets.importUpload(system, Buffer.from(datasetToJson(shellDataset())), { format: "json" });
  const cookie = {} as Record<Role, string>;
  for (const role of roles)
    cookie[role] = `${SESSION_COOKIE}=${(await t.services.sessions.login(role, passwordOf(role), "127.0.0.1")).sessionId}`;
  const app = await buildServer({ services: t.services, webRoot: false, checkResponses: true, ...options });
  await app.ready();
  return {
    app,
    t,
    cookie,
    as(role, opts) {
      const headers = { ...(opts.headers ?? {}), ...(role === "anonymous" ? {} : { cookie: cookie[role] }) };
      return app.inject({ ...opts, headers });
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
}
