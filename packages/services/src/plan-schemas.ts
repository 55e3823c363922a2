/** The plan options a client may set: core's schema, the one the planner itself checks with. */
export { planRequestSchema as planOptionsSchema, planWeightsSchema, type PlanRequest } from "@paraat/core";
