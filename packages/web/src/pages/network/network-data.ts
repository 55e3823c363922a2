/**
 * An item's chain down to raw materials, from the dataset: each item with the quantity needed per
 * unit of the top item, and its supply options resolved to site, company, country and bloc. Pure.
 */
import type { Bloc, Country, Dataset, ItemKind } from "@paraat/core";

/**
 * The bloc rule of core's risk analysis (packages/core/src/risk/blocs.ts): concern wins, then EU,
 * then NATO, then any other listed country is a partner; an unlisted code is "other".
 */
export function blocOfCountry(country: Pick<Country, "eu" | "nato" | "concern"> | undefined): Bloc {
  if (!country) return "other";
  if (country.concern) return "concern";
  if (country.eu) return "eu";
  if (country.nato) return "nato";
  return "partner";
}

export interface ChainSource {
  supply: string;
  site: string;
  siteName: string;
  company: string;
  companyName: string;
  country: string;
  countryName: string;
  bloc: Bloc;
  leadTime: number;
  /** Capacity per month in the first and in the last step. */
  capacityFirst: number;
  capacityLast: number;
}

export interface CountryShare {
  country: string;
  countryName: string;
  bloc: Bloc;
  share: number;
}

export interface ChainRow {
  /** Unique per row: the item ids of the path from the top, joined. */
  key: string;
  depth: number;
  item: string;
  name: string;
  kind: ItemKind;
  unit: string;
  /** Units of this item per unit of the top item along this path. */
  qtyPerUnit: number;
  sources: ChainSource[];
  /** Raw materials: where the EU sources them (the first stage with data). */
  materialSourcing: CountryShare[];
  poolStock: number;
  /** The item already appears higher up this path (a cycle), so it is not expanded again. */
  cycle: boolean;
}

export type ChainData = Pick<Dataset, "items" | "bom" | "supply" | "sites" | "companies" | "countries" | "stocks" | "materials">;

export function chainRows(d: ChainData, root: string, maxDepth = 25): ChainRow[] {
  const items = new Map(d.items.map((i) => [i.id, i]));
  const sites = new Map(d.sites.map((s) => [s.id, s]));
  const companies = new Map(d.companies.map((c) => [c.id, c]));
  const countries = new Map(d.countries.map((c) => [c.code, c]));
  const materials = new Map(d.materials.map((m) => [m.item, m]));
  const children = new Map<string, { child: string; qty: number }[]>();
  for (const b of d.bom) {
    const list = children.get(b.parent);
    if (list) list.push({ child: b.child, qty: b.qty });
    else children.set(b.parent, [{ child: b.child, qty: b.qty }]);
  }
  const pool = new Map<string, number>();
  for (const s of d.stocks) if (s.holder === "pool") pool.set(s.item, (pool.get(s.item) ?? 0) + s.qty);

  const sourcesOf = (item: string): ChainSource[] =>
    d.supply
      .filter((s) => s.item === item)
      .map((s) => {
        const site = sites.get(s.site);
        const company = site ? companies.get(site.company) : undefined;
        const code = site?.country ?? "";
        const steps = [...s.capacity].sort((a, b) => a.from.localeCompare(b.from));
        return {
          supply: s.id,
          site: s.site,
          siteName: site?.name ?? s.site,
          company: site?.company ?? "",
          companyName: company?.name ?? site?.company ?? "",
          country: code,
          countryName: countries.get(code)?.name ?? code,
          bloc: blocOfCountry(countries.get(code)),
          leadTime: s.leadTime,
          capacityFirst: steps[0]?.perPeriod ?? 0,
          capacityLast: steps[steps.length - 1]?.perPeriod ?? 0,
        };
      });

  const materialSourcing = (item: string): CountryShare[] => {
    const stage = materials.get(item)?.stages[0];
    if (!stage) return [];
    return Object.entries(stage.euSourcing)
      .map(([code, share]) => ({
        country: code,
        countryName: countries.get(code)?.name ?? code,
        bloc: blocOfCountry(countries.get(code)),
        share,
      }))
      .sort((a, b) => b.share - a.share || a.country.localeCompare(b.country));
  };

  const rows: ChainRow[] = [];
  const visit = (id: string, depth: number, qty: number, path: string[]): void => {
    const item = items.get(id);
    const cycle = path.includes(id);
    const key = [...path, id].join(">");
    rows.push({
      key,
      depth,
      item: id,
      name: item?.name ?? id,
      kind: item?.kind ?? "component",
      unit: item?.unit ?? "",
      qtyPerUnit: qty,
      sources: sourcesOf(id),
      materialSourcing: materialSourcing(id),
      poolStock: pool.get(id) ?? 0,
      cycle,
    });
    if (cycle || depth >= maxDepth) return;
    for (const c of children.get(id) ?? []) visit(c.child, depth + 1, qty * c.qty, [...path, id]);
  };
  if (items.has(root)) visit(root, 0, 1, []);
  return rows;
}

export interface BlocCount {
  bloc: Bloc;
  sites: number;
  countries: string[];
}

/** Distinct sites and countries of the whole chain per bloc, in the fixed bloc order. */
export function chainBlocs(rows: readonly ChainRow[]): BlocCount[] {
  const order: Bloc[] = ["eu", "nato", "partner", "concern", "other"];
  const sites = new Map<Bloc, Set<string>>();
  const countries = new Map<Bloc, Set<string>>();
  for (const r of rows)
    for (const s of r.sources) {
      (sites.get(s.bloc) ?? sites.set(s.bloc, new Set()).get(s.bloc)!).add(s.site);
      (countries.get(s.bloc) ?? countries.set(s.bloc, new Set()).get(s.bloc)!).add(s.country);
    }
  return order.map((bloc) => ({ bloc, sites: sites.get(bloc)?.size ?? 0, countries: [...(countries.get(bloc) ?? [])].sort() }));
}

/** Items matching a search by id or name, best matches first: exact id, then prefix, then anywhere. */
export function searchItems<T extends { id: string; name: string }>(items: readonly T[], query: string, limit = 20): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return items.slice(0, limit);
  const score = (i: T): number => {
    const id = i.id.toLowerCase();
    const name = i.name.toLowerCase();
    if (id === q) return 0;
    if (id.startsWith(q) || name.startsWith(q)) return 1;
    if (id.includes(q) || name.includes(q)) return 2;
    return 3;
  };
  return items
    .map((i) => ({ i, s: score(i) }))
    .filter((x) => x.s < 3)
    .sort((a, b) => a.s - b.s || a.i.name.localeCompare(b.i.name))
    .slice(0, limit)
    .map((x) => x.i);
}
