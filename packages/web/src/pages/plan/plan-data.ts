/**
 * The production behind a target or demand: the planned production of the item and every input in
 * its bill of materials, with where it is made and what it costs. Pure.
 */
import type { Dataset, PlanProduction, PlanResult } from "@paraat/core";
import { bomClosure } from "@paraat/core/shared";

export interface ProductionRow {
  period: string;
  supply: string;
  item: string;
  itemName: string;
  site: string;
  siteName: string;
  companyName: string;
  country: string;
  qty: number;
  /** qty × the supply option's unit cost, in EUR. */
  cost: number;
  /** Month the output is in the pool (start + lead time). */
  leadTime: number;
}

/** Production of the item's chain that starts no later than `until` (inclusive), by month then item. */
export function productionRows(
  d: Pick<Dataset, "bom" | "items" | "supply" | "sites" | "companies">,
  production: readonly PlanProduction[],
  item: string,
  until: string | null,
): ProductionRow[] {
  const chain = bomClosure(d.bom, item);
  const items = new Map(d.items.map((i) => [i.id, i]));
  const supply = new Map(d.supply.map((s) => [s.id, s]));
  const sites = new Map(d.sites.map((s) => [s.id, s]));
  const companies = new Map(d.companies.map((c) => [c.id, c]));
  return production
    .filter((p) => chain.has(p.item) && (until === null || p.period <= until) && p.qty > 0)
    .map((p) => {
      const s = supply.get(p.supply);
      const site = sites.get(p.site);
      return {
        period: p.period,
        supply: p.supply,
        item: p.item,
        itemName: items.get(p.item)?.name ?? p.item,
        site: p.site,
        siteName: site?.name ?? p.site,
        companyName: (site && companies.get(site.company)?.name) ?? site?.company ?? "",
        country: site?.country ?? "",
        qty: p.qty,
        cost: p.qty * (s?.unitCost ?? 0),
        leadTime: s?.leadTime ?? 0,
      };
    })
    .sort((a, b) => a.period.localeCompare(b.period) || a.itemName.localeCompare(b.itemName) || a.supply.localeCompare(b.supply));
}

export interface ProductionTotal {
  item: string;
  itemName: string;
  qty: number;
  cost: number;
}

/** Quantity and cost per item over the rows, in the order items first appear. */
export function productionTotals(rows: readonly ProductionRow[]): ProductionTotal[] {
  const out = new Map<string, ProductionTotal>();
  for (const r of rows) {
    const t = out.get(r.item);
    if (t) {
      t.qty += r.qty;
      t.cost += r.cost;
    } else out.set(r.item, { item: r.item, itemName: r.itemName, qty: r.qty, cost: r.cost });
  }
  return [...out.values()];
}

export interface Affected {
  kind: "target" | "demand";
  id: string;
  item: string;
  consumer: string;
}

/** The targets and demands whose explanation names this supply option's capacity as a cause. */
export function affectedBy(plan: Pick<PlanResult, "targets" | "demands">, supply: string): Affected[] {
  const names = (causes: readonly { kind: string; supply?: string }[] | undefined) =>
    (causes ?? []).some((c) => c.kind === "capacity" && c.supply === supply);
  return [
    ...plan.targets
      .filter((t) => names(t.explanation?.causes))
      .map((t) => ({ kind: "target" as const, id: t.id, item: t.item, consumer: t.consumer })),
    ...plan.demands
      .filter((d) => names(d.explanation?.causes))
      .map((d) => ({ kind: "demand" as const, id: d.id, item: d.item, consumer: d.consumer })),
  ];
}
