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

/** A quantity: whole numbers with thousands separators from 100 up ("22,000"), else two decimals at most. */
export function units(q: number): string {
  if (q < 100) return String(Math.round(q * 100) / 100);
  // By hand: toLocaleString goes through ICU and is slow when called for thousands of findings.
  const digits = String(Math.round(q));
  let out = "";
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? "," : "") + digits[i]!;
  return out;
}

/** "a, b and c" or "a, b, c and 4 more"; `total` when `names` holds only the first few of them. */
export function list(names: string[], max = 3, total = names.length): string {
  if (total > names.length && names.length >= max) return `${names.slice(0, max).join(", ")} and ${total - max} more`;
  if (names.length <= max) return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]!}`;
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}
