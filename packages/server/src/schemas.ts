/**
 * Response and shared request schemas of the API. Domain results (plan, risk, summary) are
 * described by their main fields and let the rest through: their full types live in core.
 */
import { z } from "zod";
import { datasetSchema, entityNames, findingKinds, severities, supplyTieKeys, targetTieKeys, tieRules } from "@paraat/core";
import { jobStatuses, permissions, roles } from "@paraat/services";

export const errorSchema = z
  .object({
    code: z.string().meta({ description: "Stable error code (packages/core/src/errors.ts)" }),
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: "Error" });

export const nameParams = z.strictObject({ name: z.string().min(1).max(200) });

export const userSchema = z
  .object({
    username: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(roles),
    disabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "User" });

export const meSchema = z
  .object({
    user: z.object({ username: z.string(), displayName: z.string().nullable(), role: z.enum(roles) }),
    permissions: z.array(z.enum(permissions)),
    via: z.enum(["session", "token"]),
  })
  .meta({ id: "Me" });

const counts = z.record(z.enum(entityNames), z.number().int());

export const datasetInfoSchema = z
  .object({ name: z.string(), createdAt: z.string(), updatedAt: z.string(), counts })
  .meta({ id: "DatasetInfo" });

export const datasetResponseSchema = datasetSchema.meta({ id: "Dataset" });

export const entityChangeSchema = z
  .object({ entity: z.enum(entityNames), key: z.string(), before: z.unknown(), after: z.unknown() })
  .meta({ id: "EntityChange" });

export const summarySchema = z
  .looseObject({
    name: z.string(),
    horizon: z.object({ start: z.string(), end: z.string(), periods: z.number() }),
    counts,
    targets: z.array(z.looseObject({ id: z.string() })),
  })
  .meta({ id: "DatasetSummary" });

export const jobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(jobStatuses),
    progress: z.number().min(0).max(1),
    message: z.string(),
    owner: z.string(),
    dataset: z.string().optional(),
    createdAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    resultUrl: z.string().meta({ description: "GET it once status is done" }),
    eventsUrl: z.string(),
    error: errorSchema.optional(),
  })
  .meta({ id: "Job" });

export const planResultSchema = z
  .looseObject({
    status: z.literal("optimal"),
    objective: z.number(),
    horizon: z.object({ start: z.string(), periods: z.number(), end: z.string() }),
    demands: z.array(z.looseObject({ id: z.string(), onTime: z.number(), late: z.number(), short: z.number() })),
    targets: z.array(z.looseObject({ id: z.string(), met: z.boolean(), metAt: z.string().nullable() })),
    bottlenecks: z.array(z.looseObject({ rank: z.number(), supply: z.string(), value: z.number() })),
    production: z.array(z.unknown()),
    deliveries: z.array(z.unknown()),
    ties: z.looseObject({
      applied: z.boolean(),
      rule: z.enum(tieRules),
      supplies: z.array(z.enum(supplyTieKeys)),
      targets: z.array(z.enum(targetTieKeys)),
    }),
  })
  .meta({ id: "PlanResult", description: "packages/core/src/plan/types.ts PlanResult" });

export const riskResultSchema = z
  .looseObject({
    dataset: z.string(),
    items: z.array(z.looseObject({ id: z.string() })),
    register: z.array(
      z.looseObject({
        id: z.string(),
        kind: z.enum(findingKinds),
        subject: z.string(),
        severity: z.enum(severities),
        explanation: z.string(),
        mitigation: z.string(),
      }),
    ),
    notes: z.array(z.string()),
  })
  .meta({ id: "RiskResult", description: "packages/core/src/risk/types.ts RiskResult" });

export const itemChainSchema = z
  .object({
    dataset: z.string(),
    item: z.string(),
    depth: z.number().int(),
    truncated: z.boolean(),
    nodes: z.array(
      z.looseObject({
        id: z.string(),
        kind: z.enum(["item", "site", "company", "country"]),
        ref: z.string(),
        label: z.string(),
        bloc: z.enum(["eu", "nato", "partner", "concern", "other"]).optional(),
      }),
    ),
    edges: z.array(
      z.looseObject({
        from: z.string(),
        to: z.string(),
        kind: z.enum(["bom", "supplied-by", "operated-by", "located-in", "registered-in", "sourced-from"]),
      }),
    ),
  })
  .meta({ id: "ItemChain" });

export const tokenSchema = z
  .object({ id: z.string(), username: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })
  .meta({ id: "ApiToken" });

export const createdTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    token: z.string().meta({ description: "Shown once; send as Authorization: Bearer <token>" }),
  })
  .meta({ id: "CreatedApiToken" });

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    dataset: z.string().nullable(),
    entity: z.string().nullable(),
    key: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AuditEntry" });

/** A query flag: true/false/1/0. */
export const queryFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
