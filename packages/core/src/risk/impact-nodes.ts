/**
 * Which single points of failure to re-plan without (`paraat risk --impact`): the site and company
 * SPOFs of end items that have targets, most severe first by their items' rank in the register.
 */
import type { Dataset } from "../model/schema.js";
import type { HostKind } from "../network/types.js";
import { spofImpact, type Planner, type SpofImpact } from "./impact.js";
import type { RiskResult } from "./types.js";

export interface ImpactCandidate {
  node: string;
  nodeKind: HostKind;
  /** The targets whose end item the node is a SPOF of: the ones its impact is reported for. */
  targets: Set<string>;
}

export function impactCandidates(r: RiskResult, top: number): ImpactCandidate[] {
  const rank = new Map(r.register.map((f, k) => [f.subject, k]));
  const byNode = new Map<string, ImpactCandidate & { rank: number }>();
  for (const s of r.spof) {
    if (s.nodeKind === "country" || s.targets.length === 0) continue;
    const key = `${s.nodeKind}:${s.node}`;
    const entry = byNode.get(key) ?? { node: s.node, nodeKind: s.nodeKind, targets: new Set<string>(), rank: Infinity };
    for (const t of s.targets) entry.targets.add(t);
    entry.rank = Math.min(entry.rank, ...s.items.map((i) => rank.get(i) ?? Infinity));
    byNode.set(key, entry);
  }
  return [...byNode.values()]
    .sort((a, b) => a.rank - b.rank || a.node.localeCompare(b.node))
    .slice(0, top)
    .map(({ node, nodeKind, targets }) => ({ node, nodeKind, targets }));
}

/**
 * The baseline plan, then one plan without each candidate; each impact keeps the targets the node
 * is a SPOF for. `onCase` is told before each plan (0 is the baseline), for progress.
 */
export async function candidateImpacts(
  dataset: Dataset,
  candidates: readonly ImpactCandidate[],
  plan: Planner,
  onCase?: (index: number, total: number) => void,
): Promise<SpofImpact[]> {
  onCase?.(0, candidates.length + 1);
  const baseline = await plan(dataset);
  const impacts: SpofImpact[] = [];
  for (const [k, c] of candidates.entries()) {
    onCase?.(k + 1, candidates.length + 1);
    const impact = await spofImpact(dataset, c, plan, { baseline });
    impacts.push({ ...impact, targets: impact.targets.filter((t) => c.targets.has(t.id)) });
  }
  return impacts;
}
