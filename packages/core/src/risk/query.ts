/**
 * What a client may ask of the risk analysis (a register filter and one item), as one zod schema
 * that the HTTP routes, the services and the CLI share, and the narrowing it asks for.
 */
import { z } from "zod";
import { ParaatError } from "../errors.js";
import type { Dataset } from "../model/schema.js";
import { filterRegister } from "./register.js";
import { findingKinds, severities, type RiskResult } from "./types.js";

export const riskQuerySchema = z.strictObject({
  /** Register: only these kinds (comma-separated). */
  kind: z
    .string()
    .transform((s) => s.split(",").map((k) => k.trim()))
    .pipe(z.array(z.enum(findingKinds)))
    .optional(),
  /** Register: at least this severity. */
  severity: z.enum(severities).optional(),
  /** Only what concerns this item. */
  item: z.string().min(1).optional(),
});
/** The query as parsed by riskQuerySchema. */
export type RiskQuery = z.output<typeof riskQuerySchema>;

export function isEmptyRiskQuery(q: RiskQuery): boolean {
  return q.kind === undefined && q.severity === undefined && q.item === undefined;
}

/** Every list narrowed to what concerns one item (`paraat risk --item`); NOT_FOUND for an item the analysis does not know. */
export function riskForItem(r: RiskResult, dataset: Dataset, item: string): RiskResult {
  if (!r.items.some((i) => i.id === item))
    throw new ParaatError("NOT_FOUND", `no item "${item}" in dataset ${dataset.name}`, { details: { item } });
  const sites = new Set(dataset.supply.filter((s) => s.item === item).map((s) => s.site));
  const companies = new Set(dataset.sites.filter((s) => sites.has(s.id)).map((s) => s.company));
  return {
    ...r,
    items: r.items.filter((i) => i.id === item),
    materials: r.materials.filter((m) => m.item === item),
    dependencies: r.dependencies.filter((d) => d.endItem === item || d.material === item),
    spof: r.spof.filter((s) => s.endItem === item || s.items.includes(item)),
    companies: r.companies.filter((c) => companies.has(c.id)),
  };
}

/** The full analysis with its register filtered and, given an item, every list narrowed to it. */
export function queryRisk(full: RiskResult, dataset: Dataset, q: RiskQuery): RiskResult {
  const filtered: RiskResult = {
    ...full,
    register: filterRegister(full.register, {
      ...(q.kind === undefined ? {} : { kind: q.kind }),
      ...(q.severity === undefined ? {} : { severity: q.severity }),
      ...(q.item === undefined ? {} : { subject: q.item }),
    }),
  };
  return q.item === undefined ? filtered : riskForItem(filtered, dataset, q.item);
}
