/**
 * Risk: the full analysis is computed once per dataset state and cached; filters (kind, severity,
 * item) are applied to the cached result per request.
 */
import { z } from "zod";
import { ParaatError, filterRegister, findingKinds, severities, type Dataset, type RiskResult } from "@paraat/core";
import type { Actor } from "./actor.js";
import { requirePermission } from "./permissions.js";
import type { Runs } from "./runs/runs.js";
import type { Snapshot, Snapshots } from "./snapshots.js";

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
/** The filter as parsed by riskQuerySchema (the routes validate the query string with it). */
export type RiskQuery = z.output<typeof riskQuerySchema>;

/** Every list narrowed to what concerns one item (as `paraat risk --item`). */
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

export class RiskService {
  constructor(
    private readonly snapshots: Snapshots,
    private readonly runs: Runs,
  ) {}

  /** The analysis runs off the event loop (a worker thread), so a large dataset does not stall the server. */
  private readonly analyse = (s: Snapshot): Promise<RiskResult> => this.runs.run("risk", { dataset: s.dataset });

  /** The whole analysis of the dataset as it is now (cached). */
  async full(actor: Actor, name: string): Promise<RiskResult> {
    requirePermission(actor, "risk:read");
    return this.analysis(name);
  }

  /** The cached analysis without a permission check: for other services that show parts of it. */
  async analysis(name: string): Promise<RiskResult> {
    return (await this.snapshots.derive(name, "risk", "", this.analyse)).value;
  }

  /**
   * The analysis with the register filtered and, given an item, every list narrowed to it; cached
   * per filter and dataset state like the analysis itself (unfiltered, it is the analysis).
   */
  async query(actor: Actor, name: string, query: RiskQuery = {}): Promise<RiskResult> {
    const q = query;
    if (q.kind === undefined && q.severity === undefined && q.item === undefined) return this.full(actor, name);
    requirePermission(actor, "risk:read");
    const key = JSON.stringify([q.kind ?? null, q.severity ?? null, q.item ?? null]);
    const { value } = await this.snapshots.derive(name, "risk-query", key, async (s) => {
      // The analysis of the same dataset state as the filter's.
      const full = await this.snapshots.deriveAt(name, s.stamp, "risk", "", this.analyse);
      const filtered: RiskResult = {
        ...full,
        register: filterRegister(full.register, {
          ...(q.kind === undefined ? {} : { kind: q.kind }),
          ...(q.severity === undefined ? {} : { severity: q.severity }),
          ...(q.item === undefined ? {} : { subject: q.item }),
        }),
      };
      return q.item === undefined ? filtered : riskForItem(filtered, s.dataset, q.item);
    });
    return value;
  }
}
