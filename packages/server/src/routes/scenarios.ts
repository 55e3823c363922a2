/** Scenarios stored with a dataset (audited CRUD) and the analyses over them, as jobs with progress. */
import { z } from "zod";
import { scenarioSchema } from "@paraat/core";
import { compareRequestSchema, monteCarloRequestSchema, surviveRequestSchema, type AnalysisOutcome } from "@paraat/services";
import { apiJob } from "../http/jobs.js";
import { Immutable } from "../http/json.js";
import { errorSchema, jobSchema, nameParams } from "../schemas.js";
import { defineRoute, Reply } from "./route-spec.js";

const scenarioParams = nameParams.extend({ scenario: z.string().min(1).max(200) });
const recordSchema = z
  .looseObject({ dataset: z.string(), name: z.string(), scenario: z.looseObject({}), createdBy: z.string(), updatedBy: z.string() })
  .meta({ id: "ScenarioRecord" });

function analysisReply<T extends object>(outcome: AnalysisOutcome<T>): Reply {
  if ("result" in outcome) return new Reply(200, new Immutable(outcome.result), { "x-paraat-dataset-state": outcome.stamp });
  const job = apiJob(outcome.job);
  return new Reply(202, job, { location: `/api/jobs/${encodeURIComponent(job.id)}` });
}

const analysisResponses = (what: string) => ({
  200: { description: `${what}, cached for the dataset as it is now`, schema: z.looseObject({}) },
  202: { description: "A job computing it; follow eventsUrl, then GET resultUrl", schema: jobSchema },
  404: { description: "No such dataset or scenario", schema: errorSchema },
  422: {
    description: "Bad request, or a scenario or events file that does not fit the dataset (every problem, located)",
    schema: errorSchema,
  },
});

export function scenarioRoutes() {
  return [
    defineRoute({
      method: "GET",
      url: "/api/datasets/:name/scenarios",
      access: "scenario:read",
      summary: "The scenarios stored with the dataset",
      tags: ["scenarios"],
      params: nameParams,
      responses: {
        200: { description: "By name", schema: z.array(recordSchema) },
        404: { description: "No such dataset", schema: errorSchema },
      },
      handler: async ({ actor, services, params }) => services.scenarios.list(actor, params.name),
    }),
    defineRoute({
      method: "GET",
      url: "/api/datasets/:name/scenarios/:scenario",
      access: "scenario:read",
      summary: "One stored scenario",
      tags: ["scenarios"],
      params: scenarioParams,
      responses: {
        200: { description: "The scenario and who wrote it", schema: recordSchema },
        404: { description: "No such scenario", schema: errorSchema },
      },
      handler: async ({ actor, services, params }) => services.scenarios.get(actor, params.name, params.scenario),
    }),
    defineRoute({
      method: "PUT",
      url: "/api/datasets/:name/scenarios/:scenario",
      access: "scenario:write",
      summary: "Store a scenario (format paraat-scenario), replacing one of that name; audited",
      description:
        "The file's name must be the one in the URL. Every change is checked against the dataset: 422 lists every problem by change and field.",
      tags: ["scenarios"],
      params: scenarioParams,
      body: scenarioSchema,
      responses: {
        200: { description: "Stored", schema: recordSchema },
        404: { description: "No such dataset", schema: errorSchema },
        422: { description: "Not a valid scenario for this dataset", schema: errorSchema },
      },
      handler: async ({ actor, services, params, body }) => services.scenarios.save(actor, params.name, { ...body, name: params.scenario }),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/datasets/:name/scenarios/:scenario",
      access: "scenario:write",
      summary: "Delete a stored scenario; audited",
      tags: ["scenarios"],
      params: scenarioParams,
      responses: { 204: { description: "Deleted" }, 404: { description: "No such scenario", schema: errorSchema } },
      handler: async ({ actor, services, params }) => {
        await services.scenarios.delete(actor, params.name, params.scenario);
        return new Reply(204, undefined);
      },
    }),
    defineRoute({
      method: "POST",
      url: "/api/datasets/:name/scenarios/compare",
      access: "scenario:run",
      summary: "Plan the base and the scenarios side by side (paraat scenario compare)",
      tags: ["scenarios"],
      params: nameParams,
      body: compareRequestSchema,
      responses: analysisResponses("The comparison"),
      handler: async ({ actor, services, params, body }) => analysisReply(await services.scenarios.compare(actor, params.name, body)),
    }),
    defineRoute({
      method: "POST",
      url: "/api/datasets/:name/montecarlo",
      access: "scenario:run",
      summary: "Monte Carlo supply security: the probability that each target is met when the events happen at random",
      description:
        "Run i draws from (seed, i) alone: the same request gives the same answer byte for byte, however many threads compute it.",
      tags: ["scenarios"],
      params: nameParams,
      body: monteCarloRequestSchema,
      responses: analysisResponses("The summary"),
      handler: async ({ actor, services, params, body }) => analysisReply(await services.scenarios.monteCarlo(actor, params.name, body)),
    }),
    defineRoute({
      method: "POST",
      url: "/api/datasets/:name/survive",
      access: "scenario:run",
      summary: "Time to survive of each site, company and country (or the one named)",
      tags: ["scenarios"],
      params: nameParams,
      body: surviveRequestSchema,
      responses: analysisResponses("The nodes, soonest hurt first"),
      handler: async ({ actor, services, params, body }) => analysisReply(await services.scenarios.survive(actor, params.name, body)),
    }),
  ];
}
