/**
 * Risk: the full analysis is computed once per dataset state and cached; filters (kind, severity,
 * item) are applied to the cached result per request. The impact of losing a single point of
 * failure re-plans the dataset without it.
 */
import {
  candidateImpacts,
  impactCandidates,
  isEmptyRiskQuery,
  queryRisk,
  type RiskQuery,
  type RiskResult,
  type SpofImpact,
} from "@paraat/core";
import type { Actor } from "./actor.js";
import { requirePermission } from "./permissions.js";
import type { Runs } from "./runs/runs.js";
import type { Snapshot, Snapshots } from "./snapshots.js";

export { riskQuerySchema, riskForItem, type RiskQuery } from "@paraat/core";

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
    if (isEmptyRiskQuery(q)) return this.full(actor, name);
    requirePermission(actor, "risk:read");
    const key = JSON.stringify([q.kind ?? null, q.severity ?? null, q.item ?? null]);
    const { value } = await this.snapshots.derive(name, "risk-query", key, async (s) => {
      // The analysis of the same dataset state as the filter's.
      const full = await this.snapshots.deriveAt(name, s.stamp, "risk", "", this.analyse);
      return queryRisk(full, s.dataset, q);
    });
    return value;
  }

  /**
   * Re-plans without each of the `top` most severe site and company SPOFs of end items with targets
   * and reports what their targets lose (no bottleneck re-solves: only targets are compared).
   */
  async impact(actor: Actor, name: string, top: number, onCase?: (index: number, total: number) => void): Promise<SpofImpact[]> {
    requirePermission(actor, "risk:read");
    requirePermission(actor, "plan:run");
    const { stamp, dataset } = await this.snapshots.get(name);
    const full = await this.snapshots.deriveAt(name, stamp, "risk", "", this.analyse);
    // Each re-plan is a run like any plan (a worker thread), without bottleneck re-solves.
    const plan = (d: typeof dataset) => this.runs.run("plan", { dataset: d, options: { bottlenecks: 0, resolveTop: 0 } });
    return candidateImpacts(dataset, impactCandidates(full, top), plan, onCase);
  }
}
