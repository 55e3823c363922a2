/** Plans (jobs with cached results), risk, and an item's chain. */
import { z } from "zod";
import { networkQuerySchema, planOptionsSchema, riskQuerySchema, type PlanOutcome } from "@paraat/services";
import { apiJob } from "../http/jobs.js";
import { Immutable } from "../http/json.js";
import { errorSchema, itemChainSchema, jobSchema, nameParams, planResultSchema, riskResultSchema } from "../schemas.js";
import { defineRoute, Reply } from "./route-spec.js";

function planReply(outcome: PlanOutcome): Reply {
  if ("result" in outcome) return new Reply(200, new Immutable(outcome.result), { "x-paraat-dataset-state": outcome.stamp });
  const job = apiJob(outcome.job);
  return new Reply(202, job, { location: `/api/jobs/${encodeURIComponent(job.id)}` });
}

const planResponses = {
  200: { description: "The plan, cached for the dataset as it is now", schema: planResultSchema },
  202: { description: "A job computing it; follow eventsUrl, then GET resultUrl", schema: jobSchema },
  404: { description: "No such dataset", schema: errorSchema },
};

export function analysisRoutes() {
  return [
    defineRoute({
      method: "POST",
      url: "/api/datasets/:name/plan",
      access: "plan:run",
      summary: "Plan the dataset with these options",
      description: "Answers at once with the cached plan when the dataset has not changed, else starts (or joins) the job computing it.",
      tags: ["plan"],
      params: nameParams,
      body: planOptionsSchema.optional(),
      responses: { ...planResponses, 422: { description: "Bad options", schema: errorSchema } },
      handler: async ({ actor, services, params, body }) => planReply(await services.plans.run(actor, params.name, body ?? {})),
    }),
    defineRoute({
      method: "GET",
      url: "/api/datasets/:name/plan",
      access: "plan:read",
      summary: "The plan with default options",
      description: "200 with the cached plan, else 202 with the job computing it.",
      tags: ["plan"],
      params: nameParams,
      responses: planResponses,
      handler: async ({ actor, services, params }) => planReply(await services.plans.read(actor, params.name)),
    }),
    defineRoute({
      method: "GET",
      url: "/api/datasets/:name/risk",
      access: "risk:read",
      summary: "The risk analysis: exposure, concentration, single points of failure, materials, ownership, register",
      tags: ["risk"],
      params: nameParams,
      query: riskQuerySchema,
      responses: {
        200: { description: "The analysis, filtered", schema: riskResultSchema },
        404: { description: "No such dataset or item", schema: errorSchema },
      },
      handler: async ({ actor, services, params, query }) => new Immutable(await services.risk.query(actor, params.name, query)),
    }),
    defineRoute({
      method: "GET",
      url: "/api/datasets/:name/network/:item",
      access: "dataset:read",
      summary: "An item's chain down to raw materials, with suppliers, sites, countries, blocs and risk figures",
      tags: ["network"],
      params: nameParams.extend({ item: z.string().min(1) }),
      query: networkQuerySchema,
      responses: {
        200: { description: "Nodes and edges", schema: itemChainSchema },
        404: { description: "No such dataset or item", schema: errorSchema },
      },
      handler: async ({ actor, services, params, query }) =>
        new Immutable(await services.network.chain(actor, params.name, params.item, query)),
    }),
  ];
}
