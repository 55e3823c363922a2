import { horizonEnd } from "../month.js";
import { entityNames, type Dataset, type EntityName } from "./schema.js";

export interface DatasetSummary {
  name: string;
  description?: string;
  horizon: { start: string; end: string; periods: number };
  counts: Record<EntityName, number>;
  itemsByKind: Record<string, number>;
  endItems: { id: string; name: string; suppliers: number; countries: string[] }[];
  targets: { id: string; item: string; consumer: string; level: number; by: string; holding: number }[];
  demands: { consumer: string; item: string; qty: number; first: string; last: string; count: number }[];
  countries: { eu: number; nato: number; concern: number; other: number };
  illustrativeShare: number;
  sources: number;
}

/** Counts and headline facts about a dataset, for `paraat summary` and the web overview. */
export function summarizeDataset(d: Dataset): DatasetSummary {
  const counts = Object.fromEntries(entityNames.map((n) => [n, d[n].length])) as Record<EntityName, number>;
  const itemsByKind: Record<string, number> = {};
  for (const item of d.items) itemsByKind[item.kind] = (itemsByKind[item.kind] ?? 0) + 1;

  const siteById = new Map(d.sites.map((s) => [s.id, s]));
  const supplyByItem = new Map<string, Set<string>>();
  const countriesByItem = new Map<string, Set<string>>();
  for (const s of d.supply) {
    const site = siteById.get(s.site);
    if (!supplyByItem.has(s.item)) supplyByItem.set(s.item, new Set());
    if (!countriesByItem.has(s.item)) countriesByItem.set(s.item, new Set());
    if (site) {
      supplyByItem.get(s.item)!.add(site.company);
      countriesByItem.get(s.item)!.add(site.country);
    }
  }
  const endItems = d.items
    .filter((i) => i.kind === "end-item")
    .map((i) => ({
      id: i.id,
      name: i.name,
      suppliers: supplyByItem.get(i.id)?.size ?? 0,
      countries: [...(countriesByItem.get(i.id) ?? [])].sort(),
    }));

  const holding = (item: string, holder: string): number =>
    d.stocks.filter((s) => s.item === item && s.holder === holder).reduce((a, s) => a + s.qty, 0);
  const targets = d.targets.map((t) => ({
    id: t.id,
    item: t.item,
    consumer: t.consumer,
    level: t.level,
    by: t.by,
    holding: holding(t.item, t.consumer),
  }));

  const groups = new Map<string, { consumer: string; item: string; qty: number; first: string; last: string; count: number }>();
  for (const dm of d.demands) {
    const key = `${dm.consumer}\u0000${dm.item}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { consumer: dm.consumer, item: dm.item, qty: dm.qty, first: dm.due, last: dm.due, count: 1 });
    else {
      g.qty += dm.qty;
      g.count += 1;
      if (dm.due < g.first) g.first = dm.due;
      if (dm.due > g.last) g.last = dm.due;
    }
  }

  const countries = { eu: 0, nato: 0, concern: 0, other: 0 };
  for (const c of d.countries) {
    if (c.concern) countries.concern++;
    else if (c.eu) countries.eu++;
    else if (c.nato) countries.nato++;
    else countries.other++;
  }

  let rows = 0;
  let illustrative = 0;
  for (const n of entityNames) {
    for (const row of d[n] as { illustrative?: boolean }[]) {
      rows++;
      if (row.illustrative) illustrative++;
    }
  }

  const summary: DatasetSummary = {
    name: d.name,
    horizon: { start: d.horizon.start, end: horizonEnd(d.horizon), periods: d.horizon.periods },
    counts,
    itemsByKind,
    endItems,
    targets,
    demands: [...groups.values()],
    countries,
    illustrativeShare: rows === 0 ? 0 : illustrative / rows,
    sources: d.sources.length,
  };
  if (d.description !== undefined) summary.description = d.description;
  return summary;
}
