/** Words for explanations: names of items and hosts, percentages, months. */
import type { SupplyNetwork } from "../network/network.js";
import type { HostKind } from "../network/types.js";

export function itemName(net: SupplyNetwork, item: number): string {
  return net.items[item]!.name;
}

export function hostLabel(net: SupplyNetwork, kind: HostKind, id: string): string {
  switch (kind) {
    case "site": {
      const site = net.sites.get(id);
      if (!site) return `site ${id}`;
      return `site ${site.name} (${net.companies.get(site.company)?.name ?? site.company}, ${site.country})`;
    }
    case "company": {
      const company = net.companies.get(id);
      return company ? `company ${company.name} (${company.country})` : `company ${id}`;
    }
    case "country":
      return `country ${net.countries.get(id)?.name ?? id} (${id})`;
  }
}

export function pct(share: number): string {
  const p = share * 100;
  if (p === 0) return "0%";
  if (p < 0.1) return "<0.1%";
  return `${p >= 10 ? Math.round(p) : Math.round(p * 10) / 10}%`;
}

export function months(m: number): string {
  return `${m >= 10 ? Math.round(m) : Math.round(m * 10) / 10} month${m === 1 ? "" : "s"}`;
}

export function units(q: number): string {
  return q >= 100 ? Math.round(q).toLocaleString("en-GB") : String(Math.round(q * 100) / 100);
}

export function list(names: string[], max = 3): string {
  if (names.length <= max) return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]!}`;
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}
