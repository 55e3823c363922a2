/** Users (admins), API tokens (own), the audit log (admins). */
import { z } from "zod";
import { newUserSchema, userChangeSchema, usernameSchema } from "@paraat/services";
import { auditEntrySchema, createdTokenSchema, errorSchema, tokenSchema, userSchema } from "../schemas.js";
import { defineRoute, Reply } from "./route-spec.js";

const usernameParams = z.strictObject({ username: usernameSchema });

export function accountRoutes() {
  return [
    defineRoute({
      method: "GET",
      url: "/api/users",
      access: "user:admin",
      summary: "All users",
      tags: ["users"],
      responses: { 200: { description: "Users (never their password hashes)", schema: z.array(userSchema) } },
      handler: ({ actor, services }) => services.users.list(actor),
    }),
    defineRoute({
      method: "POST",
      url: "/api/users",
      access: "user:admin",
      summary: "Create a user",
      description: "Audited (without the password).",
      tags: ["users"],
      body: newUserSchema,
      responses: {
        200: { description: "The user", schema: userSchema },
        409: { description: "The username is taken", schema: errorSchema },
        422: { description: "VALIDATION_FAILED, every field", schema: errorSchema },
      },
      handler: ({ actor, services, body }) => services.users.create(actor, body),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/users/:username",
      access: "user:admin",
      summary: "Change a user's role, password, display name or disabled flag",
      description: "A new password or disabling ends the user's sessions. The last active admin stays admin. Audited.",
      tags: ["users"],
      params: usernameParams,
      body: userChangeSchema,
      responses: {
        200: { description: "The user", schema: userSchema },
        404: { description: "No such user", schema: errorSchema },
        409: { description: "Would leave no active admin, or disables yourself", schema: errorSchema },
        422: { description: "VALIDATION_FAILED, every field", schema: errorSchema },
      },
      handler: ({ actor, services, params, body }) => services.users.update(actor, params.username, body),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/users/:username",
      access: "user:admin",
      summary: "Remove a user with their sessions and tokens",
      description: "Audited.",
      tags: ["users"],
      params: usernameParams,
      responses: {
        204: { description: "Removed" },
        404: { description: "No such user", schema: errorSchema },
        409: { description: "The last active admin, or yourself", schema: errorSchema },
      },
      handler: async ({ actor, services, params }) => {
        await services.users.remove(actor, params.username);
        return new Reply(204, undefined);
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/tokens",
      access: "signed-in",
      summary: "Your API tokens (never their secrets)",
      tags: ["tokens"],
      responses: { 200: { description: "Tokens", schema: z.array(tokenSchema) } },
      handler: ({ actor, services }) => services.tokens.list(actor),
    }),
    defineRoute({
      method: "POST",
      url: "/api/tokens",
      access: "token:create",
      summary: "Create an API token; the secret is shown only in this answer",
      description: "Needs a signed-in session (a token cannot create tokens). Audited (without the secret).",
      tags: ["tokens"],
      body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
      responses: {
        200: { description: "The token", schema: createdTokenSchema },
        403: { description: "Your role may not create tokens, or you used a token", schema: errorSchema },
      },
      handler: ({ actor, services, body }) => services.tokens.create(actor, body.name),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/tokens/:id",
      access: "signed-in",
      summary: "Revoke an API token: your own, or anyone's as an admin",
      description: "Audited.",
      tags: ["tokens"],
      params: z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
      responses: { 204: { description: "Revoked" }, 404: { description: "No such token of yours", schema: errorSchema } },
      handler: async ({ actor, services, params }) => {
        await services.tokens.remove(actor, params.id);
        return new Reply(204, undefined);
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/audit",
      access: "audit:read",
      summary: "The audit log, newest first",
      description: "Every change with who, when, what, before and after. Append-only: there is no route to change it.",
      tags: ["audit"],
      query: z.strictObject({
        dataset: z.string().min(1).optional(),
        actor: z.string().min(1).optional(),
        limit: z.coerce.number().int().min(1).max(1000).optional().meta({ description: "Default 100" }),
        before: z.coerce.number().int().min(1).optional().meta({ description: "Only entries with a smaller id (paging back)" }),
      }),
      responses: { 200: { description: "Entries", schema: z.array(auditEntrySchema) } },
      handler: ({ actor, services, query }) =>
        services.audit.list(actor, {
          ...(query.dataset === undefined ? {} : { dataset: query.dataset }),
          ...(query.actor === undefined ? {} : { actor: query.actor }),
          ...(query.limit === undefined ? {} : { limit: query.limit }),
          ...(query.before === undefined ? {} : { before: query.before }),
        }),
    }),
  ];
}
