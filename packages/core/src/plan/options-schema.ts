/**
 * The plan options as one zod schema: the planner checks its options with it, and the services,
 * the HTTP routes and the CLI derive the options a client may set from it, so a value is accepted
 * or refused alike everywhere (docs/planning.md explains each weight and default).
 */
import { z } from "zod";
import { ParaatError } from "../errors.js";
import { pathToField } from "../model/zod-issues.js";
import { supplyTieKeys, targetTieKeys, tieRules } from "./tie-vocabulary.js";

const nonNegative = z.number().finite().min(0);
const positive = z.number().finite().gt(0);
const count = z.number().int().min(0);

export const planWeightsSchema = z.strictObject({
  lateness: positive.optional(),
  shortfall: nonNegative.optional(),
  gap: positive.optional(),
  earlyGap: nonNegative.optional(),
  /** Above 1, so that holding stock back while usage goes unmet never pays. */
  unmetUsage: z.number().finite().gt(1).optional(),
  priorityBase: z.number().finite().min(1).optional(),
  /** Below 1, so cost never beats service. */
  costShare: z.number().finite().min(0).lt(1).optional(),
  holding: nonNegative.optional(),
});

/** An order of keys, each at most once. */
function tieKeys<const K extends readonly [string, ...string[]]>(keys: K) {
  return z
    .array(z.enum(keys))
    .max(keys.length)
    .refine((a) => new Set(a).size === a.length, { message: "each key at most once" });
}

export const tieOrderSchema = z.strictObject({
  supplies: tieKeys(supplyTieKeys).optional(),
  targets: tieKeys(targetTieKeys).optional(),
});

/** Every option of the planner (PlanOptions), with the bounds the planner needs. */
export const planOptionsSchema = z.strictObject({
  weights: planWeightsSchema.optional(),
  ties: z.enum(tieRules).optional(),
  tieOrder: tieOrderSchema.optional(),
  breakTies: z.boolean().optional(),
  stocks: z.boolean().optional(),
  bottlenecks: count.optional(),
  resolveTop: count.optional(),
  capacityIncrease: positive.optional(),
  resolveMaxNonzeros: count.optional(),
  batchVariables: count.optional(),
  timeLimit: positive.optional(),
  dualTolerance: positive.lt(1e-3).optional(),
  parallelSolves: count.optional(),
  tolerance: positive.lt(1).optional(),
});

/**
 * The options a client (API, CLI, web) may set: the tuning knobs stay internal, and the counts
 * and the time limit are bounded so that one request cannot ask for hours of re-solves.
 */
export const planRequestSchema = planOptionsSchema
  .pick({ weights: true, ties: true, tieOrder: true, stocks: true, capacityIncrease: true })
  .extend({
    bottlenecks: count.max(100).optional(),
    resolveTop: count.max(20).optional(),
    capacityIncrease: positive.max(10).optional(),
    /** Seconds each solve may take. */
    timeLimit: positive.max(3600).optional(),
  });
export type PlanRequest = z.infer<typeof planRequestSchema>;

/** Checks options given to the planner directly (not through a service): INVALID_ARGUMENT naming each bad field. */
export function checkPlanOptions(options: unknown): void {
  const r = planOptionsSchema.safeParse(options);
  if (r.success) return;
  const problems = r.error.issues.map((i) => {
    const field = pathToField(i.code === "unrecognized_keys" ? [...i.path, ...i.keys] : i.path) || "(options)";
    return `${field}: ${i.code === "unrecognized_keys" ? "unknown option" : i.message}`;
  });
  throw new ParaatError("INVALID_ARGUMENT", `plan options: ${problems.join("; ")}`, { details: { issues: r.error.issues } });
}
