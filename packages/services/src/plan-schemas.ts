/** The plan options a client may set (a subset of core's PlanOptions: the tuning knobs stay internal). */
import { z } from "zod";

const weight = z.number().finite().min(0);

export const planWeightsSchema = z.strictObject({
  lateness: weight.optional(),
  shortfall: weight.optional(),
  gap: weight.optional(),
  earlyGap: weight.optional(),
  unmetUsage: weight.optional(),
  priorityBase: weight.optional(),
  costShare: weight.optional(),
});

export const planOptionsSchema = z.strictObject({
  weights: planWeightsSchema.optional(),
  /** Include pool and consumer stock per item and month (large). */
  stocks: z.boolean().optional(),
  bottlenecks: z.number().int().min(0).max(100).optional(),
  resolveTop: z.number().int().min(0).max(20).optional(),
  capacityIncrease: z.number().finite().gt(0).max(10).optional(),
  /** Seconds each solve may take. */
  timeLimit: z.number().finite().gt(0).max(3600).optional(),
});
export type PlanRequest = z.infer<typeof planOptionsSchema>;
