/**
 * A scenario: a named list of changes to a dataset (docs/scenarios.md). Stored with the dataset,
 * never a copy of it; `applyScenario` turns dataset + scenario into the changed dataset. Field
 * names are fixed: other tools read and write these files.
 */
import { z } from "zod";
import { demandSchema, idSchema, monthSchema, siteSchema, supplySchema } from "../model/schema.js";

export const SCENARIO_FORMAT = "paraat-scenario";
export const SCENARIO_VERSION = 1;

const share = z.number().finite().gt(0).max(1);
const months = z.number().int().min(1);

/** A plant outage, a supplier that fails, an export ban (a country node): capacity lost from a month. */
export const outageChangeSchema = z.strictObject({
  kind: z.literal("outage"),
  /** A site id, a company id (all its sites) or a country code (all sites in it), looked up in that order. */
  node: z.string().min(1),
  /** Only the supply options of this item at the node. */
  item: idSchema.optional(),
  from: monthSchema,
  /** Absent: for good. */
  months: months.optional(),
  /** Share of capacity lost. Default 1. */
  share: share.optional(),
});

/** A ramp-up or a cut of one supply option from a month (to a month, inclusive; absent: to the end). */
export const capacityChangeSchema = z
  .strictObject({
    kind: z.literal("capacity"),
    supply: idSchema,
    from: monthSchema,
    to: monthSchema.optional(),
    /** Capacity in force is multiplied by this. */
    factor: z.number().finite().min(0).optional(),
    /** Capacity is set to this. */
    perPeriod: z.number().finite().min(0).optional(),
  })
  .refine((c) => (c.factor === undefined) !== (c.perPeriod === undefined), {
    message: "give exactly one of factor and perPeriod",
    path: ["factor"],
  });

/** A new line, or co-production under licence: a supply row, with a new site when it is made somewhere new. */
export const addSupplyChangeSchema = z.strictObject({
  kind: z.literal("add-supply"),
  supply: supplySchema,
  site: siteSchema.optional(),
});

/** A demand added, or replacing the demand with that id. */
export const demandChangeSchema = z.strictObject({
  kind: z.literal("demand"),
  demand: demandSchema,
});

/** A stock norm changed: its level, its month or its usage. */
export const targetChangeSchema = z.strictObject({
  kind: z.literal("target"),
  id: idSchema,
  level: z.number().finite().min(0).optional(),
  by: monthSchema.optional(),
  usagePerPeriod: z.number().finite().min(0).optional(),
});

/** A consumer's priority changed (1 is the highest). */
export const priorityChangeSchema = z.strictObject({
  kind: z.literal("priority"),
  consumer: idSchema,
  priority: z.number().int().min(1),
});

export const scenarioChangeSchema = z.discriminatedUnion("kind", [
  outageChangeSchema,
  capacityChangeSchema,
  addSupplyChangeSchema,
  demandChangeSchema,
  targetChangeSchema,
  priorityChangeSchema,
]);

export const scenarioKinds = ["outage", "capacity", "add-supply", "demand", "target", "priority"] as const;

export const scenarioSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(SCENARIO_VERSION),
  name: z.string().min(1).max(200),
  description: z.string().optional(),
  changes: z.array(scenarioChangeSchema),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioChange = z.infer<typeof scenarioChangeSchema>;
export type ScenarioChangeKind = ScenarioChange["kind"];
export type OutageScenarioChange = z.infer<typeof outageChangeSchema>;
export type CapacityScenarioChange = z.infer<typeof capacityChangeSchema>;
