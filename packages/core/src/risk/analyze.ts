/**
 * analyzeRisk: every method of docs/risk.md on one dataset. Pure and synchronous; builds the supply
 * network once and shares it (sources, requirements, BOM trees) between the methods.
 */
import type { Dataset } from "../model/schema.js";
import { bomTree, endItems } from "../network/bom.js";
import { buildSupplyNetwork, type SupplyNetwork } from "../network/network.js";
import { materialDependencies } from "./dependencies.js";
import { computeExposure } from "./exposure.js";
import { itemRisks } from "./items.js";
import { resolveRiskOptions, riskMethods, type ResolvedRiskOptions, type RiskOptions } from "./options.js";
import { companyOwnership } from "./ownership.js";
import { buildRegister, filterRegister } from "./register.js";
import { requirements } from "./requirement.js";
import { itemSources } from "./sources.js";
import { structuralSpofs } from "./spof.js";
import { materialSupplyRisk } from "./supply-risk.js";
import type { RiskResult } from "./types.js";

/** For each item, the end items whose BOM tree holds it (by item number). */
function neededBy(net: SupplyNetwork, ends: readonly number[]): number[][] {
  const out: number[][] = net.items.map(() => []);
  const seen = new Int32Array(net.items.length).fill(-1);
  ends.forEach((e, stamp) => {
    for (const i of bomTree(net, e, { seen, stamp }).items) out[i]!.push(e);
  });
  return out;
}

export function analyzeNetwork(net: SupplyNetwork, o: ResolvedRiskOptions): RiskResult {
  const run = new Set(o.only);
  const all = riskMethods.every((m) => run.has(m));
  const sources = itemSources(net);
  const req = requirements(net);
  const table = run.has("exposure") ? computeExposure(net, sources, o) : undefined;
  const ends = endItems(net);
  const items = itemRisks(net, sources, req, table, { concentration: run.has("concentration"), texts: o.texts });

  const materials = run.has("materials") ? net.dataset.materials.map((m) => materialSupplyRisk(m, net.countries, o)) : [];
  const missingWgi = [...new Set(materials.flatMap((m) => m.missingWgi))].sort();
  const dependencies = run.has("materials") ? materialDependencies(net, materials, ends) : [];
  const spof = run.has("spof") ? structuralSpofs(net, sources, req, ends, o.texts) : [];
  const companies = run.has("ownership") ? companyOwnership(net.dataset.companies, net.countries, o.ownershipThresholds) : [];
  const targetsOf = new Map<string, string[]>();
  for (const t of net.dataset.targets) {
    const list = targetsOf.get(t.item);
    if (list) list.push(t.id);
    else targetsOf.set(t.item, [t.id]);
  }

  const register = all
    ? buildRegister({
        net,
        options: o,
        items,
        sources,
        req,
        neededBy: neededBy(net, ends),
        ends,
        targetsOf,
        materials,
        dependencies,
        companies,
        missingWgi,
      })
    : [];

  const notes: string[] = [];
  if (!all)
    notes.push(`Only ${o.only.join(", ")} were run${run.has("register") ? "; the register needs every method and was skipped" : ""}.`);
  if (missingWgi.length > 0) notes.push(`No WGI for ${missingWgi.join(", ")}: supply risk used ${String(o.missingWgi)} for them.`);
  const unsourced = items.filter((it) => it.sourcing === "none").length;
  if (unsourced > 0)
    notes.push(
      `${unsourced} item${unsourced === 1 ? " has" : "s have"} no active supply option and no raw-material data; their share is counted as "unsourced".`,
    );
  if (ends.length === 0)
    notes.push("No end items (kind end-item, or items with demands or targets): no single points of failure were looked for.");

  return {
    dataset: net.dataset.name,
    horizon: net.dataset.horizon,
    items,
    materials,
    dependencies,
    spof,
    companies,
    register: filterRegister(register, o.filter),
    notes,
  };
}

/** The risk analysis of a dataset (docs/risk.md). Pure and synchronous. */
export function analyzeRisk(dataset: Dataset, options: RiskOptions = {}): RiskResult {
  const o = resolveRiskOptions(options);
  return analyzeNetwork(buildSupplyNetwork(dataset), o);
}
