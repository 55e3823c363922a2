/**
 * Time to survive (`paraat scenario survive`): for a node (a site, a company or a country), the
 * longest outage from a month that leaves every target and demand as in the base plan, and how
 * many months each target is delayed when the node is lost for good. Ranked so that the nodes whose
 * loss hurts soonest come first. The planner is passed in; a node that hosts no supply option is
 * left out (losing it changes nothing).
 */
import { monthsBetween, periodOf } from "../month.js";
import type { Dataset } from "../model/schema.js";
import type { DemandResult, TargetResult } from "../plan/types.js";
import { applyScenario } from "./apply.js";
import { resolveNode, type NodeKind } from "./nodes.js";

export type SurvivePlanner = (dataset: Dataset) => Promise<{ targets: TargetResult[]; demands: DemandResult[] }>;

export interface NodeSurvival {
  node: string;
  kind: NodeKind;
  /** Supply options the node hosts. */
  supplies: number;
  /**
   * Months of outage from `from` with every target and demand as in the base plan; equal to
   * `horizonMonths` when even an outage to the horizon's end changes nothing.
   */
  timeToSurvive: number;
  /** Months from `from` to the horizon's end: the longest outage that can be tried. */
  horizonMonths: number;
  /** Lost for good from `from`: months each target is met later (null: not met in one of the two plans). */
  forGood: { target: string; monthsLater: number | null; met: boolean }[];
  /** The dataset gives no recovery times yet: null. */
  timeToRecover: null;
}

export interface SurviveOptions {
  from: string;
  /** Only this node (site id, company id or country code); default every site, company and country hosting supply. */
  node?: string;
  tolerance?: number;
}

type Plan = Awaited<ReturnType<SurvivePlanner>>;

/** Every target met alike (met, metAt) and every demand served alike (on time, short, months late). */
export function samePlan(a: Plan, b: Plan, tolerance = 1e-6): boolean {
  const close = (x: number, y: number): boolean => Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x), Math.abs(y));
  const targets = new Map(b.targets.map((t) => [t.id, t]));
  const demands = new Map(b.demands.map((d) => [d.id, d]));
  return (
    a.targets.every((t) => {
      const o = targets.get(t.id);
      return o !== undefined && o.met === t.met && o.metAt === t.metAt;
    }) &&
    a.demands.every((d) => {
      const o = demands.get(d.id);
      return o !== undefined && close(o.onTime, d.onTime) && close(o.short, d.short) && o.monthsLate === d.monthsLate;
    })
  );
}

function candidates(d: Dataset, only: string | undefined): { node: string; kind: NodeKind; supplies: number }[] {
  const ids =
    only !== undefined ? [only] : [...d.sites.map((s) => s.id), ...d.companies.map((c) => c.id), ...d.countries.map((c) => c.code)];
  const out: { node: string; kind: NodeKind; supplies: number }[] = [];
  for (const id of ids) {
    const node = resolveNode(d, id);
    if (node === undefined) continue;
    const supplies = d.supply.filter((s) => node.sites.has(s.site)).length;
    if (supplies > 0 || only !== undefined) out.push({ node: id, kind: node.kind, supplies });
  }
  return out;
}

export async function timeToSurvive(dataset: Dataset, planner: SurvivePlanner, options: SurviveOptions): Promise<NodeSurvival[]> {
  const horizonMonths = dataset.horizon.periods - periodOf(dataset.horizon, options.from);
  const base = await planner(dataset);
  const without = async (node: string, months: number | undefined): Promise<Plan> => {
    const r = applyScenario(dataset, {
      format: "paraat-scenario",
      version: 1,
      name: `outage of ${node}`,
      changes: [{ kind: "outage", node, from: options.from, ...(months === undefined ? {} : { months }) }],
    });
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.field}: ${i.message}`).join("; "));
    return planner(r.value);
  };
  const out: NodeSurvival[] = [];
  for (const c of candidates(dataset, options.node)) {
    const lost = await without(c.node, undefined);
    let survive = horizonMonths;
    if (!samePlan(lost, base, options.tolerance)) {
      // A longer outage never leaves less capacity: the months that keep the base plan are 0 … t.
      let [ok, bad] = [0, horizonMonths];
      while (bad - ok > 1) {
        const mid = (ok + bad) >> 1;
        if (samePlan(await without(c.node, mid), base, options.tolerance)) ok = mid;
        else bad = mid;
      }
      survive = ok;
    }
    const byId = new Map(lost.targets.map((t) => [t.id, t]));
    out.push({
      ...c,
      timeToSurvive: survive,
      horizonMonths,
      forGood: base.targets.map((b) => {
        const w = byId.get(b.id);
        return {
          target: b.id,
          met: w?.met ?? false,
          monthsLater: b.metAt !== null && w?.metAt != null ? monthsBetween(b.metAt, w.metAt) : null,
        };
      }),
      timeToRecover: null,
    });
  }
  return out.sort((a, b) => a.timeToSurvive - b.timeToSurvive || b.supplies - a.supplies || a.node.localeCompare(b.node));
}
