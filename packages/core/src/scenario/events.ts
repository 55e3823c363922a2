/**
 * The events of a Monte Carlo run (`paraat scenario montecarlo --events FILE`): outages that happen
 * with a probability, from a month drawn uniformly from a window, for a duration drawn from a
 * distribution (or for good). Field names are fixed: other tools write these files.
 */
import { z } from "zod";
import { idSchema, monthSchema } from "../model/schema.js";

export const EVENTS_FORMAT = "paraat-events";
export const EVENTS_VERSION = 1;

const positiveMonths = z.number().finite().gt(0);

export const durationSchema = z.union([
  z.number().int().min(1),
  z.strictObject({ dist: z.literal("uniform"), min: z.number().int().min(1), max: z.number().int().min(1) }).refine((d) => d.max >= d.min, {
    message: "max must be at least min",
    path: ["max"],
  }),
  z
    .strictObject({ dist: z.literal("lognormal"), median: positiveMonths, p90: positiveMonths })
    .refine((d) => d.p90 >= d.median, { message: "p90 must be at least the median", path: ["p90"] }),
]);

export const eventSchema = z.strictObject({
  id: idSchema,
  kind: z.literal("outage"),
  /** A site id, a company id or a country code, as in a scenario's outage. */
  node: z.string().min(1),
  item: idSchema.optional(),
  /** Chance that it happens in a run. */
  probability: z.number().finite().min(0).max(1),
  /** The month it starts, or a window the month is drawn from uniformly. */
  start: z.union([monthSchema, z.strictObject({ from: monthSchema, to: monthSchema })]),
  /** Months it lasts; absent: for good. */
  months: durationSchema.optional(),
  /** Share of capacity lost. Default 1. */
  share: z.number().finite().gt(0).max(1).optional(),
});

export const eventsFileSchema = z.strictObject({
  format: z.literal(EVENTS_FORMAT),
  version: z.literal(EVENTS_VERSION),
  events: z.array(eventSchema),
});

export type RiskEvent = z.infer<typeof eventSchema>;
export type EventsFile = z.infer<typeof eventsFileSchema>;
export type Duration = z.infer<typeof durationSchema>;
