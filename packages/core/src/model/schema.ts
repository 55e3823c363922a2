/**
 * The canonical Paraat dataset. Field names are fixed: other tools read them.
 * Objects are strict so a misspelt field is reported rather than silently dropped.
 */
import { z } from "zod";
import { clearances, contractKinds, industrialBases, itemKinds, materialStages, type entityNames } from "./vocabulary.js";

export { clearances, contractKinds, entityNames, industrialBases, itemKinds, materialStages, POOL } from "./vocabulary.js";
import { MONTH_PATTERN } from "../month.js";

export const monthSchema = z.string().regex(MONTH_PATTERN, { message: "a month as YYYY-MM" });
export const idSchema = z
  .string()
  .min(1, { message: "a non-empty id" })
  .max(200)
  .regex(/^[^\s;,=]+$/, { message: "an id without spaces, commas, semicolons or '='" });
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, { message: "an ISO 3166-1 alpha-2 code such as NL" });
const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const fraction = z.number().finite().min(0).max(1);

/** Provenance carried by any entity: which dataset sources back its figures, and whether they are illustrative. */
const provenance = {
  sources: z.array(z.string().min(1)).optional(),
  illustrative: z.boolean().optional(),
  note: z.string().optional(),
};

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1),
  url: z.string().optional(),
  publisher: z.string().optional(),
  date: z.string().optional(),
  note: z.string().optional(),
});

export const horizonSchema = z.strictObject({
  start: monthSchema,
  periods: z.number().int().min(1).max(600),
});

export const countrySchema = z.strictObject({
  code: countryCodeSchema,
  name: z.string().min(1),
  eu: z.boolean(),
  nato: z.boolean(),
  concern: z.boolean(),
  /** World Governance Indicator rescaled 0 (best) … 10 (worst), as in the EU CRM method. */
  wgi: z.number().finite().min(0).max(10).optional(),
  ...provenance,
});

export const ownerShareSchema = z.strictObject({
  /** A company id, or a country code for a state owner. */
  owner: z.string().min(1),
  share: z.number().finite().gt(0).max(1),
});

export const companySchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  country: countryCodeSchema,
  base: z.array(z.enum(industrialBases)),
  owners: z.array(ownerShareSchema),
  clearance: z.enum(clearances),
  ...provenance,
});

export const siteSchema = z.strictObject({
  id: idSchema,
  company: idSchema,
  country: countryCodeSchema,
  name: z.string().min(1),
  ...provenance,
});

export const itemSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  kind: z.enum(itemKinds),
  unit: z.string().min(1),
  /** Value of one unit in EUR. */
  unitValue: nonNegative,
  nsn: z.string().optional(),
  ...provenance,
});

export const bomLineSchema = z.strictObject({
  parent: idSchema,
  child: idSchema,
  /** Units of child per unit of parent. */
  qty: positive,
  ...provenance,
});

export const capacityStepSchema = z.strictObject({
  from: monthSchema,
  perPeriod: nonNegative,
  ...provenance,
});

export const supplySchema = z.strictObject({
  id: idSchema,
  item: idSchema,
  site: idSchema,
  /** Periods between starting production and the output being available. */
  leadTime: z.number().int().min(0),
  unitCost: nonNegative,
  /** Step function: each step holds from its month until the next step; before the first step there is no capacity. */
  capacity: z.array(capacityStepSchema),
  ...provenance,
});

export const stockSchema = z.strictObject({
  item: idSchema,
  /** A consumer id, or "pool". */
  holder: idSchema,
  qty: nonNegative,
  ...provenance,
});

export const consumerSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  country: countryCodeSchema,
  /** 1 is the highest priority. */
  priority: z.number().int().min(1),
  ...provenance,
});

export const demandSchema = z.strictObject({
  id: idSchema,
  item: idSchema,
  consumer: idSchema,
  qty: positive,
  due: monthSchema,
  priority: z.number().int().min(1).optional(),
  ...provenance,
});

export const targetSchema = z.strictObject({
  id: idSchema,
  item: idSchema,
  consumer: idSchema,
  level: nonNegative,
  by: monthSchema,
  usagePerPeriod: nonNegative.optional(),
  ...provenance,
});

export const contractSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(contractKinds),
  supplier: idSchema,
  items: z.array(idSchema).min(1),
  buyers: z.array(idSchema).min(1),
  start: monthSchema,
  end: monthSchema,
  /** Contract value in EUR. */
  value: nonNegative.optional(),
  ...provenance,
});

const countryShares = z.record(countryCodeSchema, fraction);

export const materialStageSchema = z.strictObject({
  stage: z.enum(materialStages),
  /** Share of global supply per country (fractions summing to 1). */
  globalSupply: countryShares,
  /** Share of EU sourcing (domestic production + imports) per country (fractions summing to 1). */
  euSourcing: countryShares,
  /** Import reliance IR, 0…1. */
  importReliance: fraction,
  /** End-of-life recycling input rate, 0…1. */
  eolRir: fraction,
  /** Substitution index for supply risk SI_SR, 0…1 (1 = no substitute). */
  substitution: fraction,
  ...provenance,
});

export const materialSchema = z.strictObject({
  item: idSchema,
  stages: z.array(materialStageSchema).min(1),
  /** Trade adjustment t_c per country (default 1). */
  tradeAdjustment: z.record(countryCodeSchema, z.number().finite().min(0)).optional(),
  economicImportance: nonNegative.optional(),
  ...provenance,
});

export const DATASET_FORMAT = "paraat-dataset";
export const DATASET_VERSION = 1;

export const datasetSchema = z.strictObject({
  format: z.literal(DATASET_FORMAT),
  version: z.literal(DATASET_VERSION),
  name: z.string().min(1).max(200),
  description: z.string().optional(),
  horizon: horizonSchema,
  sources: z.array(sourceSchema).default([]),
  countries: z.array(countrySchema).default([]),
  companies: z.array(companySchema).default([]),
  sites: z.array(siteSchema).default([]),
  items: z.array(itemSchema).default([]),
  bom: z.array(bomLineSchema).default([]),
  supply: z.array(supplySchema).default([]),
  stocks: z.array(stockSchema).default([]),
  consumers: z.array(consumerSchema).default([]),
  demands: z.array(demandSchema).default([]),
  targets: z.array(targetSchema).default([]),
  contracts: z.array(contractSchema).default([]),
  materials: z.array(materialSchema).default([]),
});

export type Source = z.infer<typeof sourceSchema>;
export type Country = z.infer<typeof countrySchema>;
export type Company = z.infer<typeof companySchema>;
export type OwnerShare = z.infer<typeof ownerShareSchema>;
export type Site = z.infer<typeof siteSchema>;
export type Item = z.infer<typeof itemSchema>;
export type ItemKind = (typeof itemKinds)[number];
export type BomLine = z.infer<typeof bomLineSchema>;
export type CapacityStep = z.infer<typeof capacityStepSchema>;
export type Supply = z.infer<typeof supplySchema>;
export type Stock = z.infer<typeof stockSchema>;
export type Consumer = z.infer<typeof consumerSchema>;
export type Demand = z.infer<typeof demandSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Contract = z.infer<typeof contractSchema>;
export type MaterialStage = z.infer<typeof materialStageSchema>;
export type Material = z.infer<typeof materialSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
/** What a file may contain before defaults are filled in. */
export type DatasetInput = z.input<typeof datasetSchema>;

export type EntityName = (typeof entityNames)[number];

export const entitySchemas = {
  sources: sourceSchema,
  countries: countrySchema,
  companies: companySchema,
  sites: siteSchema,
  items: itemSchema,
  bom: bomLineSchema,
  supply: supplySchema,
  stocks: stockSchema,
  consumers: consumerSchema,
  demands: demandSchema,
  targets: targetSchema,
  contracts: contractSchema,
  materials: materialSchema,
} as const satisfies Record<EntityName, z.ZodType>;

export type EntityOf<N extends EntityName> = Dataset[N][number];

/** The key that identifies a row of each collection (compound keys for the link tables). */
export const entityKeys: { [N in EntityName]: readonly (keyof EntityOf<N> & string)[] } = {
  sources: ["id"],
  countries: ["code"],
  companies: ["id"],
  sites: ["id"],
  items: ["id"],
  bom: ["parent", "child"],
  supply: ["id"],
  stocks: ["item", "holder"],
  consumers: ["id"],
  demands: ["id"],
  targets: ["id"],
  contracts: ["id"],
  materials: ["item"],
};

/** The key of one row as a string, e.g. "155mm-shell" or "155mm-shell/tnt" for a BOM line. */
export function entityKey<N extends EntityName>(name: N, row: EntityOf<N>): string {
  return entityKeys[name].map((k) => String((row as Record<string, unknown>)[k])).join("/");
}

export function emptyDataset(name: string, horizon: { start: string; periods: number }): Dataset {
  return datasetSchema.parse({ format: DATASET_FORMAT, version: DATASET_VERSION, name, horizon });
}
